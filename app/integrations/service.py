"""Inbound ATS integrations: their signing secrets, and receiving their webhooks.

A delivery is authenticated by its signature alone (no API key) before anything is read or
written; it then acts as its integration's organization, `on_behalf_of` the ATS, through the
same services as any other client. Every authenticated delivery is listed with its outcome.
"""

import secrets
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import NoReturn

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.integrations import greenhouse, lever
from app.integrations.moves import Result
from app.integrations.payloads import Envelope
from app.integrations.schemas import IntegrationCreate
from app.kit.auth import Actor
from app.kit.errors import Conflict, NotFound, Problem, _validation_errors
from app.kit.events import record_event, savepoint
from app.kit.pagination import SortKey, paginate
from app.kit.secrets import seal, unseal
from app.kit.tenancy import get_owned, readable
from app.models import InboundEvent, Integration
from app.models.inbound_event import InboundOutcome

ORDER = (SortKey(Integration.created_at), SortKey(Integration.id))
EVENT_ORDER = (SortKey(InboundEvent.created_at), SortKey(InboundEvent.id))
# Outcomes of deliveries that were acted on: their event id seen again is a duplicate.
HANDLED: tuple[InboundOutcome, ...] = ("applied", "ignored", "conflict")


class InvalidSignature(Problem):
    status, code = 401, "invalid_signature"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Signature realm="inbound"'})


class InvalidPayload(Problem):
    status, code = 422, "invalid_payload"


@dataclass(frozen=True)
class Ats:
    """How one ATS signs, shapes and maps its deliveries."""

    authenticate: Callable[[str, Mapping[str, str], bytes], str | None]
    read: Callable[[bytes], Envelope]
    apply: Callable[[AsyncSession, Actor, Envelope], Awaitable[Result]]


SYSTEMS = {
    "greenhouse": Ats(greenhouse.authenticate, greenhouse.read, greenhouse.apply),
    "lever": Ats(lever.authenticate, lever.read, lever.apply),
}


async def create_integration(
    session: AsyncSession, settings: Settings, actor: Actor, body: IntegrationCreate
) -> tuple[Integration, str]:
    """A new integration and its signing secret (given, or generated)."""
    secret = body.secret or secrets.token_urlsafe(32)
    integration = Integration(
        organization_id=actor.organization_id,
        system=body.system,
        name=body.name,
        sealed_secret=seal(settings, secret),
    )
    session.add(integration)
    await session.flush()
    record_event(
        session, actor, "integration.created", integration.id, data={"system": body.system}
    )
    return integration, secret


async def get_integration(
    session: AsyncSession, organization_id: uuid.UUID, integration_id: uuid.UUID
) -> Integration:
    return await get_owned(
        session, Integration, organization_id, integration_id, label="integration"
    )


async def list_integrations(
    session: AsyncSession, organization_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[Integration], str | None]:
    query = readable(Integration, organization_id)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


async def delete_integration(session: AsyncSession, actor: Actor, integration: Integration) -> None:
    """Its URL stops accepting deliveries at once; the deliveries it listed go with it."""
    await session.delete(integration)
    record_event(
        session, actor, "integration.deleted", integration.id, data={"system": integration.system}
    )
    await session.flush()


async def list_inbound_events(
    session: AsyncSession, integration: Integration, *, limit: int, cursor: str | None
) -> tuple[list[InboundEvent], str | None]:
    query = readable(InboundEvent, integration.organization_id).where(
        InboundEvent.integration_id == integration.id
    )
    return await paginate(session, query, keys=EVENT_ORDER, limit=limit, cursor=cursor)


async def receive(
    session: AsyncSession,
    settings: Settings,
    system: str,
    integration_id: uuid.UUID,
    headers: Mapping[str, str],
    body: bytes,
) -> InboundEvent:
    """Authenticate a delivery, then apply it once. Raises `InvalidSignature` having written
    nothing, or `InvalidPayload` having recorded the delivery as `rejected`."""
    ats = SYSTEMS.get(system)
    # One answer for an unknown id, another system's id and another organization's: the URL
    # reveals nothing about who exists.
    integration = await session.scalar(
        select(Integration).where(Integration.id == integration_id, Integration.system == system)
    )
    if ats is None or integration is None:
        raise NotFound("No integration at this URL.")
    event_id = ats.authenticate(unseal(settings, integration.sealed_secret), headers, body)
    if event_id is None:
        raise InvalidSignature(
            "The delivery is not signed with this integration's secret; nothing was recorded."
        )
    # One delivery of an integration at a time: a retry racing its original finds it
    # recorded, and two deliveries naming one new job create one requisition.
    await session.execute(
        select(Integration.id).where(Integration.id == integration.id).with_for_update()
    )
    actor = Actor(integration.organization_id, None, frozenset(), on_behalf_of=system)

    def record(action: str | None, outcome: InboundOutcome, detail: str) -> InboundEvent:
        event = InboundEvent(
            organization_id=integration.organization_id,
            integration_id=integration.id,
            event_id=event_id,
            action=action,
            outcome=outcome,
            detail=detail[:1000],
        )
        session.add(event)
        return event

    try:
        delivery = ats.read(body)
    except ValidationError as exc:
        await _reject(session, record(None, "rejected", _describe(exc)), exc)
    outcome: InboundOutcome
    if await _seen(session, integration, event_id):
        outcome, detail = "duplicate", f"Event {event_id} was received before."
    else:
        try:
            # A savepoint, so a refused move leaves no half of its changes behind.
            async with savepoint(session):
                result = await ats.apply(session, actor, delivery)
            outcome, detail = result.outcome, result.detail
        except ValidationError as exc:
            await _reject(session, record(delivery.action, "rejected", _describe(exc)), exc)
        except Conflict as exc:
            outcome, detail = "conflict", exc.detail
    event = record(delivery.action, outcome, detail)
    await session.flush()
    return event


async def _seen(session: AsyncSession, integration: Integration, event_id: str) -> bool:
    # The organization's lock (taken above) makes this check and the insert one step.
    found = await session.scalar(
        select(InboundEvent.id)
        .where(
            InboundEvent.integration_id == integration.id,
            InboundEvent.event_id == event_id,
            InboundEvent.outcome.in_(HANDLED),
        )
        .limit(1)
    )
    return found is not None


async def _reject(session: AsyncSession, event: InboundEvent, exc: ValidationError) -> NoReturn:
    await session.flush()
    raise InvalidPayload(
        f"The delivery is signed but malformed: {event.detail}",
        errors=_validation_errors(exc.errors()),
        inbound_event_id=str(event.id),
    )


def _describe(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "body"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"
