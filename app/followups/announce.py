"""`follow_up.due`: the worker tells integrations and calendars what became due today.

Each item is announced once, on its due day, however many workers run: the announcement is a
row keyed by the item's place in the follow-ups' order (which no two items share), inserted
with "on conflict do nothing" in the transaction that writes the event. A second worker's
insert waits for the first one's commit and then inserts nothing, so it writes no event.
"""

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Insert, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Database
from app.followups.service import follow_up_rows, sort_keys
from app.kit.auth import Actor
from app.kit.events import record_event
from app.kit.pagination import sort_order
from app.models import FollowUpNotice

# Items that fell due while no worker ran (a day's outage) are announced late, once; so the
# announcements are kept longer than that, and a worker whose clock lags a day behind still
# finds those of "its" today.
CATCH_UP = timedelta(days=1)
KEEP_NOTICES = timedelta(days=2)
KEY = ("organization_id", "due_on", "reason", "candidate_id", "requisition_id")


def follow_up_id(row: Any) -> uuid.UUID:
    """A stable id of an item (the event's subject): the same item, the same id."""
    return uuid.uuid5(
        uuid.NAMESPACE_URL, "follow-up:" + ":".join(str(getattr(row, k)) for k in KEY)
    )


def _insert(session: AsyncSession) -> Insert:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(FollowUpNotice).on_conflict_do_nothing()
    return sqlite.insert(FollowUpNotice).on_conflict_do_nothing()


async def announce_due_follow_ups(db: Database, today: date) -> int:
    """Write `follow_up.due` for each item due `today` (or missed since yesterday) not
    announced yet; how many."""
    async with db.writer() as session:
        # Only announcements within the catch-up can meet a second insert; older ones are done.
        await session.execute(
            delete(FollowUpNotice).where(FollowUpNotice.due_on < today - KEEP_NOTICES)
        )
        rows = follow_up_rows(one_organization=False)
        due = (
            await session.execute(
                select(rows)
                .where(rows.c.due_on.between(today - CATCH_UP, today))
                .order_by(*sort_order(sort_keys(rows))),
                {"due_before": today + timedelta(days=1), "today": today},
            )
        ).all()
        if not due:
            await session.commit()
            return 0
        inserted = await session.execute(
            _insert(session)
            .values([{k: getattr(row, k) for k in KEY} for row in due])
            .returning(*(getattr(FollowUpNotice, k) for k in KEY))
        )
        fresh = {tuple(key) for key in inserted}
        for row in due:
            if tuple(getattr(row, k) for k in KEY) not in fresh:
                continue  # another worker announced it
            record_event(
                session,
                Actor(organization_id=row.organization_id, api_key_id=None, scopes=frozenset()),
                "follow_up.due",
                follow_up_id(row),
                requisition_id=row.requisition_id,
                data={
                    "reason": row.reason,
                    "due_on": row.due_on.isoformat(),
                    "candidate_id": str(row.candidate_id),
                    "option_id": str(row.option_id) if row.option_id else None,
                    "note_id": str(row.note_id) if row.note_id else None,
                    "engagement_id": str(row.engagement_id) if row.engagement_id else None,
                    "checkin_number": row.checkin_number,
                },
            )
        await session.commit()
        return len(fresh)
