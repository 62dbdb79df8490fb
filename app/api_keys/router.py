import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from starlette.responses import Response

from app.api_keys import service
from app.api_keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyOut
from app.db import Session
from app.kit.auth import AdminScope
from app.kit.etag import IfMatch, check_if_match
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created, resource_response

router = APIRouter(prefix="/v1/api-keys", tags=["API keys"])

ApiKeyId = Annotated[uuid.UUID, Path()]


async def recorded_key_usage(request: Request) -> None:
    """Key use is written in the background; write what is pending before keys are shown."""
    await request.app.state.key_usage.flush()


@router.post(
    "",
    operation_id="createApiKey",
    summary="Create an API key",
    status_code=201,
    response_model=ApiKeyCreated,
)
async def create_api_key(
    actor: AdminScope, session: Session, request: Request, body: ApiKeyCreate
) -> Response:
    """The secret `key` is in this response only; Shortlist keeps just a hash of it. A retry
    with the same `Idempotency-Key` replays the response with `key: null`: revoke that key and
    create another if the first response was lost."""
    key, secret = await service.create_api_key(session, actor, body.name, list(body.scopes))
    out = ApiKeyCreated(**ApiKeyOut.model_validate(key).model_dump(), key=secret)
    request.state.replay_body = out.model_copy(update={"key": None}).model_dump_json().encode()
    return created(out, f"/v1/api-keys/{key.id}")


@router.get(
    "",
    operation_id="listApiKeys",
    summary="List API keys",
    response_model=Page[ApiKeyOut],
    dependencies=[Depends(recorded_key_usage)],
)
async def list_api_keys(
    actor: AdminScope, session: Session, request: Request, limit: Limit = 50, cursor: Cursor = None
) -> Response:
    """Every key of the organization, revoked ones included, oldest first. No secrets."""
    rows, next_cursor = await service.list_api_keys(
        session, actor.organization_id, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, ApiKeyOut.model_validate)


@router.get(
    "/{api_key_id}",
    operation_id="getApiKey",
    summary="Get an API key",
    response_model=ApiKeyOut,
    dependencies=[Depends(recorded_key_usage)],
)
async def get_api_key(actor: AdminScope, session: Session, api_key_id: ApiKeyId) -> Response:
    """The key's name, scopes, prefix and use; never its secret."""
    key = await service.get_api_key(session, actor.organization_id, api_key_id)
    return resource_response(ApiKeyOut.model_validate(key))


@router.delete(
    "/{api_key_id}",
    operation_id="revokeApiKey",
    summary="Revoke an API key",
    response_model=ApiKeyOut,
)
async def revoke_api_key(
    actor: AdminScope, session: Session, api_key_id: ApiKeyId, if_match: IfMatch = None
) -> Response:
    """The key stops working at once. The record stays, with `revoked_at` set."""
    key = await service.get_api_key(session, actor.organization_id, api_key_id)
    check_if_match(if_match, key.version)
    key = await service.revoke_api_key(session, actor, key)
    return resource_response(ApiKeyOut.model_validate(key))
