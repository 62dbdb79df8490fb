"""Webhooks delivered to a real HTTP receiver on 127.0.0.1, verified with `standardwebhooks`:
every event type, retries under the same id, outages, rollbacks, 410, erasure."""

import threading
import uuid
from datetime import timedelta

import httpx
from sqlalchemy import func, select

from app.events.catalogue import EVENT_TYPES
from app.kit.auth import Actor
from app.kit.events import record_event
from app.models import WebhookDelivery
from app.models.base import utcnow
from app.requisitions.schemas import RequisitionCreate
from app.requisitions.service import create_requisition
from app.webhooks import delivery as delivery_module
from app.webhooks.delivery import WebhookDeliveries
from app.worker import Worker
from tests.notes.smtp import smtp_server, smtp_url_nobody_listens_on
from tests.story import act, events, note_for, ok, option, requisition
from tests.webhooks.helpers import deliver, deliveries, endpoint
from tests.webhooks.receiver import Receiver, localhost_certificate, receiving


async def make_every_kind_of_change(client: httpx.AsyncClient, app: object) -> None:
    """One of every event type the service writes, except the webhooks' own."""
    req = await requisition(client, headcount=1)
    rid = req["id"]
    await ok(await client.patch(f"/v1/requisitions/{rid}", json={"team": "Platform"}))
    first = await option(client, rid, "Northwind Engineering", kind="agency")
    await ok(await client.patch(f"/v1/candidates/{first['candidate_id']}", json={"tags": ["sre"]}))
    await ok(await client.patch(f"/v1/options/{first['id']}", json={"rank": 1}))
    runner_up = await option(client, rid, "Juan Pérez")
    await act(client, runner_up["id"], "keep-warm", reason="Strong second.")
    held = await option(client, rid, "Ana Silva")
    await act(client, held["id"], "hold", reason="Not now.", revisit_on="2027-04-01")
    declined = await option(client, rid, "Bo Chen")
    await act(client, declined["id"], "decline", note=note_for("Bo"))
    withdrawn = await option(client, rid, "Cy Park")
    await act(client, withdrawn["id"], "withdraw", reason="Took another offer.")
    await act(client, first["id"], "select", reason="Covers the whole scope.")
    await ok(
        await client.post(
            f"/v1/options/{first['id']}/check-ins",
            json={"verdict": "failing", "rating": 1, "reviewer_name": "Dana"},
        ),
        201,
    )
    await act(client, first["id"], "hire", start_date="2027-01-11")
    await act(client, first["id"], "release", reason="Missed the first milestones.")
    await act(client, held["id"], "reactivate", reason="The need is back.")
    await ok(
        await client.post(
            "/v1/note-templates",
            json={
                "name": "Not now",
                "kind": "not_now",
                "reason_code": "timing",
                "body": "Hi {candidate_name}, not right now.",
            },
        ),
        201,
    )
    await ok(
        await client.post(
            f"/v1/candidates/{runner_up['candidate_id']}/touchpoints",
            json={"direction": "outbound", "channel": "call", "summary": "Caught up."},
        ),
        201,
    )
    starts_on = (utcnow().date() + timedelta(days=30)).isoformat()
    interim = await ok(
        await client.post(
            f"/v1/requisitions/{rid}/interim-engagements",
            json={"candidate_id": runner_up["candidate_id"], "starts_on": starts_on},
        ),
        201,
    )
    url = f"/v1/interim-engagements/{interim['id']}"
    await ok(await client.patch(url, json={"scope": "Keep the pipeline running."}))
    await ok(await client.patch(url, json={"status": "active"}))
    await ok(await client.post(f"{url}/end", json={"end_reason": "The role is filled."}))
    key = await ok(await client.post("/v1/api-keys", json={"name": "ATS"}), 201)
    await ok(await client.delete(f"/v1/api-keys/{key['id']}"))
    await ok(await client.delete(f"/v1/candidates/{withdrawn['candidate_id']}"))
    feed = await ok(await client.post("/v1/calendar-feeds", json={"name": "Dana"}), 201)
    await ok(await client.delete(f"/v1/calendar-feeds/{feed['id']}"))
    lever = {"system": "lever", "name": "Lever", "secret": "lever-signature-token-0123"}
    integration = await ok(await client.post("/v1/integrations", json=lever), 201)
    assert (await client.delete(f"/v1/integrations/{integration['id']}")).status_code == 204
    await email_every_way(client, app, rid)
    # A hold to revisit today: the worker's upkeep announces it (`follow_up.due`).
    revisit = await option(client, rid, "Gil Sousa")
    await act(client, revisit["id"], "hold", reason="Not now.", revisit_on=str(utcnow().date()))
    await Worker(app.state.db, app.state.settings).upkeep()  # type: ignore[attr-defined]


