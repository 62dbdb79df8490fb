"""Follow-ups: who to get back to, and when, so no open door is forgotten.

Computed in SQL and paginated there: one `UNION ALL` of one select per source, each with the
same columns, so a page is one statement whatever the number of items (and, when the page has
a `call_runner_up`, the bench's recommendation for those requisitions: a few statements more).
A touchpoint with the candidate on or after a keep-in-touch, hold or runner-up item's due date
clears it; a check-in clears a `check_in_due`; calling a runner-up or the risk's end clears a
`call_runner_up`.
"""

import uuid
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    SQLColumnExpression,
    String,
    Subquery,
    Uuid,
    and_,
    bindparam,
    cast,
    exists,
    func,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.bench.service import WARM_WITHIN, recommended_replacements
from app.checkins.cadence import engagement_check_ins, option_check_ins
from app.db import built_once, read_rows
from app.followups.schemas import FollowUp, FollowUpReason, Replacement
from app.kit.dates import add_days, day_of
from app.kit.pagination import SortKey, paginate, sort_order
from app.models import Candidate, InterimEngagement, Note, Option, Touchpoint
from app.models.base import utcnow
from app.options.state_machine import SEATED


def _reason(reason: FollowUpReason) -> ColumnElement[str]:
    return literal_column(f"'{reason}'", String).label("reason")


def _no_id(name: str) -> ColumnElement[Any]:
    # Cast, so PostgreSQL can match the union's columns, and it reads back as a UUID.
    return cast(null(), Uuid()).label(name)


def _no_number() -> ColumnElement[Any]:
    return cast(null(), Integer()).label("checkin_number")


# Within two days of a first choice turning at risk, while the runner-up is still warm.
CALL_RUNNER_UP_WITHIN = 2

# The statement is built once with bound parameters in place of the values.
Param = ColumnElement[Any]


def _untouched(candidate_id: Any, due_on: Any) -> ColumnElement[bool]:
    """No touchpoint with the candidate on or after the due date."""
    return ~exists().where(
        Touchpoint.candidate_id == candidate_id, day_of(Touchpoint.occurred_at) >= due_on
    )


def _people(organization_id: Param | None, owner: Any) -> list[ColumnElement[bool]]:
    """Candidates not erased, of the organization that owns `owner`'s rows (the source's
    table, so its index on the organization serves the filter)."""
    where: list[ColumnElement[bool]] = [Candidate.erased_at.is_(None)]
    if organization_id is not None:
        where += [owner.organization_id == organization_id]
    return where


def _keep_in_touch(organization_id: Param | None, due_before: Param) -> Select[Any]:
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
            _no_id("engagement_id"),
            _no_number(),
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


def _about_an_option(reason: FollowUpReason, due_on: SQLColumnExpression[Any]) -> Select[Any]:
    """An item about an option and its candidate, in the union's columns."""
    return select(
        Option.organization_id,
        due_on.label("due_on"),
        _reason(reason),
        Option.candidate_id,
        Option.requisition_id,
        Candidate.name.label("candidate_name"),
        Option.id.label("option_id"),
        _no_id("note_id"),
        _no_id("engagement_id"),
        _no_number(),
    )


def _revisit_hold(organization_id: Param | None, due_before: Param) -> Select[Any]:
    return (
        _about_an_option("revisit_hold", Option.revisit_on)
        .join(Candidate, Candidate.id == Option.candidate_id)
        .where(
            *_people(organization_id, Option),
            Option.status == "on_hold",
            Option.revisit_on < due_before,
            _untouched(Option.candidate_id, Option.revisit_on),
        )
    )


def _warm_runner_up(organization_id: Param | None, due_before: Param) -> Select[Any]:
    """Runner-ups are due a call 14 days after the last contact (or since they became one)."""
    last_touch = (
        select(func.max(Touchpoint.occurred_at))
        .where(Touchpoint.candidate_id == Option.candidate_id)
        .scalar_subquery()
    )
    due_on = add_days(day_of(func.coalesce(last_touch, Option.status_changed_at)), WARM_WITHIN.days)
    where = [*_people(organization_id, Option), Option.status == "runner_up"]
    return (
        _about_an_option("warm_runner_up", due_on)
        .join(Candidate, Candidate.id == Option.candidate_id)
        .where(*where, due_on < due_before)
    )


def _check_in_due(
    organization_id: Param | None, due_before: Param, today: Param
) -> list[Select[Any]]:
    """The cadence's open check-ins, of first choices and of interims."""
    options = option_check_ins(
        today, organization_id=organization_id, due_before=due_before
    ).subquery("option_check_ins")
    engagements = engagement_check_ins(
        today, organization_id=organization_id, due_before=due_before
    ).subquery("engagement_check_ins")
    return [
        select(
            options.c.organization_id,
            options.c.due_on,
            _reason("check_in_due"),
            options.c.candidate_id,
            options.c.requisition_id,
            options.c.candidate_name,
            options.c.option_id,
            _no_id("note_id"),
            _no_id("engagement_id"),
            options.c.checkin_number,
        ),
        select(
            engagements.c.organization_id,
            engagements.c.due_on,
            _reason("check_in_due"),
            engagements.c.candidate_id,
            engagements.c.requisition_id,
            engagements.c.candidate_name,
            engagements.c.option_id,
            _no_id("note_id"),
            engagements.c.engagement_id,
            engagements.c.checkin_number,
        ),
    ]


