"""Routes looked up by the shape of the path, not tried one by one.

FastAPI's router tries each route in turn until one matches, so a request to a route near the
end of the list pays a regular-expression match for every route before it (about 7% of a GET
option's CPU in-process). `RouteIndex` goes first in the list and tries only the routes whose
path has the request's shape (as many segments, and the same first two, such as `/v1/options`),
in their order; the first that takes the request in full is the route the router's own walk
would have found. A request none of them takes in full (a wrong method, a trailing slash, an
unknown path) falls through to that walk, which answers it as before (405, redirect, 404).
"""

from collections.abc import Sequence

# (the path less the app's root path, as every Starlette route matches on)
from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Receive, Scope, Send

_MATCHED = "shortlist.route"
Shape = tuple[int, str]


def shape(path: str) -> Shape:
    """The number of segments and the first two of them: `/v1/options/{id}` → (3, /v1/options)."""
    return path.count("/"), "/".join(path.split("/", 3)[:3])


def template_shape(template: str) -> Shape | None:
    """The shape of every path a route's path template takes, or None when it takes paths of
    many shapes (a `{x:path}` parameter) or has a parameter in its first two segments."""
    if ":path}" in template:
        return None
    found = shape(template)
    return None if "{" in found[1] else found


def _route_shape(route: BaseRoute) -> Shape | None:
    return template_shape(route.path) if isinstance(route, Route) else None


class RouteIndex(BaseRoute):
    def __init__(self, routes: Sequence[BaseRoute]) -> None:
        # A route without a shape could take a request of any shape that begins as its path
        # does (up to its first parameter): it is tried with each such shape, in its place.
        shapes = {s for s in map(_route_shape, routes) if s is not None}
        self.by_shape: dict[Shape, list[BaseRoute]] = {s: [] for s in shapes}
        self.unshaped: list[BaseRoute] = []
        for route in routes:
            found = _route_shape(route)
            if found is not None:
                self.by_shape[found].append(route)
                continue
            self.unshaped.append(route)
            literal = str(getattr(route, "path", "")).partition("{")[0]
            for (_, start), candidates in self.by_shape.items():
                if start.startswith(literal) or literal.startswith(start):
                    candidates.append(route)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http":
            return Match.NONE, {}
        for route in self.by_shape.get(shape(get_route_path(scope)), self.unshaped):
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                return match, {**child_scope, _MATCHED: route}
        return Match.NONE, {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        route: BaseRoute = scope.pop(_MATCHED)
        await route.handle(scope, receive, send)
