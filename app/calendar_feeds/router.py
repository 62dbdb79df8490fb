from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from app.calendar_feeds import service
from app.calendar_feeds.schemas import (
    TOKEN_PATTERN,
    CalendarFeedCreate,
    CalendarFeedCreated,
    CalendarFeedOut,
)
from app.db import Session
from app.followups.calendar import CALENDAR_RESPONSES, calendar_response, follow_up_calendar
from app.kit.auth import ReadScope, WriteScope, owned
from app.kit.errors import NotFound, responses
from app.kit.etag import IfMatch, IfNoneMatch, check_if_match
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created, resource_response
from app.models import CalendarFeed

router = APIRouter(prefix="/v1/calendar-feeds", tags=["Follow-ups"])

ValidCalendarFeed = Annotated[CalendarFeed, owned("calendar_feed_id", service.get_feed)]


@router.post(
    "",
    operation_id="createCalendarFeed",
    summary="Create a calendar feed (a secret subscription URL)",
    status_code=201,
    response_model=CalendarFeedCreated,
)
async def create_calendar_feed(
    actor: WriteScope, session: Session, request: Request, body: CalendarFeedCreate
) -> Response:
    """For calendar apps, which cannot send an API key: the `url` in this response serves the
    follow-up calendar (as `GET /v1/follow-ups.ics` does) to whoever has it, and nothing else.
    Shortlist keeps only a hash of it; revoke the feed to make the URL stop working."""
    feed, token = await service.create_feed(session, actor, body.name)
    out = CalendarFeedCreated(
        **CalendarFeedOut.model_validate(feed).model_dump(), url=service.feed_url(token)
    )
    request.state.replay_body = out.model_copy(update={"url": None}).model_dump_json().encode()
    return created(out, f"/v1/calendar-feeds/{feed.id}")


@router.get(
    "",
    operation_id="listCalendarFeeds",
    summary="List calendar feeds",
    response_model=Page[CalendarFeedOut],
)
async def list_calendar_feeds(
    actor: ReadScope, session: Session, request: Request, limit: Limit = 50, cursor: Cursor = None
) -> Response:
    """Every feed of the organization, revoked ones included, oldest first. No URLs."""
    rows, next_cursor = await service.list_feeds(
        session, actor.organization_id, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, CalendarFeedOut.model_validate)


# The feed's own paths take UUIDs only (`:uuid`), so that no method on `<token>.ics` reaches
# them: a DELETE there is 405, not a malformed id.
@router.get(
    "/{token}.ics",
    operation_id="getCalendarFeedCalendar",
    summary="A calendar feed's follow-ups (no API key: the URL is the secret)",
    response_class=Response,
    responses={**CALENDAR_RESPONSES, **responses(NotFound)},
)
async def calendar_feed_calendar(
    session: Session,
    token: Annotated[str, Path(pattern=TOKEN_PATTERN, description="The feed's secret token.")],
    if_none_match: IfNoneMatch = None,
) -> Response:
    """What `GET /v1/follow-ups.ics` serves for the feed's organization: follow-ups due in the
    next 90 days, one all-day event each, with a stable UID, so a moved due date moves the same
    event. 404 for an unknown or revoked feed."""
    feed = await service.feed_by_token(session, token)
    calendar = await follow_up_calendar(session, feed.organization_id, None)
    return calendar_response(calendar, if_none_match)


@router.get(
    "/{calendar_feed_id:uuid}",
    operation_id="getCalendarFeed",
    summary="Get a calendar feed",
    response_model=CalendarFeedOut,
)
async def get_calendar_feed(actor: ReadScope, feed: ValidCalendarFeed) -> Response:
    """The feed's name and whether it is revoked; never its URL."""
    return resource_response(CalendarFeedOut.model_validate(feed))


@router.delete(
    "/{calendar_feed_id:uuid}",
    operation_id="revokeCalendarFeed",
    summary="Revoke a calendar feed",
    response_model=CalendarFeedOut,
)
async def revoke_calendar_feed(
    actor: WriteScope, session: Session, feed: ValidCalendarFeed, if_match: IfMatch = None
) -> Response:
    """Its URL answers 404 from now on. The record stays, with `revoked_at` set."""
    check_if_match(if_match, feed.version)
    feed = await service.revoke_feed(session, actor, feed)
    return resource_response(CalendarFeedOut.model_validate(feed))
