"""Sending webhook deliveries: the worker's job kind for the outbox rows.

Each attempt re-checks the target (SSRF), signs the body with Standard Webhooks, POSTs it
without following redirects, records the attempt and schedules a retry on failure. Deliveries
are claimed with a per-endpoint cap, so a slow or dead receiver holds at most a couple of the
worker's slots and never delays the other endpoints.
"""

import asyncio
import ssl
import time
import uuid
from datetime import datetime, timedelta
from importlib.metadata import version

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from standardwebhooks import Webhook

from app.config import Settings
from app.db import Database
from app.events.schemas import EventOut
from app.kit import metrics
from app.kit.jobs import claim_due, is_unleased, release_leases, retry_delay, settle
from app.models import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from app.models.base import utcnow
from app.webhooks.schemas import WebhookPayload
from app.webhooks.service import disable_endpoint, signing_secrets
from app.webhooks.targets import Target, UnsafeTarget, resolve_targets

TIMEOUT = 10.0  # seconds an attempt may take, all told
# Longer than an attempt can take, so a live worker never loses a lease mid-attempt.
LEASE = timedelta(seconds=60)
# Deliveries of one endpoint in flight at once (across this worker's claims).
PER_ENDPOINT = 2
USER_AGENT = f"Shortlist-Webhooks/{version('shortlist')}"


def payload(event: Event) -> bytes:
    return (
        WebhookPayload(type=event.type, timestamp=event.occurred_at, data=EventOut.of(event))
        .model_dump_json()
        .encode()
    )


def signed_headers(msg_id: str, body: bytes, keys: list[str], at: datetime) -> dict[str, str]:
    """Standard Webhooks headers; one `v1,` signature per secret, space-separated."""
    text = body.decode()
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": " ".join(Webhook(key).sign(msg_id, at, text) for key in keys),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


