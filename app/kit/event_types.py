"""The event types, apart from the event writer so the models can import them."""

from typing import Literal

# The catalogue of event types, `<subject>.<what happened>`: the feed's `type`, its filter and
# the document's `EventType` enumeration all read it, and mypy refuses an event not listed.
EventType = Literal[
    "requisition.created",
    "requisition.updated",
    "requisition.filled",
    "requisition.reopened",
    "candidate.created",
    "candidate.updated",
    "candidate.erased",
    "option.created",
    "option.updated",
    "option.selected",
    "option.kept_warm",
    "option.held",
    "option.declined",
    "option.withdrawn",
    "option.hired",
    "option.released",
    "option.reactivated",
    "option.at_risk",
    "note.created",
    "note_template.created",
    "checkin.recorded",
    "interim.created",
    "interim.updated",
    "interim.started",
    "interim.ended",
    "touchpoint.logged",
    "api_key.created",
    "api_key.revoked",
    "calendar_feed.created",
    "calendar_feed.revoked",
]
