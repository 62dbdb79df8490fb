"""Reading the event feed and a requisition's timeline."""

import uuid

from sqlalchemy import BigInteger, literal_column, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.errors import NotFound
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import readable
from app.models import Event

ORDER = (SortKey(Event.xid), SortKey(Event.seq))

# PostgreSQL: the lowest transaction id that may still add events to this database. Events
# below it are all committed (or gone with their transaction) and visible to this statement,
# and every event still to come has a higher `xid`, so the feed can be served up to there
# without gaps or duplicates while writers run in parallel. Transactions of other databases
# of the cluster are left out (they write no events here) when this role may see them;
# otherwise they hold the feed back while they run, never longer.
SETTLED_BELOW = literal_column(
    """(SELECT least(
        pg_snapshot_xmax(s)::text::bigint,
        (SELECT min(x::text::bigint) FROM pg_snapshot_xip(s) AS x
         WHERE x::text::bigint % 4294967296 NOT IN (
            SELECT backend_xid::text::bigint FROM pg_stat_activity
            WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())))
     FROM pg_current_snapshot() AS s)""",
    BigInteger(),
)


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
    query = readable(Event, organization_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.where(Event.xid < SETTLED_BELOW)
    if after is not None:
        seen = (
            await session.execute(
                select(Event.xid, Event.seq).where(
                    Event.id == after, Event.organization_id == organization_id
                )
            )
        ).one_or_none()
        if seen is None:
            raise NotFound(f"No event {after}.")
        query = query.where(tuple_(Event.xid, Event.seq) > tuple_(seen.xid, seen.seq))
    if type is not None:
        query = query.where(Event.type == type)
    if requisition_id is not None:
        query = query.where(Event.requisition_id == requisition_id)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)
