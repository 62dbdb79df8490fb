"""Scaling out: several `shortlist serve --no-migrate` processes and a `shortlist worker` on one
database and one Redis behave as one API, and the worker alone delivers each webhook once;
SIGTERM drains (readiness fails) and lets requests in flight finish before the server stops,
and exits 0.

Real server and worker processes on loopback ports, on the suite's database (SQLite file or
PostgreSQL), delivering to a real HTTP receiver.
"""

import asyncio
import itertools
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from redis_server import redis_url, unique_prefix
from servers import ROOT, Server, environment, free_port
from story import assert_problem

from app.config import Settings
from tests.kit.test_metrics import sample
from tests.webhooks.helpers import deliveries, endpoint
from tests.webhooks.receiver import receiving


class WorkerProcess:
    """`shortlist worker`, its metrics served on a loopback port."""

    def __init__(self, environment: dict[str, str], log: Path) -> None:
        port = free_port()
        self.metrics_url = f"http://127.0.0.1:{port}/metrics"
        command = [sys.executable, "-m", "app.cli", "worker", "--metrics-port", str(port)]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **environment},
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
        )

    async def metrics(self) -> str:
        async with httpx.AsyncClient(timeout=5) as scraper:
            response = await scraper.get(self.metrics_url)
        assert response.status_code == 200
        return response.text

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class Deployment:
    servers: list[Server]
    worker: WorkerProcess


@pytest.fixture
def deployment(settings: Settings, tmp_path: Path) -> Iterator[Deployment]:
    env = environment(
        settings,
        SHORTLIST_REDIS_URL=redis_url(),
        SHORTLIST_REDIS_KEY_PREFIX=unique_prefix(),
        SHORTLIST_RATE_LIMIT_READ="10/minute",
        SHORTLIST_RATE_LIMIT_WRITE="1000/minute",
        SHORTLIST_WEBHOOK_ALLOW_PRIVATE="true",  # the receiver is on 127.0.0.1
    )
    # Started together on a database without API keys (the `tenant` comes after them): both
    # try to bootstrap the admin key at once, and both must come up. They deliver nothing:
    # the separate worker does.
    servers = [
        Server({**env, "SHORTLIST_WORKER": "off"}, tmp_path / f"server-{n}.log") for n in range(2)
    ]
    worker = WorkerProcess(env, tmp_path / "worker.log")
    try:
        for server in servers:
            server.wait_ready()
        yield Deployment(servers, worker)
    finally:
        worker.stop()
        for server in servers:
            server.stop()


def clients(servers: list[Server], key: str) -> list[httpx.AsyncClient]:
    headers = {"Authorization": f"Bearer {key}"}
    return [httpx.AsyncClient(base_url=s.url, headers=headers, timeout=30) for s in servers]


async def scrape(url: str) -> str:
    async with httpx.AsyncClient(timeout=5) as scraper:  # from loopback: allowed
        response = await scraper.get(f"{url}/metrics")
    assert response.status_code == 200
    return response.text


