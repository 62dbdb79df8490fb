"""`follow_up.due` (issue 11): the worker announces each follow-up once, on the day it becomes
due, however many workers run, and the event flows to webhooks like any other."""

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from app.models import FollowUpNotice
from app.models.base import utcnow
from app.worker import Worker
from tests.followups.makers import day, on_hold, runner_up
from tests.story import act, events, ok, option, requisition
from tests.webhooks.helpers import deliver, deliveries, endpoint
from tests.webhooks.receiver import receiving


async def two_workers_upkeep(app, now=None) -> None:
    workers = [Worker(app.state.db, app.state.settings) for _ in range(2)]
    try:
        await asyncio.gather(*(worker.upkeep(now) for worker in workers))
    finally:
        for worker in workers:
            await worker.close()


async def test_two_workers_announce_a_follow_up_once_on_its_due_day(client, app):
    req = await requisition(client)
    ana = await on_hold(client, req["id"], "Ana Silva", revisit_on=day())
    bea = await on_hold(client, req["id"], "Bea Ortiz", revisit_on=day(1))

    await two_workers_upkeep(app)
    await two_workers_upkeep(app)

    [event] = await events(client, type="follow_up.due")
    assert event["requisition_id"] == req["id"]
    assert event["subject"]["type"] == "follow_up"
    data = event["data"]
    assert (data["reason"], data["due_on"]) == ("revisit_hold", day())
    assert (data["candidate_id"], data["option_id"]) == (ana["candidate_id"], ana["id"])

    # Tomorrow, Bea's hold is due: announced then, and Ana's is not announced again.
    await two_workers_upkeep(app, utcnow() + timedelta(days=1))
    announced = await events(client, type="follow_up.due")
    assert [e["data"]["option_id"] for e in announced] == [ana["id"], bea["id"]]


async def test_a_check_in_due_today_is_announced(client, app):
    req = await requisition(client)
    agency = await option(client, req["id"], "Northwind", kind="agency")
    await act(client, agency["id"], "select", reason="Can cover the whole scope.")
    await act(client, agency["id"], "hire", start_date=day(-3))

    await two_workers_upkeep(app)

    [event] = await events(client, type="follow_up.due")
    assert event["data"]["reason"] == "check_in_due"
    assert event["data"]["checkin_number"] == 1
    assert event["data"]["option_id"] == agency["id"]


async def test_a_call_to_the_runner_up_is_announced_once_on_its_due_day(client, app):
    req = await requisition(client)
    await runner_up(client, req["id"], "Juan Pérez", touched_on=day(-2))
    agency = await option(client, req["id"], "Northwind", kind="agency")
    await act(client, agency["id"], "select", reason="Can cover the whole scope.")
    failing = {"verdict": "failing", "rating": 1, "occurred_on": day()}
    await ok(await client.post(f"/v1/options/{agency['id']}/check-ins", json=failing), 201)

    def calls(announced: list[dict]) -> list[dict]:
        return [e for e in announced if e["data"]["reason"] == "call_runner_up"]

    # At risk since today: the call is due in 2 days, and not announced before.
    await two_workers_upkeep(app, utcnow() + timedelta(days=1))
    assert calls(await events(client, type="follow_up.due")) == []

    call_day = utcnow() + timedelta(days=2)
    await two_workers_upkeep(app, call_day)
    await two_workers_upkeep(app, call_day)

    [event] = calls(await events(client, type="follow_up.due"))
    assert event["requisition_id"] == req["id"]
    assert event["data"]["due_on"] == day(2)
    assert (event["data"]["option_id"], event["data"]["candidate_id"]) == (
        agency["id"],
        agency["candidate_id"],
    )


async def test_a_follow_up_due_is_delivered_to_a_subscribed_webhook(client, app):
    with receiving() as receiver:
        hook = await endpoint(client, receiver.url, event_types=["follow_up.due"])
        req = await requisition(client)
        await on_hold(client, req["id"], "Ana Silva", revisit_on=day())

        await two_workers_upkeep(app)
        await deliver(app)

    [event] = await events(client, type="follow_up.due")
    [delivery] = await deliveries(client, hook["id"])
    assert (delivery["event_type"], delivery["event_id"]) == ("follow_up.due", event["id"])
    assert delivery["status"] == "succeeded"
    [received] = receiver.received
    assert received.verify(hook["secret"])["data"] == event


async def test_another_organization_hears_nothing_of_ours(client, app, other_tenant):
    req = await requisition(client)
    await on_hold(client, req["id"], "Ana Silva", revisit_on=day())
    async with other_tenant.client() as theirs:
        their_req = await requisition(theirs)
        await on_hold(theirs, their_req["id"], "Their Bea", revisit_on=day())

        await two_workers_upkeep(app)

        [theirs_due] = await events(theirs, type="follow_up.due")
        assert theirs_due["requisition_id"] == their_req["id"]
    [ours] = await events(client, type="follow_up.due")
    assert ours["requisition_id"] == req["id"]


async def test_a_follow_up_that_fell_due_while_no_worker_ran_is_announced_the_next_day_once(
    client, app
):
    req = await requisition(client)
    ana = await on_hold(client, req["id"], "Ana Silva", revisit_on=day(1))
    bea = await on_hold(client, req["id"], "Bea Ortiz", revisit_on=day(2))

    # No worker ran on day 1; on day 2 Ana's missed item and Bea's are announced, once each.
    await two_workers_upkeep(app, utcnow() + timedelta(days=2))
    await two_workers_upkeep(app, utcnow() + timedelta(days=2))
    announced = await events(client, type="follow_up.due")
    assert sorted((e["data"]["option_id"], e["data"]["due_on"]) for e in announced) == sorted(
        [(ana["id"], day(1)), (bea["id"], day(2))]
    )

    # Later days announce neither again, though both are still open.
    for later in (3, 4, 5):
        await two_workers_upkeep(app, utcnow() + timedelta(days=later))
    assert len(await events(client, type="follow_up.due")) == 2


async def test_announcements_are_forgotten_once_their_day_is_past(client, app, engine):
    req = await requisition(client)
    await on_hold(client, req["id"], "Ana Silva", revisit_on=day())
    await two_workers_upkeep(app)
    async with engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(FollowUpNotice)) == 1

    await two_workers_upkeep(app, utcnow() + timedelta(days=3))

    async with engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(FollowUpNotice)) == 0
    assert len(await events(client, type="follow_up.due")) == 1
