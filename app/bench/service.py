"""Decision support: the bench of a requisition, and an option's standing.

Both are read in a fixed number of queries whatever the number of options: one per kind of
fact (options, touchpoints, notes, check-ins), each grouped in the database.
"""

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select, tuple_, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from app.bench.schemas import (
    BenchOut,
    Flag,
    NextCheckIn,
    Recommendation,
    RunnerUp,
    StandingOut,
    Warmth,
)
from app.checkins.cadence import option_check_ins
from app.kit.pagination import sort_order
from app.models import CheckIn, InterimEngagement, Note, Option, Requisition, Touchpoint
from app.models.base import utcnow
from app.options.schemas import Evidence, OptionOut
from app.options.service import LOAD, ORDER
from app.options.state_machine import CLOSED, SEATED

WARM_WITHIN = timedelta(days=14)
COOLING_WITHIN = timedelta(days=30)


def warmth(last_touch_at: datetime | None, now: datetime) -> Warmth:
    if last_touch_at is None or now - last_touch_at > COOLING_WITHIN:
        return "cold"
    return "warm" if now - last_touch_at <= WARM_WITHIN else "cooling"


async def last_touches(
    session: AsyncSession, candidate_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    if not candidate_ids:
        return {}
    rows = await session.execute(
        select(Touchpoint.candidate_id, func.max(Touchpoint.occurred_at))
        .where(Touchpoint.candidate_id.in_(candidate_ids))
        .group_by(Touchpoint.candidate_id)
    )
    return {candidate_id: at for candidate_id, at in rows}


async def doors_open(
    session: AsyncSession, option_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, bool]:
    """Whether each option's latest note of its current status leaves the door open (no
    such note: open)."""
    if not option_ids:
        return {}
    latest = (
        select(Note.option_id, func.max(Note.created_at))
        .join(Option, Option.id == Note.option_id)
        .where(Note.option_id.in_(option_ids), Note.created_at >= Option.status_changed_at)
        .group_by(Note.option_id)
    )
    rows = await session.execute(
        select(Note.option_id, Note.door_open).where(
            tuple_(Note.option_id, Note.created_at).in_(latest)
        )
    )
    found = {option_id: door_open for option_id, door_open in rows}
    return {option_id: found.get(option_id, True) for option_id in option_ids}


async def evidence(session: AsyncSession, options: Sequence[Option]) -> dict[uuid.UUID, Evidence]:
    """Every check-in on each option's candidate's work for the requisition: on the option
    itself and on their interim engagements, in one query."""
    ids = [o.id for o in options]
    found: dict[uuid.UUID, list[Any]] = {i: [] for i in ids}
    if ids:
        own = select(
            CheckIn.option_id.label("option_id"),
            CheckIn.rating,
            CheckIn.verdict,
            CheckIn.occurred_on,
            CheckIn.created_at,
        ).where(CheckIn.option_id.in_(ids))
        interim = (
            select(
                Option.id, CheckIn.rating, CheckIn.verdict, CheckIn.occurred_on, CheckIn.created_at
            )
            .join(
                InterimEngagement,
                and_(
                    InterimEngagement.requisition_id == Option.requisition_id,
                    InterimEngagement.candidate_id == Option.candidate_id,
                ),
            )
            .join(CheckIn, CheckIn.engagement_id == InterimEngagement.id)
            .where(Option.id.in_(ids))
        )
        rows = union_all(own, interim).subquery()
        for row in await session.execute(
            select(rows).order_by(rows.c.occurred_on, rows.c.created_at)
        ):
            found[row.option_id].append(row)
    return {i: Evidence.of(checkins) for i, checkins in found.items()}


def _checkins(evidence: Evidence) -> str:
    plural = "s" if evidence.checkins != 1 else ""
    return f"{evidence.checkins} check-in{plural} averaging {evidence.average_rating}/5"


def _recommend(runner_ups: Sequence[RunnerUp]) -> Recommendation | None:
    eligible = [r for r in runner_ups if r.warmth == "warm" and r.door_open]
    if not eligible:
        return None
    best = min(
        eligible,
        key=lambda r: (
            r.option.rank is None,
            r.option.rank or 0,
            -(r.evidence.average_rating or 0),
            -r.evidence.checkins,
        ),
    )
    reasons = [f"ranked #{best.option.rank}" if best.option.rank else "the only warm runner-up"]
    if best.last_touch_at is not None:
        days = (utcnow() - best.last_touch_at).days
        reasons.append(f"warm: last contact {days} day{'s' if days != 1 else ''} ago")
    reasons.append("door open: their last note left it open")
    interim = best.option.interim_evidence
    if interim.checkins:
        reasons.append(
            f"interim evidence: {_checkins(interim)}, latest verdict {interim.latest_verdict}"
        )
    if best.evidence.checkins > interim.checkins:
        reasons.append(f"evidence overall: {_checkins(best.evidence)}")
    return Recommendation(option_id=best.option.id, reasons=reasons)


async def _runner_ups(session: AsyncSession, warm: Sequence[Option]) -> list[RunnerUp]:
    """The runner-ups with their warmth, door and evidence: three statements for any number."""
    touches = await last_touches(session, [o.candidate_id for o in warm])
    doors = await doors_open(session, [o.id for o in warm])
    proof = await evidence(session, warm)
    now = utcnow()
    return [
        RunnerUp(
            option=OptionOut.model_validate(o),
            warmth=warmth(touches.get(o.candidate_id), now),
            last_touch_at=touches.get(o.candidate_id),
            door_open=doors[o.id],
            evidence=proof[o.id],
        )
        for o in warm
    ]


async def recommended_replacements(
    session: AsyncSession, requisition_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[RunnerUp, list[str]]]:
    """The bench's recommended replacement of each requisition that has one, and why (for
    the follow-ups that say whom to call), in the bench's few statements."""
    warm = (
        await session.scalars(
            select(Option)
            .where(Option.requisition_id.in_(requisition_ids), Option.status == "runner_up")
            .options(*LOAD)
            .order_by(Option.requisition_id, *sort_order(ORDER))
        )
    ).unique()
    by_requisition: dict[uuid.UUID, list[RunnerUp]] = {}
    for runner_up in await _runner_ups(session, list(warm)):
        by_requisition.setdefault(runner_up.option.requisition_id, []).append(runner_up)
    found = {}
    for requisition_id, runner_ups in by_requisition.items():
        best = _recommend(runner_ups)
        if best is not None:
            chosen = next(r for r in runner_ups if r.option.id == best.option_id)
            found[requisition_id] = (chosen, best.reasons)
    return found


async def next_check_ins(
    session: AsyncSession, option_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[date, int]]:
    """Each first choice's next check-in of the cadence not yet recorded (in the past when it
    is overdue), and its number; none when the cadence is done."""
    if not option_ids:
        return {}
    due = option_check_ins(utcnow().date(), option_ids=option_ids).subquery()
    first = (
        select(due.c.option_id, func.min(due.c.due_on).label("due_on"))
        .group_by(due.c.option_id)
        .subquery()
    )
    rows = await session.execute(
        select(due.c.option_id, due.c.due_on, due.c.checkin_number).join(
            first, and_(first.c.option_id == due.c.option_id, first.c.due_on == due.c.due_on)
        )
    )
    return {option_id: (due_on, number) for option_id, due_on, number in rows}


async def bench(session: AsyncSession, requisition: Requisition) -> BenchOut:
    options = list(
        (
            await session.scalars(
                select(Option)
                .where(Option.requisition_id == requisition.id)
                .options(*LOAD)
                .order_by(*sort_order(ORDER))
            )
        ).unique()
    )
    first = [o for o in options if o.status in SEATED]
    runner_ups = await _runner_ups(session, [o for o in options if o.status == "runner_up"])
    upcoming = await next_check_ins(session, [o.id for o in first])
    today = utcnow().date()
    check_ins = [
        NextCheckIn(
            option_id=o.id,
            next_check_in_on=upcoming[o.id][0] if o.id in upcoming else None,
            checkin_number=upcoming[o.id][1] if o.id in upcoming else None,
            overdue=o.id in upcoming and upcoming[o.id][0] < today,
        )
        for o in first
    ]
    flags: list[Flag] = []
    if not runner_ups:
        flags.append("no_runner_up")
    if any(o.at_risk for o in first):
        flags.append("first_choice_at_risk")
    if any(c.overdue for c in check_ins):
        flags.append("check_in_overdue")
    if any(r.warmth == "cold" for r in runner_ups):
        flags.append("runner_up_cold")
    if sum(o.status not in CLOSED for o in options) == 1:
        flags.append("single_option")
    return BenchOut(
        requisition_id=requisition.id,
        first_choices=[OptionOut.model_validate(o) for o in first],
        check_ins=check_ins,
        runner_ups=runner_ups,
        recommended_replacement=_recommend(runner_ups),
        flags=flags,
    )


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
