"""Decision support: the bench of a requisition, and an option's standing.

The bench is read in a fixed number of statements whatever the number of options: its options
with every fact about them (last touch, door, evidence) aggregated in SQL in one statement,
the first choices' next check-ins in another, each built once (lists are expanding
parameters), and it is dumped as a document without building ORM objects or validating it
again.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Date, Select, and_, bindparam, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from app.bench.schemas import Flag, Recommendation, StandingOut, Warmth
from app.checkins.cadence import option_check_ins
from app.db import built_once, dialect_of, read_rows
from app.models import CheckIn, Note, Option, Requisition, Touchpoint
from app.models.base import utcnow
from app.options.schemas import Evidence, average_rating
from app.options.state_machine import CLOSED, SEATED
from app.options.views import interim_checkins, options_in_statuses, row_document

WARM_WITHIN = timedelta(days=14)
COOLING_WITHIN = timedelta(days=30)


def warmth(last_touch_at: datetime | None, now: datetime) -> Warmth:
    if last_touch_at is None or now - last_touch_at > COOLING_WITHIN:
        return "cold"
    return "warm" if now - last_touch_at <= WARM_WITHIN else "cooling"


def _runner_up_facts() -> tuple[Any, ...]:
    """Columns to add to a select of options: the candidate's last touch, whether the latest
    note of the option's current status leaves the door open (null: no such note), and the
    evidence of every check-in on the candidate's work for the requisition, on the option
    itself (`own_…`) and on their interim engagements (the `interim_evidence` columns) alike,
    with the latest verdict of both."""
    last_touch = (
        select(func.max(Touchpoint.occurred_at))
        .where(Touchpoint.candidate_id == Option.candidate_id)
        .correlate(Option)
        .scalar_subquery()
    )
    door = (
        select(Note.door_open)
        .where(Note.option_id == Option.id, Note.created_at >= Option.status_changed_at)
        .order_by(Note.created_at.desc(), Note.id.desc())
        .limit(1)
        .correlate(Option)
        .scalar_subquery()
    )
    own = select().select_from(CheckIn).where(CheckIn.option_id == Option.id).correlate(Option)
    verdicts = (CheckIn.verdict, CheckIn.occurred_on, CheckIn.created_at)
    both = union_all(
        own.add_columns(*verdicts), interim_checkins().add_columns(*verdicts)
    ).subquery()
    latest = (
        select(both.c.verdict)
        .order_by(both.c.occurred_on.desc(), both.c.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return (
        last_touch.label("last_touch_at"),
        door.label("door_open"),
        own.add_columns(func.count()).scalar_subquery().label("own_checkins"),
        own.add_columns(func.sum(CheckIn.rating)).scalar_subquery().label("own_rating_total"),
        latest.label("latest_verdict_overall"),
    )


@cache
def bench_options(dialect: str) -> Select[Any]:
    """The first choices and runner-ups of some requisitions, best-ranked first, with what
    says whether to call a runner-up (parameters as `options_in_statuses`): the bench in one
    statement whatever the number of options and check-ins."""
    return built_once(options_in_statuses(dialect, *_runner_up_facts()))


def _checkins(evidence: Evidence) -> str:
    plural = "s" if evidence.checkins != 1 else ""
    return f"{evidence.checkins} check-in{plural} averaging {evidence.average_rating}/5"


@dataclass(slots=True)
class RunnerUpFacts:
    """A runner-up on the bench: its option document and what says whether to call them."""

    option: dict[str, Any]
    warmth: Warmth
    last_touch_at: datetime | None
    door_open: bool
    evidence: Evidence

    def document(self) -> dict[str, Any]:
        return {
            "option": self.option,
            "warmth": self.warmth,
            "last_touch_at": self.last_touch_at,
            "door_open": self.door_open,
            "evidence": self.evidence.model_dump(),
        }


def _recommend(runner_ups: Sequence[RunnerUpFacts]) -> Recommendation | None:
    eligible = [r for r in runner_ups if r.warmth == "warm" and r.door_open]
    if not eligible:
        return None
    best = min(
        eligible,
        key=lambda r: (
            r.option["rank"] is None,
            r.option["rank"] or 0,
            -(r.evidence.average_rating or 0),
            -r.evidence.checkins,
        ),
    )
    rank = best.option["rank"]
    reasons = [f"ranked #{rank}" if rank else "the only warm runner-up"]
    if best.last_touch_at is not None:
        days = (utcnow() - best.last_touch_at).days
        reasons.append(f"warm: last contact {days} day{'s' if days != 1 else ''} ago")
    reasons.append("door open: their last note left it open")
    interim = Evidence.model_validate(best.option["interim_evidence"])
    if interim.checkins:
        reasons.append(
            f"interim evidence: {_checkins(interim)}, latest verdict {interim.latest_verdict}"
        )
    if best.evidence.checkins > interim.checkins:
        reasons.append(f"evidence overall: {_checkins(best.evidence)}")
    return Recommendation(option_id=best.option["id"], reasons=reasons)


def _facts(row: Any, now: datetime) -> RunnerUpFacts:
    checkins = row.checkins + row.own_checkins
    total = (row.rating_total or 0) + (row.own_rating_total or 0)
    return RunnerUpFacts(
        option=row_document(row),
        warmth=warmth(row.last_touch_at, now),
        last_touch_at=row.last_touch_at,
        door_open=row.door_open is not False,
        evidence=Evidence(
            checkins=checkins,
            average_rating=average_rating(total, checkins),
            latest_verdict=row.latest_verdict_overall,
        ),
    )


async def _on_the_bench(
    session: AsyncSession, organization_id: uuid.UUID, requisition_ids: Sequence[uuid.UUID]
) -> tuple[list[dict[str, Any]], list[RunnerUpFacts]]:
    """The first choices (documents) and runner-ups (with their facts) of the requisitions,
    best-ranked first: one statement, built once."""
    rows = await read_rows(
        session,
        bench_options(dialect_of(session)),
        {
            "organization_id": organization_id,
            "requisition_ids": list(requisition_ids),
            "statuses": [*SEATED, "runner_up"],
        },
    )
    now = utcnow()
    first = [row_document(row) for row in rows if row.status in SEATED]
    return first, [_facts(row, now) for row in rows if row.status == "runner_up"]


async def recommended_replacements(
    session: AsyncSession, organization_id: uuid.UUID, requisition_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[RunnerUpFacts, list[str]]]:
    """The bench's recommended replacement of each requisition that has one, and why (for
    the follow-ups that say whom to call), in the bench's few statements."""
    _, runner_ups = await _on_the_bench(session, organization_id, requisition_ids)
    by_requisition: dict[uuid.UUID, list[RunnerUpFacts]] = {}
    for runner_up in runner_ups:
        by_requisition.setdefault(runner_up.option["requisition_id"], []).append(runner_up)
    found = {}
    for requisition_id, runner_ups in by_requisition.items():
        best = _recommend(runner_ups)
        if best is not None:
            chosen = next(r for r in runner_ups if r.option["id"] == best.option_id)
            found[requisition_id] = (chosen, best.reasons)
    return found


