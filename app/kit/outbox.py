"""The transactional outbox: a webhook delivery row for each new event and each enabled
endpoint that wants it, written in the event's own transaction.

`record_event` notes every event it adds in `session.info`; just before that session commits,
the deliveries are added in one go (one query for the endpoints, one batch insert). Hooking the
commit itself (`app/kit/events.py`), rather than each place that commits, means no caller
(request, CLI, worker) can forget: a committed event always has its deliveries, and a
rolled-back one has none.
"""

import uuid
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from app.kit.event_types import EventType
from app.models import Event, WebhookDelivery, WebhookEndpoint

NEW_EVENTS = "shortlist.new_events"
TEST_EVENT: EventType = "webhook.test"
# Built once: it runs on every commit that records an event, and building the statement cost
# more CPU than running it. Only what `wants` reads, as rows: no endpoint objects to track.
_ENABLED_ENDPOINTS = select(
    WebhookEndpoint.id,
    WebhookEndpoint.organization_id,
    WebhookEndpoint.event_types,
    WebhookEndpoint.created_at,
).where(
    WebhookEndpoint.organization_id == bindparam("organization_id"),
    WebhookEndpoint.status == "enabled",
)


class Subscriber(Protocol):
    id: uuid.UUID
    event_types: list[str]
    created_at: datetime


def note_new_event(session: Session, event: Event) -> None:
    session.info.setdefault(NEW_EVENTS, []).append(event)


def new_events(session: Session) -> list[Event]:
    """The events noted and not yet given their deliveries."""
    noted: list[Event] = session.info.get(NEW_EVENTS, [])
    return noted


def forget_new_events(session: Session, *, after: int) -> None:
    """Forget the events noted after the first `after` (their savepoint was rolled back)."""
    del session.info.get(NEW_EVENTS, [])[after:]


def wants(endpoint: Subscriber, event: Event) -> bool:
    """Whether `endpoint` is owed `event`: a test goes only to the endpoint it tests; others go
    to endpoints that existed before the event and subscribe to its type."""
    if event.type == TEST_EVENT:
        return event.subject_id == endpoint.id
    subscribed = "*" in endpoint.event_types or event.type in endpoint.event_types
    return subscribed and endpoint.created_at < event.occurred_at


def enqueue_deliveries(session: Session) -> list[WebhookDelivery]:
    """Add the deliveries owed for the events noted so far in this transaction (written
    already: a delivery refers to its event)."""
    events: list[Event] = session.info.pop(NEW_EVENTS, [])
    if not events:
        return []
    # One organization in practice: a transaction is one request's, or one job's.
    connection = session.connection()
    endpoints: list[Row[Any]] = []
    for organization_id in {e.organization_id for e in events}:
        endpoints += connection.execute(_ENABLED_ENDPOINTS, {"organization_id": organization_id})
    deliveries = [
        WebhookDelivery(
            id=uuid.uuid4(),
            organization_id=event.organization_id,
            endpoint_id=endpoint.id,
            event_id=event.id,
            event_type=event.type,
            status="pending",
            attempt_count=0,
            next_attempt_at=event.occurred_at,
        )
        for event in events
        for endpoint in endpoints
        if endpoint.organization_id == event.organization_id and wants(endpoint, event)
    ]
    session.add_all(deliveries)
    return deliveries
