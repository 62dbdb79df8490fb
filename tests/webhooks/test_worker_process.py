"""Real processes: `shortlist serve` (worker in-process) killed with SIGKILL while deliveries
are pending loses none of them after a restart; SIGTERM stops it cleanly. On a temporary
SQLite file of the server's own or, when `SHORTLIST_TEST_DATABASE_URL` names PostgreSQL, on
the suite's database, emptied first (the server migrates it to head on start)."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import empty_tables
from cryptography.fernet import Fernet
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.webhooks.receiver import Receiver

SHORTLIST = str(Path(sys.executable).with_name("shortlist"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`shortlist serve` as a child process, its output collected by a thread."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [SHORTLIST, "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()
        self.wait_for(self._healthy, "the server to answer /healthz")

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def _healthy(self) -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{self.port}/healthz").status_code == 200
        except httpx.TransportError:
            return False

    def wait_for(self, condition: Any, what: str) -> None:
        # A limit only so a broken build cannot hang the suite; nothing here is timed.
        for _ in range(600):
            if condition():
                return
            if self.process.poll() is not None:
                raise AssertionError(f"server exited: {self.lines}")
            time.sleep(0.1)
        raise AssertionError(f"gave up waiting for {what}: {self.lines[-20:]}")

    def client(self, key: str) -> httpx.Client:
        return httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}", headers={"Authorization": f"Bearer {key}"}
        )


@pytest.fixture
async def server_env(
    tmp_path: Path, database_url: str, engine: AsyncEngine
) -> AsyncIterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHORTLIST_")}
    if database_url.startswith("postgresql"):
        # No rows of an earlier test: the first start must find no api key, to print its own.
        await empty_tables(engine)
        # PostgreSQL has no key file beside the database; secrets at rest need a key.
        env["SHORTLIST_SECRET_KEY"] = Fernet.generate_key().decode()
    else:
        database_url = f"sqlite+aiosqlite:///{tmp_path}/served.db"
    env.update(
        SHORTLIST_DATABASE_URL=database_url,
        SHORTLIST_WEBHOOK_ALLOW_PRIVATE="true",
        SHORTLIST_WEBHOOK_RETRY_SCHEDULE=",".join(["2"] * 30),
        SHORTLIST_LOG_LEVEL="info",
    )
    yield env


def test_a_killed_server_loses_no_pending_delivery(server_env):
    receiver = Receiver(status=503)  # the receiver is having a bad day at first
    receiver.start()
    first = Server(server_env)
    try:
        key = next(line for line in first.lines if line.startswith("sl_"))
        with first.client(key) as api:
            hook = api.post("/v1/webhook-endpoints", json={"url": receiver.url})
            assert hook.status_code == 201, hook.text
            for n in range(5):
                created = api.post("/v1/requisitions", json={"title": f"Role {n}"})
                assert created.status_code == 201, created.text
            hook_id = hook.json()["id"]

            def all_attempted() -> bool:
                listed = api.get(f"/v1/webhook-endpoints/{hook_id}/deliveries").json()["data"]
                return len(listed) == 5 and all(d["attempts"] for d in listed)

            # Killed between attempts, so no lease has to run out before the restart sends.
            first.wait_for(all_attempted, "a first attempt of every delivery")
    finally:
        first.process.kill()  # SIGKILL: no shutdown of any kind
        first.process.wait()
    assert first.process.returncode == -signal.SIGKILL

    receiver.status = 200
    second = Server(server_env)
    try:
        with second.client(key) as api:
            feed = api.get("/v1/events", params={"limit": 200}).json()["data"]
            owed = {e["id"] for e in feed if e["occurred_at"] > hook.json()["created_at"]}
            assert len(owed) == 5

            def all_delivered() -> bool:
                listed = api.get(f"/v1/webhook-endpoints/{hook.json()['id']}/deliveries")
                return all(d["status"] == "succeeded" for d in listed.json()["data"])

            second.wait_for(all_delivered, "every delivery to succeed")
            assert owed <= set(receiver.ids())
        second.process.send_signal(signal.SIGTERM)
        # A graceful stop exits 0, once the lifespan (and its worker) ended.
        assert second.process.wait(timeout=60) == 0
        assert any("Application shutdown complete" in line for line in second.lines)
    finally:
        if second.process.poll() is None:
            second.process.kill()
        receiver.stop()


def test_shortlist_worker_delivers_and_stops_on_sigterm(server_env):
    # The API serves with its worker off; a separate `shortlist worker` process delivers.
    api_server = Server({**server_env, "SHORTLIST_WORKER": "off"})
    receiver = Receiver()
    receiver.start()
    worker = None
    try:
        key = next(line for line in api_server.lines if line.startswith("sl_"))
        with api_server.client(key) as api:
            hook = api.post("/v1/webhook-endpoints", json={"url": receiver.url}).json()
            created = api.post("/v1/requisitions", json={"title": "Role"}).json()
            worker = subprocess.Popen(
                [SHORTLIST, "worker"],
                env={**server_env, "SHORTLIST_LOG_FORMAT": "json", "SHORTLIST_LOG_LEVEL": "info"},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            api_server.wait_for(lambda: len(receiver.received) == 1, "the worker to deliver")
            [received] = receiver.received
            payload = received.verify(hook["secret"])
            assert payload["data"]["subject"]["id"] == created["id"]
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=60)
        assert worker.returncode == 0
        # Its log lines are JSON, as `serve`'s are, so one log pipeline reads both.
        events = [json.loads(line)["event"] for line in output.splitlines() if line[:1] == "{"]
        assert any(e.startswith("worker") and e.endswith("started") for e in events), output
        assert any(e.startswith("worker") and e.endswith("stopped") for e in events), output
    finally:
        for process in (worker, api_server.process):
            if process is not None and process.poll() is None:
                process.kill()
        receiver.stop()