@cache
def _next_check_ins() -> Select[Any]:
    due = option_check_ins(
        bindparam("today", type_=Date), option_ids=bindparam("option_ids", expanding=True)
    ).subquery()
    first = (
        select(due.c.option_id, func.min(due.c.due_on).label("due_on"))
        .group_by(due.c.option_id)
        .subquery()
    )
    return built_once(
        select(due.c.option_id, due.c.due_on, due.c.checkin_number).join(
            first, and_(first.c.option_id == due.c.option_id, first.c.due_on == due.c.due_on)
        )
    )


async def next_check_ins(
    session: AsyncSession, option_ids: Sequence[uuid.UUID], today: date
) -> dict[uuid.UUID, tuple[date, int]]:
    """Each first choice's next check-in of the cadence not yet recorded (in the past when it
    is overdue), and its number; none when the cadence is done."""
    if not option_ids:
        return {}
    rows = await read_rows(
        session, _next_check_ins(), {"today": today, "option_ids": list(option_ids)}
    )
    return {option_id: (due_on, number) for option_id, due_on, number in rows}


@cache
def _open_options() -> Select[Any]:
    return built_once(
        select(func.count()).where(
            Option.requisition_id == bindparam("requisition_id"), Option.status.not_in(CLOSED)
        )
    )


