from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.db import Session
from app.kit.auth import ReadScope, WriteScope
from app.kit.errors import responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.external_refs import ExternalIdFilter, ExternalRefTaken, ExternalSystemFilter
from app.kit.pagination import Cursor, Limit, Page, UpdatedAfter, page_response
from app.kit.responses import created, resource_response
from app.kit.schemas import ExternalId, SystemName
from app.models.requisition import RequisitionStatus
from app.requisitions import service
from app.requisitions.dependencies import ValidRequisition
from app.requisitions.schemas import RequisitionCreate, RequisitionOut, RequisitionUpdate

router = APIRouter(prefix="/v1/requisitions", tags=["Requisitions"])


def _location(requisition_id: object) -> str:
    return f"/v1/requisitions/{requisition_id}"


@router.post(
    "",
    operation_id="createRequisition",
    summary="Create a requisition",
    responses=responses(ExternalRefTaken),
    status_code=201,
    response_model=RequisitionOut,
)
async def create_requisition(
    actor: WriteScope, session: Session, body: RequisitionCreate
) -> Response:
    """Open a role to fill. Candidates and providers join it as options."""
    requisition = await service.create_requisition(session, actor, body)
    return created(RequisitionOut.model_validate(requisition), _location(requisition.id))


@router.get(
    "",
    operation_id="listRequisitions",
    summary="List requisitions",
    response_model=Page[RequisitionOut],
)
async def list_requisitions(
    actor: ReadScope,
    session: Session,
    request: Request,
    status: Annotated[RequisitionStatus | None, Query()] = None,
    updated_after: UpdatedAfter = None,
    external_system: ExternalSystemFilter = None,
    external_id: ExternalIdFilter = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first. Filter by status, by last change, or by an ATS's external ref."""
    rows, next_cursor = await service.list_requisitions(
        session,
        actor.organization_id,
        status=status,
        updated_after=updated_after,
        external_system=external_system,
        external_id=external_id,
        limit=limit,
        cursor=cursor,
    )
    return page_response(request, rows, next_cursor, RequisitionOut.model_validate)


@router.get(
    "/{requisition_id}",
    operation_id="getRequisition",
    summary="Get a requisition",
    response_model=RequisitionOut,
)
async def get_requisition(actor: ReadScope, requisition: ValidRequisition) -> Response:
    """The role, its headcount and status; its options are listed under `/options`."""
    return resource_response(RequisitionOut.model_validate(requisition))


@router.patch(
    "/{requisition_id}",
    operation_id="updateRequisition",
    summary="Update a requisition",
    responses=responses(ExternalRefTaken),
    response_model=RequisitionOut,
)
async def update_requisition(
    actor: WriteScope,
    session: Session,
    requisition: ValidRequisition,
    body: RequisitionUpdate,
    if_match: IfMatch = None,
) -> Response:
    """Change only the fields sent. By hand, `status` moves between `open`, `on_hold` and
    `closed`, and a `filled` requisition may be closed; `filled` follows from hires (the last
    seat hired fills it; raising `headcount` above the hires opens it again). A status the
    hires contradict is 409 `invalid_status_change`; a `headcount` below the seats taken by
    selected and hired options is 409 `headcount_below_seats`, naming them in `seats`."""
    check_if_match(if_match, requisition.version)
    requisition = await service.update_requisition(session, actor, requisition, body)
    return resource_response(RequisitionOut.model_validate(requisition))


@router.put(
    "/by-external-ref/{system}/{external_id}",
    operation_id="upsertRequisitionByExternalRef",
    summary="Create or replace a requisition by external ref",
    response_model=RequisitionOut,
    responses={
        201: {"description": "Created", "model": RequisitionOut},
        **responses(ExternalRefTaken),
    },
)
async def upsert_requisition(
    actor: WriteScope,
    session: Session,
    system: Annotated[SystemName, Path()],
    external_id: Annotated[ExternalId, Path()],
    body: RequisitionCreate,
) -> Response:
    """For ATS sync: 201 when the ref was new, 200 when the requisition it names was replaced
    with this body. A `headcount` below the seats taken is 409 `headcount_below_seats`. The
    ref in the path counts among the body's `external_refs`: 20 in all, at most."""
    requisition, was_created = await service.upsert_requisition(
        session, actor, system, external_id, body
    )
    out = RequisitionOut.model_validate(requisition)
    if was_created:
        return created(out, _location(requisition.id))
    return resource_response(out)
