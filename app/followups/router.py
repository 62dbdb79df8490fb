from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.db import Session
from app.followups import service
from app.followups.calendar import CALENDAR_RESPONSES, calendar_response, follow_up_calendar
from app.followups.schemas import FollowUp
from app.kit.auth import ReadScope
from app.kit.etag import IfNoneMatch
from app.kit.pagination import Cursor, Limit, Page, page_response
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
    with a `revisit_on` date, and runner-ups not contacted for 14 days: a touchpoint with the
    candidate on or after the due date clears these. Check-ins due by the cadence
    (`check_in_due`: a first choice's on the requisition's `checkin_cadence_days` after its
    start, an interim's every 7 days), cleared by a check-in on or after the due date and
    before the next. And `call_runner_up`, 2 days after a first choice turned at risk, naming
    the bench's recommended replacement; a touchpoint with a runner-up of the requisition or
    the risk's end clears it. Soonest first, then by reason, candidate and requisition."""
    items, next_cursor = await service.follow_up_page(
        session, actor.organization_id, due_before or _tomorrow(), limit=limit, cursor=cursor
    )
    return page_response(request, items, next_cursor, lambda item: item)


@router.get(
    "/v1/follow-ups.ics",
    operation_id="getFollowUpCalendar",
    summary="Follow-ups as an iCalendar feed",
    response_class=Response,
    responses=CALENDAR_RESPONSES,
)
async def get_follow_up_calendar(
    actor: ReadScope,
    session: Session,
    due_before: Annotated[Day | None, Query(description="Default: 90 days from today.")] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The same items as `GET /v1/follow-ups`, one all-day event each, for a calendar app.
    A calendar app that cannot send a header subscribes to a calendar feed instead
    (`POST /v1/calendar-feeds`)."""
    calendar = await follow_up_calendar(session, actor.organization_id, due_before)
    return calendar_response(calendar, if_none_match)
