"""The option actions of contract §3: moves through the state machine, with their rules.

Every action starts from `load_for_action`: one statement that loads the option with what its
response shows and locks its requisition row, the one lock that guards headcount, the
reactivation swap and at-risk. The option is not read again after the change: the response is
built from the object in memory.
"""

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.checkins.service import update_at_risk
from app.kit.auth import Actor
from app.kit.errors import Conflict, NotFound
from app.kit.etag import check_if_match
from app.kit.event_types import EventType
from app.kit.events import record_event
from app.models import Note, Option, Requisition
from app.models.base import utcnow
from app.notes.service import add_option_note
from app.options.schemas import (
    DeclineBody,
    HireBody,
    HoldBody,
    KeepWarmBody,
    ReactivateBody,
    ReleaseBody,
    SelectBody,
    WithdrawBody,
)
from app.options.service import ActionTarget
from app.options.state_machine import (
    EVENT_TYPES,
    SEATED,
    TRANSITIONS,
    Action,
    OptionStatus,
    allowed_actions,
    reactivate_target,
)
from app.requisitions.status import follow_hires, seats

Document = dict[str, Any]


class InvalidTransition(Conflict):
    code = "invalid_transition"


class HeadcountReached(Conflict):
    code = "headcount_reached"


class InvalidReplacement(Conflict):
    code = "invalid_replacement"


def _begin(target: ActionTarget, if_match: str | None) -> tuple[Option, Requisition]:
    check_if_match(if_match, target.option.version)
    return target.option, target.requisition


def _target(option: Option, action: Action) -> OptionStatus:
    target = TRANSITIONS.get((option.status, action))  # type: ignore[arg-type]
    if target is None:
        allowed = allowed_actions(option.status)
        raise InvalidTransition(
            f"An option in status `{option.status}` cannot `{action}`; "
            f"allowed: {', '.join(allowed) or 'none'}.",
            current_status=option.status,
            allowed_actions=allowed,
        )
    return target


async def _ensure_seat(session: AsyncSession, requisition: Requisition) -> None:
    taken = len(await seats(session, requisition.id))
    if taken + 1 > requisition.headcount:
        raise HeadcountReached(
            f"The requisition's headcount of {requisition.headcount} is taken by selected "
            "and hired options; release one, or reactivate with `replaces`.",
            headcount=requisition.headcount,
            seats_taken=taken,
        )


async def _move(
    session: AsyncSession,
    actor: Actor,
    option: Option,
    action: Action,
    to: OptionStatus,
    reason: str | None,
    *,
    note: Note | None = None,
    **data: Any,
) -> None:
    before = option.status
    option.status = to
    option.status_reason = reason
    # A note written with the move belongs to the new status (bench and standing read only
    # the notes of the current status), so the move takes the note's instant.
    option.status_changed_at = note.created_at if note is not None else utcnow()
    if note is not None:
        data["note_id"] = str(note.id)
    record_event(
        session,
        actor,
        EVENT_TYPES[action],
        option.id,
        requisition_id=option.requisition_id,
        data={"from": before, "to": to, "reason": reason, **data},
    )
    if (to in SEATED) != (before in SEATED):
        # A first choice again is judged on its check-ins again; others are never at risk.
        await update_at_risk(session, actor, option)


async def _follow_hires(session: AsyncSession, actor: Actor, requisition: Requisition) -> None:
    """Fill the requisition when hires take every seat, reopen it when they no longer do."""
    await session.flush()
    hires = sum(status == "hired" for _, status in await seats(session, requisition.id))
    status = follow_hires(requisition.status, hires, requisition.headcount)
    if status != requisition.status:
        requisition.status = status
        event: EventType = "requisition.filled" if status == "filled" else "requisition.reopened"
        record_event(session, actor, event, requisition.id, requisition_id=requisition.id)


async def _done(session: AsyncSession, target: ActionTarget) -> Document:
    await session.flush()
    return target.document()


async def select_option(
    session: AsyncSession,
    actor: Actor,
    target: ActionTarget,
    body: SelectBody,
    if_match: str | None,
) -> Document:
    option, requisition = _begin(target, if_match)
    to = _target(option, "select")
    await _ensure_seat(session, requisition)
    await _move(session, actor, option, "select", to, body.reason)
    return await _done(session, target)


async def keep_warm(
    session: AsyncSession,
    actor: Actor,
    target: ActionTarget,
    body: KeepWarmBody,
    if_match: str | None,
) -> Document:
    option, _ = _begin(target, if_match)
    await _move(session, actor, option, "keep-warm", _target(option, "keep-warm"), body.reason)
    return await _done(session, target)


