from fastapi import APIRouter, Request
from starlette.responses import Response

from app.candidates.dependencies import ValidCandidate
from app.candidates.service import CandidateErased
from app.db import Session
from app.kit.auth import ReadScope, WriteScope
from app.kit.errors import responses
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created
from app.touchpoints import service
from app.touchpoints.schemas import TouchpointCreate, TouchpointOut

router = APIRouter(tags=["Candidates"])


@router.post(
    "/v1/candidates/{candidate_id}/touchpoints",
    operation_id="createTouchpoint",
    summary="Log a touchpoint with a candidate",
    responses=responses(CandidateErased),
    status_code=201,
    response_model=TouchpointOut,
)
async def create_touchpoint(
    actor: WriteScope, session: Session, candidate: ValidCandidate, body: TouchpointCreate
) -> Response:
    """A call, email or meeting. The latest touchpoint sets a runner-up's warmth on the bench,
    and one on or after a follow-up's due date clears it."""
    touchpoint = await service.log_touchpoint(session, actor, candidate, **body.model_dump())
    return created(
        TouchpointOut.model_validate(touchpoint), f"/v1/candidates/{candidate.id}/touchpoints"
    )


@router.get(
    "/v1/candidates/{candidate_id}/touchpoints",
    operation_id="listTouchpoints",
    summary="List a candidate's touchpoints",
    response_model=Page[TouchpointOut],
)
async def list_touchpoints(
    actor: ReadScope,
    session: Session,
    request: Request,
    candidate: ValidCandidate,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first."""
    rows, next_cursor = await service.list_touchpoints(
        session, candidate, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, TouchpointOut.model_validate)
