"""The check-in cadence: when a check-in on a first choice or an interim is due.

A first choice's check-ins are due the requisition's `checkin_cadence_days` after its start
(the `start_date` of a hire; the day it was selected otherwise); an interim's every 7 days
after `starts_on`, while the engagement lasts. A check-in on or after a due date and before
the next one satisfies it; a due check-in not recorded by the next due date gives way to
that one. Computed in SQL from the cadence itself (no schedule to keep in step with status,
start dates and cadence edits), so follow-ups and the bench read it in their own statement.
"""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any, TypeAlias, TypeVar

from sqlalchemy import (
    CTE,
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    exists,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from app.kit.dates import add_days, day_of, json_int_at
from app.models import Candidate, CheckIn, InterimEngagement, Option, Requisition
from app.options.state_machine import SEATED

INTERIM_EVERY_DAYS = 7
# A cadence lists at most this many check-ins; an interim's are counted for a year at most.
MAX_CHECKINS = 52


def _slots() -> CTE:
    """The numbers 1 to MAX_CHECKINS: the n-th check-in of a cadence."""
    one = literal_column("1", Integer)
    first = select(one.label("n")).cte("checkin_slots", recursive=True)
    return first.union_all(
        select(first.c.n + one).where(first.c.n < literal_column(str(MAX_CHECKINS), Integer))
    )


# A value, or a bound parameter that stands for one in a statement built once.
T = TypeVar("T")
Value: TypeAlias = T | ColumnElement[Any]

# One object, so a statement that reads both cadences has the CTE once.
SLOTS = _slots()


def _open(
    due_on: ColumnElement[date],
    next_on: ColumnElement[date],
    about: ColumnElement[bool],
    today: Value[date],
) -> list[ColumnElement[bool]]:
    """Not satisfied by a check-in in [due, next), and not given way to the next one (the
    last of a cadence has no next)."""
    return [
        or_(next_on.is_(None), next_on > today),
        ~exists().where(
            about,
            CheckIn.occurred_on >= due_on,
            or_(next_on.is_(None), CheckIn.occurred_on < next_on),
        ),
    ]


def option_check_ins(
    today: Value[date],
    *,
    organization_id: Value[uuid.UUID] | None = None,
    option_ids: Sequence[uuid.UUID] | ColumnElement[Any] | None = None,
    due_before: Value[date] | None = None,
) -> Select[Any]:
    """The open check-ins of first choices: organization_id, option_id, candidate_id,
    requisition_id, candidate_name, checkin_number, due_on."""
    slots = SLOTS
    start = case(
        (and_(Option.status == "hired", Option.start_date.is_not(None)), Option.start_date),
        else_=day_of(Option.status_changed_at),
    )
    cadence = Requisition.checkin_cadence_days
    day = json_int_at(cadence, slots.c.n - 1)
    due_on = add_days(start, day)
    next_on = add_days(start, json_int_at(cadence, slots.c.n))
    where: list[ColumnElement[bool]] = [
        Option.status.in_(SEATED),
        Candidate.erased_at.is_(None),
        day.is_not(None),
        *_open(due_on, next_on, CheckIn.option_id == Option.id, today),
    ]
    if organization_id is not None:
        where.append(Option.organization_id == organization_id)
    if option_ids is not None:
        where.append(Option.id.in_(option_ids))
    if due_before is not None:
        where.append(due_on < due_before)
    return (
        select(
            Option.organization_id,
            Option.id.label("option_id"),
            Option.candidate_id,
            Option.requisition_id,
            Candidate.name.label("candidate_name"),
            slots.c.n.label("checkin_number"),
            due_on.label("due_on"),
        )
        .join(Requisition, Requisition.id == Option.requisition_id)
        .join(Candidate, Candidate.id == Option.candidate_id)
        .join(slots, slots.c.n <= MAX_CHECKINS)
        .where(*where)
    )


def engagement_check_ins(
    today: Value[date], *, organization_id: Value[uuid.UUID] | None, due_before: Value[date]
) -> Select[Any]:
    """The open check-ins of interim engagements that have not ended: organization_id,
    engagement_id, option_id (the candidate's option on the requisition, if any),
    candidate_id, requisition_id, candidate_name, checkin_number, due_on. An interim who is
    the first choice now is checked in on as one."""
    slots = SLOTS
    every = literal_column(str(INTERIM_EVERY_DAYS), Integer)
    due_on = add_days(InterimEngagement.starts_on, slots.c.n * every)
    next_on = add_days(InterimEngagement.starts_on, (slots.c.n + 1) * every)
    theirs = aliased(Option, name="theirs")
    where: list[ColumnElement[bool]] = [
        InterimEngagement.status != "ended",
        Candidate.erased_at.is_(None),
        or_(InterimEngagement.ends_on.is_(None), due_on <= InterimEngagement.ends_on),
        or_(theirs.id.is_(None), theirs.status.not_in(SEATED)),
        due_on < due_before,
        *_open(due_on, next_on, CheckIn.engagement_id == InterimEngagement.id, today),
    ]
    if organization_id is not None:
        where.append(InterimEngagement.organization_id == organization_id)
    return (
        select(
            InterimEngagement.organization_id,
            InterimEngagement.id.label("engagement_id"),
            theirs.id.label("option_id"),
            InterimEngagement.candidate_id,
            InterimEngagement.requisition_id,
            Candidate.name.label("candidate_name"),
            slots.c.n.label("checkin_number"),
            due_on.label("due_on"),
        )
        .join(Candidate, Candidate.id == InterimEngagement.candidate_id)
        .join(slots, slots.c.n <= MAX_CHECKINS)
        .outerjoin(
            theirs,
            and_(
                theirs.candidate_id == InterimEngagement.candidate_id,
                theirs.requisition_id == InterimEngagement.requisition_id,
            ),
        )
        .where(*where)
    )
