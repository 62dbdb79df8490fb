from datetime import date, timedelta
from typing import Annotated

import icalendar
from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.db import Session
from app.followups import service
from app.followups.schemas import FollowUp
from app.kit.auth import ReadScope
from app.kit.pagination import Cursor, Limit, Page, page_response, paginate_sorted
from app.kit.schemas import Day
from app.models.base import utcnow

router = APIRouter(tags=["Follow-ups"])

DueBefore = Annotated[
    Day | None,
    Query(
        description="Items due before this date (exclusive). Default: tomorrow, so "
        "everything due today or earlier."
    ),
]

TITLES = {
    "keep_in_touch": "Keep in touch with {name}",
    "revisit_hold": "Revisit the hold on {name}",
    "warm_runner_up": "Check in with runner-up {name}",
}


def _tomorrow() -> date:
    return utcnow().date() + timedelta(days=1)


@router.get(
    "/v1/follow-ups",
    operation_id="listFollowUps",
    summary="Who to get back to, and when",
    response_model=Page[FollowUp],
)
async def list_follow_ups(
    actor: ReadScope,
    session: Session,
    request: Request,
    due_before: DueBefore = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Door-open notes with a `keep_in_touch_on` date (for candidates who consented), holds
    with a `revisit_on` date, and runner-ups not contacted for 14 days. A touchpoint with the
    candidate on or after the due date clears an item. Soonest first."""
    items = await service.follow_ups(session, actor.organization_id, due_before or _tomorrow())
    rows, next_cursor = paginate_sorted(
        items, key=service.sort_key, list_name="follow-ups", limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, lambda item: item)


@router.get(
    "/v1/follow-ups.ics",
    operation_id="getFollowUpCalendar",
    summary="Follow-ups as an iCalendar feed",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {}}, "description": "An RFC 5545 calendar."},
    },
)
async def follow_up_calendar(
    actor: ReadScope,
    session: Session,
    due_before: Annotated[Day | None, Query(description="Default: 90 days from today.")] = None,
) -> Response:
    """The same items as `GET /v1/follow-ups`, one all-day event each, for a calendar app."""
    horizon = due_before or utcnow().date() + timedelta(days=90)
    items = sorted(
        await service.follow_ups(session, actor.organization_id, horizon), key=service.sort_key
    )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Shortlist//Follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Shortlist follow-ups")
    stamp = utcnow()
    for item in items:
        event = icalendar.Event()
        uid = f"{item.reason}.{item.candidate_id}.{item.requisition_id}.{item.due_on}"
        event.add("uid", f"{uid}@shortlist")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_on)
        event.add("dtend", item.due_on + timedelta(days=1))
        event.add("summary", TITLES[item.reason].format(name=item.candidate_name or "a candidate"))
        event.add(
            "description",
            f"Candidate {item.candidate_id}; requisition {item.requisition_id}"
            + (f"; option {item.option_id}" if item.option_id else ""),
        )
        calendar.add_component(event)
    return Response(calendar.to_ical(), media_type="text/calendar; charset=utf-8")
