"""Webhook endpoints through the API: secrets shown once and kept sealed, event types from
the catalogue, URLs that must be public, pausing, rotation, deletion."""

import base64
import uuid
from datetime import timedelta

import pytest
from conftest import Tenant
from sqlalchemy import select, update
from standardwebhooks.webhooks import WebhookVerificationError
from test_query_counts import count_queries

from app.config import Settings
from app.main import create_app
from app.models import WebhookEndpoint
from app.models.base import utcnow
from tests.story import assert_problem, events, ok, requisition
from tests.webhooks.helpers import deliver, deliveries, endpoint
from tests.webhooks.receiver import receiving

URL = "https://hooks.example.com/shortlist"


async def test_the_secret_is_shown_once_and_stored_sealed(client, app):
    created = await endpoint(client, "http://127.0.0.1:9/hooks", description="ATS")
    secret = created["secret"]
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) >= 24
    assert created["event_types"] == ["*"]
    assert created["status"] == "enabled" and created["enabled"] is True

    got = await client.get(f"/v1/webhook-endpoints/{created['id']}")
    listed = await client.get("/v1/webhook-endpoints")
    feed = await client.get("/v1/events", params={"limit": 200})
    for response in (got, listed, feed):
        assert response.status_code == 200, response.text
        assert secret not in response.text
        assert secret.removeprefix("whsec_") not in response.text
    assert "secret" not in got.json()
    assert got.headers["etag"] == f'"{created["version"]}"'
    assert [e["id"] for e in listed.json()["data"]] == [created["id"]]

    async with app.state.db.reader() as session:
        stored = await session.scalar(select(WebhookEndpoint.secret_sealed))
    assert stored is not None and secret not in stored
    assert secret.removeprefix("whsec_") not in stored


