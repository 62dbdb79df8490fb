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
from app.kit.routing import Shape, shape, template_shape

Patterns = list[tuple[re.Pattern[str], frozenset[str]]]


class MethodsByShape:
    """Each route path (as its matching pattern) with every method its routes accept, indexed
    by shape as `RouteIndex` indexes routes: a request is matched against the few paths of its
    shape, not all of them (trying each path of as many segments was 5% of a GET's CPU)."""

    def __init__(self, routes: Iterable[BaseRoute]) -> None:
        table: dict[str, set[str]] = {}
        for route in routes:
            path, methods = getattr(route, "path", None), getattr(route, "methods", None)
            if path is not None and methods:
                table.setdefault(path, set()).update(methods)
        self.by_shape: dict[Shape, Patterns] = {}
        # A path with a parameter in its first two segments (`/c/{token}`) could take a
        # request of any shape with as many segments: it is tried with each of them.
        self.by_segments: dict[int, Patterns] = {}
        for path in table:
            found = template_shape(path)
            if found is not None:
                self.by_shape[found] = []
        for path, methods in table.items():
            with_head = frozenset(methods | ({"HEAD"} if "GET" in methods else set()))
            entry = (compile_path(path)[0], with_head)
            found = template_shape(path)
            if found is not None:
                self.by_shape[found].append(entry)
                continue
            segments = path.count("/")
            self.by_segments.setdefault(segments, []).append(entry)
            for (count, _), patterns in self.by_shape.items():
                if count == segments:
                    patterns.append(entry)

    def allowed(self, path: str) -> frozenset[str] | None:
        """Every method `path` has, or None for a path no route has."""
        segments, start = shape(path)
        patterns = self.by_shape.get((segments, start))
        if patterns is None:
            patterns = self.by_segments.get(segments, [])
        found = [methods for pattern, methods in patterns if pattern.match(path)]
        return frozenset().union(*found) if found else None


class MethodsMiddleware:
    def __init__(self, app: ASGIApp, routes: Iterable[BaseRoute]) -> None:
        self.app = app
        self.methods = MethodsByShape(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        allowed = self.methods.allowed(scope["path"]) if scope["type"] == "http" else None
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
