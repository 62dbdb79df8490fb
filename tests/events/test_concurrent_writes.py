"""Writes of one organization run in parallel (no organization-wide lock), and the feed stays
gap-free: a follower sees every event exactly once however the writers' commits interleave."""

import asyncio
import random

import pytest

from app.kit.auth import Actor
from app.options import actions
from app.options.schemas import KeepWarmBody
from app.options.service import load_for_action
from tests.story import ok, option, requisition


@pytest.fixture
def postgresql(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time by design")


async def follow(client, last: str | None) -> tuple[list[str], str | None]:
    """Every event id the feed serves now after event `last`; the last id seen."""
    seen: list[str] = []
    while True:
        params = {"limit": 7, **({"after": last} if last else {})}
        page = await ok(await client.get("/v1/events", params=params))
        if not page["data"]:
            return seen, last
        seen += [event["id"] for event in page["data"]]
        last = seen[-1]


async def act(client, option_id: str) -> None:
    await ok(await client.post(f"/v1/options/{option_id}/keep-warm", json={"reason": "Second."}))


async def all_events(client) -> list[dict]:
    return (await ok(await client.get("/v1/events", params={"limit": 200})))["data"]  # type: ignore[no-any-return]


@pytest.mark.usefixtures("postgresql")
async def test_two_requisitions_of_one_organization_are_written_concurrently(app, tenant, client):
    first, second = await requisition(client), await requisition(client)
    held = await option(client, first["id"], "Ana")
    other = await option(client, second["id"], "Juan")
    actor = Actor(tenant.organization_id, None, frozenset({"write"}), "tests")
    async with app.state.db.writer() as session:
        # A slow action on the first requisition, still in its transaction (its locks held)...
        target = await load_for_action(session, tenant.organization_id, held["id"])
        await actions.keep_warm(session, actor, target, KeepWarmBody(reason="Close second."), None)
        # ...does not hold up a write to the second requisition of the same organization,
        response = await asyncio.wait_for(
            client.post(f"/v1/options/{other['id']}/keep-warm", json={"reason": "Second."}), 10
        )
        assert response.status_code == 200, response.text
        # while an action on the first requisition waits for its lock.
        waiting = asyncio.ensure_future(
            client.post(
                f"/v1/options/{held['id']}/hold",
                json={"reason": "Later.", "revisit_on": "2030-01-01"},
            )
        )
        await asyncio.sleep(0.3)
        assert not waiting.done()
        await session.commit()
    assert (await waiting).status_code == 200


@pytest.mark.usefixtures("postgresql")
async def test_an_event_committed_late_is_not_skipped_by_a_follower(app, tenant, client):
    first, second = await requisition(client), await requisition(client)
    slow = await option(client, first["id"], "Ana")
    fast = await option(client, second["id"], "Juan")
    _, cursor = await follow(client, None)
    actor = Actor(tenant.organization_id, None, frozenset({"write"}), "tests")
    async with app.state.db.writer() as session:
        # The slow transaction writes its event first (a lower transaction id)...
        target = await load_for_action(session, tenant.organization_id, slow["id"])
        await actions.keep_warm(session, actor, target, KeepWarmBody(reason="Close second."), None)
        # ...the fast one commits first.
        await act(client, fast["id"])
        early, cursor = await follow(client, cursor)
        assert early == [], "an event after one still in flight was served before it"
        await session.commit()
    late, cursor = await follow(client, cursor)
    kept_warm = [e["id"] for e in await all_events(client) if e["type"] == "option.kept_warm"]
    assert sorted(late) == sorted(kept_warm)
    assert await follow(client, cursor) == ([], cursor)


async def test_a_follower_sees_every_event_once_under_concurrent_writes(tenant, client):
    writers = 6
    async with asyncio.TaskGroup() as setup:
        roles = [setup.create_task(requisition(client, title=f"Role {i}")) for i in range(writers)]
    done = asyncio.Event()

    async def write(role: dict) -> None:
        for i in range(8):
            await ok(await client.patch(f"/v1/requisitions/{role['id']}", json={"team": f"T{i}"}))
            await asyncio.sleep(random.random() / 100)

    async def follower() -> list[str]:
        seen: list[str] = []
        last = None
        while True:
            finished = done.is_set()
            ids, last = await follow(client, last)
            seen += ids
            if finished:
                return seen
            await asyncio.sleep(0.005)

    async with asyncio.TaskGroup() as group:
        watching = group.create_task(follower())
        async with asyncio.TaskGroup() as writing:
            for role in roles:
                writing.create_task(write(role.result()))
        done.set()
    seen = watching.result()
    every = [e["id"] for e in await all_events(client)]
    assert len(seen) == len(set(seen)), "an event was served twice"
    assert seen == every, "the follower missed events or saw them out of feed order"