async def test_a_client_spread_over_two_servers_sees_one_api(deployment, tenant):
    servers = deployment.servers
    a, b = clients(servers, tenant.keys["read,write"])
    reader_a, reader_b = clients(servers, tenant.keys["read"])
    [admin] = clients(servers[:1], tenant.keys["read,write,admin"])
    with receiving() as receiver:
        async with a, b, reader_a, reader_b, admin:
            hook = await endpoint(admin, receiver.url, event_types=["requisition.created"])

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

            # One outbox: the worker delivers every event once, whichever server wrote it. Once
            # both servers report it empty, nothing more can arrive.
            feed = await a.get("/v1/events", params={"type": "requisition.created", "limit": 200})
            event_ids = sorted(e["id"] for e in feed.json()["data"])
            assert len(event_ids) == 7

            async def depth(url: str) -> float:
                return sample(await scrape(url), "shortlist_outbox_pending", kind="webhook")

            for _ in range(600):
                if [await depth(s.url) for s in servers] == [0, 0]:
                    break
                await asyncio.sleep(0.1)
            else:
                raise AssertionError(f"outbox not emptied: {len(receiver.ids())} received")
            assert sorted(receiver.ids()) == event_ids
            for received in receiver.received:
                assert received.verify(hook["secret"])["type"] == "requisition.created"
            sent = await deliveries(admin, hook["id"])
            assert {(d["status"], d["attempt_count"]) for d in sent} == {("succeeded", 1)}
            assert len(sent) == 7

    # The worker sent them all (its own metrics port says so); the servers sent none.
    delivered = "shortlist_outbox_deliveries_total"
    worker_metrics = await deployment.worker.metrics()
    assert sample(worker_metrics, delivered, kind="webhook", outcome="sent") == 7
    for server in servers:
        assert sample(await scrape(server.url), delivered, kind="webhook") == 0


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
        # A graceful stop is a success (uvicorn's re-raised signal does not end it).
        assert server.process.wait(timeout=60) == 0
        assert time.monotonic() - signalled >= 4.5
    finally:
        server.stop()


async def test_under_several_workers_one_scrape_shows_the_outbox_and_every_delivery(
    settings, tenant, tmp_path
):
    # `--workers 2`: prometheus-client's multi-process mode; each uvicorn worker also runs the
    # delivery worker, so the delivery may come from either.
    env = environment(settings, SHORTLIST_WEBHOOK_ALLOW_PRIVATE="true")
    server = Server(env, tmp_path / "workers.log", workers=2)
    try:
        server.wait_ready()
        [admin] = clients([server], tenant.keys["read,write,admin"])
        with receiving() as receiver:
            async with admin:
                await endpoint(admin, receiver.url, event_types=["requisition.created"])
                assert (
                    await admin.post("/v1/requisitions", json={"title": "R"})
                ).status_code == 201
                for _ in range(600):
                    text = await scrape(server.url)
                    if sample(text, "shortlist_outbox_deliveries_total", kind="webhook") >= 1:
                        break
                    await asyncio.sleep(0.1)
        assert len(receiver.ids()) == 1
        sent = "shortlist_outbox_deliveries_total"
        assert sample(text, sent, kind="webhook", outcome="sent") == 1
        assert sample(text, "shortlist_outbox_pending", kind="webhook") == 0
        # Request counts of both workers are summed too (any worker answers the scrape).
        assert sample(text, "shortlist_http_requests_total", route="/v1/requisitions") == 1
    finally:
        server.stop()


async def test_a_request_in_flight_at_sigterm_finishes_and_is_stored_then_the_server_exits_0(
    settings, tenant, client, tmp_path
):
    env = environment(settings, SHORTLIST_SHUTDOWN_TIMEOUT="PT10S")
    server = Server(env, tmp_path / "in-flight.log")
    try:
        server.wait_ready()
        body = b'{"title": "Opened during the shutdown"}'
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            b"POST /v1/requisitions HTTP/1.1\r\n"
            b"Host: shortlist.test\r\n"
            b"Authorization: Bearer " + tenant.keys["read,write"].encode() + b"\r\n"
            b"Content-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:10]
        )
        await writer.drain()
        await asyncio.sleep(0.5)  # the server has the headers: the request is in flight
        server.terminate()
        signalled = time.monotonic()
        await asyncio.sleep(1)
        assert server.process.poll() is None  # still waiting for the rest of the body
        writer.write(body[10:])
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), timeout=30)
        writer.close()

        head, _, payload = answer.partition(b"\r\n\r\n")
        assert head.split(b"\r\n", 1)[0] == b"HTTP/1.1 201 Created", answer[:500]
        assert json.loads(payload)["title"] == "Opened during the shutdown"
        assert server.process.wait(timeout=60) == 0
        assert time.monotonic() - signalled < 10  # within SHORTLIST_SHUTDOWN_TIMEOUT
    finally:
        server.stop()
    titles = [r["title"] for r in (await client.get("/v1/requisitions")).json()["data"]]
    assert titles == ["Opened during the shutdown"]
