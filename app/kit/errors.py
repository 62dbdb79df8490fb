"""One error type, rendered as RFC 9457 problem+json with a stable `code`.

Services raise `Problem` subclasses; the handlers here turn them, and every error the framework
raises itself (unknown route, 405, validation, anything unexpected), into the same shape.
"""

import asyncio
import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any, ClassVar

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.kit import context

log = logging.getLogger("shortlist")

PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """An error a client can act on. `code` is stable: clients branch on it."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    title: ClassVar[str | None] = None

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


class NotFound(Problem):
    status, code = 404, "not_found"


class Unauthorized(Problem):
    status, code = 401, "unauthorized"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(Problem):
    status, code = 403, "forbidden"


class Conflict(Problem):
    status, code = 409, "conflict"


class PreconditionFailed(Problem):
    status, code = 412, "precondition_failed"


class PreconditionRequired(Problem):
    status, code = 428, "precondition_required"


class PayloadTooLarge(Problem):
    status, code = 413, "payload_too_large"


class InvalidRequest(Problem):
    status, code = 422, "validation_failed"


def problem_response(
    status: int,
    code: str,
    detail: str,
    /,
    *,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> Response:
    body = {
        **extra,  # first, so it can never override the standard members
        "type": f"/problems/{code}",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
    }
    if (request_id := context.request_id.get()) is not None:
        body["request_id"] = request_id
    return Response(
        orjson.dumps(body, default=str),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


PROBLEM_CODES = "x-problem-codes"


def responses(*problems: type[Problem]) -> dict[int | str, dict[str, Any]]:
    """Declares, for the OpenAPI document, the problems an operation's own rules raise.

    Only the route-specific codes: `app.docs` gives every operation the problems all of them
    share (authentication, validation, body limits, concurrency, rate limits, server errors)
    and renders every error response as problem+json.
    """
    codes: dict[int, list[str]] = {}
    for problem in problems:
        codes.setdefault(problem.status, []).append(problem.code)
    return {
        status: {"description": HTTPStatus(status).phrase, PROBLEM_CODES: sorted(found)}
        for status, found in codes.items()
    }


# Connection-level SQLSTATEs: class 08 (connection exception) and the server shutting down
# or starting up (admin_shutdown, crash_shutdown, cannot_connect_now).
_UNAVAILABLE_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
# How long a client should wait before retrying while the database is away.
DATABASE_RETRY_AFTER = "5"


def database_unreachable(exc: BaseException) -> bool:
    """Whether `exc` means the database could not be reached (refused, lost, restarting),
    as opposed to a statement it rejected."""
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        orig = exc.orig
        if isinstance(orig, OSError | asyncio.TimeoutError):
            return True
        sqlstate = str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")
        if sqlstate.startswith("08") or sqlstate in _UNAVAILABLE_SQLSTATES:
            return True
        # asyncpg's InterfaceError for a connection that closed under the statement.
        return "connection is closed" in str(orig) or "unable to open database" in str(orig)
    return isinstance(exc, ConnectionError)


def database_problem(exc: Exception) -> Response | None:
    """The problem response for a database error a client can retry, or None for a real fault.

    Used by the handlers and by the transaction middleware, whose commit can raise these too.
    """
    if isinstance(exc, StaleDataError):
        return problem_response(
            409, "concurrent_update", "The resource changed while this request ran; retry."
        )
    if isinstance(exc, IntegrityError):
        # A uniqueness race that the service's own checks could not see.
        log.warning("integrity error: %s", exc.orig)
        return problem_response(409, "conflict", "The change conflicts with existing data.")
    if database_unreachable(exc):
        log.warning("database unavailable: %s", exc.__class__.__name__)
        return problem_response(
            503,
            "database_unavailable",
            "The database cannot be reached right now; nothing was changed. Retry shortly.",
            headers={"Retry-After": DATABASE_RETRY_AFTER},
        )
    if isinstance(exc, PoolTimeout):
        # Every pooled connection stayed busy for the pool's whole timeout.
        return problem_response(
            503,
            "database_busy",
            "All database connections are busy; retry shortly.",
            headers={"Retry-After": "1"},
        )
    if isinstance(exc, DBAPIError):
        sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
        if sqlstate in ("40001", "40P01") or "database is locked" in str(exc.orig):
            return problem_response(
                503,
                "database_busy",
                "The database is busy with a conflicting change; retry shortly.",
                headers={"Retry-After": "1"},
            )
    return None


def _validation_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    # Only what the client needs to fix its request: never the rejected input echoed back
    # (it may be huge or binary) and never internals such as pydantic's `ctx` objects.
    return [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in errors
    ]


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    429: "rate_limited",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(_request: Request, exc: Problem) -> Response:
        return problem_response(
            exc.status, exc.code, exc.detail, title=exc.title, headers=exc.headers, **exc.extra
        )

    @app.exception_handler(RequestValidationError)
    async def on_validation(_request: Request, exc: RequestValidationError) -> Response:
        return problem_response(
            422,
            "validation_failed",
            "The request is not valid; see `errors`.",
            errors=_validation_errors(exc.errors()),
        )

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"No route matches {request.url.path}."
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}."
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        return problem_response(exc.status_code, code, detail, headers=exc.headers)

    @app.exception_handler(DBAPIError)
    @app.exception_handler(StaleDataError)
    async def on_database(_request: Request, exc: Exception) -> Response:
        response = database_problem(exc)
        if response is None:
            raise exc
        return response

    @app.exception_handler(Exception)
    async def on_unexpected(_request: Request, exc: Exception) -> Response:
        return unexpected_problem(exc)


def unexpected_problem(exc: Exception) -> Response:
    """The answer to an error nobody anticipated: a retryable database problem, or a 500 whose
    traceback goes to the log (with the request id), never to the client."""
    response = database_problem(exc)
    if response is None:
        log.error("unhandled error", exc_info=exc)
        response = problem_response(500, "internal_error", "Something went wrong on our side.")
    return response
