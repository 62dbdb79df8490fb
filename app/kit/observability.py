"""Request ids, one structured log line per request, request metrics, and the last-resort 500.

`RequestContextMiddleware` is the outermost of the app's middlewares, so every response — a
429, a CORS preflight, a 500 — carries `X-Request-ID`, and every log line written while the
request runs (the traceback of an error included) names it.
"""

import logging
import math
import re
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any, TextIO

import orjson
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.db import Database
from app.kit import context, metrics
from app.kit.errors import unexpected_problem
from app.kit.responses import set_headers

log = logging.getLogger("shortlist")
access_log = logging.getLogger("shortlist.access")

REQUEST_ID_HEADER = "X-Request-ID"
# A client's id is echoed only when it is short and plain (no log or header injection).
_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")
# Attributes every LogRecord has; anything else on a record was passed with `extra=`.
# (uvicorn's `color_message` is its console message with ANSI colours: not for us.)
_RECORD_ATTRIBUTES = frozenset(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "color_message",
}


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if (request_id := context.request_id.get()) is not None:
        fields["request_id"] = request_id
    fields.update((k, v) for k, v in record.__dict__.items() if k not in _RECORD_ATTRIBUTES)
    return fields


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, event, the request id and `extra` fields."""

    # The date and time to the second of the last line: most lines share it with the one
    # before, and building a datetime a line was a visible share of an access line's cost.
    _second: tuple[int, str] = (-1, "")

    def _time(self, created: float) -> str:
        """`datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds")`."""
        # Rounded to the microsecond (half to even) as `fromtimestamp` does, then truncated.
        fraction, whole = math.modf(created)
        second, microsecond = int(whole), round(fraction * 1e6)
        if microsecond >= 1_000_000:
            second, microsecond = second + 1, microsecond - 1_000_000
        cached, prefix = self._second
        if cached != second:
            prefix = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S")
            self._second = (second, prefix)
        return f"{prefix}.{microsecond // 1000:03d}+00:00"

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self._time(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
            **_fields(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


class ConsoleFormatter(logging.Formatter):
    """The same content for a person at a terminal: `time level logger event key=value …`."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        pairs = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        line = f"{when} {record.levelname:<7} {record.name}: {record.getMessage()} {pairs}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line.rstrip()


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever `sys.stderr` is at the time (as `logging.lastResort` does)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


_HANDLER_NAME = "shortlist"


def configure_logging(settings: Settings) -> None:
    """Route every logger (ours, uvicorn's, SQLAlchemy's) through one handler in the chosen
    format. Idempotent: a second call replaces the handler the first one installed."""
    log_format = settings.log_format or ("console" if sys.stderr.isatty() else "json")
    handler = _StderrHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonFormatter() if log_format == "json" else ConsoleFormatter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        if existing.get_name() == _HANDLER_NAME:
            root.removeHandler(existing)
    root.addHandler(handler)
    level = settings.log_level.upper()
    root.setLevel(level)
    log.setLevel(level)


def _route_template(scope: Scope) -> str:
    # The matched route's template keeps ids out of logs and metric labels.
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, db: Database) -> None:
        self.app = app
        self.db = db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get(REQUEST_ID_HEADER)
        request_id = (
            incoming if incoming and _CLIENT_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        )
        token = context.request_id.set(request_id)
        state: dict[str, Any] = scope.setdefault("state", {})
        started_at = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                set_headers(message, {REQUEST_ID_HEADER: request_id})
            await send(message)

        try:
            try:
                await self.app(scope, receive, send_with_id)
            except Exception as exc:
                if response_started:
                    # Too late to answer with a problem; the server closes the connection.
                    log.error("error after the response started", exc_info=exc)
                    raise
                await unexpected_problem(exc)(scope, receive, send_with_id)
        finally:
            self._record(scope, state, status, time.perf_counter() - started_at)
            context.request_id.reset(token)

    def _record(self, scope: Scope, state: dict[str, Any], status: int, seconds: float) -> None:
        route = _route_template(scope)
        # 503s (database away, draining) are the weather; other 5xx are our faults.
        level = (
            logging.WARNING if status == 503 else logging.ERROR if status >= 500 else logging.INFO
        )
        if access_log.isEnabledFor(level):
            actor = state.get("actor")
            fields = {
                "method": scope["method"],
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000, 1),
                "organization_id": str(actor.organization_id) if actor else None,
                "api_key_id": str(actor.api_key_id) if actor and actor.api_key_id else None,
            }
            # What `access_log.log` does, less its walk up the stack for the caller's file and
            # line, which no format here shows: that walk was a fifth of the line's cost.
            access_log.handle(
                access_log.makeRecord(
                    access_log.name,
                    level,
                    "(unknown file)",
                    0,
                    "request",
                    (),
                    None,
                    "(unknown function)",
                    fields,
                )
            )
        metrics.observe_request(scope["method"], route, status, seconds)
        metrics.observe_pool(self.db.engine)
