"""Check-ins on a first choice, and the at-risk rule they feed."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.candidates.service import get_candidate
from app.checkins.schemas import CheckInCreate
from app.kit.auth import Actor
from app.kit.errors import Conflict
from app.kit.events import record_event
from app.kit.pagination import SortKey, paginate
from app.models import CheckIn, Option
from app.models.base import utcnow
from app.options.state_machine import SEATED
from app.touchpoints.service import log_touchpoint

ORDER = (SortKey(CheckIn.occurred_on), SortKey(CheckIn.created_at), SortKey(CheckIn.id))
BELOW_OR_WORSE = frozenset({"below", "failing"})


class CheckInNotAllowed(Conflict):
    code = "checkin_not_allowed"


def is_at_risk(verdicts: Sequence[str]) -> bool:
    """SPEC §3: at risk when the latest check-in is `failing`, or the two latest are both
    `below` or worse. `verdicts` are newest first."""
    if not verdicts:
        return False
    if verdicts[0] == "failing":
        return True
    return len(verdicts) >= 2 and verdicts[0] in BELOW_OR_WORSE and verdicts[1] in BELOW_OR_WORSE


async def record_checkin(
    session: AsyncSession, actor: Actor, option: Option, body: CheckInCreate
) -> CheckIn:
    if option.status not in SEATED:
        raise CheckInNotAllowed(
            f"Check-ins are for selected or hired options; this one is `{option.status}`.",
            current_status=option.status,
        )
    reviewer = None
    if body.reviewer_candidate_id is not None:
        reviewer = await get_candidate(session, actor.organization_id, body.reviewer_candidate_id)
    checkin = CheckIn(
        organization_id=actor.organization_id,
        option_id=option.id,
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
            summary="Reviewed a first choice's work for a check-in.",
            checkin_id=str(checkin.id),
        )
    latest = (
        await session.scalars(
            select(CheckIn.verdict)
            .where(CheckIn.option_id == option.id)
            .order_by(CheckIn.occurred_on.desc(), CheckIn.created_at.desc())
            .limit(2)
        )
    ).all()
    at_risk = is_at_risk(latest)
    record_event(
        session,
        actor,
        "checkin.recorded",
        checkin.id,
        requisition_id=option.requisition_id,
        data={
            "option_id": str(option.id),
            "verdict": body.verdict,
            "rating": body.rating,
            "at_risk": at_risk,
        },
    )
    if at_risk != option.at_risk:
        option.at_risk = at_risk
        option.updated_at = utcnow()
        if at_risk:
            record_event(
                session,
                actor,
                "option.at_risk",
                option.id,
                requisition_id=option.requisition_id,
                data={"checkin_id": str(checkin.id), "latest_verdicts": list(latest)},
            )
    await session.flush()
    return checkin


async def list_checkins(
    session: AsyncSession, option: Option, *, limit: int, cursor: str | None
) -> tuple[list[CheckIn], str | None]:
    query = select(CheckIn).where(CheckIn.option_id == option.id)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)
