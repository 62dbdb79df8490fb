"""Scaling out: several `shortlist serve --no-migrate` processes on one database and one Redis
behave as one API; SIGTERM drains (readiness fails) before the server stops.

Real server processes on loopback ports, on the suite's database (SQLite file or PostgreSQL).
"""

import asyncio
import itertools
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from redis_server import redis_url, unique_prefix
from servers import Server
from story import assert_problem

from app.config import Settings


def environment(settings: Settings, **extra: str) -> dict[str, str]:
    assert settings.secret_key is not None
    return {
        "SHORTLIST_DATABASE_URL": settings.database_url,
        # Settings every server must share: the database, the secret key and the Redis.
        "SHORTLIST_SECRET_KEY": settings.secret_key.get_secret_value(),
        **extra,
    }


@pytest.fixture
def two_servers(settings: Settings, tmp_path: Path) -> Iterator[list[Server]]:
    env = environment(
        settings,
        SHORTLIST_REDIS_URL=redis_url(),
        SHORTLIST_REDIS_KEY_PREFIX=unique_prefix(),
        SHORTLIST_RATE_LIMIT_READ="10/minute",
        SHORTLIST_RATE_LIMIT_WRITE="1000/minute",
    )
    # Started together on a database without API keys (the `tenant` comes after them): both
    # try to bootstrap the admin key at once, and both must come up.
    servers = [Server(env, tmp_path / f"server-{n}.log") for n in range(2)]
    try:
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()


def clients(servers: list[Server], key: str) -> list[httpx.AsyncClient]:
    headers = {"Authorization": f"Bearer {key}"}
    return [httpx.AsyncClient(base_url=s.url, headers=headers, timeout=30) for s in servers]


async def test_a_client_spread_over_two_servers_sees_one_api(two_servers, tenant):
    a, b = clients(two_servers, tenant.keys["read,write"])
    reader_a, reader_b = clients(two_servers, tenant.keys["read"])
    async with a, b, reader_a, reader_b:
        # One rate budget: ten reads spread over both servers, then both refuse.
        answers = [
            await c.get("/v1/requisitions")
            for c in itertools.islice(itertools.cycle((reader_a, reader_b)), 10)
        ]
        assert [r.status_code for r in answers] == [200] * 10
        assert [r.headers["ratelimit-remaining"] for r in answers] == [
            str(9 - n) for n in range(10)
        ]
        assert_problem(await reader_a.get("/v1/requisitions"), 429, "rate_limited")
        assert_problem(await reader_b.get("/v1/requisitions"), 429, "rate_limited")

        # One events feed, in commit order, whichever server wrote and whichever reads.
        titles = [f"Role {n}" for n in range(6)]
        written = await asyncio.gather(
            *(
                c.post("/v1/requisitions", json={"title": t})
                for c, t in zip(itertools.cycle((a, b)), titles, strict=False)
            )
        )
        assert [r.status_code for r in written] == [201] * 6
        feeds = [
            (
                await c.get("/v1/events", params={"type": "requisition.created", "limit": 200})
            ).json()["data"]
            for c in (a, b)
        ]
        assert feeds[0] == feeds[1]
        ids = {r.json()["id"] for r in written}
        assert {e["subject"]["id"] for e in feeds[0]} == ids
        after = (
            await b.get(
                "/v1/events", params={"after": feeds[0][2]["id"], "type": "requisition.created"}
            )
        ).json()["data"]
        assert after == feeds[0][3:]

        # One idempotency store: a retry on the other server replays the first answer.
        headers = {"Idempotency-Key": "spread-1"}
        first = await a.post("/v1/requisitions", json={"title": "Once"}, headers=headers)
        replay = await b.post("/v1/requisitions", json={"title": "Once"}, headers=headers)
        reused = await b.post("/v1/requisitions", json={"title": "Other"}, headers=headers)
        assert first.status_code == replay.status_code == 201
        assert replay.json() == first.json()
        assert replay.headers["idempotent-replayed"] == "true"
        assert_problem(reused, 422, "idempotency_key_reused")
        listed = (await a.get("/v1/requisitions", params={"limit": 200})).json()["data"]
        assert [r["title"] for r in listed].count("Once") == 1


async def test_sigterm_fails_readiness_while_draining_then_stops(settings, tmp_path):
    server = Server(environment(settings, SHORTLIST_SHUTDOWN_DRAIN="PT5S"), tmp_path / "s.log")
    try:
        server.wait_ready()
        server.terminate()
        signalled = time.monotonic()
        async with httpx.AsyncClient(base_url=server.url, timeout=5) as probe:
            await asyncio.sleep(0.5)
            draining = await probe.get("/readyz")
            alive = await probe.get("/healthz")
        assert_problem(draining, 503, "draining")
        assert alive.status_code == 200  # still serving while the proxy catches up
        # uvicorn finishes its graceful shutdown, then re-raises the signal it caught.
        assert server.process.wait(timeout=60) in (0, -signal.SIGTERM)
        assert time.monotonic() - signalled >= 4.5
    finally:
        server.stop()
