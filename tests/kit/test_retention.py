"""Retention: rows past their keeping time go, in batches; younger rows stay."""

from datetime import timedelta

from sqlalchemy import func, select

from app.kit.retention import purge_expired_events, purge_expired_idempotency_records
from app.models import Event, IdempotencyRecord
from app.models.base import utcnow


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
