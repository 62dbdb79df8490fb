from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.candidates import service
from app.candidates.dependencies import ValidCandidate
from app.candidates.schemas import CandidateCreate, CandidateOut, CandidateUpdate
from app.candidates.service import CandidateErased
from app.db import Session
from app.kit.auth import ReadScope, WriteScope
from app.kit.errors import responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.external_refs import ExternalIdFilter, ExternalRefTaken, ExternalSystemFilter
from app.kit.pagination import Cursor, Limit, Page, UpdatedAfter, page_response
from app.kit.responses import created, resource_response
from app.kit.schemas import NO_NUL, ExternalId, SystemName
from app.models.candidate import CandidateKind

router = APIRouter(prefix="/v1/candidates", tags=["Candidates"])


def _location(candidate_id: object) -> str:
    return f"/v1/candidates/{candidate_id}"


@router.post(
    "",
    operation_id="createCandidate",
    summary="Create a candidate",
    responses=responses(ExternalRefTaken),
    status_code=201,
    response_model=CandidateOut,
)
async def create_candidate(actor: WriteScope, session: Session, body: CandidateCreate) -> Response:
    """A person, or an outside provider (`kind: agency`). Add them to a requisition as an
    option."""
    candidate = await service.create_candidate(session, actor, body)
    return created(CandidateOut.model_validate(candidate), _location(candidate.id))


@router.get(
    "",
    operation_id="listCandidates",
    summary="List candidates",
    response_model=Page[CandidateOut],
)
async def list_candidates(
    actor: ReadScope,
    session: Session,
    request: Request,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            pattern=NO_NUL,
            description="Case-insensitive search in name, email and headline.",
        ),
    ] = None,
    kind: Annotated[CandidateKind | None, Query()] = None,
    updated_after: UpdatedAfter = None,
    external_system: ExternalSystemFilter = None,
    external_id: ExternalIdFilter = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first."""
    rows, next_cursor = await service.list_candidates(
        session,
        actor.organization_id,
        q=q,
        kind=kind,
        updated_after=updated_after,
        external_system=external_system,
        external_id=external_id,
        limit=limit,
        cursor=cursor,
    )
    return page_response(request, rows, next_cursor, CandidateOut.model_validate)


@router.get(
    "/{candidate_id}",
    operation_id="getCandidate",
    summary="Get a candidate",
    response_model=CandidateOut,
)
async def get_candidate(actor: ReadScope, candidate: ValidCandidate) -> Response:
    """Erased candidates still answer, with personal fields empty and `erased_at` set."""
    return resource_response(CandidateOut.model_validate(candidate))


@router.patch(
    "/{candidate_id}",
    operation_id="updateCandidate",
    summary="Update a candidate",
    responses=responses(CandidateErased, ExternalRefTaken),
    response_model=CandidateOut,
)
async def update_candidate(
    actor: WriteScope,
    session: Session,
    candidate: ValidCandidate,
    body: CandidateUpdate,
    if_match: IfMatch = None,
) -> Response:
    """Change only the fields sent. An erased candidate cannot change (409 `candidate_erased`)."""
    check_if_match(if_match, candidate.version)
    candidate = await service.update_candidate(session, actor, candidate, body)
    return resource_response(CandidateOut.model_validate(candidate))


@router.delete(
    "/{candidate_id}",
    operation_id="eraseCandidate",
    summary="Erase a candidate's personal data",
    response_model=CandidateOut,
)
async def erase_candidate(
    actor: WriteScope, session: Session, candidate: ValidCandidate, if_match: IfMatch = None
) -> Response:
    """Clears personal fields and free text about the person and sets `erased_at`. The record
    and its decision history (options, events) stay, so the requisition's story keeps its
    shape. Erasing again changes nothing."""
    check_if_match(if_match, candidate.version)
    candidate = await service.erase_candidate(session, actor, candidate)
    return resource_response(CandidateOut.model_validate(candidate))


@router.put(
    "/by-external-ref/{system}/{external_id}",
    operation_id="upsertCandidateByExternalRef",
    summary="Create or replace a candidate by external ref",
    response_model=CandidateOut,
    responses={
        201: {"description": "Created", "model": CandidateOut},
        **responses(ExternalRefTaken),
    },
)
async def upsert_candidate(
    actor: WriteScope,
    session: Session,
    system: Annotated[SystemName, Path()],
    external_id: Annotated[ExternalId, Path()],
    body: CandidateCreate,
) -> Response:
    """For ATS sync: 201 when the ref was new, 200 when the candidate it names was replaced
    with this body. The ref in the path counts among the body's `external_refs`: 20 in all,
    at most."""
    candidate, was_created = await service.upsert_candidate(
        session, actor, system, external_id, body
    )
    out = CandidateOut.model_validate(candidate)
    if was_created:
        return created(out, _location(candidate.id))
    return resource_response(out)
