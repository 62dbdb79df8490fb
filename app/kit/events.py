"""The audit trail: every change records its events in the same transaction, so both commit
together (and so do the events' webhook deliveries: `app/kit/outbox.py`).

Events are written with one Core INSERT, not through the ORM's unit of work: they are only
ever added and nothing reads them back from the object, while working them through the flush
(with `seq` returned for each) cost a tenth to a fifth of an action's CPU. `record_event` keeps
each new event in `session.info` until the session's next flush (after the flush's own rows)
or its commit, and the INSERT then writes all of them at once. Code that queries events in the
transaction that recorded them writes them first (`write_events`, as erasure does). A
`savepoint` writes those recorded before it, and forgets with its changes the ones recorded in
it.
"""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from app.kit.auth import Actor
from app.kit.event_types import EventType
from app.kit.outbox import enqueue_deliveries, forget_new_events, new_events, note_new_event
from app.models import Event, WebhookDelivery
from app.models.base import utcnow

PENDING = "shortlist.pending_events"
# Every column but the two the database fills in (`seq`, `xid`).
_COLUMNS = tuple(c.key for c in Event.__table__.columns if c.key not in ("seq", "xid"))
_INSERT = insert(Event)


def record_event(
    session: AsyncSession,
    actor: Actor,
    type: EventType,
    subject_id: uuid.UUID,
    *,
    requisition_id: uuid.UUID | None = None,
    data: dict[str, Any] | None = None,
) -> Event:
    """Add the event `type` (`<subject>.<what happened>`, e.g. `option.created`). Until it is
    written, a caller may still change it (a webhook endpoint's creation takes its instant)."""
    event = Event(
        id=uuid.uuid4(),
        occurred_at=utcnow(),
        organization_id=actor.organization_id,
        type=type,
        actor_api_key_id=actor.api_key_id,
        actor_on_behalf_of=actor.on_behalf_of,
        subject_type=type.partition(".")[0],
        subject_id=subject_id,
        requisition_id=requisition_id,
        data=data or {},
    )
    sync = session.sync_session
    if not sync.in_transaction():
        sync.begin()  # (no I/O) so that a close without commit ends it, and forgets the event
    sync.info.setdefault(PENDING, []).append(event)
    note_new_event(sync, event)  # the outbox adds its webhook deliveries
    return event


def write_events(session: Session) -> None:
    """Insert the events recorded and not yet written, in the order they were recorded."""
    pending: list[Event] = session.info.pop(PENDING, [])
    if pending:
        rows = [{key: getattr(event, key) for key in _COLUMNS} for event in pending]
        session.connection().execute(_INSERT, rows)


def deliver_events(session: Session) -> list[WebhookDelivery]:
    """Write the events recorded so far and add the webhook deliveries owed for them."""
    write_events(session)
    return enqueue_deliveries(session)


@asynccontextmanager
async def savepoint(session: AsyncSession) -> AsyncIterator[None]:
    """`session.begin_nested()`: the events recorded in it are kept with its changes, or
    forgotten with them, deliveries included."""
    await session.run_sync(write_events)  # the events so far belong to the outer transaction
    noted = len(new_events(session.sync_session))
    try:
        async with session.begin_nested():
            yield
    except BaseException:
        _forget(session.sync_session, after=noted)
        raise


def _forget(session: Session, *, after: int) -> None:
    """Forget the events not yet written, and the deliveries owed for those noted after the
    first `after`: their savepoint or transaction ended without them."""
    session.info.pop(PENDING, None)
    forget_new_events(session, after=after)


@sa_event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    # After the flush's own rows: an event may name a key or organization written with it.
    write_events(session)


@sa_event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    deliver_events(session)  # (nothing to do, and no statement, when nothing was recorded)


@sa_event.listens_for(Session, "after_transaction_end")
def _after_transaction(session: Session, transaction: SessionTransaction) -> None:
    # Committed, they were written at commit; rolled back or closed, they never happened (and
    # a session used again must not write them in its next transaction).
    if transaction.parent is None:
        _forget(session, after=0)
