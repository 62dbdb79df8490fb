from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from starlette.responses import Response

from app.db import Session
from app.kit.auth import AdminScope
from app.kit.errors import responses
from app.kit.etag import IfMatch, check_if_match
from app.kit.pagination import Cursor, Limit, Page, page_response
from app.kit.responses import created, resource_response
from app.models.webhook_delivery import DeliveryStatus
from app.webhooks import service
from app.webhooks.dependencies import ValidDelivery, ValidEndpoint
from app.webhooks.schemas import (
    EndpointCreate,
    EndpointCreated,
    EndpointOut,
    EndpointUpdate,
    WebhookDeliveryOut,
    WebhookPayload,
)

router = APIRouter(tags=["Webhooks"])
# OpenAPI 3.1 `webhooks`: what Shortlist sends, documented beside what it serves.
webhooks = APIRouter()


def _with_secret(request: Request, endpoint: object, secret: str) -> EndpointCreated:
    """The response that shows the secret once; an idempotent replay shows `secret: null`."""
    out = EndpointCreated(**EndpointOut.model_validate(endpoint).model_dump(), secret=secret)
    request.state.replay_body = out.model_copy(update={"secret": None}).model_dump_json().encode()
    return out


@router.post(
    "/v1/webhook-endpoints",
    operation_id="createWebhookEndpoint",
    summary="Subscribe a URL to events",
    status_code=201,
    response_model=EndpointCreated,
    responses=responses(service.WebhookUrlNotAllowed),
)
async def create_endpoint(
    actor: AdminScope, session: Session, request: Request, body: EndpointCreate
) -> Response:
    """Every later event of the chosen types is POSTed to `url`, signed per Standard Webhooks
    with the `secret` returned here (and only here). 422 `webhook_url_not_allowed` for a URL
    that is not `https` or does not resolve to a public address."""
    endpoint, secret = await service.create_endpoint(
        session, request.app.state.settings, actor, body
    )
    return created(_with_secret(request, endpoint, secret), f"/v1/webhook-endpoints/{endpoint.id}")


@router.get(
    "/v1/webhook-endpoints",
    operation_id="listWebhookEndpoints",
    summary="List webhook endpoints",
    response_model=Page[EndpointOut],
)
async def list_endpoints(
    actor: AdminScope, session: Session, request: Request, limit: Limit = 50, cursor: Cursor = None
) -> Response:
    """Oldest first. Secrets are never shown again."""
    rows, next_cursor = await service.list_endpoints(
        session, actor.organization_id, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, EndpointOut.model_validate)


@router.get(
    "/v1/webhook-endpoints/{webhook_endpoint_id}",
    operation_id="getWebhookEndpoint",
    summary="Get a webhook endpoint",
    response_model=EndpointOut,
)
async def get_endpoint(actor: AdminScope, endpoint: ValidEndpoint) -> Response:
    """`status` says whether deliveries flow; `disabled_reason` why not."""
    return resource_response(EndpointOut.model_validate(endpoint))


@router.patch(
    "/v1/webhook-endpoints/{webhook_endpoint_id}",
    operation_id="updateWebhookEndpoint",
    summary="Change, pause or resume a webhook endpoint",
    response_model=EndpointOut,
    responses=responses(service.WebhookUrlNotAllowed),
)
async def update_endpoint(
    actor: AdminScope,
    session: Session,
    request: Request,
    endpoint: ValidEndpoint,
    body: EndpointUpdate,
    if_match: IfMatch = None,
) -> Response:
    """`enabled: false` pauses deliveries; they wait. `enabled: true` resumes them (also after
    Shortlist disabled the endpoint), and whatever waited is sent at once."""
    check_if_match(if_match, endpoint.version)
    endpoint = await service.update_endpoint(
        session, request.app.state.settings, actor, endpoint, body
    )
    return resource_response(EndpointOut.model_validate(endpoint))


@router.delete(
    "/v1/webhook-endpoints/{webhook_endpoint_id}",
    operation_id="deleteWebhookEndpoint",
    summary="Delete a webhook endpoint",
    status_code=204,
    response_class=Response,
)
async def delete_endpoint(
    actor: AdminScope, session: Session, endpoint: ValidEndpoint, if_match: IfMatch = None
) -> Response:
    """Nothing more is sent to it; its deliveries and their history go with it."""
    check_if_match(if_match, endpoint.version)
    await service.delete_endpoint(session, actor, endpoint)
    return Response(status_code=204)


@router.post(
    "/v1/webhook-endpoints/{webhook_endpoint_id}/rotate-secret",
    operation_id="rotateWebhookSecret",
    summary="Rotate a webhook endpoint's signing secret",
    response_model=EndpointCreated,
)
async def rotate_secret(
    actor: AdminScope,
    session: Session,
    request: Request,
    endpoint: ValidEndpoint,
    if_match: IfMatch = None,
) -> Response:
    """Returns the new `secret` (only here). For 24 hours every delivery carries two
    signatures in `webhook-signature`, by the new and the old secret, so the receiver can
    switch without dropping anything."""
    check_if_match(if_match, endpoint.version)
    endpoint, secret = await service.rotate_secret(
        session, request.app.state.settings, actor, endpoint
    )
    return resource_response(_with_secret(request, endpoint, secret))


