"""The transactional outbox: a webhook delivery row for each new event and each enabled
endpoint that wants it, written in the event's own transaction.

`record_event` notes every event it adds in `session.info`; just before that session commits,
the deliveries are added in one go (one query for the endpoints, one batch insert). Hooking the
commit itself, rather than each place that commits, means no caller (request, CLI, worker) can
forget: a committed event always has its deliveries, and a rolled-back one has none.
"""

import uuid
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Row, bindparam, inspect, select
from sqlalchemy import event as sa_event
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


def wants(endpoint: Subscriber, event: Event) -> bool:
    """Whether `endpoint` is owed `event`: a test goes only to the endpoint it tests; others go
    to endpoints that existed before the event and subscribe to its type."""
    if event.type == TEST_EVENT:
        return event.subject_id == endpoint.id
    subscribed = "*" in endpoint.event_types or event.type in endpoint.event_types
    return subscribed and endpoint.created_at < event.occurred_at


def enqueue_deliveries(session: Session) -> list[WebhookDelivery]:
    """Add the deliveries owed for the events noted so far in this transaction."""
    noted: list[Event] = session.info.pop(NEW_EVENTS, [])
    # An event added in a savepoint that was rolled back is gone again.
    events = [e for e in noted if not inspect(e).transient and not inspect(e).detached]
    if not events:
        return []
    session.flush()  # ids and timestamps of the events
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


@sa_event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.info.get(NEW_EVENTS):
        enqueue_deliveries(session)


@sa_event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _previous: object) -> None:
    if not session.in_transaction():
        session.info.pop(NEW_EVENTS, None)