async def email_every_way(client: httpx.AsyncClient, app: object, rid: str) -> None:
    """Notes to a candidate by email: one cancelled, one sent, one failed after its retry."""
    emailed = await ok(
        await client.post("/v1/candidates", json={"name": "Eva Ruiz", "email": "eva@example.org"}),
        201,
    )
    opt = await ok(
        await client.post(f"/v1/requisitions/{rid}/options", json={"candidate_id": emailed["id"]}),
        201,
    )
    url = f"/v1/options/{opt['id']}/notes"
    body = {"reason_code": "timing", "message": "Hi Eva, an update: we are still deciding."}
    cancelled = await ok(await client.post(url, json={**body, "deliver": True}), 201)
    await ok(await client.post(f"/v1/notes/{cancelled['id']}/cancel-delivery"))
    now = utcnow()
    await ok(
        await client.post(url, json={**body, "deliver": True, "send_after": now.isoformat()}), 201
    )
    with smtp_server() as inbox:
        await deliver(app, now, smtp_url=inbox.url)
    assert len(inbox.received) == 1
    await ok(
        await client.post(url, json={**body, "deliver": True, "send_after": now.isoformat()}), 201
    )
    await deliver(app, now, smtp_url=smtp_url_nobody_listens_on(), email_retry_schedule=())


async def test_every_event_type_is_delivered_signed_and_as_the_feed_shows_it(client, app):
    with receiving() as receiver, receiving(status=410) as gone:
        hook = await endpoint(client, receiver.url)
        await make_every_kind_of_change(client, app)
        # Another endpoint's life: created, changed, rotated, disabled by 410, deleted.
        other = await endpoint(client, gone.url, event_types=["requisition.created"])
        other_url = f"/v1/webhook-endpoints/{other['id']}"
        await ok(await client.patch(other_url, json={"description": "Lever"}))
        await ok(await client.post(f"{other_url}/rotate-secret"))
        await requisition(client, title="Second role")
        await deliver(app)
        assert (await ok(await client.get(other_url)))["disabled_reason"] == "gone"
        assert (await client.delete(other_url)).status_code == 204
        await ok(await client.post(f"/v1/webhook-endpoints/{hook['id']}/test"), 202)
        await deliver(app)

    feed = await events(client)
    after_creation = [e for e in feed if e["occurred_at"] > hook["created_at"]]
    received = {r.headers["webhook-id"]: r for r in receiver.received}
    assert len(received) == len(receiver.received), "an event was delivered twice"
    # Order is not promised (deliveries go out concurrently); completeness is.
    assert sorted(received) == sorted(e["id"] for e in after_creation)
    assert {e["type"] for e in after_creation} == set(EVENT_TYPES)
    for event in after_creation:
        delivery = received[event["id"]]
        body = delivery.verify(hook["secret"])
        assert body == {"type": event["type"], "timestamp": event["occurred_at"], "data": event}
        assert delivery.path == "/hooks"
        assert delivery.headers["content-type"] == "application/json"
        assert delivery.headers["user-agent"].startswith("Shortlist-Webhooks/")
        assert abs(int(delivery.headers["webhook-timestamp"]) - utcnow().timestamp()) < 300
    assert hook["secret"] not in str(feed)
    assert [r.json["type"] for r in gone.received] == ["requisition.created"]


async def test_a_5xx_is_retried_later_under_the_same_webhook_id(client, app):
    with receiving(statuses=[503, 500]) as receiver:
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        started = utcnow()
        assert await deliver(app, started) == 1
        # Not due again at once: the first retry waits 5 s (plus jitter).
        assert await deliver(app, started) == 0
        assert await deliver(app, started + timedelta(seconds=7)) == 1
        assert await deliver(app, started + timedelta(minutes=7)) == 1
    [first, second, third] = receiver.received
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert third.headers["webhook-id"] == first.headers["webhook-id"]
    assert third.body == first.body
    third.verify(hook["secret"])
    [delivery] = await deliveries(client, hook["id"])
    assert delivery["status"] == "succeeded"
    assert delivery["attempt_count"] == 3
    assert [a["response_status"] for a in delivery["attempts"]] == [503, 500, 200]
    assert all(a["duration_ms"] >= 0 and a["error"] is None for a in delivery["attempts"])
    assert delivery["next_attempt_at"] is None