class WebhookDeliveries:
    """The outbox rows as a job kind of the worker (`app/worker.py`)."""

    name = "webhook deliveries"

    def __init__(
        self, db: Database, settings: Settings, *, verify: ssl.SSLContext | bool = True
    ) -> None:
        self.db = db
        self.settings = settings
        # No proxies from the environment: the checked address is the one connected to.
        self.http = httpx.AsyncClient(
            timeout=TIMEOUT, follow_redirects=False, trust_env=False, verify=verify
        )

    async def close(self) -> None:
        await self.http.aclose()

    async def claim(self, owner: str, now: datetime, limit: int) -> list[uuid.UUID]:
        d, busy = WebhookDelivery, aliased(WebhookDelivery)
        in_flight = (
            select(func.count())
            .where(busy.endpoint_id == d.endpoint_id, busy.lease_expires_at > now)
            .correlate(d)
            .scalar_subquery()
        )
        ranked = (
            select(
                d.id,
                in_flight.label("in_flight"),
                func.row_number()
                .over(partition_by=d.endpoint_id, order_by=(d.next_attempt_at, d.id))
                .label("rank"),
            )
            .join(WebhookEndpoint, WebhookEndpoint.id == d.endpoint_id)
            .where(
                d.status == "pending",
                d.next_attempt_at <= now,
                is_unleased(d, now),
                WebhookEndpoint.status == "enabled",
            )
            .subquery()
        )
        fair = select(ranked.c.id).where(ranked.c.rank + ranked.c.in_flight <= PER_ENDPOINT)
        async with self.db.writer() as session:
            claimed = await claim_due(
                session,
                WebhookDelivery,
                owner=owner,
                now=now,
                lease=LEASE,
                limit=limit,
                where=[d.status == "pending", d.id.in_(fair)],
            )
            await session.commit()
        return claimed

    async def release(self, owner: str, ids: list[uuid.UUID]) -> None:
        async with self.db.writer() as session:
            await release_leases(session, WebhookDelivery, owner, ids)
            await session.commit()

    async def perform(self, delivery_id: uuid.UUID, owner: str, now: datetime) -> None:
        async with self.db.reader() as session:
            row = (
                await session.execute(
                    select(WebhookDelivery, WebhookEndpoint, Event)
                    .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
                    .join(Event, Event.id == WebhookDelivery.event_id)
                    .where(WebhookDelivery.id == delivery_id, WebhookDelivery.lease_owner == owner)
                )
            ).one_or_none()
        if row is None:
            return  # deleted meanwhile, or the lease went to another worker
        delivery, endpoint, event = row
        # Built now, not stored: an erasure since the event was written is respected.
        body = payload(event)
        started = time.monotonic()
        attempted_at = utcnow()
        status: int | None = None
        error: str | None = None
        try:
            # One deadline for the whole attempt, however slowly a receiver drips its answer;
            # its body is never read (nothing in it matters, and it could be huge).
            async with asyncio.timeout(TIMEOUT):
                targets = await resolve_targets(endpoint.url, self.settings)
                keys = signing_secrets(self.settings, endpoint, attempted_at)
                headers = signed_headers(str(event.id), body, keys, attempted_at)
                status = await self._post(targets, body, headers)
        except UnsafeTarget as exc:
            error = f"refused: {exc}"
        except (TimeoutError, httpx.TimeoutException):
            error = f"timed out after {TIMEOUT:g} s"
        except httpx.HTTPError as exc:
            error = f"connection failed: {type(exc).__name__}: {exc}"[:300]
        duration_ms = round((time.monotonic() - started) * 1000)
        async with self.db.writer() as session:
            outcome = await self._record(
                session, delivery, endpoint, owner, now, attempted_at, duration_ms, status, error
            )
            await session.commit()
        if outcome is not None:
            metrics.observe_delivery("webhook", outcome)

    async def _post(self, targets: list[Target], body: bytes, headers: dict[str, str]) -> int:
        """POST to the first address that takes the connection (say, IPv4 after IPv6)."""
        for target in targets:
            try:
                async with self.http.stream(
                    "POST",
                    target.url,
                    content=body,
                    headers={**headers, "host": target.host_header},
                    # TLS checks the certificate against the name, not the pinned address.
                    extensions={"sni_hostname": target.host}
                    if target.url.scheme == "https"
                    else {},
                ) as response:
                    return response.status_code
            except httpx.ConnectError:
                if target is targets[-1]:
                    raise
        raise AssertionError("resolve_targets returns at least one target")

    async def _record(
        self,
        session: AsyncSession,
        delivery: WebhookDelivery,
        endpoint: WebhookEndpoint,
        owner: str,
        now: datetime,
        attempted_at: datetime,
        duration_ms: int,
        status: int | None,
        error: str | None,
    ) -> metrics.Outcome | None:
        """Write the attempt and its outcome; the outcome, or None if the lease was lost."""
        session.add(
            WebhookAttempt(
                delivery_id=delivery.id,
                attempted_at=attempted_at,
                duration_ms=duration_ms,
                response_status=status,
                error=error,
            )
        )
        attempts = delivery.attempt_count + 1
        succeeded = status is not None and 200 <= status < 300
        delay = None if succeeded else retry_delay(self.settings.webhook_retry_schedule, attempts)
        outcome = "succeeded" if succeeded else "pending" if delay is not None else "failed"
        settled = await settle(
            session,
            WebhookDelivery,
            delivery.id,
            owner,
            status=outcome,
            attempt_count=attempts,
            next_attempt_at=None if delay is None else now + delay,
        )
        # Bookkeeping, not a change anyone made: the endpoint's version stays.
        endpoints = update(WebhookEndpoint).where(WebhookEndpoint.id == endpoint.id)
        if succeeded:
            endpoints = endpoints.where(WebhookEndpoint.failing_since.is_not(None)).values(
                failing_since=None
            )
        else:
            endpoints = endpoints.where(WebhookEndpoint.failing_since.is_(None)).values(
                failing_since=attempted_at
            )
        await session.execute(
            endpoints.values(updated_at=WebhookEndpoint.updated_at).execution_options(
                synchronize_session=False
            )
        )
        if status == 410:
            current = await session.get(WebhookEndpoint, endpoint.id)
            if current is not None:
                await disable_endpoint(session, current, "gone")
        if not settled:
            return None
        return "sent" if succeeded else "retried" if delay is not None else "failed"
