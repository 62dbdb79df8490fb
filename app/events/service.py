"""Reading the event feed and a requisition's timeline."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.errors import NotFound
from app.kit.pagination import SortKey, paginate
from app.models import Event

ORDER = (SortKey(Event.seq),)


async def list_events(
    session: AsyncSession,
    organization_id: uuid.UUID,
    *,
    after: uuid.UUID | None = None,
    type: str | None = None,
    requisition_id: uuid.UUID | None = None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Event], str | None]:
    """Oldest first. `after` starts the feed behind an event the client has already seen."""
    query = select(Event).where(Event.organization_id == organization_id)
    if after is not None:
        seen = await session.scalar(
            select(Event.seq).where(Event.id == after, Event.organization_id == organization_id)
        )
        if seen is None:
            raise NotFound(f"No event {after}.")
        query = query.where(Event.seq > seen)
    if type is not None:
        query = query.where(Event.type == type)
    if requisition_id is not None:
        query = query.where(Event.requisition_id == requisition_id)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)
