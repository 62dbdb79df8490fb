"""Prometheus metrics, served by `GET /metrics`.

The collectors are module-level (one registry per process, however many apps a test builds).
Under `shortlist serve --workers N` the CLI sets `PROMETHEUS_MULTIPROC_DIR` before any worker
starts, so each worker writes its samples there and a scrape of any worker sums them all.

The outbox depth is not a sample any process keeps: it is read from the database at scrape
time (one query over the `(status, next_attempt_at)` indexes), so every server reports the same
depth, whichever process or host wrote or delivers the rows.
"""

import hmac
import ipaddress
import logging
import os
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Literal

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
from prometheus_client.core import GaugeMetricFamily, Metric
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response

from app.config import Settings
from app.db import Database
from app.kit.errors import problem_response
from app.models import NoteDelivery, WebhookDelivery
from app.models.base import Leased, utcnow

log = logging.getLogger("shortlist")

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
DELIVERIES = Counter(
    "shortlist_outbox_deliveries",
    "Delivery attempts by kind (webhook, email) and outcome: sent; retried (it failed and "
    "another attempt is scheduled); failed (it failed and no attempt is left).",
    ["kind", "outcome"],
)
# What waits in each outbox: webhook deliveries `pending`, note emails `scheduled`.
OUTBOXES: dict[str, tuple[type[Leased], ColumnElement[bool]]] = {
    "webhook": (WebhookDelivery, WebhookDelivery.status == "pending"),
    "email": (NoteDelivery, NoteDelivery.status == "scheduled"),
}


# Each request's samples, by their labels: resolving `.labels(...)` (a lock and the label
# values' checks) on every request was most of what recording one cost. The label sets are
# the ones the collectors already keep, one per (method, route template, status).
_REQUEST_SAMPLES: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}
_POOL_SAMPLES: dict[str, Gauge] = {}


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    samples = _REQUEST_SAMPLES.get((method, route, status))
    if samples is None:
        labels = (method, route, str(status))
        samples = _REQUEST_SAMPLES[method, route, status] = (
            REQUESTS.labels(*labels),
            LATENCY.labels(*labels),
        )
    requests, latency = samples
    requests.inc()
    latency.observe(seconds)


def observe_pool(engine: AsyncEngine) -> None:
    pool = engine.pool
    # QueuePool reports both; other pools (NullPool, StaticPool) have nothing to report.
    in_use, idle = getattr(pool, "checkedout", None), getattr(pool, "checkedin", None)
    if in_use is not None and idle is not None:
        if not _POOL_SAMPLES:
            _POOL_SAMPLES.update(in_use=DB_POOL.labels("in_use"), idle=DB_POOL.labels("idle"))
        _POOL_SAMPLES["in_use"].set(in_use())
        _POOL_SAMPLES["idle"].set(idle())


Outcome = Literal["sent", "retried", "failed"]


def observe_delivery(kind: Literal["webhook", "email"], outcome: Outcome) -> None:
    DELIVERIES.labels(kind, outcome).inc()


async def outbox_families(db: Database, now: datetime | None = None) -> list[Metric]:
    """The outboxes' depth and the age of their oldest due row, in one query."""
    now = now or utcnow()
    columns: list[Any] = []
    for model, waiting in OUTBOXES.values():
        columns.append(select(func.count()).where(waiting).scalar_subquery())
        due = select(func.min(model.next_attempt_at)).where(waiting, model.next_attempt_at <= now)
        columns.append(due.scalar_subquery())
    async with db.reader() as session:
        row = (await session.execute(select(*columns))).one()
    depth = GaugeMetricFamily(
        "shortlist_outbox_pending",
        "Deliveries waiting in the outbox (due now or scheduled later), by kind.",
        labels=["kind"],
    )
    oldest = GaugeMetricFamily(
        "shortlist_outbox_oldest_due_seconds",
        "How long the oldest due delivery has waited for a worker, by kind (0: none is due). "
        "Growing means no worker is delivering, or they cannot keep up.",
        labels=["kind"],
    )
    for n, kind in enumerate(OUTBOXES):
        pending: int = row[2 * n]
        oldest_due: datetime | None = row[2 * n + 1]
        depth.add_metric([kind], pending)
        waited = 0.0 if oldest_due is None else max(0.0, (now - oldest_due).total_seconds())
        oldest.add_metric([kind], waited)
    return [depth, oldest]


class _Families:
    """Metric families computed for one scrape, as a collector."""

    def __init__(self, families: Iterable[Metric]) -> None:
        self.families = list(families)

    def collect(self) -> Iterable[Metric]:
        return self.families


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
    db: Database = request.app.state.db
    observe_pool(db.engine)
    try:
        scraped = await outbox_families(db)
    except Exception as exc:
        # A database that is away must not hide the other metrics (nor the request counts
        # that show it); the outbox gauges are missing from this scrape.
        log.warning("could not read the outbox depth: %s", exc)
        scraped = []
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Families(scraped))
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        data = generate_latest(registry)
    else:
        data = generate_latest(PROCESS_REGISTRY) + generate_latest(registry)
    return Response(data, media_type=CONTENT_TYPE_LATEST)
