from fastapi import APIRouter, Request
from starlette.responses import Response

from app.checkins import service
from app.checkins.schemas import CheckInCreate, CheckInOut
from app.checkins.service import CheckInNotAllowed
from app.db import Session
from app.kit.auth import ReadScope, WriteScope
from app.kit.errors import responses
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created
from app.options.dependencies import ValidOption

router = APIRouter(tags=["Check-ins"])


@router.post(
    "/v1/options/{option_id}/check-ins",
    operation_id="createOptionCheckIn",
    summary="Record a check-in on a first choice",
    responses=responses(CheckInNotAllowed),
    status_code=201,
    response_model=CheckInOut,
)
async def create_checkin(
    actor: WriteScope, session: Session, option: ValidOption, body: CheckInCreate
) -> Response:
    """For `selected` or `hired` options (409 `checkin_not_allowed` otherwise). The option
    becomes `at_risk` when its latest check-in is `failing` or its two latest are both `below`
    or worse, which writes `option.at_risk`."""
    checkin = await service.record_option_checkin(session, actor, option, body)
    return created(CheckInOut.model_validate(checkin), f"/v1/options/{option.id}/check-ins")


@router.get(
    "/v1/options/{option_id}/check-ins",
    operation_id="listOptionCheckIns",
    summary="List an option's check-ins",
    response_model=Page[CheckInOut],
)
async def list_checkins(
    actor: ReadScope,
    session: Session,
    request: Request,
    option: ValidOption,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first, by the day they happened."""
    rows, next_cursor = await service.list_checkins(session, option, limit=limit, cursor=cursor)
    return page_response(request, rows, next_cursor, CheckInOut.model_validate)
