"""One transaction per request, committed before the response leaves.

A pure ASGI middleware rather than a dependency: it must see the finished response to decide
between commit (2xx/3xx) and rollback (4xx/5xx, or an exception), store that response for
`Idempotency-Key` retries in the same transaction, and turn a failing commit into a problem
response while the client has not yet been told anything. It also reads the whole body first:
a body over the limit is 413, one shorter than its Content-Length 400, one that stalls 408,
and a client that disconnects mid-body gets nothing run at all.

A route that sets `request.state.keep_changes` has its writes committed even with a 4xx; it
must then have written nothing but the record of the refusal.
"""

import asyncio
import logging
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.db import Database
from app.kit.errors import database_problem, problem_response
from app.kit.idempotency import Claim, Idempotency, in_flight

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
log = logging.getLogger("shortlist")


class BodyTooLarge(Exception):
    pass


class BodyIncomplete(Exception):
    """The body ended before the length its `Content-Length` declared."""


class ClientGone(Exception):
    """The client disconnected before its body ended: nobody is waiting for an answer."""


async def read_body(headers: Headers, receive: Receive, limit: int) -> bytes:
    """The whole request body, or an exception: a request is only ever run on all of it."""
    declared = headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    if declared is not None and size != int(declared):
        raise BodyIncomplete
    return b"".join(chunks)


class BufferedResponse:
    """Holds the app's response until the transaction has been decided."""

    def __init__(self) -> None:
        self.start: Message | None = None
        self.chunks: list[bytes] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
        elif message["type"] == "http.response.body":
            self.chunks.append(message.get("body", b""))

    @property
    def status(self) -> int:
        return int(self.start["status"]) if self.start else 500

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    async def forward(self, send: Send) -> None:
        assert self.start is not None
        await send(self.start)
        await send({"type": "http.response.body", "body": self.body})


class TransactionMiddleware:
    def __init__(self, app: ASGIApp, db: Database, settings: Settings) -> None:
        self.app = app
        self.db = db
        self.settings = settings
        self.idempotency = Idempotency(db, settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        timeout = self.settings.body_timeout.total_seconds()
        try:
            if (
                scope["method"] in SAFE_METHODS
                and "content-length" not in headers
                and "transfer-encoding" not in headers
            ):
                body = b""  # a read without a body (most): no wait for one, nor its timer
            else:
                async with asyncio.timeout(timeout):
                    body = await read_body(headers, receive, self.settings.max_body_bytes)
        except ClientGone:
            return
        except BodyTooLarge:
            await problem_response(
                413,
                "payload_too_large",
                f"Request bodies are limited to {self.settings.max_body_bytes} bytes.",
            )(scope, receive, send)
            return
        except BodyIncomplete:
            await problem_response(
                400, "incomplete_body", "The body is shorter than its Content-Length."
            )(scope, receive, send)
            return
        except TimeoutError:
            await problem_response(
                408,
                "request_timeout",
                f"The request body did not arrive within {timeout:g} seconds.",
                headers={"Connection": "close"},
            )(scope, receive, send)
            return

        sent_body = False

        async def replay_body() -> Message:
            nonlocal sent_body
            if not sent_body:
                sent_body = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        state: dict[str, Any] = scope.setdefault("state", {})
        state["body"] = body  # for routes that skip FastAPI's reading of it (`fast_routes`)
        claim: Claim | None = None
        key = headers.get("idempotency-key")
        if scope["method"] == "POST" and key is not None:
            outcome = await self.idempotency.claim(
                key, headers, "POST", scope["path"], scope["query_string"].decode("latin-1"), body
            )
            if isinstance(outcome, Response):
                await outcome(scope, receive, send)
                return
            if outcome is not None:
                claim = outcome
                state["actor"] = claim.actor

        # A write reads its API key in its own transaction (on SQLite, inside the write turn):
        # reading it first in a session of its own cost more CPU than the turn it spared.
        reading = scope["method"] in SAFE_METHODS
        response = BufferedResponse()
        committed = False
        try:
            async with self.db.reader() if reading else self.db.writer(request=True) as session:
                state["session"] = session
                await self.app(scope, replay_body, response.send)
                # A route may keep what it wrote despite answering an error: an inbound
                # webhook rejected as malformed is still listed among its deliveries.
                keep = response.status < 400 or state.get("keep_changes", False)
                # A read runs each statement in autocommit: it has nothing to commit.
                if response.start is not None and keep and not reading:
                    try:
                        if claim is not None and not await self.idempotency.complete(
                            session,
                            claim,
                            response.status,
                            response.start["headers"],
                            state.get("replay_body", response.body),
                        ):
                            # A retry took the key over: it runs the request, this one must not.
                            await session.rollback()
                            response = BufferedResponse()
                            await in_flight()(scope, replay_body, response.send)
                        else:
                            await session.commit()
                            committed = True
                    except Exception as exc:
                        problem = database_problem(exc)
                        if problem is None:
                            raise
                        await session.rollback()
                        response = BufferedResponse()
                        await problem(scope, replay_body, response.send)
        finally:
            # Leaving the session without commit rolls back; free the key for a retry.
            if claim is not None and not committed:
                await self.idempotency.release(claim)
        await response.forward(send)
