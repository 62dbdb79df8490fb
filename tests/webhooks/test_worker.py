"""The worker: leases, two workers at once, fairness between endpoints, the in-process loop
and graceful shutdown."""

import asyncio
import threading
from datetime import timedelta

import pytest
from conftest import Tenant

from app import worker as worker_module
from app.db import Database
from app.main import create_app
from app.models.base import utcnow
from app.worker import Worker
from tests.story import requisition
from tests.webhooks.helpers import deliver, deliveries, endpoint, until
from tests.webhooks.receiver import receiving


async def test_a_dead_workers_lease_runs_out_and_another_worker_sends(client, app):
    with receiving() as receiver:
        await endpoint(client, receiver.url)
        await requisition(client)
        dead = Worker(app.state.db, app.state.settings)
        now = utcnow()
        # It claims the delivery, then is killed before sending.
        assert len(await dead.kinds[0].claim(dead.name, now, 10)) == 1
        await dead.close()
        assert await deliver(app, now + timedelta(seconds=30)) == 0
        assert await deliver(app, now + timedelta(seconds=61)) == 1
    [received] = receiver.received
    assert received.json["type"] == "requisition.created"


async def test_two_workers_never_send_the_same_delivery(client, app, settings):
    second_db = Database.connect(settings)  # its own connections, as another process has
    with receiving(pause=0.02) as receiver:
        for n in range(4):
            await endpoint(client, f"{receiver.url}/{n}")
        for n in range(8):
            await requisition(client, title=f"Role {n}")
        one = Worker(app.state.db, settings)
        two = Worker(second_db, settings)
        try:
            now = utcnow() + timedelta(seconds=1)
            counts = await asyncio.gather(one.run_once(now), two.run_once(now))
        finally:
            await one.close()
            await two.close()
            await second_db.engine.dispose()
    # 8 requisitions to 4 endpoints, and the creations of the later endpoints to earlier ones.
    expected = 8 * 4 + 3 + 2 + 1
    assert sum(counts) == expected
    attempts = [f"{r.path} {r.headers['webhook-id']}" for r in receiver.received]
    assert len(attempts) == len(set(attempts)) == expected
    assert receiver.overlapping == []


async def test_a_slow_endpoint_does_not_delay_the_others(client, app):
    hold = threading.Event()
    with receiving(hold=hold) as slow, receiving() as fast:
        await endpoint(client, slow.url)
        await endpoint(client, fast.url)
        for n in range(6):
            await requisition(client, title=f"Role {n}")
        stop = asyncio.Event()
        worker = Worker(
            app.state.db, app.state.settings.model_copy(update={"worker_concurrency": 4})
        )
        running = asyncio.create_task(worker.run(stop))
        try:
            await until(lambda: len(fast.received) == 6, "the fast endpoint's deliveries")
            # The slow one holds at most its share of the worker's slots, nothing more.
            assert slow.received == []
            assert 1 <= slow.waiting() <= 2
            hold.set()
            await until(lambda: len(slow.received) == 7, "the slow endpoint's deliveries")
        finally:
            hold.set()
            stop.set()
            await running


async def test_stopping_lets_an_attempt_in_flight_finish(client, app):
    hold = threading.Event()
    with receiving(hold=hold) as receiver:
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        stop = asyncio.Event()
        running = asyncio.create_task(Worker(app.state.db, app.state.settings).run(stop))
        await until(lambda: receiver.waiting() == 1, "the attempt to reach the receiver")
        stop.set()
        hold.set()
        await running
    [delivery] = await deliveries(client, hook["id"])
    assert delivery["status"] == "succeeded"


async def test_stopping_releases_the_lease_of_an_attempt_that_cannot_finish(
    client, app, monkeypatch
):
    monkeypatch.setattr(worker_module, "SHUTDOWN_GRACE", 0)
    hold = threading.Event()
    with receiving(hold=hold) as receiver:
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        stop = asyncio.Event()
        running = asyncio.create_task(Worker(app.state.db, app.state.settings).run(stop))
        await until(lambda: receiver.waiting() == 1, "the attempt to reach the receiver")
        stop.set()
        await running
        hold.set()
        [delivery] = await deliveries(client, hook["id"])
        assert delivery["status"] == "pending"
        assert delivery["attempts"] == []
        # Released, not left to expire: another worker takes it at once.
        assert await deliver(app) == 1
    assert len(receiver.received) == 2  # the abandoned attempt arrived too: at least once


async def test_serve_runs_the_worker_in_process(settings, tenant):
    in_process = create_app(settings.model_copy(update={"worker": True}))
    with receiving() as receiver:
        async with (
            in_process.router.lifespan_context(in_process),
            Tenant(tenant.organization_id, in_process, tenant.keys).client() as client,
        ):
            hook = await endpoint(client, receiver.url)
            created = await requisition(client)
            await until(lambda: len(receiver.received) == 1, "the in-process worker")
    [received] = receiver.received
    payload = received.verify(hook["secret"])
    assert payload["data"]["subject"]["id"] == created["id"]


def test_worker_settings_read_the_environment(monkeypatch):
    from app.config import Settings

    monkeypatch.setenv("SHORTLIST_WORKER", "off")
    monkeypatch.setenv("SHORTLIST_WEBHOOK_RETRY_SCHEDULE", "5, 60,3600")
    monkeypatch.setenv("SHORTLIST_WEBHOOK_ALLOW_PRIVATE", "true")
    configured = Settings()
    assert configured.worker is False
    assert configured.webhook_retry_schedule == (5, 60, 3600)
    assert configured.webhook_allow_private is True
    monkeypatch.setenv("SHORTLIST_WEBHOOK_RETRY_SCHEDULE", "5,-1")
    with pytest.raises(ValueError, match="seconds"):
        Settings()
