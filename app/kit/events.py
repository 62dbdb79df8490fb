"""The audit trail: every change adds its event to the same session, so both commit together
(and so do the event's webhook deliveries: `app/kit/outbox.py`)."""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.auth import Actor
from app.kit.event_types import EventType
from app.kit.outbox import note_new_event
from app.models import Event


def record_event(
    session: AsyncSession,
    actor: Actor,
    type: EventType,
    subject_id: uuid.UUID,
    *,
    requisition_id: uuid.UUID | None = None,
    data: dict[str, Any] | None = None,
) -> Event:
    """Add the event `type` (`<subject>.<what happened>`, e.g. `option.created`)."""
    event = Event(
        organization_id=actor.organization_id,
        type=type,
        actor_api_key_id=actor.api_key_id,
        actor_on_behalf_of=actor.on_behalf_of,
        subject_type=type.partition(".")[0],
        subject_id=subject_id,
        requisition_id=requisition_id,
        data=data or {},
    )
    session.add(event)
    note_new_event(session.sync_session, event)  # the outbox adds its webhook deliveries
    return event
