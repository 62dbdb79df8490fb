"""Touchpoints: keeping in touch with candidates, which keeps runner-ups warm."""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.candidates.service import ensure_not_erased
from app.kit.auth import Actor
from app.kit.events import record_event
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import readable
from app.models import Candidate, Touchpoint
from app.models.base import utcnow
from app.models.touchpoint import Channel, Direction

ORDER = (SortKey(Touchpoint.occurred_at), SortKey(Touchpoint.id))


async def log_touchpoint(
    session: AsyncSession,
    actor: Actor,
    candidate: Candidate,
    *,
    direction: Direction,
    channel: Channel,
    summary: str | None,
    occurred_at: datetime | None = None,
    **data: str,
) -> Touchpoint:
    ensure_not_erased(candidate)
    touchpoint = Touchpoint(
        organization_id=actor.organization_id,
        candidate_id=candidate.id,
        direction=direction,
        channel=channel,
        summary=summary,
        occurred_at=occurred_at or utcnow(),
    )
    session.add(touchpoint)
    await session.flush()
    record_event(
        session,
        actor,
        "touchpoint.logged",
        touchpoint.id,
        data={
            "candidate_id": str(candidate.id),
            "direction": direction,
            "channel": channel,
            **data,
        },
    )
    return touchpoint


async def list_touchpoints(
    session: AsyncSession, candidate: Candidate, *, limit: int, cursor: str | None
) -> tuple[list[Touchpoint], str | None]:
    query = readable(Touchpoint, candidate.organization_id).where(
        Touchpoint.candidate_id == candidate.id
    )
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)
