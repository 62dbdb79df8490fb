"""A request runs on its whole body or not at all: truncated, abandoned and stalled bodies."""

import asyncio
import socket
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from app.main import create_app
from tests.live import serving
from tests.story import events, ok

BODY = b'{"title": "Truncated"}'
DECLARED = 71  # what the client promised; it sends only BODY


def scope_for(tenant, length: int) -> dict:
    headers = {
        "host": "shortlist.test",
        "authorization": f"Bearer {tenant.keys['read,write,admin']}",
        "content-type": "application/json",
        "content-length": str(length),
    }
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/requisitions",
        "raw_path": b"/v1/requisitions",
        "root_path": "",
        "query_string": b"",
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("shortlist.test", 80),
    }


async def call(app, scope: dict, messages: list[dict], then: Callable[[], Awaitable[dict]]):
    """Run one ASGI request whose receive yields `messages`, then whatever `then` gives;
    returns the messages the app sent."""
    pending = list(messages)
    sent: list[dict] = []

    async def receive() -> dict:
        return pending.pop(0) if pending else await then()

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


async def disconnect() -> dict:
    return {"type": "http.disconnect"}


async def never() -> dict:
    await asyncio.Event().wait()
    raise AssertionError("unreachable")


def status_of(sent: list[dict]) -> int | None:
    starts = [m for m in sent if m["type"] == "http.response.start"]
    return starts[0]["status"] if starts else None


async def nothing_was_created(client) -> None:
    assert (await ok(await client.get("/v1/requisitions")))["data"] == []
    assert await events(client, type="requisition.created") == []


async def test_a_disconnect_before_the_body_ends_runs_nothing(app, tenant, client):
    chunk = {"type": "http.request", "body": BODY, "more_body": True}
    sent = await call(app, scope_for(tenant, DECLARED), [chunk], then=disconnect)
    assert status_of(sent) is None  # nobody is left to answer
    await nothing_was_created(client)


async def test_a_body_shorter_than_its_content_length_is_400(app, tenant, client):
    chunk = {"type": "http.request", "body": BODY, "more_body": False}
    sent = await call(app, scope_for(tenant, DECLARED), [chunk], then=disconnect)
    assert status_of(sent) == 400
    assert b'"code":"incomplete_body"' in b"".join(m.get("body", b"") for m in sent)
    await nothing_was_created(client)


async def test_a_complete_body_still_runs(app, tenant, client):
    chunks = [
        {"type": "http.request", "body": BODY[:5], "more_body": True},
        {"type": "http.request", "body": BODY[5:], "more_body": False},
    ]
    sent = await call(app, scope_for(tenant, len(BODY)), chunks, then=disconnect)
    assert status_of(sent) == 201
    assert len((await ok(await client.get("/v1/requisitions")))["data"]) == 1


async def test_a_stalled_body_is_cut_off_with_408(settings, tenant, client):
    impatient = create_app(settings.model_copy(update={"body_timeout": timedelta(seconds=0.2)}))
    chunk = {"type": "http.request", "body": BODY, "more_body": True}
    try:
        async with asyncio.timeout(10):  # a guard only: without the cut-off it would hang
            sent = await call(impatient, scope_for(tenant, DECLARED), [chunk], then=never)
    finally:
        await impatient.state.db.engine.dispose()
    assert status_of(sent) == 408
    assert b'"code":"request_timeout"' in b"".join(m.get("body", b"") for m in sent)
    await nothing_was_created(client)


# --- On the wire, through uvicorn ---------------------------------------------------------------


def request_head(tenant, url: str, length: int) -> bytes:
    host = url.removeprefix("http://")
    return (
        f"POST /v1/requisitions HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {tenant.keys['read,write,admin']}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


async def test_a_client_that_sends_part_of_its_body_and_leaves_creates_nothing(
    settings, tenant, client
):
    with serving(settings) as url, connect(url) as sock:
        sock.sendall(request_head(tenant, url, DECLARED) + BODY)
        sock.shutdown(socket.SHUT_WR)
        assert sock.recv(65536) == b""  # the server closes without an answer
    # Leaving `serving` waited for the server to finish with the request.
    await nothing_was_created(client)


@pytest.mark.parametrize("sent", [b"", BODY])
async def test_a_client_that_stalls_mid_body_gets_408(settings, tenant, client, sent):
    impatient = settings.model_copy(update={"body_timeout": timedelta(seconds=0.5)})
    with serving(impatient) as url, connect(url) as sock:
        sock.sendall(request_head(tenant, url, DECLARED) + sent)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 408 "), answer
    assert b'"code":"request_timeout"' in answer
    await nothing_was_created(client)