async def hold_option(
    session: AsyncSession, actor: Actor, target: ActionTarget, body: HoldBody, if_match: str | None
) -> Document:
    option, _ = _begin(target, if_match)
    to = _target(option, "hold")
    note = (
        await add_option_note(session, actor, option, "not_now", body.note) if body.note else None
    )
    option.revisit_on = body.revisit_on
    await _move(
        session,
        actor,
        option,
        "hold",
        to,
        body.reason,
        note=note,
        revisit_on=body.revisit_on.isoformat(),
    )
    return await _done(session, target)


async def decline_option(
    session: AsyncSession,
    actor: Actor,
    target: ActionTarget,
    body: DeclineBody,
    if_match: str | None,
    *,
    imported_reason: str | None = None,
) -> Document:
    """With `imported_reason` (the reason as an ATS names it, kept as `status_reason`), the
    rejection already happened elsewhere: its note is recorded even when the respect check
    finds errors, and the findings go on the event for the manager to see."""
    option, _ = _begin(target, if_match)
    to = _target(option, "decline")
    imported = imported_reason is not None
    note = await add_option_note(session, actor, option, "rejection", body.note, imported=imported)
    extra = {"imported": True, "respect_findings": note.respect_findings} if imported else {}
    await _move(
        session,
        actor,
        option,
        "decline",
        to,
        imported_reason or body.note.reason_code,
        note=note,
        reason_code=body.note.reason_code,
        door_open=body.note.door_open,
        **extra,
    )
    return await _done(session, target)


async def withdraw_option(
    session: AsyncSession,
    actor: Actor,
    target: ActionTarget,
    body: WithdrawBody,
    if_match: str | None,
) -> Document:
    option, _ = _begin(target, if_match)
    await _move(session, actor, option, "withdraw", _target(option, "withdraw"), body.reason)
    return await _done(session, target)


async def hire_option(
    session: AsyncSession, actor: Actor, target: ActionTarget, body: HireBody, if_match: str | None
) -> Document:
    option, requisition = _begin(target, if_match)
    to = _target(option, "hire")
    option.start_date = body.start_date
    await _move(session, actor, option, "hire", to, None, start_date=body.start_date.isoformat())
    await _follow_hires(session, actor, requisition)
    return await _done(session, target)


async def _release(
    session: AsyncSession,
    actor: Actor,
    option: Option,
    requisition: Requisition,
    reason: str,
    *,
    note: Note | None = None,
    **data: Any,
) -> None:
    was = option.status
    await _move(
        session, actor, option, "release", _target(option, "release"), reason, note=note, **data
    )
    if was == "hired":
        await _follow_hires(session, actor, requisition)


async def release_option(
    session: AsyncSession,
    actor: Actor,
    target: ActionTarget,
    body: ReleaseBody,
    if_match: str | None,
) -> Document:
    option, requisition = _begin(target, if_match)
    _target(option, "release")
    note = (
        await add_option_note(session, actor, option, "release", body.note) if body.note else None
    )
    await _release(session, actor, option, requisition, body.reason, note=note)
    return await _done(session, target)


async def reactivate_option(
    session: AsyncSession,
    actor: Actor,
    target: ActionTarget,
    body: ReactivateBody,
    if_match: str | None,
) -> Document:
    """Bring an option back; with `replaces`, the runner-up takes the first choice's seat:
    the replaced option is released and this one selected, in this one transaction."""
    option, requisition = _begin(target, if_match)
    _target(option, "reactivate")
    to = reactivate_target(body.to, replaces=body.replaces is not None)
    replaced = None
    if body.replaces is not None:
        replaced = await _replaceable(session, actor, option, body.replaces)
        await _release(
            session, actor, replaced, requisition, body.reason, replaced_by=str(option.id)
        )
        await session.flush()
    if to == "selected":
        await _ensure_seat(session, requisition)
    await _move(
        session,
        actor,
        option,
        "reactivate",
        to,
        body.reason,
        replaces=str(replaced.id) if replaced else None,
    )
    return await _done(session, target)


async def _replaceable(
    session: AsyncSession, actor: Actor, option: Option, replaced_id: uuid.UUID
) -> Option:
    replaced = await session.scalar(
        select(Option)
        .where(Option.id == replaced_id, Option.organization_id == actor.organization_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if replaced is None:
        raise NotFound(f"No option {replaced_id}.")
    if replaced.requisition_id != option.requisition_id or replaced.id == option.id:
        raise InvalidReplacement(
            "`replaces` must name another option of the same requisition.",
            replaces=str(replaced_id),
        )
    if replaced.status not in SEATED:
        raise InvalidReplacement(
            f"Option {replaced_id} is `{replaced.status}`, not selected or hired: there is "
            "no seat to take over (another reactivation may have replaced it already).",
            replaces=str(replaced_id),
            replaces_status=replaced.status,
        )
    return replaced