@router.post(
    "/v1/webhook-endpoints/{webhook_endpoint_id}/test",
    operation_id="testWebhookEndpoint",
    summary="Send a test event to a webhook endpoint",
    status_code=202,
    response_model=WebhookDeliveryOut,
    responses=responses(service.EndpointDisabled),
)
async def send_test(
    actor: AdminScope, session: Session, endpoint: ValidEndpoint, if_match: IfMatch = None
) -> Response:
    """Queues a `webhook.test` event for this endpoint only; the worker sends it within
    moments. Follow the returned delivery for the outcome. 409 `webhook_endpoint_disabled`
    while the endpoint is disabled."""
    check_if_match(if_match, endpoint.version)
    delivery = await service.send_test(session, actor, endpoint)
    return resource_response(WebhookDeliveryOut.model_validate(delivery), status=202)


@router.get(
    "/v1/webhook-endpoints/{webhook_endpoint_id}/deliveries",
    operation_id="listWebhookDeliveries",
    summary="List a webhook endpoint's deliveries",
    response_model=Page[WebhookDeliveryOut],
)
async def list_deliveries(
    actor: AdminScope,
    session: Session,
    request: Request,
    endpoint: ValidEndpoint,
    status: Annotated[DeliveryStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Oldest first, each with its attempts: when, how long, and the HTTP status or error."""
    rows, next_cursor = await service.list_deliveries(
        session, endpoint, status=status, limit=limit, cursor=cursor
    )
    return page_response(request, rows, next_cursor, WebhookDeliveryOut.model_validate)


@router.get(
    "/v1/webhook-deliveries/{webhook_delivery_id}",
    operation_id="getWebhookDelivery",
    summary="Get a webhook delivery",
    response_model=WebhookDeliveryOut,
)
async def get_delivery(actor: AdminScope, delivery: ValidDelivery) -> Response:
    """One delivery with its attempts: when, how long, and the HTTP status or error."""
    return resource_response(WebhookDeliveryOut.model_validate(delivery))


@router.post(
    "/v1/webhook-deliveries/{webhook_delivery_id}/retry",
    operation_id="retryWebhookDelivery",
    summary="Send a webhook delivery again now",
    status_code=202,
    response_model=WebhookDeliveryOut,
    responses=responses(service.EndpointDisabled, service.DeliveryInFlight),
)
async def retry_delivery(
    actor: AdminScope, session: Session, delivery: ValidDelivery, if_match: IfMatch = None
) -> Response:
    """Makes it due now, whatever its status (a failed delivery gets one more attempt); the
    worker sends it within moments, under the same `webhook-id`. 409
    `webhook_endpoint_disabled` while its endpoint is disabled, `webhook_delivery_in_flight`
    while an attempt is under way."""
    check_if_match(if_match, delivery.version)
    delivery = await service.retry_delivery(session, delivery)
    return resource_response(WebhookDeliveryOut.model_validate(delivery), status=202)


@webhooks.post(
    "event",
    operation_id="webhookEvent",
    summary="An event, pushed to your endpoint",
    response_class=Response,
    responses={
        200: {"description": "Any 2xx: received. The body is ignored."},
        410: {"description": "Gone: Shortlist disables the endpoint at once."},
    },
)
def webhook_event(
    body: WebhookPayload,
    # Declared so a receiver's generated code knows the headers it gets (Standard Webhooks).
    webhook_id: Annotated[
        str,
        Header(
            alias="webhook-id",
            description="The event id, the same on every retry of it: de-duplicate on it.",
            examples=["0b9a6c1e-6f0e-4c4b-9a57-2f6d0e8c7a11"],
        ),
    ],
    webhook_timestamp: Annotated[
        str,
        Header(
            alias="webhook-timestamp",
            description="When this attempt was made, in unix seconds; refuse one too far "
            "from your clock to stop replays.",
            examples=["1795944600"],
        ),
    ],
    webhook_signature: Annotated[
        str,
        Header(
            alias="webhook-signature",
            description='`v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">` '
            "keyed with the bytes of the endpoint's secret (the base64 after `whsec_`); for a "
            "day after a rotation two of them, space-separated, by the new and the old secret. "
            "Accept the request when one matches.",
            examples=["v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="],
        ),
    ],
    user_agent: Annotated[
        str,
        Header(
            alias="user-agent",
            description="`Shortlist-Webhooks/<version>`.",
            examples=["Shortlist-Webhooks/0.1.0"],
        ),
    ],
) -> None:
    """Shortlist POSTs each event to every enabled endpoint subscribed to its type, at least
    once, with Standard Webhooks headers: `webhook-id` (the event id, the same on every retry;
    de-duplicate on it), `webhook-timestamp` (unix seconds of the attempt) and
    `webhook-signature` (`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, two of them,
    space-separated, for a day after a secret rotation). Answer 2xx within 10 seconds;
    anything else is retried on the configured schedule, and `410 Gone` disables the endpoint.
    Redirects are not followed."""
