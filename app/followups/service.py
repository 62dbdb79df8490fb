"""Follow-ups: who to get back to, and when, so no open door is forgotten.

Three sources, each one query, plus one for the latest touchpoints and one for the options the
candidates hold: a bounded number of queries whatever the number of items. A touchpoint with
the candidate on or after an item's due date clears it.
"""

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.bench.service import WARM_WITHIN, last_touches
from app.followups.schemas import FollowUp
from app.models import Candidate, InterimEngagement, Note, Option
from app.options.state_machine import SEATED


async def follow_ups(
    session: AsyncSession, organization_id: uuid.UUID, due_before: date
) -> list[FollowUp]:
    """Open items due before `due_before` (exclusive)."""
    person = (Candidate.organization_id == organization_id, Candidate.erased_at.is_(None))
    notes = await session.execute(
        select(
            Note.candidate_id,
            Candidate.name,
            func.coalesce(Option.requisition_id, InterimEngagement.requisition_id),
            Note.keep_in_touch_on,
            Note.id,
        )
        .join(Candidate, Candidate.id == Note.candidate_id)
        .outerjoin(Option, Option.id == Note.option_id)
        .outerjoin(InterimEngagement, InterimEngagement.id == Note.engagement_id)
        .where(
            *person,
            Candidate.keep_in_touch_consent.is_(True),
            Note.door_open.is_(True),
            Note.keep_in_touch_on < due_before,
        )
    )
    holds = await session.execute(
        select(Option.candidate_id, Candidate.name, Option.requisition_id, Option.revisit_on)
        .join(Candidate, Candidate.id == Option.candidate_id)
        .where(*person, Option.status == "on_hold", Option.revisit_on < due_before)
    )
    runner_ups = (
        await session.execute(
            select(
                Option.candidate_id,
                Candidate.name,
                Option.requisition_id,
                Option.status_changed_at,
            )
            .join(Candidate, Candidate.id == Option.candidate_id)
            .where(*person, Option.status == "runner_up")
        )
    ).all()

    rows = [
        *(("keep_in_touch", *row) for row in notes),
        *(("revisit_hold", *row, None) for row in holds),
    ]
    candidates = {row[1] for row in rows} | {row[0] for row in runner_ups}
    touched = await last_touches(session, list(candidates))
    for candidate_id, name, requisition_id, since in runner_ups:
        warm_until = touched.get(candidate_id, since) + WARM_WITHIN
        rows.append(("warm_runner_up", candidate_id, name, requisition_id, warm_until.date(), None))

    options = await _options_of(session, candidates)
    items: dict[tuple[str, ...], FollowUp] = {}
    for reason, candidate_id, name, requisition_id, due_on, note_id in rows:
        if due_on is None or due_on >= due_before:
            continue
        touch = touched.get(candidate_id)
        if touch is not None and touch.date() >= due_on:
            continue  # someone kept in touch on or after the due date
        option_id, status = options.get((candidate_id, requisition_id), (None, None))
        if reason == "keep_in_touch" and status in SEATED:
            continue  # they are the choice now; nothing to keep warm
        item = FollowUp(
            candidate_id=candidate_id,
            candidate_name=name,
            option_id=option_id,
            requisition_id=requisition_id,
            reason=reason,
            due_on=due_on,
            note_id=note_id,
        )
        # Two notes asking to keep in touch on the same day are one thing to do; the older
        # note's id names it, so its calendar UID does not depend on the query's order.
        same = items.get(sort_key(item))
        if same is None or str(note_id) < str(same.note_id):
            items[sort_key(item)] = item
    return list(items.values())


async def _options_of(
    session: AsyncSession, candidate_ids: set[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], tuple[uuid.UUID, str]]:
    if not candidate_ids:
        return {}
    rows = await session.execute(
        select(Option.candidate_id, Option.requisition_id, Option.id, Option.status).where(
            Option.candidate_id.in_(candidate_ids)
        )
    )
    return {(c, r): (o, s) for c, r, o, s in rows}


def sort_key(item: FollowUp) -> tuple[str, ...]:
    return (
        item.due_on.isoformat(),
        item.reason,
        str(item.candidate_id),
        str(item.requisition_id),
    )
