"""Browser clients on other origins (`SHORTLIST_CORS_ORIGINS`), through Starlette's middleware."""

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from app.config import Settings

# What such a client may send…
REQUEST_HEADERS = [
    "Authorization",
    "Content-Type",
    "If-Match",
    "Idempotency-Key",
    "On-Behalf-Of",
    "X-Request-ID",
]
# …and read (a browser hides every other response header from scripts).
EXPOSED_HEADERS = [
    "ETag",
    "Link",
    "Location",
    "X-Request-ID",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
    "Retry-After",
    "Idempotent-Replayed",
]


def install_cors(app: FastAPI, settings: Settings) -> None:
    """Allow the configured origins; with none (the default), no cross-origin access at all."""
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=REQUEST_HEADERS,
            expose_headers=EXPOSED_HEADERS,
            max_age=600,
        )
