"""Webhook endpoints and their deliveries: the rules. Sending is `app/webhooks/delivery.py`."""

import base64
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.config import Settings
from app.kit.auth import Actor
from app.kit.errors import Conflict, InvalidRequest
from app.kit.events import deliver_events, record_event
from app.kit.outbox import TEST_EVENT
from app.kit.pagination import SortKey, paginate
from app.kit.secrets import seal, unseal
from app.kit.tenancy import get_owned, readable
from app.models import WebhookDelivery, WebhookEndpoint
from app.models.base import utcnow
from app.models.webhook_delivery import DeliveryStatus
from app.models.webhook_endpoint import DisabledReason
from app.webhooks.schemas import EndpointCreate, EndpointUpdate
from app.webhooks.targets import UnsafeTarget, resolve_targets

ENDPOINT_ORDER = (SortKey(WebhookEndpoint.created_at), SortKey(WebhookEndpoint.id))
DELIVERY_ORDER = (SortKey(WebhookDelivery.created_at), SortKey(WebhookDelivery.id))
# How long the previous secret keeps signing after a rotation.
ROTATION_OVERLAP = timedelta(hours=24)
# An endpoint whose deliveries all failed this long is disabled.
DEAD_AFTER = timedelta(days=5)


class WebhookUrlNotAllowed(InvalidRequest):
    code = "webhook_url_not_allowed"


class EndpointDisabled(Conflict):
    code = "webhook_endpoint_disabled"


class DeliveryInFlight(Conflict):
    code = "webhook_delivery_in_flight"


def new_signing_secret() -> str:
    """`whsec_` + base64 of 32 random bytes, as Standard Webhooks libraries expect."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def signing_secrets(settings: Settings, endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    """The secrets that sign a delivery now: the current one, and the previous one for a day
    after a rotation (receivers may not have switched yet)."""
    keys = [unseal(settings, endpoint.secret_sealed)]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret_sealed is not None and expires is not None and now < expires:
        keys.append(unseal(settings, endpoint.previous_secret_sealed))
    return keys


async def check_url(settings: Settings, url: str) -> None:
    try:
        await resolve_targets(url, settings)
    except UnsafeTarget as exc:
        raise WebhookUrlNotAllowed(str(exc)) from exc


async def create_endpoint(
    session: AsyncSession, settings: Settings, actor: Actor, body: EndpointCreate
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint and its signing secret (stored sealed; shown once)."""
    await check_url(settings, body.url)
    secret = new_signing_secret()
    endpoint = WebhookEndpoint(
        organization_id=actor.organization_id,
        url=body.url,
        description=body.description,
        event_types=body.event_types,
        secret_sealed=seal(settings, secret),
        status="enabled",
        created_at=utcnow(),
    )
    session.add(endpoint)
    await session.flush()
    created = record_event(
        session,
        actor,
        "webhook_endpoint.created",
        endpoint.id,
        data={"event_types": body.event_types},
    )
    # Its own creation is not news to the endpoint: it receives only later events.
    created.occurred_at = endpoint.created_at
    return endpoint, secret


async def get_endpoint(
    session: AsyncSession, organization_id: uuid.UUID, endpoint_id: uuid.UUID
) -> WebhookEndpoint:
    return await get_owned(
        session, WebhookEndpoint, organization_id, endpoint_id, label="webhook endpoint"
    )


async def list_endpoints(
    session: AsyncSession, organization_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[WebhookEndpoint], str | None]:
    query = readable(WebhookEndpoint, organization_id)
    return await paginate(session, query, keys=ENDPOINT_ORDER, limit=limit, cursor=cursor)


async def update_endpoint(
    session: AsyncSession,
    settings: Settings,
    actor: Actor,
    endpoint: WebhookEndpoint,
    body: EndpointUpdate,
) -> WebhookEndpoint:
    if body.url is not None and body.url != endpoint.url:
        await check_url(settings, body.url)
    changed = body.apply_to(endpoint, skip=frozenset({"enabled"}))
    if body.enabled is not None and body.enabled != endpoint.enabled:
        changed.append("enabled")
        if body.enabled:
            await _enable(session, endpoint)
        else:
            _disable(endpoint, "requested")
    if changed:
        # The URL is left out: some carry a token in their path or query.
        record_event(
            session, actor, "webhook_endpoint.updated", endpoint.id, data={"changed": changed}
        )
        await session.flush()
    return endpoint


def _disable(endpoint: WebhookEndpoint, reason: DisabledReason) -> None:
    endpoint.status = "disabled"
    endpoint.disabled_reason = reason
    endpoint.disabled_at = utcnow()


