import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.db import Session
from app.events import service
from app.events.schemas import EventOut
from app.kit.auth import ReadScope
from app.kit.errors import NotFound, responses
from app.kit.event_types import EventType
from app.kit.pagination import Cursor, Limit, Page, page_document_response
from app.requisitions.dependencies import OwnedRequisitionId

router = APIRouter(tags=["Events"])

EventTypeFilter = Annotated[
    EventType | None,
    Query(alias="type", description="Only events of this type, e.g. `option.selected`."),
]


@router.get(
    "/v1/events",
    operation_id="listEvents",
    summary="The change feed",
    responses=responses(NotFound),
    response_model=Page[EventOut],
)
async def list_events(
    actor: ReadScope,
    session: Session,
    request: Request,
    after: Annotated[
        uuid.UUID | None, Query(description="Start after this event id (one you have seen).")
    ] = None,
    event_type: EventTypeFilter = None,
    requisition_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Every change in the organization, oldest first, each written in the same transaction
    as the change. Poll with `next_cursor` (or `after`) to follow it."""
    rows, next_cursor = await service.list_events(
        session,
        actor.organization_id,
        after=after,
        type=event_type,
        requisition_id=requisition_id,
        limit=limit,
        cursor=cursor,
    )
    return page_document_response(request, rows, next_cursor)


@router.get(
    "/v1/requisitions/{requisition_id}/timeline",
    operation_id="getRequisitionTimeline",
    summary="A requisition's timeline",
    response_model=Page[EventOut],
    tags=["Requisitions"],
)
async def get_timeline(
    actor: ReadScope,
    session: Session,
    request: Request,
    requisition_id: OwnedRequisitionId,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Everything that happened to the requisition and its options, oldest first, with the
    reasons given and who acted."""
    rows, next_cursor = await service.list_events(
        session, actor.organization_id, requisition_id=requisition_id, limit=limit, cursor=cursor
    )
    return page_document_response(request, rows, next_cursor)
