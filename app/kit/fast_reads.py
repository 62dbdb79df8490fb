"""GETs of one owned resource, answered without FastAPI's dependency solving per request.

A route whose only inputs are its scope (`ReadScope`), the session and resources it owns
(`owned`), such as `GET /v1/options/{option_id}`, does the same three things on every request:
authenticate, load, answer. Measured in-process on PostgreSQL, FastAPI's solving of those
dependencies and its request handler were about 30% of a GET option's CPU. `install` gives such
a route a handler that runs the same functions (`authorize`, then each `owned` loader, then the
route's own function) directly.

When the route owns one resource whose loader has a `KeyedRead` (`GET /v1/options/{id}`), the
key and the resource are read in one statement (`with_key`): one round trip where a GET took
two, as the benchmark's raw twin does (in-process on PostgreSQL, about 15% less CPU a GET).

It takes only the plain case: a bearer key, no `On-Behalf-Of`, ids in canonical UUID form.
Anything else goes through FastAPI as before, so every refusal (401, 403, 404, 422) is the one
the declared dependencies give, and the OpenAPI document is untouched.
"""

import inspect
import re
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, request_response
from fastapi.security.utils import get_authorization_scheme_param
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Send
from starlette.types import Scope as ASGIScope

from app.db import dialect_of, get_session, read_rows
from app.kit.auth import KeyedRead, Scope, actor_of_key_row, admit, authorize, hash_secret

CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\Z")
Load = Callable[[Any, uuid.UUID, uuid.UUID], Awaitable[Any]]


@dataclass(frozen=True)
class _Plan:
    """What a route's dependencies do, in their declared order."""

    scope: Scope
    actor_name: str
    session_names: tuple[str, ...]
    owned: tuple[tuple[str, str, Load], ...]  # (argument, path parameter, loader)
    request_name: str | None

    @property
    def keyed(self) -> KeyedRead | None:
        """How to read the one resource the route owns together with its API key, if its
        loader says (`KeyedRead`)."""
        if len(self.owned) != 1:
            return None
        keyed: KeyedRead | None = getattr(self.owned[0][2], "keyed", None)
        return keyed


def _plan(route: APIRoute) -> _Plan | None:
    """The plan of a GET that qualifies, or None."""
    dependant: Dependant = route.dependant
    returns = inspect.signature(route.endpoint).return_annotation
    if (
        route.methods != {"GET"}
        or not inspect.iscoroutinefunction(route.endpoint)
        or not (inspect.isclass(returns) and issubclass(returns, Response))
        or dependant.path_params
        or dependant.query_params
        or dependant.header_params
        or dependant.cookie_params
        or dependant.body_params
        or dependant.response_param_name
        or dependant.background_tasks_param_name
        or dependant.http_connection_param_name
        or dependant.security_scopes_param_name
    ):
        return None
    scope: Scope | None = None
    actor_name = ""
    sessions: list[str] = []
    owned: list[tuple[str, str, Load]] = []
    for dependency in dependant.dependencies:
        call: Any = dependency.call
        name = dependency.name
        if name is None:
            return None
        if hasattr(call, "scope") and scope is None:
            scope, actor_name = call.scope, name
        elif call is get_session:
            sessions.append(name)
        elif hasattr(call, "owned") and scope is not None:
            param, load = call.owned
            owned.append((name, param, load))
        else:
            return None
    if scope is None:
        return None
    return _Plan(scope, actor_name, tuple(sessions), tuple(owned), dependant.request_param_name)


def _plain_secret(request: Request) -> str | None:
    """The bearer key of a request the fast handler may take, or None."""
    if "on-behalf-of" in request.headers:
        return None
    scheme, secret = get_authorization_scheme_param(request.headers.get("authorization"))
    return secret if scheme.lower() == "bearer" and secret else None


def _fast_handler(route: APIRoute, plan: _Plan) -> Callable[[Request], Awaitable[Response | None]]:
    """The route's answer, or None for a request it leaves to FastAPI."""
    endpoint = route.endpoint
    keyed = plan.keyed

    async def handle(request: Request) -> Response | None:
        secret = _plain_secret(request)
        ids: list[uuid.UUID] = []
        for _, param, _ in plan.owned:
            value = request.path_params.get(param)
            if isinstance(value, uuid.UUID):
                ids.append(value)
            elif isinstance(value, str) and CANONICAL_UUID.match(value):
                ids.append(uuid.UUID(value))
        if secret is None or len(ids) != len(plan.owned):
            return None
        session = request.state.session
        arguments: dict[str, Any] = {}
        if keyed is not None and getattr(request.state, "actor", None) is None:
            # The key and the resource in one statement; refusals in the same order.
            parameters = {"key_hash": hash_secret(secret), keyed.id_param: ids[0]}
            statement = keyed.statement(dialect_of(session))
            row = (await read_rows(session, statement, parameters)).one_or_none()
            actor = admit(request, plan.scope, actor_of_key_row(row), None)
            arguments[plan.owned[0][0]] = keyed.load(row, ids[0])
        else:
            actor = await authorize(request, plan.scope, secret, None)
            for (name, _, load), resource_id in zip(plan.owned, ids, strict=True):
                arguments[name] = await load(session, actor.organization_id, resource_id)
        arguments[plan.actor_name] = actor
        for name in plan.session_names:
            arguments[name] = session
        if plan.request_name is not None:
            arguments[plan.request_name] = request
        response: Response = await endpoint(**arguments)
        return response

    return handle


def install(routes: Iterable[Any]) -> list[str]:
    """Give every qualifying GET route the fast handler; the paths it was given to."""
    installed = []
    for route in routes:
        if not isinstance(route, APIRoute):
            continue
        plan = _plan(route)
        if plan is None:
            continue
        route.app = _serve(_fast_handler(route, plan), request_response(route.get_route_handler()))
        installed.append(route.path)
    return installed


def _serve(handle: Callable[[Request], Awaitable[Response | None]], fallback: ASGIApp) -> ASGIApp:
    """The route's ASGI app: the fast handler, or FastAPI's own for what it leaves. Without
    FastAPI's per-request wrapping (exit stacks for dependencies with `yield`, which the fast
    handler has none of); what it raises is answered by the app's exception handlers."""

    async def app(scope: ASGIScope, receive: Receive, send: Send) -> None:
        response = await handle(Request(scope, receive, send))
        if response is None:
            await fallback(scope, receive, send)
        else:
            await response(scope, receive, send)

    return app
