"""Lever webhooks: signature, payloads, and what each event does here.

Lever signs inside the body: `signature` is the hex HMAC-SHA256 of `token + triggeredAt` with
the webhook's signature token. `token` is random per delivery, so it names the delivery.
Lever's events name an opportunity; they apply to the option that carries the external ref
`lever`/opportunity id (set when the option was created or patched by a sync).
"""

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.integrations import moves
from app.integrations.moves import Result, ignored
from app.integrations.payloads import AtsId, AtsText, Envelope, Payload
from app.kit.auth import Actor
from app.models import Option

SYSTEM = "lever"

Token = Annotated[str, StringConstraints(min_length=1, max_length=255)]


class Signed(Payload):
    """The fields Lever signs with; every delivery has them."""

    token: Token
    triggeredAt: int
    signature: Annotated[str, StringConstraints(max_length=200)]


def authenticate(secret: str, headers: Mapping[str, str], body: bytes) -> str | None:
    """The delivery's token when its body is signed with `secret`, else None (also when the
    body lacks what Lever signs: without it nothing is authenticated)."""
    try:
        signed = Signed.model_validate_json(body)
    except ValidationError:
        return None
    message = f"{signed.token}{signed.triggeredAt}".encode()
    expected = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    given = signed.signature.lower().encode()
    return signed.token if hmac.compare_digest(expected.encode(), given) else None


class Delivery(Signed):
    # Milliseconds since 1970, up to the year 9999: a time a date can hold.
    triggeredAt: Annotated[int, Field(ge=0, le=253_402_300_799_999)]
    event: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    data: dict[str, Any] = {}


def read(body: bytes) -> Envelope:
    """`{event, data, token, triggeredAt, signature}` as an envelope; the trigger time travels
    in the payload (a hire is dated by it)."""
    delivery = Delivery.model_validate_json(body)
    triggered = datetime.fromtimestamp(delivery.triggeredAt / 1000, UTC).isoformat()
    return Envelope(action=delivery.event, payload={**delivery.data, "triggered_at": triggered})


class OpportunityEvent(Payload):
    opportunityId: AtsId
    triggered_at: datetime


class StageChange(OpportunityEvent):
    toStageId: AtsText | None = None


class Archived(Payload):
    reason: AtsText | None = None


class ArchiveChange(OpportunityEvent):
    toArchived: Archived | None = None
    fromArchived: Archived | None = None


async def _stage_changed(
    session: AsyncSession, actor: Actor, option: Option, payload: dict[str, Any]
) -> Result:
    stage = StageChange.model_validate(payload).toStageId
    if stage is None:
        return ignored(f"Option {option.id}: the stage change names no stage.")
    await moves.record_stage(session, actor, option, f"Lever stage: {stage}")
    return moves.applied(f"Option {option.id} moved to Lever stage {stage}.")


async def _archive_changed(
    session: AsyncSession, actor: Actor, option: Option, payload: dict[str, Any]
) -> Result:
    change = ArchiveChange.model_validate(payload)
    if change.toArchived is not None:
        return await moves.decline(session, actor, option, SYSTEM, change.toArchived.reason)
    if change.fromArchived is not None:
        return await moves.reactivate(session, actor, option, SYSTEM)
    return ignored(f"Option {option.id}: the archive change says neither archived nor not.")


async def _hired(
    session: AsyncSession, actor: Actor, option: Option, payload: dict[str, Any]
) -> Result:
    # Lever sends no start date; the day of the hire stands in for it.
    start = OpportunityEvent.model_validate(payload).triggered_at.date()
    return await moves.hire(session, actor, option, SYSTEM, start)


async def _deleted(
    session: AsyncSession, actor: Actor, option: Option, payload: dict[str, Any]
) -> Result:
    return await moves.erase(session, actor, option.candidate)


Handler = Callable[[AsyncSession, Actor, Option, dict[str, Any]], Awaitable[Result]]

EVENTS: dict[str, Handler] = {
    "candidateStageChange": _stage_changed,
    "candidateArchiveChange": _archive_changed,
    "candidateHired": _hired,
    "candidateDeleted": _deleted,
}


async def apply(session: AsyncSession, actor: Actor, delivery: Envelope) -> Result:
    handler = EVENTS.get(delivery.action)
    if handler is None:
        return ignored(f"Lever event `{delivery.action}` does not map to anything here.")
    opportunity = OpportunityEvent.model_validate(delivery.payload).opportunityId
    option = await moves.option_by_ref(session, actor, SYSTEM, opportunity)
    if option is None:
        return ignored(f"No option here has Lever opportunity {opportunity}; nothing to change.")
    return await handler(session, actor, option, delivery.payload)
