"""Retention: rows past their keeping time go, in batches; younger rows stay."""

from datetime import timedelta

from integrations.ats import connect, to_greenhouse
from sqlalchemy import func, select, update

from app.kit.retention import purge_expired_events, purge_expired_idempotency_records
from app.models import Event, IdempotencyRecord, InboundEvent, WebhookDelivery
from app.models.base import utcnow
from app.worker import Worker


async def count(app, model, tenant) -> int:
    async with app.state.db.reader() as session:
        return int(
            await session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.organization_id == tenant.organization_id)
            )
        )


async def test_events_past_retention_are_purged_in_batches(app, settings, tenant, client):
    for n in range(5):
        assert (await client.post("/v1/requisitions", json={"title": f"R{n}"})).status_code == 201
    kept = await count(app, Event, tenant)
    small_batches = settings.model_copy(
        update={"events_retention": timedelta(days=30), "purge_batch_size": 2}
    )
    # Nothing is old enough yet.
    assert await purge_expired_events(app.state.db, small_batches) == 0
    assert await count(app, Event, tenant) == kept
    later = utcnow() + timedelta(days=31)
    assert await purge_expired_events(app.state.db, small_batches, now=later) == kept
    assert await count(app, Event, tenant) == 0


async def test_idempotency_records_past_their_ttl_are_purged(app, settings, tenant, client):
    for n in range(3):
        response = await client.post(
            "/v1/requisitions", json={"title": f"R{n}"}, headers={"Idempotency-Key": f"k{n}"}
        )
        assert response.status_code == 201
    small_batches = settings.model_copy(update={"purge_batch_size": 2})
    assert await purge_expired_idempotency_records(app.state.db, small_batches) == 0
    assert await count(app, IdempotencyRecord, tenant) == 3
    later = utcnow() + settings.idempotency_ttl + timedelta(hours=2)
    assert await purge_expired_idempotency_records(app.state.db, small_batches, now=later) == 3
    assert await count(app, IdempotencyRecord, tenant) == 0


async def test_upkeep_purges_old_inbound_log_entries_and_sent_webhooks_only(
    app, settings, tenant, client
):
    integration = await connect(client, "greenhouse")
    assert (await to_greenhouse(app, integration, "ping", {})).status_code == 200
    endpoint = await client.post("/v1/webhook-endpoints", json={"url": "http://127.0.0.1:9/hooks"})
    assert endpoint.status_code == 201, endpoint.text
    for n in range(2):
        assert (await client.post("/v1/requisitions", json={"title": f"R{n}"})).status_code == 201
    async with app.state.db.writer() as session:
        # One delivery was sent; the other is still owed and must survive any purge.
        sent = await session.scalar(select(WebhookDelivery.id).limit(1))
        await session.execute(
            update(WebhookDelivery).where(WebhookDelivery.id == sent).values(status="succeeded")
        )
        await session.commit()

    await Worker(app.state.db, settings).upkeep()
    assert await count(app, InboundEvent, tenant) == 1
    assert await count(app, WebhookDelivery, tenant) == 2

    later = utcnow() + max(settings.inbound_events_retention, settings.delivered_outbox_retention)
    await Worker(app.state.db, settings).upkeep(now=later + timedelta(days=1))
    assert await count(app, InboundEvent, tenant) == 0
    async with app.state.db.reader() as session:
        left = (await session.execute(select(WebhookDelivery.id, WebhookDelivery.status))).all()
    assert [(row.status) for row in left] == ["pending"]
