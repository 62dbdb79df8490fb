import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request
from starlette.responses import Response

from app.db import Session
from app.integrations import service
from app.integrations.dependencies import ValidIntegration
from app.integrations.schemas import (
    InboundEventOut,
    IntegrationCreate,
    IntegrationCreated,
    IntegrationOut,
)
from app.kit.auth import AdminScope
from app.kit.errors import responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created, resource_response

router = APIRouter(tags=["Integrations"])


@router.post(
    "/v1/integrations",
    operation_id="createIntegration",
    summary="Connect an ATS's webhooks",
    status_code=201,
    response_model=IntegrationCreated,
)
async def create_integration(
    actor: AdminScope, session: Session, request: Request, body: IntegrationCreate
) -> Response:
    """Paste `inbound_url` (prefixed with this server's address) and `secret` into the ATS.
    The secret is in this response only; Shortlist stores it encrypted. Greenhouse: leave
    `secret` out and one is generated. Lever: give the signature token Lever shows."""
    integration, secret = await service.create_integration(
        session, request.app.state.settings, actor, body
    )
    out = IntegrationCreated(
        **IntegrationOut.model_validate(integration).model_dump(), secret=secret
    )
    request.state.replay_body = out.model_copy(update={"secret": None}).model_dump_json().encode()
    return created(out, f"/v1/integrations/{integration.id}")


@router.get(
    "/v1/integrations",
    operation_id="listIntegrations",
    summary="List integrations",
    response_model=Page[IntegrationOut],
)
async def list_integrations(
    actor: AdminScope, session: Session, request: Request, limit: Limit = 50, cursor: Cursor = None
) -> Response:
    """Oldest first. No secrets."""
    rows, next_cursor = await service.list_integrations(
        session, actor.organization_id, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, IntegrationOut.model_validate)


@router.get(
    "/v1/integrations/{integration_id}",
    operation_id="getIntegration",
    summary="Get an integration",
    response_model=IntegrationOut,
)
async def get_integration(actor: AdminScope, integration: ValidIntegration) -> Response:
    """The integration and its `inbound_url`; the secret is never shown again."""
    return resource_response(IntegrationOut.model_validate(integration))


@router.delete(
    "/v1/integrations/{integration_id}",
    operation_id="deleteIntegration",
    summary="Delete an integration",
    status_code=204,
)
async def delete_integration(
    actor: AdminScope, session: Session, integration: ValidIntegration, if_match: IfMatch = None
) -> Response:
    """Its inbound URL answers 404 from now on; the list of deliveries it received goes too.
    What those deliveries changed stays."""
    check_if_match(if_match, integration.version)
    await service.delete_integration(session, actor, integration)
    return Response(status_code=204)


@router.get(
    "/v1/integrations/{integration_id}/inbound-events",
    operation_id="listInboundEvents",
    summary="List the deliveries an integration received",
    response_model=Page[InboundEventOut],
)
async def list_inbound_events(
    actor: AdminScope,
    session: Session,
    request: Request,
    integration: ValidIntegration,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Every signed delivery, oldest first, with its outcome and a detail line. Deliveries with
    a bad signature are not listed: nothing of them is kept."""
    rows, next_cursor = await service.list_inbound_events(
        session, integration, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, InboundEventOut.model_validate)


INBOUND_BODY = {
    "required": True,
    "description": "The ATS's JSON, exactly as it sent it: the signature covers these bytes.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "additionalProperties": True},
            "examples": {
                "greenhouse": {
                    "summary": "Greenhouse: a candidate rejected",
                    "value": {
                        "action": "reject_candidate",
                        "payload": {
                            "application": {
                                "id": 265293,
                                "rejection_reason": {"id": 14, "name": "Too junior"},
                                "current_stage": {"name": "Offer"},
                                "candidate": {
                                    "id": 265788,
                                    "first_name": "Hector",
                                    "last_name": "Porter",
                                    "title": "Designer",
                                    "email_addresses": [
                                        {"value": "hector@example.com", "type": "personal"}
                                    ],
                                    "phone_numbers": [],
                                },
                                "jobs": [{"id": 371417, "name": "Designer"}],
                            }
                        },
                    },
                },
                "lever": {
                    "summary": "Lever: an opportunity archived",
                    "value": {
                        "event": "candidateArchiveChange",
                        "triggeredAt": 1764494400000,
                        "token": "9b7a41c1d1e1a2b3c4d5e6f708192a3b",
                        "signature": "<hex HMAC-SHA256 of token + triggeredAt>",
                        "data": {
                            "opportunityId": "0c5b1f2e-7a43-4b8e-9d1a-2f3c4b5a6d7e",
                            "toArchived": {"archivedAt": 1764494400000, "reason": "reason-id"},
                            "fromArchived": None,
                        },
                    },
                },
            },
        }
    },
}


@router.post(
    "/v1/inbound/{system}/{integration_id}",
    operation_id="receiveInboundWebhook",
    summary="Receive an ATS webhook (signed, no API key)",
    response_model=InboundEventOut,
    responses=responses(service.InvalidSignature, service.InvalidPayload),
    openapi_extra={"requestBody": INBOUND_BODY, "security": []},
)
async def receive_inbound_webhook(
    session: Session,
    request: Request,
    system: Annotated[str, Path(description="`greenhouse` or `lever`.", examples=["greenhouse"])],
    integration_id: Annotated[uuid.UUID, Path()],
    signature: Annotated[
        str | None,
        Header(
            alias="Signature",
            description="Greenhouse: `sha256 <hex HMAC-SHA256 of the raw body>`.",
        ),
    ] = None,
    greenhouse_event_id: Annotated[
        str | None,
        Header(alias="Greenhouse-Event-ID", description="Greenhouse: the delivery's id."),
    ] = None,
) -> Response:
    """The URL an ATS posts its webhooks to. No API key: the signature authenticates the
    delivery, checked in constant time over the raw body bytes with the integration's secret.

    * **Greenhouse** sends `Signature: sha256 <hex HMAC-SHA256(secret, body)>` and
      `Greenhouse-Event-ID`.
    * **Lever** puts `token`, `triggeredAt` and `signature` (hex HMAC-SHA256 of
      `token + triggeredAt` with the signature token) in the body; `token` names the delivery.

    A missing or wrong signature is 401 `invalid_signature` and nothing is recorded. An
    unknown integration, or a URL naming the other system, is 404. A signed delivery answers
    200 with what became of it: `applied`, `ignored` (nothing maps to it; also Greenhouse's
    `ping`), `duplicate` (its event id was handled before; no second effect) or `conflict`
    (the state machine or headcount refused the move; nothing changed). A signed but malformed
    body is 422 `invalid_payload` and is listed as `rejected`. Changes are made by the
    integration's organization with `actor.on_behalf_of` = the system. Retries are recognised
    by their event id (`Idempotency-Key` does not apply here: it belongs to API keys)."""
    # The signature headers are declared above for the documentation; the ATS module reads
    # them, with the raw body, from the request.
    try:
        event = await service.receive(
            session,
            request.app.state.settings,
            system,
            integration_id,
            request.headers,
            await request.body(),
        )
    except service.InvalidPayload:
        # The refusal is listed among the integration's deliveries, so it is committed.
        request.state.keep_changes = True
        raise
    return resource_response(InboundEventOut.model_validate(event))
