"""Greenhouse web hooks: signature, payloads, and what each action does here.

Greenhouse signs the raw body: `Signature: sha256 <hex HMAC-SHA256(secret, body)>`, and names
each delivery in `Greenhouse-Event-ID`. Payload shapes follow Greenhouse's web hook
documentation; fields this mapping does not use are ignored.
"""

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from app.candidates.schemas import CandidateUpdate
from app.integrations import moves
from app.integrations.moves import Result, applied, ignored
from app.integrations.payloads import AtsId, AtsText, Envelope, Payload
from app.kit.auth import Actor
from app.models import Option

SYSTEM = "greenhouse"


def authenticate(secret: str, headers: Mapping[str, str], body: bytes) -> str | None:
    """The delivery's event id when it is signed with `secret`, else None."""
    return _event_id(headers, body) if _signed(secret, headers, body) else None


def _signed(secret: str, headers: Mapping[str, str], body: bytes) -> bool:
    """Constant-time check of `Signature: sha256 <hex>` over the raw body bytes."""
    scheme, _, given = headers.get("signature", "").strip().partition(" ")
    if scheme.lower() != "sha256" or not given:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    # As bytes: compare_digest refuses str with non-ASCII characters (a 500, not a 401).
    return hmac.compare_digest(expected.encode(), given.strip().lower().encode())


def _event_id(headers: Mapping[str, str], body: bytes) -> str:
    """Greenhouse-Event-ID; without it (older hooks), the body's digest, so that a redelivery
    of the same bytes is still recognised."""
    given = headers.get("greenhouse-event-id", "").strip()
    return given[:255] if given else "sha256:" + hashlib.sha256(body).hexdigest()


class Email(Payload):
    value: AtsText


class Phone(Payload):
    value: AtsText


class Named(Payload):
    name: AtsText


class Job(Payload):
    id: AtsId
    name: AtsText = Field(min_length=1)


class Candidate(Payload):
    id: AtsId
    first_name: AtsText | None = None
    last_name: AtsText | None = None
    title: AtsText | None = None
    email_addresses: list[Email] = []
    phone_numbers: list[Phone] = []

    def fields(self) -> CandidateUpdate:
        """Name = first + last, email and phone = the first given, headline = title."""
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        return CandidateUpdate.model_validate(
            {
                "name": name.strip() or f"Greenhouse candidate {self.id}",
                "email": self.email_addresses[0].value if self.email_addresses else None,
                "phone": self.phone_numbers[0].value if self.phone_numbers else None,
                "headline": self.title,
            }
        )


class Offer(Payload):
    starts_at: date | None = None


class Application(Payload):
    id: AtsId
    candidate: Candidate
    jobs: list[Job] = []  # none for a prospect not yet considered for a job
    current_stage: Named | None = None
    rejection_reason: Named | None = None
    offer: Offer | None = None  # where hire_candidate puts it

    @property
    def stage(self) -> str | None:
        return f"Greenhouse stage: {self.current_stage.name}" if self.current_stage else None


class ApplicationPayload(Payload):
    application: Application
    offer: Offer | None = None

    @property
    def starts_at(self) -> date | None:
        offer = self.application.offer or self.offer
        return offer.starts_at if offer else None


class CandidatePayload(Payload):
    candidate: Candidate


class Person(Payload):
    id: AtsId


class DeletedPayload(Payload):
    person: Person


class AnonymizedPayload(Payload):
    candidate_id: AtsId


ApplicationHandler = Callable[[AsyncSession, Actor, Option, ApplicationPayload], Awaitable[Result]]


def _on_application(handler: ApplicationHandler) -> "Handler":
    """Bring the application's requisition, candidate and option up to date (creating what is
    missing), then hand the option to `handler`."""

    async def handle(session: AsyncSession, actor: Actor, payload: dict[str, Any]) -> Result:
        body = ApplicationPayload.model_validate(payload)
        application = body.application
        if not application.jobs:
            return ignored(f"Application {application.id} is for no job; nothing maps to it.")
        job = application.jobs[0]
        requisition = await moves.ensure_requisition(session, actor, SYSTEM, job.id, job.name)
        candidate = await moves.sync_candidate(
            session, actor, SYSTEM, application.candidate.id, application.candidate.fields()
        )
        assert candidate is not None  # created when missing
        option = await moves.sync_option(
            session, actor, SYSTEM, application.id, requisition, candidate, application.stage
        )
        return await handler(session, actor, option, body)

    return handle