async def bench(
    session: AsyncSession, organization_id: uuid.UUID, requisition_id: uuid.UUID
) -> dict[str, Any]:
    """The bench as `GET /v1/requisitions/{id}/bench` shows it (a `BenchOut` document)."""
    first, runner_ups = await _on_the_bench(session, organization_id, [requisition_id])
    today = utcnow().date()
    upcoming = await next_check_ins(session, [o["id"] for o in first], today)
    check_ins = [
        {
            "option_id": o["id"],
            "next_check_in_on": upcoming[o["id"]][0] if o["id"] in upcoming else None,
            "checkin_number": upcoming[o["id"]][1] if o["id"] in upcoming else None,
            "overdue": o["id"] in upcoming and upcoming[o["id"]][0] < today,
        }
        for o in first
    ]
    flags: list[Flag] = []
    if not runner_ups:
        flags.append("no_runner_up")
    if any(o["at_risk"] for o in first):
        flags.append("first_choice_at_risk")
    if any(c["overdue"] for c in check_ins):
        flags.append("check_in_overdue")
    if any(r.warmth == "cold" for r in runner_ups):
        flags.append("runner_up_cold")
    # Two on the bench are two open options; below that, the others still open are counted.
    if len(first) + len(runner_ups) < 2 and (
        (await read_rows(session, _open_options(), {"requisition_id": requisition_id}))[0][0] == 1
    ):
        flags.append("single_option")
    recommendation = _recommend(runner_ups)
    return {
        "requisition_id": requisition_id,
        "first_choices": first,
        "check_ins": check_ins,
        "runner_ups": [r.document() for r in runner_ups],
        "recommended_replacement": recommendation.model_dump() if recommendation else None,
        "flags": flags,
    }


REASONS = {
    "no_current_need": "there is no need for the role right now",
    "chose_another_candidate": "we chose another candidate",
    "chose_another_provider": "we chose another provider",
    "skills_gap": "the role needs skills we did not see enough of this time",
    "experience_level": "the role needs a different level of experience",
    "timing": "the timing does not work",
    "compensation": "we could not meet on compensation",
    "location": "the location does not work",
    "role_closed": "the role was closed",
    "candidate_withdrew": "you withdrew",
    "performance": "the engagement did not meet its goals",
    "other": "of reasons we have shared with you",
}


async def latest_note(session: AsyncSession, option: Option) -> Note | None:
    """The latest note of the option's current status: an old "no" does not speak for a
    reactivated option."""
    return await session.scalar(
        select(Note)
        .where(Note.option_id == option.id, Note.created_at >= option.status_changed_at)
        .order_by(Note.created_at.desc(), Note.id.desc())
        .limit(1)
    )


def standing(option: Option, requisition: Requisition, note: Note | None) -> StandingOut:
    """Where the candidate stands, worded so it can be passed on as it is."""
    role = requisition.title
    door_open = note.door_open if note is not None else option.status != "withdrawn"
    why = REASONS[note.reason_code] if note is not None else None
    door = (
        "The door stays open: we would like to stay in touch."
        if door_open
        else "We do not expect to reopen this."
    )
    match option.status:
        case "considering":
            headline = "Still in consideration"
            explanation = f"You are among the people we are considering for {role}."
            next_step = "We will tell you as soon as we decide."
        case "on_hold":
            headline = "Not now — and not a no" if door_open else "Not now"
            explanation = f"We have paused on {role}" + (f" because {why}." if why else ".")
            next_step = (
                f"We plan to come back to you around {option.revisit_on.isoformat()}."
                if option.revisit_on
                else "We will come back to you when the need returns."
            )
        case "runner_up" if door_open:
            headline = "A strong option we are keeping close"
            explanation = (
                f"You remain a strong option for {role}; we have not closed the door and will "
                "stay in touch."
            )
            next_step = "We will keep you posted on how the role develops."
        case "runner_up":
            headline = "Not moving forward for now"
            explanation = f"We are moving ahead with someone else for {role}" + (
                f" because {why}." if why else "."
            )
            next_step = door
        case "selected":
            headline = "You have been selected"
            explanation = f"You are our choice for {role}."
            next_step = "We will confirm the start and next steps with you."
        case "hired":
            headline = "Welcome aboard"
            explanation = f"You have been hired for {role}."
            next_step = (
                f"Your start date is {option.start_date.isoformat()}."
                if option.start_date
                else "We will confirm your start date."
            )
        case "declined":
            headline = "Not moving forward this time"
            explanation = f"We are not moving forward for {role}" + (
                f" because {why}." if why else "."
            )
            next_step = door
        case "withdrawn":
            headline = "You withdrew"
            explanation = f"You stepped back from {role}; thank you for your time."
            next_step = "If your situation changes, tell us: we would be glad to talk again."
        case _:  # released
            headline = "The engagement has ended"
            explanation = f"Your engagement for {role} has ended" + (
                f" because {why}." if why else "."
            )
            next_step = door
    return StandingOut(
        status=option.status,
        headline=headline,
        explanation=explanation,
        next_step=next_step,
        door_open=door_open,
    )