async def _enable(session: AsyncSession, endpoint: WebhookEndpoint) -> None:
    """Resume: the deliveries that waited while it was disabled are due now."""
    endpoint.status = "enabled"
    endpoint.disabled_reason = None
    endpoint.disabled_at = None
    endpoint.failing_since = None
    await session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint.id, WebhookDelivery.status == "pending")
        .values(next_attempt_at=utcnow())
        .execution_options(synchronize_session=False)
    )


async def disable_endpoint(
    session: AsyncSession, endpoint: WebhookEndpoint, reason: DisabledReason
) -> None:
    """Shortlist's own decision (410 Gone, or failing for days); its pending deliveries wait."""
    if not endpoint.enabled:
        return
    _disable(endpoint, reason)
    actor = Actor(endpoint.organization_id, None, frozenset(), "shortlist-worker")
    record_event(session, actor, "webhook_endpoint.disabled", endpoint.id, data={"reason": reason})
    await session.flush()


async def disable_failing_endpoints(session: AsyncSession, now: datetime) -> int:
    """Disable every endpoint whose deliveries have all failed for `DEAD_AFTER`."""
    endpoints = (
        await session.scalars(
            select(WebhookEndpoint).where(
                WebhookEndpoint.status == "enabled",
                WebhookEndpoint.failing_since <= now - DEAD_AFTER,
            )
        )
    ).all()
    for endpoint in endpoints:
        await disable_endpoint(session, endpoint, "failing")
    return len(endpoints)


async def delete_endpoint(session: AsyncSession, actor: Actor, endpoint: WebhookEndpoint) -> None:
    """The endpoint goes with its deliveries; nothing more is sent to it."""
    record_event(session, actor, "webhook_endpoint.deleted", endpoint.id)
    await session.delete(endpoint)
    await session.flush()


async def rotate_secret(
    session: AsyncSession, settings: Settings, actor: Actor, endpoint: WebhookEndpoint
) -> tuple[WebhookEndpoint, str]:
    """A new secret; the current one keeps signing alongside it for `ROTATION_OVERLAP`."""
    secret = new_signing_secret()
    endpoint.previous_secret_sealed = endpoint.secret_sealed
    endpoint.previous_secret_expires_at = utcnow() + ROTATION_OVERLAP
    endpoint.secret_sealed = seal(settings, secret)
    record_event(session, actor, "webhook_endpoint.secret_rotated", endpoint.id)
    await session.flush()
    return endpoint, secret


def _ensure_enabled(endpoint: WebhookEndpoint) -> None:
    if not endpoint.enabled:
        raise EndpointDisabled(
            f"Webhook endpoint {endpoint.id} is disabled ({endpoint.disabled_reason}); "
            "enable it first.",
            disabled_reason=endpoint.disabled_reason,
        )


async def send_test(
    session: AsyncSession, actor: Actor, endpoint: WebhookEndpoint
) -> WebhookDelivery:
    """A `webhook.test` event, owed to this endpoint only."""
    _ensure_enabled(endpoint)
    event = record_event(session, actor, TEST_EVENT, endpoint.id)
    event.subject_type = "webhook_endpoint"
    [delivery] = await session.run_sync(deliver_events)
    await session.flush()
    return await get_delivery(session, actor.organization_id, delivery.id)


async def list_deliveries(
    session: AsyncSession,
    endpoint: WebhookEndpoint,
    *,
    status: DeliveryStatus | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[WebhookDelivery], str | None]:
    query = (
        readable(WebhookDelivery, endpoint.organization_id)
        .where(WebhookDelivery.endpoint_id == endpoint.id)
        .options(selectinload(WebhookDelivery.attempts))
    )
    if status is not None:
        query = query.where(WebhookDelivery.status == status)
    return await paginate(session, query, keys=DELIVERY_ORDER, limit=limit, cursor=cursor)


async def get_delivery(
    session: AsyncSession, organization_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    return await get_owned(
        session,
        WebhookDelivery,
        organization_id,
        delivery_id,
        label="webhook delivery",
        load=("attempts",),
        fresh=True,
    )


async def retry_delivery(session: AsyncSession, delivery: WebhookDelivery) -> WebhookDelivery:
    """Due now, whatever its status; a failed delivery gets one more attempt."""
    endpoint = await get_endpoint(session, delivery.organization_id, delivery.endpoint_id)
    _ensure_enabled(endpoint)
    now = utcnow()
    if delivery.lease_expires_at is not None and delivery.lease_expires_at > now:
        raise DeliveryInFlight(f"Webhook delivery {delivery.id} is being sent right now.")
    delivery.status = "pending"
    delivery.next_attempt_at = now
    await session.flush()
    return delivery
