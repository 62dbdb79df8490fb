"""Check-ins on a first choice, and the at-risk rule they feed."""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.candidates.service import get_candidate
from app.checkins.schemas import CheckInCreate
from app.kit.auth import Actor
from app.kit.errors import Conflict
from app.kit.events import record_event
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import readable
from app.models import CheckIn, InterimEngagement, Option
from app.models.base import utcnow
from app.options.state_machine import SEATED
from app.touchpoints.service import log_touchpoint

ORDER = (SortKey(CheckIn.occurred_on), SortKey(CheckIn.created_at), SortKey(CheckIn.id))
BELOW_OR_WORSE = frozenset({"below", "failing"})


class CheckInNotAllowed(Conflict):
    code = "checkin_not_allowed"


def is_at_risk(verdicts: Sequence[str]) -> bool:
    """contract §3: at risk when the latest check-in is `failing`, or the two latest are both
    `below` or worse. `verdicts` are newest first."""
    if not verdicts:
        return False
    if verdicts[0] == "failing":
        return True
    return len(verdicts) >= 2 and verdicts[0] in BELOW_OR_WORSE and verdicts[1] in BELOW_OR_WORSE


async def _save_checkin(
    session: AsyncSession,
    actor: Actor,
    body: CheckInCreate,
    *,
    requisition_id: uuid.UUID,
    option_id: uuid.UUID | None = None,
    engagement_id: uuid.UUID | None = None,
    **data: Any,
) -> CheckIn:
    """Store a check-in; a reviewing candidate (say, the runner-up) also gets a touchpoint."""
    reviewer = None
    if body.reviewer_candidate_id is not None:
        reviewer = await get_candidate(session, actor.organization_id, body.reviewer_candidate_id)
    checkin = CheckIn(
        organization_id=actor.organization_id,
        option_id=option_id,
        engagement_id=engagement_id,
        **body.model_dump(exclude={"occurred_on"}),
        occurred_on=body.occurred_on or utcnow().date(),
    )
    session.add(checkin)
    await session.flush()
    if reviewer is not None:
        await log_touchpoint(
            session,
            actor,
            reviewer,
            direction="inbound",
            channel="other",
            summary="Reviewed work for a check-in.",
            checkin_id=str(checkin.id),
        )
    record_event(
        session,
        actor,
        "checkin.recorded",
        checkin.id,
        requisition_id=requisition_id,
        data={
            "option_id": str(option_id) if option_id else None,
            "engagement_id": str(engagement_id) if engagement_id else None,
            "verdict": body.verdict,
            "rating": body.rating,
            **data,
        },
    )
    return checkin


async def record_option_checkin(
    session: AsyncSession, actor: Actor, option: Option, body: CheckInCreate
) -> CheckIn:
    """A check-in on a first choice; it may put the option at risk (contract §3)."""
    # Lock the option (as its actions do) so concurrent check-ins and moves judge at risk
    # one after the other, on the option as it is now.
    await session.execute(
        select(Option)
        .where(Option.id == option.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if option.status not in SEATED:
        raise CheckInNotAllowed(
            f"Check-ins are for selected or hired options; this one is `{option.status}`.",
            current_status=option.status,
        )
    checkin = await _save_checkin(
        session, actor, body, requisition_id=option.requisition_id, option_id=option.id
    )
    await update_at_risk(session, actor, option, checkin_id=str(checkin.id))
    await session.flush()
    return checkin


async def update_at_risk(session: AsyncSession, actor: Actor, option: Option, **data: Any) -> None:
    """Apply the at-risk rule to a first choice; becoming at risk writes `option.at_risk`."""
    latest: Sequence[str] = ()
    if option.status in SEATED:  # others are never at risk: no need to look
        # Check-ins are flushed when written; the option's pending change is flushed later
        # with this one, as one UPDATE.
        with session.no_autoflush:
            latest = (
                await session.scalars(
                    select(CheckIn.verdict)
                    .where(CheckIn.option_id == option.id)
                    .order_by(CheckIn.occurred_on.desc(), CheckIn.created_at.desc())
                    .limit(2)
                )
            ).all()
    at_risk = is_at_risk(latest)
    if at_risk != option.at_risk:
        option.at_risk = at_risk
        option.updated_at = utcnow()
        option.at_risk_since = option.updated_at if at_risk else None
        if at_risk:
            record_event(
                session,
                actor,
                "option.at_risk",
                option.id,
                requisition_id=option.requisition_id,
                data={"latest_verdicts": list(latest), **data},
            )


async def record_engagement_checkin(
    session: AsyncSession, actor: Actor, engagement: InterimEngagement, body: CheckInCreate
) -> CheckIn:
    """A check-in on an interim's work: evidence for their option on the same requisition."""
    checkin = await _save_checkin(
        session,
        actor,
        body,
        requisition_id=engagement.requisition_id,
        engagement_id=engagement.id,
    )
    await session.flush()
    return checkin


async def list_checkins(
    session: AsyncSession,
    subject: Option | InterimEngagement,
    *,
    limit: int,
    cursor: str | None,
) -> tuple[list[CheckIn], str | None]:
    """The check-ins of an option or of an interim engagement."""
    about = (
        CheckIn.option_id == subject.id
        if isinstance(subject, Option)
        else CheckIn.engagement_id == subject.id
    )
    query = readable(CheckIn, subject.organization_id).where(about)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)
