"""The follow-ups as an RFC 5545 calendar: `GET /v1/follow-ups.ics` and calendar feeds.

A calendar app polls its subscription; the same data must give the same bytes, so the ETag is a
hash of them and an unchanged calendar answers 304. Each event's UID names what it is about (a
note, or an option), not its date: a moved due date moves the same event.
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from typing import Any

import icalendar
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from app.followups.schemas import FollowUp
from app.followups.service import follow_ups
from app.models import Event
from app.models.base import utcnow

TITLES = {
    "keep_in_touch": "Keep in touch with {name}",
    "revisit_hold": "Revisit the hold on {name}",
    "warm_runner_up": "Check in with runner-up {name}",
    "check_in_due": "Check-in {number} on {name}",
    "call_runner_up": "{name} is at risk: call the runner-up",
}
HORIZON = timedelta(days=90)


def _header(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


CALENDAR_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An RFC 5545 calendar.",
        "content": {"text/calendar": {"schema": {"type": "string"}}},
        "headers": {"ETag": _header("ETag"), "Last-Modified": _header("Last-Modified")},
    },
    304: {
        "description": "Not Modified: the calendar is the one `If-None-Match` names.",
        "headers": {"ETag": _header("ETag"), "Last-Modified": _header("Last-Modified")},
    },
}


@dataclass(frozen=True)
class FollowUpCalendar:
    body: bytes
    etag: str
    last_modified: datetime


async def _last_modified(session: AsyncSession, organization_id: uuid.UUID) -> datetime:
    """When the calendar last changed, at the latest: follow-ups follow from the organization's
    data, and every change of it writes an event, or from the date (what is due, and when)."""
    last_event = await session.scalar(
        select(func.max(Event.occurred_at)).where(Event.organization_id == organization_id)
    )
    midnight = datetime.combine(utcnow().date(), time(), UTC)
    return max(last_event or midnight, midnight).replace(microsecond=0)


def _about(item: FollowUp) -> str:
    """What the item is about, not its date: the same check-in of a cadence, the same note."""
    if item.reason == "check_in_due":
        return f"{item.reason}.{item.engagement_id or item.option_id}.{item.checkin_number}"
    return f"{item.reason}.{item.note_id or item.option_id}"


def _description(item: FollowUp) -> str:
    text = f"Candidate {item.candidate_id}; requisition {item.requisition_id}" + (
        f"; option {item.option_id}" if item.option_id else ""
    )
    if item.engagement_id:
        text += f"; interim engagement {item.engagement_id}"
    if item.replacement is not None:
        who = item.replacement.candidate_name or "the recommended runner-up"
        text += f". Call {who}: " + "; ".join(item.replacement.reasons)
    return text


async def follow_up_calendar(
    session: AsyncSession, organization_id: uuid.UUID, due_before: date | None
) -> FollowUpCalendar:
    """The follow-ups due before `due_before` (default: 90 days from today)."""
    horizon = due_before or utcnow().date() + HORIZON
    items = await follow_ups(session, organization_id, horizon)
    stamp = await _last_modified(session, organization_id)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Shortlist//Follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Shortlist follow-ups")
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"{_about(item)}@shortlist")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_on)
        event.add("dtend", item.due_on + timedelta(days=1))
        name = item.candidate_name or "a candidate"
        event.add("summary", TITLES[item.reason].format(name=name, number=item.checkin_number))
        event.add("description", _description(item))
        calendar.add_component(event)
    body = calendar.to_ical()
    return FollowUpCalendar(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"', stamp)


def calendar_response(calendar: FollowUpCalendar, if_none_match: str | None) -> Response:
    headers = {
        "ETag": calendar.etag,
        "Last-Modified": format_datetime(calendar.last_modified, usegmt=True),
    }
    # If-None-Match compares weakly (RFC 9110 §13.1.2).
    tags = {tag.strip().removeprefix("W/") for tag in (if_none_match or "").split(",")}
    if "*" in tags or calendar.etag in tags:
        return Response(status_code=304, headers=headers)
    return Response(calendar.body, media_type="text/calendar; charset=utf-8", headers=headers)