def _call_runner_up(organization_id: Param | None, due_before: Param) -> Select[Any]:
    """A first choice at risk, on a requisition with runner-ups none of whom has been contacted
    since: call one (the page names the bench's recommendation)."""
    runner = aliased(Option, name="runner")
    runner_person = aliased(Candidate, name="runner_person")
    due_on = add_days(day_of(Option.at_risk_since), CALL_RUNNER_UP_WITHIN)
    runner_up = (runner.requisition_id == Option.requisition_id, runner.status == "runner_up")
    return (
        _about_an_option("call_runner_up", due_on)
        .join(Candidate, Candidate.id == Option.candidate_id)
        .where(
            *_people(organization_id, Option),
            Option.status.in_(SEATED),
            Option.at_risk.is_(True),
            Option.at_risk_since.is_not(None),
            due_on < due_before,
            exists()
            .where(*runner_up)
            .where(runner_person.id == runner.candidate_id, runner_person.erased_at.is_(None)),
            ~exists().where(
                *runner_up,
                Touchpoint.candidate_id == runner.candidate_id,
                Touchpoint.occurred_at >= Option.at_risk_since,
            ),
        )
    )


@cache
def follow_up_rows(*, one_organization: bool) -> Subquery:
    """Every open item due before `:due_before` (exclusive), as of `:today`, of the
    organization `:organization_id` or (for the worker) of all. Built once: the statement is
    large, and building it and working out its cache key cost more than running it."""
    return union_all(
        *_sources(
            bindparam("organization_id", type_=Uuid()) if one_organization else None,
            bindparam("due_before", type_=Date()),
            bindparam("today", type_=Date()),
        )
    ).subquery("follow_ups")


def _sources(organization_id: Param | None, due_before: Param, today: Param) -> list[Select[Any]]:
    return [
        _keep_in_touch(organization_id, due_before),
        _revisit_hold(organization_id, due_before),
        _warm_runner_up(organization_id, due_before),
        *_check_in_due(organization_id, due_before, today),
        _call_runner_up(organization_id, due_before),
    ]


@cache
def sort_keys(rows: Subquery) -> tuple[SortKey, ...]:
    return (
        SortKey(rows.c.due_on),
        SortKey(rows.c.reason),
        SortKey(rows.c.candidate_id),
        SortKey(rows.c.requisition_id),
    )


@cache
def _of_one_organization() -> tuple[Select[Any], tuple[SortKey, ...]]:
    rows = follow_up_rows(one_organization=True)
    return built_once(select(rows)), sort_keys(rows)


def _item(row: Any) -> FollowUp:
    return FollowUp(
        candidate_id=row.candidate_id,
        candidate_name=row.candidate_name,
        option_id=row.option_id,
        requisition_id=row.requisition_id,
        reason=row.reason,
        due_on=row.due_on,
        note_id=row.note_id,
        engagement_id=row.engagement_id,
        checkin_number=row.checkin_number,
    )


async def _items(
    session: AsyncSession, organization_id: uuid.UUID, rows: Sequence[Any]
) -> list[FollowUp]:
    """The rows as follow-ups; a `call_runner_up` names the bench's recommended replacement."""
    items = [_item(row) for row in rows]
    calls = {i.requisition_id for i in items if i.reason == "call_runner_up"}
    if not calls:
        return items
    found = await recommended_replacements(session, organization_id, list(calls))
    for item in items:
        best = found.get(item.requisition_id) if item.reason == "call_runner_up" else None
        if best is not None:
            runner_up, reasons = best
            item.replacement = Replacement(
                option_id=runner_up.option["id"],
                candidate_id=runner_up.option["candidate_id"],
                candidate_name=runner_up.option["candidate"]["name"],
                reasons=reasons,
            )
    return items


async def follow_up_page(
    session: AsyncSession,
    organization_id: uuid.UUID,
    due_before: date,
    *,
    limit: int,
    cursor: str | None,
) -> tuple[list[FollowUp], str | None]:
    """One page of the open items, soonest first, and the cursor of the next."""
    statement, keys = _of_one_organization()
    parameters = {
        "organization_id": organization_id,
        "due_before": due_before,
        "today": utcnow().date(),
    }
    page, next_cursor = await paginate(
        session,
        statement,
        keys=keys,
        limit=limit,
        cursor=cursor,
        entities=False,
        parameters=parameters,
    )
    return await _items(session, organization_id, page), next_cursor


async def follow_ups(
    session: AsyncSession, organization_id: uuid.UUID, due_before: date
) -> list[FollowUp]:
    """Every open item due before `due_before`, soonest first (the calendar's bounded horizon)."""
    parameters = {
        "organization_id": organization_id,
        "due_before": due_before,
        "today": utcnow().date(),
    }
    result = await read_rows(session, _calendar(), parameters)
    return await _items(session, organization_id, result)


@cache
def _calendar() -> Select[Any]:
    """All of one organization's items, soonest first, built once."""
    statement, keys = _of_one_organization()
    return built_once(statement.order_by(*sort_order(keys)))