async def test_an_idempotent_replay_does_not_show_the_secret_again(client):
    headers = {"Idempotency-Key": "create-hook-1"}
    body = {"url": "http://127.0.0.1:9/hooks"}
    first = await client.post("/v1/webhook-endpoints", json=body, headers=headers)
    again = await client.post("/v1/webhook-endpoints", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["secret"].startswith("whsec_")
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["secret"] is None


async def test_event_types_come_from_the_catalogue(client):
    unknown = await client.post(
        "/v1/webhook-endpoints", json={"url": URL, "event_types": ["option.exploded"]}
    )
    assert_problem(unknown, 422, "validation_failed")
    star_and_more = await client.post(
        "/v1/webhook-endpoints", json={"url": URL, "event_types": ["*", "option.hired"]}
    )
    assert_problem(star_and_more, 422, "validation_failed")
    chosen = await endpoint(
        client, "http://127.0.0.1:9/hooks", event_types=["option.hired", "option.hired"]
    )
    assert chosen["event_types"] == ["option.hired"]


PRIVATE_URLS = [
    "http://hooks.example.com/plain-http",
    "https://127.0.0.1/hooks",
    "https://localhost:8443/hooks",
    "https://[::1]/hooks",
    "https://10.0.0.7/hooks",
    "https://192.168.1.20/hooks",
    "https://169.254.169.254/latest/meta-data",
    "https://[::ffff:127.0.0.1]/hooks",
    "https://224.0.0.1/hooks",
]


async def test_private_targets_are_refused_by_default(database_url, settings, tenant: Tenant):
    strict = create_app(
        Settings(database_url=database_url, secret_key=settings.secret_key, worker=False)
    )
    try:
        async with Tenant(tenant.organization_id, strict, tenant.keys).client() as client:
            for url in PRIVATE_URLS:
                response = await client.post("/v1/webhook-endpoints", json={"url": url})
                assert_problem(response, 422, "webhook_url_not_allowed")
            listed = await ok(await client.get("/v1/webhook-endpoints"))
            assert listed["data"] == []
            assert [e["type"] for e in await events(client)] == ["api_key.created"] * 4
    finally:
        await strict.state.db.engine.dispose()


async def test_private_targets_are_refused_again_at_delivery_time(client, app):
    with receiving() as receiver:
        # Saved while private targets were allowed (or while DNS said otherwise)...
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        # ...and refused by a worker that does not allow them.
        assert await deliver(app, webhook_allow_private=False) == 1
    assert receiver.received == []
    [delivery] = await deliveries(client, hook["id"])
    assert delivery["status"] == "pending"
    [attempt] = delivery["attempts"]
    assert attempt["response_status"] is None
    assert attempt["error"].startswith("refused:")


async def test_patch_pauses_and_resumes(client):
    hook = await endpoint(client, "http://127.0.0.1:9/hooks")
    url = f"/v1/webhook-endpoints/{hook['id']}"
    paused = await ok(await client.patch(url, json={"enabled": False, "description": "Paused"}))
    assert paused["status"] == "disabled"
    assert paused["disabled_reason"] == "requested"
    assert paused["enabled"] is False
    assert paused["version"] == hook["version"] + 1
    stale = await client.patch(url, json={"enabled": True}, headers={"If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    resumed = await ok(await client.patch(url, json={"enabled": True}))
    assert resumed["status"] == "enabled"
    assert resumed["disabled_reason"] is None
    [updated, *_] = [e for e in reversed(await events(client)) if e["subject"]["id"] == hook["id"]]
    assert updated["type"] == "webhook_endpoint.updated"
    assert updated["data"] == {"changed": ["enabled"]}
    refused = await client.patch(url, json={"url": "ftp://files.example.com/"})
    assert_problem(refused, 422, "validation_failed")


async def test_a_disabled_endpoint_cannot_be_tested(client):
    hook = await endpoint(client, "http://127.0.0.1:9/hooks")
    url = f"/v1/webhook-endpoints/{hook['id']}"
    await ok(await client.patch(url, json={"enabled": False}))
    assert_problem(await client.post(f"{url}/test"), 409, "webhook_endpoint_disabled")


async def test_delete_stops_deliveries(client, app):
    with receiving() as receiver:
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        deleted = await client.delete(f"/v1/webhook-endpoints/{hook['id']}")
        assert deleted.status_code == 204, deleted.text
        assert await deliver(app) == 0
    assert receiver.received == []
    assert_problem(await client.get(f"/v1/webhook-endpoints/{hook['id']}"), 404, "not_found")
    assert (await events(client))[-1]["type"] == "webhook_endpoint.deleted"


async def test_rotation_signs_with_both_secrets_for_a_day(client, app):
    with receiving() as receiver:
        hook = await endpoint(client, receiver.url)
        rotated = await ok(await client.post(f"/v1/webhook-endpoints/{hook['id']}/rotate-secret"))
        assert rotated["secret"].startswith("whsec_")
        assert rotated["secret"] != hook["secret"]
        assert rotated["previous_secret_expires_at"] is not None
        await requisition(client)
        await deliver(app)
    # The rotation event itself and the requisition.
    assert len(receiver.received) == 2
    for received in receiver.received:
        assert len(received.headers["webhook-signature"].split(" ")) == 2
        received.verify(hook["secret"])
        received.verify(rotated["secret"])


async def test_a_day_after_rotation_only_the_new_secret_signs(client, app):
    with receiving() as receiver:
        hook = await endpoint(client, receiver.url)
        rotated = await ok(await client.post(f"/v1/webhook-endpoints/{hook['id']}/rotate-secret"))
        # Move the rotation a day and a minute into the past, so the overlap is over; the
        # attempt is still made now, with a `webhook-timestamp` a receiver accepts.
        async with app.state.db.writer() as session:
            await session.execute(
                update(WebhookEndpoint)
                .where(WebhookEndpoint.id == uuid.UUID(hook["id"]))
                .values(previous_secret_expires_at=utcnow() - timedelta(minutes=1))
            )
            await session.commit()
        await requisition(client)
        await deliver(app)
    assert len(receiver.received) == 2  # the rotation event and the requisition
    for received in receiver.received:
        assert len(received.headers["webhook-signature"].split(" ")) == 1
        assert received.verify(rotated["secret"])["type"] == received.json["type"]
        with pytest.raises(WebhookVerificationError):
            received.verify(hook["secret"])


async def test_the_deliveries_list_makes_the_same_queries_for_more_rows(client, app, engine):
    counts, rows = [], []
    with receiving(status=500) as receiver:
        hook = await endpoint(client, receiver.url)
        for n in (2, 10):
            for i in range(n):
                await requisition(client, title=f"Role {i}")
            await deliver(app)  # every delivery gets an attempt to show
            with count_queries(engine) as statements:
                listed = await ok(
                    await client.get(
                        f"/v1/webhook-endpoints/{hook['id']}/deliveries", params={"limit": 200}
                    )
                )
            rows.append(len(listed["data"]))
            counts.append(len(statements))
    assert rows == [2, 12]
    assert all(len(d["attempts"]) == 1 for d in listed["data"])
    assert counts[0] == counts[1], counts
