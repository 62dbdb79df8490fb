"""The option state machine: the one table of `(status, action) → status`.

`allowed_actions`, the 409 `invalid_transition` errors and the API documentation all read it.
"""

from typing import Final, Literal, get_args

from app.kit.event_types import EventType
from app.models.option import OptionStatus

__all__ = ["OptionStatus"]  # the option's statuses are the model's; the moves are here

Action = Literal[
    "select", "keep-warm", "hold", "decline", "withdraw", "hire", "release", "reactivate"
]

ACTIONS: Final[tuple[Action, ...]] = get_args(Action)

# `reactivate` lands on `considering` unless its body asks for `selected` (or replaces a
# first choice); the table holds the default.
TRANSITIONS: Final[dict[tuple[OptionStatus, Action], OptionStatus]] = {
    ("considering", "select"): "selected",
    ("on_hold", "select"): "selected",
    ("runner_up", "select"): "selected",
    ("considering", "keep-warm"): "runner_up",
    ("on_hold", "keep-warm"): "runner_up",
    ("selected", "keep-warm"): "runner_up",
    ("considering", "hold"): "on_hold",
    ("runner_up", "hold"): "on_hold",
    ("considering", "decline"): "declined",
    ("on_hold", "decline"): "declined",
    ("runner_up", "decline"): "declined",
    ("considering", "withdraw"): "withdrawn",
    ("on_hold", "withdraw"): "withdrawn",
    ("runner_up", "withdraw"): "withdrawn",
    ("selected", "withdraw"): "withdrawn",
    ("selected", "hire"): "hired",
    ("selected", "release"): "released",
    ("hired", "release"): "released",
    ("on_hold", "reactivate"): "considering",
    ("runner_up", "reactivate"): "considering",
    ("declined", "reactivate"): "considering",
    ("withdrawn", "reactivate"): "considering",
    ("released", "reactivate"): "considering",
}


def reactivate_target(to: OptionStatus | None, *, replaces: bool) -> OptionStatus:
    """Where `reactivate` lands: `to` if asked, `selected` when it replaces a first choice,
    otherwise the table's `considering`."""
    if to is not None:
        return to
    return "selected" if replaces else TRANSITIONS[("on_hold", "reactivate")]


# What `reactivate` may be asked to land on (`ReactivateBody.to`).
REACTIVATE_TARGETS: Final[tuple[OptionStatus, ...]] = ("considering", "selected")


# Read for every option a list shows, so worked out once from the table.
_ALLOWED: Final[dict[str, tuple[Action, ...]]] = {
    status: tuple(action for action in ACTIONS if (status, action) in TRANSITIONS)
    for status in get_args(OptionStatus)
}


def allowed_actions(status: str) -> list[Action]:
    """The actions an option in `status` can take, in the table's order."""
    return list(_ALLOWED.get(status, ()))


# The event each action writes.
EVENT_TYPES: Final[dict[Action, EventType]] = {
    "select": "option.selected",
    "keep-warm": "option.kept_warm",
    "hold": "option.held",
    "decline": "option.declined",
    "withdraw": "option.withdrawn",
    "hire": "option.hired",
    "release": "option.released",
    "reactivate": "option.reactivated",
}

# Statuses of a closed door (the option is out of play until reactivated).
CLOSED: Final[frozenset[OptionStatus]] = frozenset({"declined", "withdrawn", "released"})

# Statuses that take a seat of the requisition's headcount.
SEATED: Final[frozenset[OptionStatus]] = frozenset({"selected", "hired"})
