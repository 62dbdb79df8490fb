"""Follow-ups: who to get back to, and when, so no open door is forgotten.

Computed in SQL and paginated there: one `UNION ALL` of one select per source, each with the
same columns, so a page is one statement whatever the number of items. A touchpoint with the
candidate on or after an item's due date clears it.
"""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Subquery,
    Uuid,
    and_,
    exists,
    func,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.bench.service import WARM_WITHIN
from app.followups.schemas import FollowUp, FollowUpReason
from app.kit.dates import add_days, day_of
from app.kit.pagination import SortKey, paginate, sort_order
from app.models import Candidate, InterimEngagement, Note, Option, Touchpoint
from app.options.state_machine import SEATED


def _reason(reason: FollowUpReason) -> ColumnElement[str]:
    return literal_column(f"'{reason}'", String).label("reason")


def _no_id(name: str) -> ColumnElement[Any]:
    # Typed, so the union's column reads back as a UUID on SQLite as well.
    return type_coerce(null(), Uuid()).label(name)


def _untouched(candidate_id: Any, due_on: Any) -> ColumnElement[bool]:
    """No touchpoint with the candidate on or after the due date."""
    return ~exists().where(
        Touchpoint.candidate_id == candidate_id, day_of(Touchpoint.occurred_at) >= due_on
    )


def _people(organization_id: uuid.UUID | None, owner: Any) -> list[ColumnElement[bool]]:
    """Candidates not erased, of the organization that owns `owner`'s rows (the source's
    table, so its index on the organization serves the filter)."""
    where: list[ColumnElement[bool]] = [Candidate.erased_at.is_(None)]
    if organization_id is not None:
        where += [owner.organization_id == organization_id]
    return where


def _keep_in_touch(organization_id: uuid.UUID | None, due_before: date) -> Select[Any]:
    """Door-open notes with a date, for candidates who consented and are not the choice now."""
    requisition_id = func.coalesce(Option.requisition_id, InterimEngagement.requisition_id)
    notes = (
        select(
            Candidate.organization_id,
            Note.keep_in_touch_on.label("due_on"),
            Note.candidate_id,
            requisition_id.label("requisition_id"),
            Candidate.name.label("candidate_name"),
            Note.id.label("note_id"),
            # Two notes asking to keep in touch on the same day are one thing to do; the
            # oldest id names it, so its calendar UID does not depend on the query's order.
            func.row_number()
            .over(
                partition_by=(Note.candidate_id, requisition_id, Note.keep_in_touch_on),
                order_by=Note.id,
            )
            .label("nth"),
        )
        .join(Candidate, Candidate.id == Note.candidate_id)
        .outerjoin(Option, Option.id == Note.option_id)
        .outerjoin(InterimEngagement, InterimEngagement.id == Note.engagement_id)
        .where(
            *_people(organization_id, Note),
            Candidate.keep_in_touch_consent.is_(True),
            Note.door_open.is_(True),
            Note.keep_in_touch_on < due_before,
            requisition_id.is_not(None),
        )
        .subquery("notes_due")
    )
    held = aliased(Option, name="held")  # the candidate's option on the requisition, if any
    return (
        select(
            notes.c.organization_id,
            notes.c.due_on,
            _reason("keep_in_touch"),
            notes.c.candidate_id,
            notes.c.requisition_id,
            notes.c.candidate_name,
            held.id.label("option_id"),
            notes.c.note_id,
        )
        .outerjoin(
            held,
            and_(
                held.candidate_id == notes.c.candidate_id,
                held.requisition_id == notes.c.requisition_id,
            ),
        )
        .where(
            notes.c.nth == 1,
            # They are the choice now: nothing to keep warm.
            or_(held.id.is_(None), held.status.not_in(SEATED)),
            _untouched(notes.c.candidate_id, notes.c.due_on),
        )
    )


def _revisit_hold(organization_id: uuid.UUID | None, due_before: date) -> Select[Any]:
    return (
        select(
            Option.organization_id,
            Option.revisit_on.label("due_on"),
            _reason("revisit_hold"),
            Option.candidate_id,
            Option.requisition_id,
            Candidate.name.label("candidate_name"),
            Option.id.label("option_id"),
            _no_id("note_id"),
        )
        .join(Candidate, Candidate.id == Option.candidate_id)
        .where(
            *_people(organization_id, Option),
            Option.status == "on_hold",
            Option.revisit_on < due_before,
            _untouched(Option.candidate_id, Option.revisit_on),
        )
    )


def _warm_runner_up(organization_id: uuid.UUID | None, due_before: date) -> Select[Any]:
    """Runner-ups are due a call 14 days after the last contact (or since they became one)."""
    last_touch = (
        select(func.max(Touchpoint.occurred_at))
        .where(Touchpoint.candidate_id == Option.candidate_id)
        .scalar_subquery()
    )
    due_on = add_days(day_of(func.coalesce(last_touch, Option.status_changed_at)), WARM_WITHIN.days)
    where = [*_people(organization_id, Option), Option.status == "runner_up"]
    return (
        select(
            Option.organization_id,
            due_on.label("due_on"),
            _reason("warm_runner_up"),
            Option.candidate_id,
            Option.requisition_id,
            Candidate.name.label("candidate_name"),
            Option.id.label("option_id"),
            _no_id("note_id"),
        )
        .join(Candidate, Candidate.id == Option.candidate_id)
        .where(*where, due_on < due_before)
    )


def follow_up_rows(organization_id: uuid.UUID | None, due_before: date) -> Subquery:
    """Every open item due before `due_before` (exclusive), of one organization or (for the
    worker) of all."""
    return union_all(
        _keep_in_touch(organization_id, due_before),
        _revisit_hold(organization_id, due_before),
        _warm_runner_up(organization_id, due_before),
    ).subquery("follow_ups")


def _order(rows: Subquery) -> tuple[SortKey, ...]:
    return (
        SortKey(rows.c.due_on),
        SortKey(rows.c.reason),
        SortKey(rows.c.candidate_id),
        SortKey(rows.c.requisition_id),
    )


def _item(row: Any) -> FollowUp:
    return FollowUp(
        candidate_id=row.candidate_id,
        candidate_name=row.candidate_name,
        option_id=row.option_id,
        requisition_id=row.requisition_id,
        reason=row.reason,
        due_on=row.due_on,
        note_id=row.note_id,
    )


async def follow_up_page(
    session: AsyncSession,
    organization_id: uuid.UUID,
    due_before: date,
    *,
    limit: int,
    cursor: str | None,
) -> tuple[list[FollowUp], str | None]:
    """One page of the open items, soonest first, and the cursor of the next."""
    rows = follow_up_rows(organization_id, due_before)
    page, next_cursor = await paginate(
        session, select(rows), keys=_order(rows), limit=limit, cursor=cursor, entities=False
    )
    return [_item(row) for row in page], next_cursor


async def follow_ups(
    session: AsyncSession, organization_id: uuid.UUID, due_before: date
) -> list[FollowUp]:
    """Every open item due before `due_before`, soonest first (the calendar's bounded horizon)."""
    rows = follow_up_rows(organization_id, due_before)
    result = await session.execute(select(rows).order_by(*sort_order(_order(rows))))
    return [_item(row) for row in result]
