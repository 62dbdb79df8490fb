"""Candidates: people and outside providers (agencies)."""

import uuid
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.candidates.schemas import CandidateCreate, CandidateUpdate
from app.kit.auth import Actor
from app.kit.errors import Conflict
from app.kit.events import record_event, write_events
from app.kit.external_refs import (
    apply_patch,
    find_by_external_ref,
    has_external_ref,
    set_external_refs,
    with_ref,
)
from app.kit.idempotency import erase_responses
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import get_owned, readable
from app.models import (
    Candidate,
    CheckIn,
    Event,
    InterimEngagement,
    Note,
    Option,
    Touchpoint,
)
from app.models.base import utcnow
from app.models.candidate import CandidateKind
from app.notes.delivery import forget_candidate

ORDER = (SortKey(Candidate.created_at), SortKey(Candidate.id))

# What erasure clears: every field that is personal data or free text about the person.
PERSONAL_FIELDS: dict[str, object] = {
    "name": None,
    "email": None,
    "phone": None,
    "location": None,
    "headline": None,
    "source": None,
    "tags": [],
    "available_from": None,
    "keep_in_touch_consent": False,
}


# Event data that may quote free text about the person, and what erasure leaves instead.
EVENT_FREE_TEXT: dict[str, object] = {"reason": None, "respect_findings": []}


class CandidateErased(Conflict):
    code = "candidate_erased"


def ensure_not_erased(candidate: Candidate) -> None:
    if candidate.erased_at is not None:
        raise CandidateErased(f"Candidate {candidate.id} was erased; their data cannot change.")


async def get_candidate(
    session: AsyncSession, organization_id: uuid.UUID, candidate_id: uuid.UUID
) -> Candidate:
    return await get_owned(
        session,
        Candidate,
        organization_id,
        candidate_id,
        label="candidate",
        load=("external_refs",),
        fresh=True,
    )


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def list_candidates(
    session: AsyncSession,
    organization_id: uuid.UUID,
    *,
    q: str | None,
    kind: CandidateKind | None,
    updated_after: datetime | None,
    external_system: str | None,
    external_id: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Candidate], str | None]:
    query = readable(Candidate, organization_id).options(selectinload(Candidate.external_refs))
    if q:
        pattern = f"%{_escape_like(q)}%"
        query = query.where(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (Candidate.name, Candidate.email, Candidate.headline)
                )
            )
        )
    if kind is not None:
        query = query.where(Candidate.kind == kind)
    if updated_after is not None:
        query = query.where(Candidate.updated_at > updated_after)
    if external_system is not None or external_id is not None:
        query = query.where(
            has_external_ref("candidate", Candidate.id, external_system, external_id)
        )
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


async def create_candidate(session: AsyncSession, actor: Actor, body: CandidateCreate) -> Candidate:
    candidate = Candidate(
        organization_id=actor.organization_id, **body.model_dump(exclude={"external_refs"})
    )
    session.add(candidate)
    await session.flush()
    await set_external_refs(
        session, actor.organization_id, "candidate", candidate.id, body.external_refs
    )
    record_event(session, actor, "candidate.created", candidate.id)
    await session.flush()
    return await get_candidate(session, actor.organization_id, candidate.id)


async def update_candidate(
    session: AsyncSession, actor: Actor, candidate: Candidate, body: CandidateUpdate
) -> Candidate:
    ensure_not_erased(candidate)
    changed = await apply_patch(session, actor.organization_id, "candidate", candidate, body)
    if not changed:
        return candidate
    # Field names only: event data outlives an erasure, so it holds no personal data.
    record_event(session, actor, "candidate.updated", candidate.id, data={"changed": changed})
    await session.flush()
    return await get_candidate(session, actor.organization_id, candidate.id)