async def _upserted(
    session: AsyncSession, actor: Actor, option: Option, body: ApplicationPayload
) -> Result:
    stage = body.application.stage
    return applied(
        f"Application {body.application.id} is option {option.id}"
        + (f" ({stage})." if stage else ".")
    )


async def _rejected(
    session: AsyncSession, actor: Actor, option: Option, body: ApplicationPayload
) -> Result:
    reason = body.application.rejection_reason
    return await moves.decline(session, actor, option, SYSTEM, reason.name if reason else None)


async def _unrejected(
    session: AsyncSession, actor: Actor, option: Option, body: ApplicationPayload
) -> Result:
    return await moves.reactivate(session, actor, option, SYSTEM)


async def _hired(
    session: AsyncSession, actor: Actor, option: Option, body: ApplicationPayload
) -> Result:
    # Without an offer start date, the day the hire is reported stands in for it.
    start = body.starts_at or datetime.now(UTC).date()
    return await moves.hire(session, actor, option, SYSTEM, start)


async def _unhired(
    session: AsyncSession, actor: Actor, option: Option, body: ApplicationPayload
) -> Result:
    return await moves.release(session, actor, option, SYSTEM)


async def _candidate_updated(
    session: AsyncSession, actor: Actor, payload: dict[str, Any]
) -> Result:
    body = CandidatePayload.model_validate(payload)
    candidate = await moves.sync_candidate(
        session, actor, SYSTEM, body.candidate.id, body.candidate.fields(), create=False
    )
    if candidate is None:
        return ignored(f"No candidate here has Greenhouse id {body.candidate.id}.")
    return applied(f"Candidate {candidate.id} updated.")


async def _erase(session: AsyncSession, actor: Actor, greenhouse_id: str) -> Result:
    candidate = await moves.candidate_by_ref(session, actor, SYSTEM, greenhouse_id)
    if candidate is None:
        return ignored(f"No candidate here has Greenhouse id {greenhouse_id}.")
    return await moves.erase(session, actor, candidate)


async def _deleted(session: AsyncSession, actor: Actor, payload: dict[str, Any]) -> Result:
    return await _erase(session, actor, DeletedPayload.model_validate(payload).person.id)


async def _anonymized(session: AsyncSession, actor: Actor, payload: dict[str, Any]) -> Result:
    return await _erase(session, actor, AnonymizedPayload.model_validate(payload).candidate_id)


async def _ping(session: AsyncSession, actor: Actor, payload: dict[str, Any]) -> Result:
    return ignored("Ping: Greenhouse reaches this integration.")


Handler = Callable[[AsyncSession, Actor, dict[str, Any]], Awaitable[Result]]

ACTIONS: dict[str, Handler] = {
    "ping": _ping,
    "new_candidate_application": _on_application(_upserted),
    "candidate_stage_change": _on_application(_upserted),
    "update_candidate": _candidate_updated,
    "reject_candidate": _on_application(_rejected),
    "unreject_candidate": _on_application(_unrejected),
    "hire_candidate": _on_application(_hired),
    "unhire_candidate": _on_application(_unhired),
    "delete_candidate": _deleted,
    "candidate_anonymized": _anonymized,
}


def read(body: bytes) -> Envelope:
    """`{"action": …, "payload": {…}}`; raises pydantic's ValidationError when malformed."""
    return Envelope.model_validate_json(body)


async def apply(session: AsyncSession, actor: Actor, delivery: Envelope) -> Result:
    handler = ACTIONS.get(delivery.action)
    if handler is None:
        return ignored(f"Greenhouse action `{delivery.action}` does not map to anything here.")
    return await handler(session, actor, delivery.payload)
