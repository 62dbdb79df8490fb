"""Retention: rows past their keeping time are deleted in small batches.

Each batch is its own short transaction, so a purge never holds locks for long nor blocks the
writers of the rows it leaves alone. The worker's periodic upkeep calls these (settings
`SHORTLIST_EVENTS_RETENTION`, `SHORTLIST_IDEMPOTENCY_TTL`, `SHORTLIST_PURGE_BATCH_SIZE`; the
inbound-event log and the webhook outbox have settings for their own purges too).
"""

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Delete, Row, Select, delete, select, tuple_

from app.config import Settings
from app.db import Database
from app.models import Event, IdempotencyRecord, InboundEvent, WebhookDelivery
from app.models.base import utcnow

# Idempotency keys are kept a little past the promise, so no retry at the boundary misses.
IDEMPOTENCY_GRACE = timedelta(hours=1)


async def _purge_in_batches(
    db: Database,
    settings: Settings,
    expired: Select[*tuple[Any, ...]],
    delete_rows: Callable[[Sequence[Row[Any]]], Delete],
) -> int:
    total = 0
    while True:
        async with db.writer() as session:
            batch = (await session.execute(expired.limit(settings.purge_batch_size))).all()
            if batch:
                await session.execute(delete_rows(batch))
                await session.commit()
        total += len(batch)
        if len(batch) < settings.purge_batch_size:
            return total


async def purge_expired_events(
    db: Database, settings: Settings, now: datetime | None = None
) -> int:
    """Delete events older than `events_retention`, oldest first; returns how many."""
    cutoff = (now or utcnow()) - settings.events_retention
    return await _purge_in_batches(
        db,
        settings,
        # Along the primary key: the old events are the first ones in `seq` order.
        select(Event.seq).where(Event.occurred_at < cutoff).order_by(Event.seq),
        lambda rows: delete(Event).where(Event.seq.in_([row.seq for row in rows])),
    )


async def purge_expired_idempotency_records(
    db: Database, settings: Settings, now: datetime | None = None
) -> int:
    """Delete `Idempotency-Key` records past `idempotency_ttl`; returns how many."""
    cutoff = (now or utcnow()) - settings.idempotency_ttl - IDEMPOTENCY_GRACE
    key = tuple_(IdempotencyRecord.organization_id, IdempotencyRecord.key)
    return await _purge_in_batches(
        db,
        settings,
        select(IdempotencyRecord.organization_id, IdempotencyRecord.key).where(
            IdempotencyRecord.created_at < cutoff
        ),
        lambda rows: delete(IdempotencyRecord).where(key.in_([tuple(row) for row in rows])),
    )


async def purge_expired_inbound_events(
    db: Database, settings: Settings, now: datetime | None = None
) -> int:
    """Delete inbound ATS webhook log entries past `inbound_events_retention`."""
    cutoff = (now or utcnow()) - settings.inbound_events_retention
    return await _purge_in_batches(
        db,
        settings,
        select(InboundEvent.id).where(InboundEvent.created_at < cutoff),
        lambda rows: delete(InboundEvent).where(InboundEvent.id.in_([row.id for row in rows])),
    )


async def purge_delivered_outbox(
    db: Database, settings: Settings, now: datetime | None = None
) -> int:
    """Delete webhook deliveries that succeeded before `delivered_outbox_retention` (their
    attempts go with them); pending and failed ones stay for the operator to see."""
    cutoff = (now or utcnow()) - settings.delivered_outbox_retention
    return await _purge_in_batches(
        db,
        settings,
        select(WebhookDelivery.id).where(
            WebhookDelivery.status == "succeeded", WebhookDelivery.updated_at < cutoff
        ),
        lambda rows: delete(WebhookDelivery).where(
            WebhookDelivery.id.in_([row.id for row in rows])
        ),
    )


PURGES = (
    purge_expired_idempotency_records,
    purge_expired_events,
    purge_expired_inbound_events,
    purge_delivered_outbox,
)