async def upsert_candidate(
    session: AsyncSession, actor: Actor, system: str, external_id: str, body: CandidateCreate
) -> tuple[Candidate, bool]:
    """Create or replace the candidate an ATS knows as `system`/`external_id`."""
    refs = with_ref(body.external_refs, system, external_id)
    body = body.model_copy(update={"external_refs": refs})
    found = await find_by_external_ref(
        session, actor.organization_id, "candidate", system, external_id
    )
    if found is None:
        return await create_candidate(session, actor, body), True
    candidate = await get_candidate(session, actor.organization_id, found)
    replacement = CandidateUpdate.model_validate(body.model_dump())
    return await update_candidate(session, actor, candidate, replacement), False


async def erase_candidate(session: AsyncSession, actor: Actor, candidate: Candidate) -> Candidate:
    """Clear the person's data; the record and its decision history keep their shape."""
    if candidate.erased_at is not None:
        return candidate
    for field, empty in PERSONAL_FIELDS.items():
        setattr(candidate, field, empty)
    candidate.erased_at = utcnow()
    await _erase_free_text(session, actor.organization_id, candidate.id)
    await forget_candidate(session, candidate.id)
    record_event(session, actor, "candidate.erased", candidate.id)
    await session.flush()
    return await get_candidate(session, actor.organization_id, candidate.id)


async def _erase_free_text(
    session: AsyncSession, organization_id: uuid.UUID, candidate_id: uuid.UUID
) -> None:
    """Free text about the person goes too: option summaries and reasons, note messages,
    touchpoint summaries, check-in notes on their work (as an option or an interim), their
    name as a reviewer, interim end reasons, reasons and respect findings quoted in events,
    and the responses stored for idempotent retries.
    Statuses, dates, reason codes and the events themselves stay."""
    option_ids = select(Option.id).where(
        Option.candidate_id == candidate_id, Option.organization_id == organization_id
    )
    engagement_ids = select(InterimEngagement.id).where(
        InterimEngagement.candidate_id == candidate_id,
        InterimEngagement.organization_id == organization_id,
    )
    # Responses kept for Idempotency-Key retries copy the person's data; each names the
    # candidate, one of their options or engagements (check-ins and actions name the option).
    about = [candidate_id, *await session.scalars(option_ids)]
    about += await session.scalars(engagement_ids)
    await erase_responses(session, organization_id, about)
    now = utcnow()
    await session.execute(
        update(Option)
        .where(Option.id.in_(option_ids))
        .values(fit_summary=None, status_reason=None, updated_at=now, version=Option.version + 1)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(Note)
        .where(Note.candidate_id == candidate_id)
        .values(message="", respect_findings=[], updated_at=now, version=Note.version + 1)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(Touchpoint)
        .where(Touchpoint.candidate_id == candidate_id)
        .values(summary=None, updated_at=now, version=Touchpoint.version + 1)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(InterimEngagement)
        .where(InterimEngagement.id.in_(engagement_ids))
        .values(end_reason=None, updated_at=now, version=InterimEngagement.version + 1)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(CheckIn)
        .where(or_(CheckIn.option_id.in_(option_ids), CheckIn.engagement_id.in_(engagement_ids)))
        .values(notes=None, updated_at=now, version=CheckIn.version + 1)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(CheckIn)
        .where(CheckIn.reviewer_candidate_id == candidate_id)
        .values(reviewer_name=None, updated_at=now, version=CheckIn.version + 1)
        .execution_options(synchronize_session=False)
    )
    await session.run_sync(write_events)  # the events recorded so far are scrubbed too
    events = await session.scalars(
        select(Event).where(
            Event.organization_id == organization_id,
            or_(Event.subject_id.in_(option_ids), Event.subject_id.in_(engagement_ids)),
        )
    )
    for event in events:
        # Respect findings quote the message (an imported rejection keeps them on its event).
        cleared = {key: EVENT_FREE_TEXT[key] for key in EVENT_FREE_TEXT if event.data.get(key)}
        if cleared:
            event.data = {**event.data, **cleared}
