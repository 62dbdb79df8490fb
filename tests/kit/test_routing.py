"""The route index finds, for every request, the route FastAPI's walk through the list would."""

import re
import uuid

import pytest
from starlette.routing import Match, Route

from app.config import Settings
from app.kit.routing import RouteIndex
from app.main import create_app

APP = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:"))
INDEX, *ROUTES = APP.router.routes


def scope(method: str, path: str) -> dict[str, object]:
    return {"type": "http", "method": method, "path": path, "root_path": "", "headers": []}


def walk(request: dict[str, object]) -> Route | None:
    """The route the router's own walk through the list (index aside) takes in full."""
    for route in ROUTES:
        if route.matches(request)[0] is Match.FULL:
            return route  # type: ignore[return-value]
    return None


REQUESTS = [
    (method, re.sub(r"\{[^}]+\}", str(uuid.uuid4()), route.path))
    for route in ROUTES
    if isinstance(route, Route)
    for method in sorted(route.methods or ())
] + [
    ("GET", "/docs-assets/swagger-ui.css"),
    ("GET", "/c/some-token"),
    ("PUT", "/v1/options/" + str(uuid.uuid4())),  # no route takes PUT: the walk's 405
    ("GET", "/v1/options/"),  # a trailing slash: the walk's redirect or 404
    ("GET", "/v1/nothing/here"),
]


def test_the_index_goes_first():
    assert isinstance(INDEX, RouteIndex)


@pytest.mark.parametrize(("method", "path"), REQUESTS)
def test_a_request_reaches_the_route_the_walk_would(method, path):
    request = scope(method, path)
    match, child_scope = INDEX.matches(request)
    expected = walk(request)
    if expected is None:
        assert match is Match.NONE  # left to the walk, which answers as it always did
    else:
        assert match is Match.FULL
        assert child_scope["shortlist.route"] is expected
        assert child_scope["path_params"] == expected.matches(request)[1]["path_params"]
