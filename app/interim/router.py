from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.candidates.service import CandidateErased
from app.checkins.schemas import CheckInCreate, CheckInOut
from app.checkins.service import CheckInNotAllowed, list_checkins
from app.db import Session
from app.interim import service
from app.interim.dependencies import ValidEngagement
from app.interim.schemas import EngagementCreate, EngagementEnd, EngagementOut, EngagementUpdate
from app.interim.service import EngagementEnded
from app.kit.auth import ReadScope, WriteScope
from app.kit.errors import responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created, resource_response
from app.models import InterimEngagement
from app.models.interim_engagement import EngagementStatus
from app.notes.service import NoteNotRespectful
from app.requisitions.dependencies import ParentRequisition

router = APIRouter(tags=["Interim engagements"])


def _out(engagement: InterimEngagement) -> EngagementOut:
    return EngagementOut.of(engagement, service.today())


@router.post(
    "/v1/requisitions/{requisition_id}/interim-engagements",
    operation_id="createInterimEngagement",
    summary="Bring in an interim while the decision waits",
    responses=responses(CandidateErased),
    status_code=201,
    response_model=EngagementOut,
)
async def create_engagement(
    actor: WriteScope, session: Session, requisition: ParentRequisition, body: EngagementCreate
) -> Response:
    """A person or an agency fills the role for a while: an extended interview. The same
    candidate may also be an option on the requisition; their check-ins then count as that
    option's evidence. `planned` until `starts_on`, then `active`."""
    engagement = await service.create_engagement(session, actor, requisition, body)
    return created(_out(engagement), f"/v1/interim-engagements/{engagement.id}")


@router.get(
    "/v1/requisitions/{requisition_id}/interim-engagements",
    operation_id="listInterimEngagements",
    summary="List a requisition's interim engagements",
    response_model=Page[EngagementOut],
)
async def list_engagements(
    actor: ReadScope,
    session: Session,
    request: Request,
    requisition: ParentRequisition,
    status: Annotated[EngagementStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first."""
    rows, next_cursor = await service.list_engagements(
        session, requisition, status=status, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, _out)


@router.get(
    "/v1/interim-engagements/{engagement_id}",
    operation_id="getInterimEngagement",
    summary="Get an interim engagement",
    response_model=EngagementOut,
)
async def get_engagement(actor: ReadScope, engagement: ValidEngagement) -> Response:
    """With its effective `status`: a planned engagement is active from `starts_on`."""
    return resource_response(_out(engagement))


@router.patch(
    "/v1/interim-engagements/{engagement_id}",
    operation_id="updateInterimEngagement",
    summary="Change an interim engagement's dates or scope, or start it",
    responses=responses(EngagementEnded),
    response_model=EngagementOut,
)
async def update_engagement(
    actor: WriteScope,
    session: Session,
    engagement: ValidEngagement,
    body: EngagementUpdate,
    if_match: IfMatch = None,
) -> Response:
    """`status: active` starts a planned engagement now. `ends_on` must not precede
    `starts_on`. An ended engagement cannot change (409 `engagement_ended`)."""
    check_if_match(if_match, engagement.version)
    engagement = await service.update_engagement(session, actor, engagement, body)
    return resource_response(_out(engagement))


@router.post(
    "/v1/interim-engagements/{engagement_id}/end",
    operation_id="endInterimEngagement",
    summary="End an interim engagement",
    responses=responses(EngagementEnded, CandidateErased, NoteNotRespectful),
    response_model=EngagementOut,
)
async def end_engagement(
    actor: WriteScope,
    session: Session,
    engagement: ValidEngagement,
    body: EngagementEnd,
    if_match: IfMatch = None,
) -> Response:
    """Ends it today (or on its planned end, if earlier) with a reason. A `note` to the interim
    must pass the respect check (422 `note_not_respectful`); a door-open note with
    `keep_in_touch_on` becomes a follow-up."""
    check_if_match(if_match, engagement.version)
    engagement = await service.end_engagement(session, actor, engagement, body)
    return resource_response(_out(engagement))


@router.post(
    "/v1/interim-engagements/{engagement_id}/check-ins",
    operation_id="createInterimCheckIn",
    summary="Record a check-in on an interim's work",
    responses=responses(CheckInNotAllowed),
    status_code=201,
    response_model=CheckInOut,
)
async def create_checkin(
    actor: WriteScope, session: Session, engagement: ValidEngagement, body: CheckInCreate
) -> Response:
    """Evidence for the interim's option on the same requisition (count, average rating,
    latest verdict), shown on the option and on the bench. 409 `checkin_not_allowed` before
    the engagement starts."""
    checkin = await service.record_interim_checkin(session, actor, engagement, body)
    return created(
        CheckInOut.model_validate(checkin), f"/v1/interim-engagements/{engagement.id}/check-ins"
    )


@router.get(
    "/v1/interim-engagements/{engagement_id}/check-ins",
    operation_id="listInterimCheckIns",
    summary="List an interim engagement's check-ins",
    response_model=Page[CheckInOut],
)
async def list_engagement_checkins(
    actor: ReadScope,
    session: Session,
    request: Request,
    engagement: ValidEngagement,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first, by the day they happened."""
    rows, next_cursor = await list_checkins(session, engagement, limit=limit, cursor=cursor)
    return page_response(request, rows, next_cursor, CheckInOut.model_validate)
