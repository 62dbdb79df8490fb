"""Prometheus metrics, served by `GET /metrics`.

The collectors are module-level (one registry per process, however many apps a test builds).
Under `shortlist serve --workers N` the CLI sets `PROMETHEUS_MULTIPROC_DIR` before any worker
starts, so each worker writes its samples there and a scrape of any worker sums them all.
"""

import hmac
import ipaddress
import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client import REGISTRY as PROCESS_REGISTRY
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response

from app.config import Settings
from app.kit.errors import problem_response

REQUESTS = Counter(
    "shortlist_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "shortlist_http_request_duration_seconds",
    "Time to answer an HTTP request, by method, route template and status.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
RATE_LIMITED = Counter(
    "shortlist_rate_limited_requests", "Requests refused with 429, by budget.", ["budget"]
)
DB_POOL = Gauge(
    "shortlist_db_pool_connections",
    "Database connections of this process's pool: in use or idle.",
    ["state"],
    multiprocess_mode="livesum",
)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    labels = (method, route, str(status))
    REQUESTS.labels(*labels).inc()
    LATENCY.labels(*labels).observe(seconds)


def observe_pool(engine: AsyncEngine) -> None:
    pool = engine.pool
    # QueuePool reports both; other pools (NullPool, StaticPool) have nothing to report.
    in_use, idle = getattr(pool, "checkedout", None), getattr(pool, "checkedin", None)
    if in_use is not None and idle is not None:
        DB_POOL.labels("in_use").set(in_use())
        DB_POOL.labels("idle").set(idle())


def _allowed(request: Request, settings: Settings) -> bool:
    if settings.metrics_token is not None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        expected = settings.metrics_token.get_secret_value()
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip(), expected)
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def metrics_endpoint(request: Request) -> Response:
    """Prometheus text exposition of this process's (or, under several workers, all workers')
    metrics. Loopback clients only, unless `SHORTLIST_METRICS_TOKEN` is set."""
    settings: Settings = request.app.state.settings
    if not _allowed(request, settings):
        return problem_response(
            403, "forbidden", "Metrics are served to loopback clients or with the metrics token."
        )
    observe_pool(request.app.state.db.engine)
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        data = generate_latest(registry)
    else:
        data = generate_latest(PROCESS_REGISTRY)
    return Response(data, media_type=CONTENT_TYPE_LATEST)