async def test_after_the_last_retry_the_delivery_fails_and_can_be_retried(client, app):
    with receiving(status=500) as receiver:
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        now = utcnow()
        for hours in range(4):
            await deliver(app, now + timedelta(hours=hours), webhook_retry_schedule=(60, 600))
        assert len(receiver.received) == 3  # the first attempt and two retries
        [failed] = await deliveries(client, hook["id"], status="failed")
        assert failed["next_attempt_at"] is None
        assert await deliveries(client, hook["id"], status="pending") == []

        receiver.status = 200
        retried = await client.post(f"/v1/webhook-deliveries/{failed['id']}/retry")
        assert (await ok(retried, 202))["status"] == "pending"
        assert await deliver(app) == 1
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1
    delivered = await ok(await client.get(f"/v1/webhook-deliveries/{failed['id']}"))
    assert delivered["status"] == "succeeded"
    assert [a["response_status"] for a in delivered["attempts"]] == [500, 500, 500, 200]


async def test_a_receiver_outage_then_recovery_delivers_everything(client, app):
    receiver = Receiver()
    receiver.start()
    hook = await endpoint(client, receiver.url)
    receiver.stop()  # down: connections are refused
    for n in range(5):
        await requisition(client, title=f"Role {n}")
    now = utcnow()
    assert await deliver(app, now) == 5
    pending = await deliveries(client, hook["id"], status="pending")
    assert len(pending) == 5
    assert all(d["attempts"][0]["error"].startswith("connection failed") for d in pending)
    failing = await ok(await client.get(f"/v1/webhook-endpoints/{hook['id']}"))
    assert failing["failing_since"] is not None

    receiver.start()  # back, on the same port
    try:
        # The per-endpoint cap sends them a couple at a time; all go out in the end.
        assert await deliver(app, now + timedelta(minutes=1)) == 5
    finally:
        receiver.stop()
    feed_ids = [e["id"] for e in await events(client, type="requisition.created")]
    assert sorted(receiver.ids()) == sorted(feed_ids)
    assert await deliveries(client, hook["id"], status="pending") == []
    recovered = await ok(await client.get(f"/v1/webhook-endpoints/{hook['id']}"))
    assert recovered["failing_since"] is None


async def test_a_rolled_back_change_sends_nothing(client, app, tenant):
    with receiving() as receiver:
        hook = await endpoint(client, receiver.url)
        actor = Actor(tenant.organization_id, None, frozenset({"write"}), "tests")
        async with app.state.db.writer() as session:
            await create_requisition(session, actor, RequisitionCreate(title="Never happened"))
            await session.flush()
            await session.rollback()
            # The same session goes on to commit something else: only that is delivered.
            await create_requisition(session, actor, RequisitionCreate(title="Happened"))
            await session.commit()
        async with app.state.db.writer() as session:
            # An event recorded and not yet written goes with a transaction closed uncommitted.
            record_event(session, actor, "requisition.updated", uuid.uuid4(), data={"x": 1})
            await session.close()
            await create_requisition(session, actor, RequisitionCreate(title="Also happened"))
            await session.commit()
        # A request that fails after writing its event (a second requisition with a taken
        # external ref) rolls its delivery back with it.
        ref = [{"system": "greenhouse", "external_id": "77"}]
        await requisition(client, title="First", external_refs=ref)
        clash = await client.post("/v1/requisitions", json={"title": "Clash", "external_refs": ref})
        assert clash.status_code == 409, clash.text
        await deliver(app)
    assert [r.json["data"]["type"] for r in receiver.received] == ["requisition.created"] * 3
    titles = [e["data"] for e in await events(client, type="requisition.created")]
    assert len(titles) == 3
    assert await events(client, type="requisition.updated") == []
    async with app.state.db.reader() as session:
        assert await session.scalar(select(func.count()).select_from(WebhookDelivery)) == 3
    assert len(await deliveries(client, hook["id"])) == 3


async def test_410_disables_the_endpoint_and_its_deliveries_wait_for_it(client, app):
    with receiving(statuses=[410]) as receiver:
        hook = await endpoint(client, receiver.url)
        url = f"/v1/webhook-endpoints/{hook['id']}"
        await requisition(client, title="First")
        assert await deliver(app) == 1
        disabled = await ok(await client.get(url))
        assert disabled["status"] == "disabled"
        assert disabled["disabled_reason"] == "gone"
        assert disabled["disabled_at"] is not None
        [waiting] = await deliveries(client, hook["id"], status="pending")
        # While disabled: nothing is sent, and new events are not queued for it.
        await requisition(client, title="While disabled")
        assert await deliver(app, utcnow() + timedelta(hours=1)) == 0
        assert len(receiver.received) == 1
        # Re-enabled: what waited goes at once (with the news of the re-enabling).
        await ok(await client.patch(url, json={"enabled": True}))
        assert await deliver(app) == 2
    first, *after = receiver.received
    assert first.headers["webhook-id"] == waiting["event_id"]
    assert sorted(r.json["type"] for r in after) == [
        "requisition.created",
        "webhook_endpoint.updated",
    ]
    assert waiting["event_id"] in [r.headers["webhook-id"] for r in after]
    assert (await ok(await client.get(url)))["status"] == "enabled"
    disabled_events = await events(client, type="webhook_endpoint.disabled")
    assert [e["data"] for e in disabled_events] == [{"reason": "gone"}]


