"""Reading the event feed and a requisition's timeline."""

import uuid
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, Select, bindparam, literal_column, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import built_once, dialect_of
from app.events.schemas import event_document
from app.kit.errors import NotFound
from app.kit.pagination import SortKey, paginate
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


# What the feed shows of an event (`event_document`), and its sort keys.
COLUMNS = (
    Event.id,
    Event.type,
    Event.occurred_at,
    Event.actor_api_key_id,
    Event.actor_on_behalf_of,
    Event.subject_type,
    Event.subject_id,
    Event.requisition_id,
    Event.data,
    Event.xid,
    Event.seq,
)


@cache
def _feed(dialect: str, *, after: bool, by_type: bool, by_requisition: bool) -> Select[Any]:
    """The feed of one organization, one statement a combination of filters, built once
    (parameters `organization_id` and, as filtered, `after_xid` and `after_seq`, `type`,
    `requisition_id`)."""
    query = select(*COLUMNS).where(Event.organization_id == bindparam("organization_id"))
    if dialect == "postgresql":
        query = query.where(Event.xid < SETTLED_BELOW)
    if after:
        query = query.where(
            tuple_(Event.xid, Event.seq)
            > tuple_(bindparam("after_xid", type_=BigInteger()), bindparam("after_seq"))
        )
    if by_type:
        query = query.where(Event.type == bindparam("type"))
    if by_requisition:
        query = query.where(Event.requisition_id == bindparam("requisition_id"))
    return built_once(query)


async def list_events(
    session: AsyncSession,
    organization_id: uuid.UUID,
    *,
    after: uuid.UUID | None = None,
    type: str | None = None,
    requisition_id: uuid.UUID | None = None,
    limit: int,
    cursor: str | None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Oldest first, as documents. `after` starts the feed behind an event the client has
    already seen."""
    parameters: dict[str, Any] = {
        "organization_id": organization_id,
        "type": type,
        "requisition_id": requisition_id,
    }
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
        parameters |= {"after_xid": seen.xid, "after_seq": seen.seq}
    query = _feed(
        dialect_of(session),
        after=after is not None,
        by_type=type is not None,
        by_requisition=requisition_id is not None,
    )
    rows, next_cursor = await paginate(
        session,
        query,
        keys=ORDER,
        limit=limit,
        cursor=cursor,
        entities=False,
        parameters=parameters,
    )
    return [event_document(row) for row in rows], next_cursor
