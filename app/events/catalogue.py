"""Every event type the service writes, with what it means: the one list webhook endpoints
subscribe from and the documentation reads. Its keys are exactly `EventType`'s names
(`tests/events/test_events.py` checks it)."""

from typing import Final

from app.kit.event_types import EventType
from app.kit.outbox import TEST_EVENT
from app.options.state_machine import ACTIONS
from app.options.state_machine import EVENT_TYPES as OPTION_ACTION_EVENTS

EVENT_TYPES: Final[dict[EventType, str]] = {
    "requisition.created": "A requisition was opened.",
    "requisition.updated": "A requisition's fields changed (`data.changed`).",
    "requisition.filled": "Hires reached the headcount.",
    "requisition.reopened": "A hire was released, so a filled requisition is open again.",
    "candidate.created": "A candidate (person or agency) was added.",
    "candidate.updated": "A candidate's fields changed (`data.changed`).",
    "candidate.erased": "A candidate's personal data was erased.",
    "option.created": "A candidate became an option of a requisition.",
    "option.updated": "An option's rank or fields changed.",
    **{
        OPTION_ACTION_EVENTS[action]: f"The option took the `{action}` action "
        "(`data.from`, `data.to`, `data.reason`)."
        for action in ACTIONS
    },
    "option.at_risk": "A first choice became at risk from its check-ins.",
    "note.created": "A note was written to or about a candidate.",
    "note.delivery_scheduled": "A note is to be emailed to the candidate after `data.send_after`.",
    "note.delivered": "A note was emailed to the candidate (`data.sent_at`).",
    "note.delivery_failed": "A note's email failed after every retry.",
    "note.delivery_cancelled": "A note's email was cancelled before it left "
    "(`data.reason`: `requested` or `erased`).",
    "note_template.created": "A note template was added.",
    "checkin.recorded": "A check-in on a first choice or an interim was recorded.",
    "touchpoint.logged": "Someone kept in touch with a candidate.",
    "follow_up.due": "A follow-up became due (`data.reason`, `data.due_on`, the candidate, "
    "option, note or engagement, `data.checkin_number`); written once per item by the worker, "
    "on its due day or, if no worker ran then, the day after. The subject is the item's "
    "stable id.",
    "interim.created": "An interim engagement was planned.",
    "interim.started": "An interim engagement started.",
    "interim.updated": "An interim engagement's dates or scope changed.",
    "interim.ended": "An interim engagement ended.",
    "api_key.created": "An API key was created (its secret never appears).",
    "api_key.revoked": "An API key was revoked.",
    "webhook_endpoint.created": "A webhook endpoint was added (its secret never appears).",
    "webhook_endpoint.updated": "A webhook endpoint's settings changed (`data.changed`).",
    "webhook_endpoint.secret_rotated": "A webhook endpoint's signing secret was rotated.",
    "webhook_endpoint.disabled": "Shortlist disabled a failing endpoint (`data.reason`).",
    "webhook_endpoint.deleted": "A webhook endpoint was deleted.",
    "integration.created": "An ATS integration (Greenhouse, Lever) was connected.",
    "integration.deleted": "An ATS integration was disconnected.",
    "calendar_feed.created": "A calendar feed URL was created (its token never appears).",
    "calendar_feed.revoked": "A calendar feed URL was revoked.",
    TEST_EVENT: "Sent on request to one endpoint only, to check that it receives and verifies.",
}
