"""A requisition's status: which moves people make, and which follow from its options.

The one place both the requisition PATCH/PUT and the option actions (hire, release) ask.

- `filled` follows from hires: a requisition is `filled` exactly when its hires take the whole
  headcount, unless it is `closed`. A hire that takes the last seat fills it; releasing a hire,
  or raising the headcount above the hires, opens it again.
- People move between `open`, `on_hold` and `closed` (`MANUAL_MOVES`), and may close a filled
  requisition; they cannot open or hold one whose seats are all hired (release a hire or raise
  the headcount instead).
- The headcount never drops below the seats taken (selected and hired options).
"""

import uuid
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.errors import Conflict
from app.models import Option
from app.models.requisition import RequisitionStatus
from app.options.state_machine import SEATED

MANUAL_MOVES: Final[dict[str, frozenset[RequisitionStatus]]] = {
    "open": frozenset({"on_hold", "closed"}),
    "on_hold": frozenset({"open", "closed"}),
    "closed": frozenset({"open", "on_hold"}),
    "filled": frozenset({"closed"}),
}


class InvalidStatusChange(Conflict):
    code = "invalid_status_change"


class HeadcountBelowSeats(Conflict):
    code = "headcount_below_seats"


def follow_hires(status: str, hires: int, headcount: int) -> str:
    """The status that `hires` of `headcount` seats make of `status`."""
    if status in ("open", "on_hold") and hires >= headcount:
        return "filled"
    if status == "filled" and hires < headcount:
        return "open"
    return status


async def seats(session: AsyncSession, requisition_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """The options taking a seat of the headcount: `(option id, status)`, selected or hired."""
    rows = await session.execute(
        select(Option.id, Option.status)
        .where(Option.requisition_id == requisition_id, Option.status.in_(SEATED))
        .order_by(Option.status_changed_at, Option.id)
    )
    return [(row.id, row.status) for row in rows]


def check_headcount(headcount: int, taken: list[tuple[uuid.UUID, str]]) -> None:
    if headcount < len(taken):
        raise HeadcountBelowSeats(
            f"A headcount of {headcount} is below the {len(taken)} seats taken by selected "
            "and hired options; release or withdraw one of them first.",
            headcount=headcount,
            seats_taken=len(taken),
            seats=[{"option_id": str(option_id), "status": status} for option_id, status in taken],
        )


def check_manual_move(current: str, wanted: str, hires: int, headcount: int) -> None:
    """Refuse a status set by hand that is not a manual move, or that the hires contradict."""
    if wanted == current:
        return
    allowed = sorted(MANUAL_MOVES.get(current, frozenset()))
    if wanted not in allowed:
        raise InvalidStatusChange(
            f"A `{current}` requisition cannot be set to `{wanted}` by hand; "
            f"allowed: {', '.join(allowed) or 'none'}.",
            current_status=current,
            allowed_statuses=allowed,
        )
    if follow_hires(wanted, hires, headcount) != wanted:
        raise InvalidStatusChange(
            f"All {headcount} seats are hired, so the requisition is filled, not `{wanted}`; "
            "release a hire or raise the headcount to open it.",
            current_status=current,
            allowed_statuses=allowed,
        )
