"""Interim engagements: someone filling the role while the decision waits."""

import uuid
from datetime import date

from sqlalchemy import and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from app.candidates.service import ensure_not_erased, get_candidate
from app.checkins.schemas import CheckInCreate
from app.checkins.service import CheckInNotAllowed, record_engagement_checkin
from app.interim.schemas import EngagementCreate, EngagementEnd, EngagementUpdate, effective_status
from app.kit.auth import Actor
from app.kit.errors import Conflict, InvalidRequest
from app.kit.events import record_event
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import get_owned, readable
from app.models import CheckIn, InterimEngagement, Requisition
from app.models.base import utcnow
from app.models.interim_engagement import EngagementStatus
from app.notes.service import add_note

ORDER = (SortKey(InterimEngagement.created_at), SortKey(InterimEngagement.id))


class EngagementEnded(Conflict):
    code = "engagement_ended"


def today() -> date:
    return utcnow().date()


async def get_engagement(
    session: AsyncSession, organization_id: uuid.UUID, engagement_id: uuid.UUID
) -> InterimEngagement:
    return await get_owned(
        session, InterimEngagement, organization_id, engagement_id, label="interim engagement"
    )


def _is(status: EngagementStatus, on: date) -> object:
    planned, started = InterimEngagement.status == "planned", InterimEngagement.starts_on <= on
    if status == "active":
        return or_(InterimEngagement.status == "active", and_(planned, started))
    if status == "planned":
        return and_(planned, ~started)
    return InterimEngagement.status == "ended"


async def list_engagements(
    session: AsyncSession,
    requisition: Requisition,
    *,
    status: EngagementStatus | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[InterimEngagement], str | None]:
    query = readable(InterimEngagement, requisition.organization_id).where(
        InterimEngagement.requisition_id == requisition.id
    )
    if status is not None:
        query = query.where(_is(status, today()))  # type: ignore[arg-type]
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


def _start_if_due(session: AsyncSession, actor: Actor, engagement: InterimEngagement) -> None:
    """Persist `active` (and write `interim.started`) once the start date has come."""
    if engagement.status == "planned" and effective_status(engagement, today()) == "active":
        engagement.status = "active"
        record_event(
            session,
            actor,
            "interim.started",
            engagement.id,
            requisition_id=engagement.requisition_id,
            data={"starts_on": engagement.starts_on.isoformat()},
        )


async def create_engagement(
    session: AsyncSession, actor: Actor, requisition: Requisition, body: EngagementCreate
) -> InterimEngagement:
    candidate = await get_candidate(session, actor.organization_id, body.candidate_id)
    ensure_not_erased(candidate)
    engagement = InterimEngagement(
        organization_id=actor.organization_id, requisition_id=requisition.id, **body.model_dump()
    )
    session.add(engagement)
    await session.flush()
    record_event(
        session,
        actor,
        "interim.created",
        engagement.id,
        requisition_id=requisition.id,
        data={"candidate_id": str(candidate.id), "starts_on": body.starts_on.isoformat()},
    )
    _start_if_due(session, actor, engagement)
    await session.flush()
    return engagement


def ensure_not_ended(engagement: InterimEngagement) -> None:
    if engagement.status == "ended":
        raise EngagementEnded(f"Interim engagement {engagement.id} has ended.")


async def update_engagement(
    session: AsyncSession, actor: Actor, engagement: InterimEngagement, body: EngagementUpdate
) -> InterimEngagement:
    ensure_not_ended(engagement)
    starts_on = body.starts_on if "starts_on" in body.model_fields_set else engagement.starts_on
    ends_on = body.ends_on if "ends_on" in body.model_fields_set else engagement.ends_on
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise InvalidRequest("ends_on must be on or after starts_on.")
    changed = body.apply_to(engagement, skip=frozenset({"status"}))
    if changed:
        record_event(
            session,
            actor,
            "interim.updated",
            engagement.id,
            requisition_id=engagement.requisition_id,
            data={"changed": changed},
        )
    if body.status == "active" and engagement.status == "planned":
        engagement.starts_on = min(engagement.starts_on, today())
    _start_if_due(session, actor, engagement)
    await session.flush()
    return engagement


async def end_engagement(
    session: AsyncSession, actor: Actor, engagement: InterimEngagement, body: EngagementEnd
) -> InterimEngagement:
    ensure_not_ended(engagement)
    candidate = await get_candidate(session, actor.organization_id, engagement.candidate_id)
    note = None
    if body.note is not None:
        note = await add_note(
            session,
            actor,
            "release",
            body.note,
            candidate=candidate,
            requisition_id=engagement.requisition_id,
            engagement_id=engagement.id,
        )
    _start_if_due(session, actor, engagement)
    engagement.status = "ended"
    engagement.end_reason = body.end_reason
    if engagement.ends_on is None or engagement.ends_on > today():
        engagement.ends_on = max(today(), engagement.starts_on)
    record_event(
        session,
        actor,
        "interim.ended",
        engagement.id,
        requisition_id=engagement.requisition_id,
        data={"reason": body.end_reason, "note_id": str(note.id) if note else None},
    )
    await session.flush()
    return engagement


async def record_interim_checkin(
    session: AsyncSession, actor: Actor, engagement: InterimEngagement, body: CheckInCreate
) -> CheckIn:
    """Reviews of the interim's work; they count as evidence for their option."""
    if effective_status(engagement, today()) == "planned":
        raise CheckInNotAllowed(
            f"Interim engagement {engagement.id} starts on {engagement.starts_on}; "
            "check-ins begin then.",
            current_status="planned",
        )
    _start_if_due(session, actor, engagement)
    return await record_engagement_checkin(session, actor, engagement, body)
