"""What the current request is, for code that has no `Request` at hand (problem bodies, logs)."""

from contextvars import ContextVar

# Set by `app.kit.observability.RequestContextMiddleware` for the length of each request.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
