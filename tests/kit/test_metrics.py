"""GET /metrics: Prometheus text for operators, not for the world."""

from datetime import timedelta

import httpx
import pytest
from conftest import make_client
from pydantic import SecretStr

from app.config import Settings
from app.kit.metrics import outbox_families
from app.main import create_app
from app.models.base import utcnow
from tests.notes.smtp import delivered_note, person, smtp_server, smtp_url_nobody_listens_on
from tests.story import at, ok, requisition
from tests.webhooks.helpers import deliver, endpoint
from tests.webhooks.receiver import receiving


def remote_client(app: object, **headers: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.9", 4000))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://shortlist.test", headers=headers)


def sample(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


async def test_requests_are_counted_by_route_template_and_status(app, client):
    async with make_client(app, None) as local:
        before = (await local.get("/metrics")).text
        await client.get("/v1/requisitions/5d1c1c9e-3f0b-4c5e-9d57-7b1c0f7f0a11")
        response = await local.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    labels = {"method": "GET", "route": "/v1/requisitions/{requisition_id}", "status": "404"}
    name = "shortlist_http_requests_total"
    assert sample(response.text, name, **labels) == sample(before, name, **labels) + 1
    assert sample(response.text, "shortlist_http_request_duration_seconds_count", **labels) >= 1
    assert "5d1c1c9e" not in response.text
    assert "shortlist_db_pool_connections" in response.text


async def test_rate_limit_refusals_are_counted(settings, tenant):
    app = create_app(settings.model_copy(update={"rate_limit_read": "1/minute"}))
    try:
        async with make_client(app, tenant.keys["read"]) as client:
            before = (await client.get("/metrics")).text
            await client.get("/v1/requisitions")
            await client.get("/v1/requisitions")
            after = (await client.get("/metrics")).text
        name = "shortlist_rate_limited_requests_total"
        assert sample(after, name, budget="read") == sample(before, name, budget="read") + 1
    finally:
        await app.state.db.engine.dispose()


async def test_refusals_for_failed_authentications_are_counted_apart(settings):
    app = create_app(settings.model_copy(update={"rate_limit_failed_auth": "1/minute"}))
    try:
        before = await scrape(app)
        async with make_client(app, "sl_guessed") as guesser:
            assert (await guesser.get("/v1/requisitions")).status_code == 401
            assert (await guesser.get("/v1/requisitions")).status_code == 429
        after = await scrape(app)  # from loopback, and not limited: still answered
        name = "shortlist_rate_limited_requests_total"
        for budget, gained in (("failed_auth", 1), ("read", 0)):
            assert (
                sample(after, name, budget=budget) == sample(before, name, budget=budget) + gained
            )
    finally:
        await app.state.db.engine.dispose()


async def test_metrics_are_refused_to_remote_clients_by_default(app):
    async with remote_client(app) as remote:
        response = await remote.get("/metrics")
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


@pytest.fixture
async def token_app(settings: Settings):
    application = create_app(settings.model_copy(update={"metrics_token": SecretStr("scrape-me")}))
    yield application
    await application.state.db.engine.dispose()


async def test_a_metrics_token_opens_them_to_its_holder_only(token_app):
    async with remote_client(token_app, Authorization="Bearer scrape-me") as scraper:
        assert (await scraper.get("/metrics")).status_code == 200
    async with remote_client(token_app, Authorization="Bearer wrong") as stranger:
        assert (await stranger.get("/metrics")).status_code == 403
    async with make_client(token_app, None) as local:
        assert (await local.get("/metrics")).status_code == 403


async def scrape(app: object) -> str:
    async with make_client(app, None) as local:
        response = await local.get("/metrics")
    assert response.status_code == 200
    return response.text


def outcomes(text: str, kind: str) -> dict[str, float]:
    name = "shortlist_outbox_deliveries_total"
    return {o: sample(text, name, kind=kind, outcome=o) for o in ("sent", "retried", "failed")}


async def test_webhook_outbox_depth_and_delivery_outcomes(app, client):
    with receiving(statuses=[500]) as receiver:
        hook = await endpoint(client, receiver.url, event_types=["requisition.created"])
        before = await scrape(app)
        for title in ("One", "Two"):
            await requisition(client, title=title)
        waiting = await scrape(app)
        assert sample(waiting, "shortlist_outbox_pending", kind="webhook") == 2
        assert sample(waiting, "shortlist_outbox_oldest_due_seconds", kind="webhook") >= 0

        # The receiver fails the first attempt and takes the second: one sent, one retried.
        assert await deliver(app) == 2
        after_first = await scrape(app)
        assert len(receiver.received) == 2
        gained = {
            k: v - outcomes(before, "webhook")[k]
            for k, v in outcomes(after_first, "webhook").items()
        }
        assert gained == {"sent": 1, "retried": 1, "failed": 0}
        # The retry waits for its time: still in the outbox, but not due.
        assert sample(after_first, "shortlist_outbox_pending", kind="webhook") == 1
        assert sample(after_first, "shortlist_outbox_oldest_due_seconds", kind="webhook") == 0

        # It fails again with no retry left: failed, and the outbox is empty.
        receiver.status = 500
        later = utcnow() + timedelta(hours=1)
        assert await deliver(app, later, webhook_retry_schedule=(5,)) == 1
        done = await scrape(app)
    gained = {k: v - outcomes(before, "webhook")[k] for k, v in outcomes(done, "webhook").items()}
    assert gained == {"sent": 1, "retried": 1, "failed": 1}
    assert sample(done, "shortlist_outbox_pending", kind="webhook") == 0
    assert hook["id"] not in done  # labels are kinds, never ids


async def test_email_outbox_depth_and_delivery_outcomes(app, client):
    req = await requisition(client)
    opt = await person(client, req["id"])
    note = await delivered_note(client, opt["id"])
    send_after = at(note["delivery"]["send_after"])
    before = await scrape(app)
    # Scheduled, not yet due: in the outbox, nothing waiting on a worker.
    assert sample(before, "shortlist_outbox_pending", kind="email") == 1
    assert sample(before, "shortlist_outbox_oldest_due_seconds", kind="email") == 0

    assert await deliver(app, send_after, smtp_url=smtp_url_nobody_listens_on()) == 1
    retried = await scrape(app)
    assert sample(retried, "shortlist_outbox_pending", kind="email") == 1
    with smtp_server() as inbox:
        assert await deliver(app, send_after + timedelta(days=1), smtp_url=inbox.url) == 1
    assert len(inbox.received) == 1
    sent = await scrape(app)
    gained = {k: v - outcomes(before, "email")[k] for k, v in outcomes(sent, "email").items()}
    assert gained == {"sent": 1, "retried": 1, "failed": 0}
    assert sample(sent, "shortlist_outbox_pending", kind="email") == 0
    assert (await ok(await client.get(f"/v1/notes/{note['id']}")))["delivery"]["status"] == "sent"


async def test_the_oldest_due_delivery_ages_while_no_worker_takes_it(app, client):
    with receiving() as receiver:
        await endpoint(client, receiver.url, event_types=["requisition.created"])
        written = utcnow()
        await requisition(client)
        # Ten minutes on and no worker has come by.
        scraped = utcnow() + timedelta(minutes=10)
        families = await outbox_families(app.state.db, scraped)
    [oldest] = [f for f in families if f.name == "shortlist_outbox_oldest_due_seconds"]
    [webhook] = [s.value for s in oldest.samples if s.labels == {"kind": "webhook"}]
    assert 600 <= webhook <= (scraped - written).total_seconds()
    assert receiver.received == []
