"""Leased background jobs: rows of a `Leased` table claimed by one worker at a time.

A claim writes the worker's name and a lease expiry on due rows, skipping rows another worker
is claiming right now (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite writers are serial). A
worker that dies keeps its rows only until the lease runs out.
"""

import random
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.base import Leased, utcnow


def retry_delay(schedule: Sequence[int], attempts: int) -> timedelta | None:
    """The wait after the `attempts`-th failed attempt, or None when that was the last."""
    if attempts > len(schedule):
        return None
    # Jitter spreads the retries of a burst, so a recovering receiver is not hit all at once.
    return timedelta(seconds=schedule[attempts - 1] * random.uniform(1.0, 1.2))


def is_unleased(model: type[Leased], now: datetime) -> ColumnElement[bool]:
    return or_(model.lease_expires_at.is_(None), model.lease_expires_at <= now)


async def claim_due(
    session: AsyncSession,
    model: type[Any],
    *,
    owner: str,
    now: datetime,
    lease: timedelta,
    limit: int,
    where: Iterable[ColumnElement[bool]] = (),
) -> list[uuid.UUID]:
    """Lease up to `limit` due rows of `model` (matching `where`) to `owner`; their ids."""
    conditions = [model.next_attempt_at <= now, is_unleased(model, now), *where]
    due = (
        select(model.id)
        .where(*conditions)
        .order_by(model.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True, of=model)
    )
    claimed = await session.scalars(
        update(model)
        # Checked again on the row being updated: a row a concurrent claim has just taken
        # no longer qualifies.
        .where(model.id.in_(due), *conditions)
        .values(lease_owner=owner, lease_expires_at=now + lease)
        .returning(model.id)
        .execution_options(synchronize_session=False)
    )
    return list(claimed)


async def release_leases(
    session: AsyncSession, model: type[Any], owner: str, ids: Iterable[uuid.UUID]
) -> None:
    """Give back leases not worked on, so another worker can take them at once."""
    await session.execute(
        update(model)
        .where(model.id.in_(list(ids)), model.lease_owner == owner)
        .values(lease_owner=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )


async def settle(
    session: AsyncSession, model: type[Any], job_id: uuid.UUID, owner: str, **values: Any
) -> bool:
    """Write an attempt's outcome and let go of the lease, if `owner` still holds it."""
    result = await session.execute(
        update(model)
        .where(model.id == job_id, model.lease_owner == owner)
        .values(
            **values,
            lease_owner=None,
            lease_expires_at=None,
            version=model.version + 1,
            updated_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))
