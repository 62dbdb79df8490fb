"""HTTP methods per path: a 405 names all of them in `Allow`, and HEAD works wherever GET does.

The router answers a wrong method with the methods of the first route whose path matched
(`OPTIONS /v1/options/{id}` → `Allow: GET`, though PATCH is there too), and knows HEAD only
where a route lists it. This outermost middleware knows every route's path and methods.
"""

import re
from collections.abc import Iterable

from starlette.routing import BaseRoute, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.kit.errors import problem_response


def methods_by_path(
    routes: Iterable[BaseRoute],
) -> dict[int, list[tuple[re.Pattern[str], frozenset[str]]]]:
    """Each route path (as its matching pattern) with every method its routes accept, by the
    path's number of segments: a request is matched against a few patterns, not all of them
    (no route takes a `:path` parameter, which could span several segments)."""
    table: dict[str, set[str]] = {}
    for route in routes:
        path, methods = getattr(route, "path", None), getattr(route, "methods", None)
        if path is not None and methods:
            table.setdefault(path, set()).update(methods)
    by_segments: dict[int, list[tuple[re.Pattern[str], frozenset[str]]]] = {}
    for path, methods in table.items():
        with_head = frozenset(methods | ({"HEAD"} if "GET" in methods else set()))
        by_segments.setdefault(path.count("/"), []).append((compile_path(path)[0], with_head))
    return by_segments


class MethodsMiddleware:
    def __init__(self, app: ASGIApp, routes: Iterable[BaseRoute]) -> None:
        self.app = app
        self.table = methods_by_path(routes)

    def allowed(self, path: str) -> frozenset[str] | None:
        """Every method `path` has, or None for a path no route has."""
        found = [
            methods
            for pattern, methods in self.table.get(path.count("/"), ())
            if pattern.match(path)
        ]
        return frozenset().union(*found) if found else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        allowed = self.allowed(scope["path"]) if scope["type"] == "http" else None
        if allowed is None:
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method not in allowed:
            response = problem_response(
                405,
                "method_not_allowed",
                f"{method} is not allowed on {scope['path']}.",
                headers={"Allow": ", ".join(sorted(allowed))},
            )
            await response(scope, receive, send)
            return
        if method == "HEAD":
            # The GET, without its body: same status and headers, Content-Length included.
            async def without_body(message: Message) -> None:
                if message["type"] == "http.response.body":
                    message = {**message, "body": b""}
                await send(message)

            await self.app({**scope, "method": "GET"}, receive, without_body)
            return
        await self.app(scope, receive, send)
