from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.db import Session
from app.kit.auth import ReadScope, WriteScope
from app.kit.errors import responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.pagination import Cursor, Limit, Page, UpdatedAfter, page_response
from app.kit.responses import created, resource_response
from app.options import service
from app.options.dependencies import ValidOption
from app.options.schemas import OptionCreate, OptionOut, OptionUpdate
from app.options.state_machine import OptionStatus
from app.requisitions.dependencies import ValidRequisition

router = APIRouter(tags=["Options"])


@router.post(
    "/v1/requisitions/{requisition_id}/options",
    operation_id="createOption",
    summary="Add an option to a requisition",
    status_code=201,
    response_model=OptionOut,
    responses=responses(403, 404, 409),
)
async def create_option(
    actor: WriteScope, session: Session, requisition: ValidRequisition, body: OptionCreate
) -> Response:
    """Put a candidate in play for the requisition, in status `considering`. A candidate can be
    an option once per requisition (409 `option_exists`)."""
    option = await service.create_option(session, actor, requisition, body)
    return created(OptionOut.model_validate(option), f"/v1/options/{option.id}")


@router.get(
    "/v1/requisitions/{requisition_id}/options",
    operation_id="listOptions",
    summary="List a requisition's options",
    response_model=Page[OptionOut],
    responses=responses(403, 404),
)
async def list_options(
    actor: ReadScope,
    session: Session,
    request: Request,
    requisition: ValidRequisition,
    status: Annotated[OptionStatus | None, Query()] = None,
    updated_after: UpdatedAfter = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """By rank (1 first), unranked options last, each with its candidate's summary."""
    rows, next_cursor = await service.list_options(
        session,
        requisition,
        status=status,
        updated_after=updated_after,
        limit=limit,
        cursor=cursor,
    )
    page = Page[OptionOut](
        data=[OptionOut.model_validate(o) for o in rows], next_cursor=next_cursor
    )
    return page_response(request, page)


@router.get(
    "/v1/options/{option_id}",
    operation_id="getOption",
    summary="Get an option",
    response_model=OptionOut,
    responses=responses(403, 404),
)
async def get_option(actor: ReadScope, option: ValidOption) -> Response:
    return resource_response(OptionOut.model_validate(option))


@router.patch(
    "/v1/options/{option_id}",
    operation_id="updateOption",
    summary="Re-rank an option or edit its fit summary",
    response_model=OptionOut,
    responses=responses(403, 404, 409, 412),
)
async def update_option(
    actor: WriteScope,
    session: Session,
    option: ValidOption,
    body: OptionUpdate,
    if_match: IfMatch = None,
) -> Response:
    """Status changes go through the actions, not through PATCH."""
    check_if_match(if_match, option.version)
    option = await service.update_option(session, actor, option, body)
    return resource_response(OptionOut.model_validate(option))