async def test_an_endpoint_failing_for_five_days_is_disabled(client, app):
    from app.worker import Worker

    with receiving(status=503) as receiver:
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        await deliver(app)
    worker = Worker(app.state.db, app.state.settings)
    await worker.upkeep(utcnow() + timedelta(days=4))
    url = f"/v1/webhook-endpoints/{hook['id']}"
    assert (await ok(await client.get(url)))["status"] == "enabled"
    await worker.upkeep(utcnow() + timedelta(days=5, minutes=1))
    await worker.close()
    disabled = await ok(await client.get(url))
    assert disabled["status"] == "disabled"
    assert disabled["disabled_reason"] == "failing"
    assert len(await deliveries(client, hook["id"], status="pending")) == 1


async def test_erasure_reaches_deliveries_not_sent_yet(client, app):
    with receiving() as receiver:
        hook = await endpoint(client, receiver.url)
        req = await requisition(client)
        juan = await option(client, req["id"], "Juan Pérez")
        reason = "Juan's talk on Kubernetes upgrades convinced the panel."
        await act(client, juan["id"], "select", reason=reason)
        erased = await client.delete(f"/v1/candidates/{juan['candidate_id']}")
        assert erased.status_code == 200, erased.text
        await deliver(app)
    selected = [r.verify(hook["secret"]) for r in receiver.received]
    assert "option.selected" in [p["type"] for p in selected]
    assert reason not in str(selected)
    assert "Juan" not in str(selected)


async def test_the_test_event_goes_to_that_endpoint_only(client, app):
    with receiving() as tested, receiving() as bystander:
        await endpoint(client, bystander.url)
        hook = await endpoint(client, tested.url)
        sent = await ok(await client.post(f"/v1/webhook-endpoints/{hook['id']}/test"), 202)
        assert sent["event_type"] == "webhook.test"
        assert sent["status"] == "pending"
        await deliver(app)
    [received] = tested.received
    payload = received.verify(hook["secret"])
    assert payload["type"] == "webhook.test"
    assert payload["data"]["subject"] == {"type": "webhook_endpoint", "id": hook["id"]}
    assert received.headers["webhook-id"] == sent["event_id"]
    assert [r.json["type"] for r in bystander.received] == ["webhook_endpoint.created"]


async def test_no_answer_in_time_or_a_redirect_is_a_failed_attempt(client, app, monkeypatch):
    monkeypatch.setattr(delivery_module, "TIMEOUT", 0.2)  # instead of 10 s, to keep this quick
    hold = threading.Event()
    with receiving(hold=hold) as slow, receiving(statuses=[302]) as moved:
        slow_hook = await endpoint(client, slow.url, event_types=["requisition.created"])
        moved_hook = await endpoint(client, moved.url, event_types=["requisition.created"])
        await requisition(client)
        assert await deliver(app) == 2
        hold.set()
    [timed_out] = await deliveries(client, slow_hook["id"], status="pending")
    assert timed_out["attempts"][0]["error"] == "timed out after 0.2 s"
    [redirected] = await deliveries(client, moved_hook["id"], status="pending")
    assert redirected["attempts"][0]["response_status"] == 302
    assert [r.path for r in moved.received] == ["/hooks"]  # nothing followed


async def test_https_is_verified_against_the_name_while_connecting_to_the_checked_address(
    client, app, tmp_path
):
    server_tls, client_tls = localhost_certificate(tmp_path)
    with receiving(tls=server_tls) as receiver:
        hook = await endpoint(client, receiver.url)
        await requisition(client)
        # The worker trusts this test's certificate authority, as it would a public one.
        worker = Worker(
            app.state.db,
            app.state.settings,
            [WebhookDeliveries(app.state.db, app.state.settings, verify=client_tls)],
        )
        try:
            assert await worker.run_once() == 1
        finally:
            await worker.close()
        # A worker that does not trust it refuses to send.
        await requisition(client, title="Second")
        assert await deliver(app) == 1
    [received] = receiver.received
    received.verify(hook["secret"])
    assert received.headers["host"] == f"localhost:{receiver.port}"
    untrusted = await deliveries(client, hook["id"], status="pending")
    assert [d["attempts"][0]["error"].split(":")[0] for d in untrusted] == ["connection failed"]
