"""`Idempotency-Key` on POST: a retry replays the first response instead of acting twice.

Keys are per organization; a stored response replays only to the API key that made it (another
key reusing the key gets 422). A route can store a redacted body for replays by setting
`request.state.replay_body` (the API key creation does, so no secret is ever stored).

The key is claimed in its own short transaction before the request runs, so a concurrent retry
sees it in flight (409). The response is stored in the request's own transaction, so a stored
response exists exactly when the change it describes was committed.
"""

import hashlib
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import Headers
from starlette.responses import Response

from app.config import Settings
from app.db import Database
from app.kit.auth import Actor, authenticate
from app.kit.errors import problem_response
from app.models import IdempotencyRecord
from app.models.base import utcnow

HEADER = "Idempotency-Key"
# Headers worth replaying; the rest (date, server, …) belong to the replay itself.
_STORED_HEADERS = {"content-type", "location", "etag", "link"}


@dataclass(frozen=True)
class Claim:
    actor: Actor
    key: str


def fingerprint(
    api_key_id: uuid.UUID | None, method: str, path: str, query: str, body: bytes
) -> str:
    """What makes two requests the same request. The API key is part of it: a stored
    response replays only to the key that made it (another key may lack the scope)."""
    digest = hashlib.sha256()
    for part in (str(api_key_id).encode(), method.encode(), path.encode(), query.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class Idempotency:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    async def claim(
        self, key: str, headers: Headers, method: str, path: str, query: str, body: bytes
    ) -> Claim | Response | None:
        """Claim `key`; or the response to send instead (a replay, 409 or 422); or None when
        the request is not authenticated (the route itself then answers 401)."""
        if not 1 <= len(key) <= 255 or not key.isprintable():
            return problem_response(
                422, "invalid_idempotency_key", f"{HEADER} must be 1–255 printable characters."
            )
        scheme, _, secret = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret:
            return None
        async with self.db.writer() as session:
            actor = await authenticate(session, secret.strip(), self.settings)
            if actor is None:
                return None
            request_fingerprint = fingerprint(actor.api_key_id, method, path, query, body)
            record = IdempotencyRecord(
                organization_id=actor.organization_id, key=key, fingerprint=request_fingerprint
            )
            session.add(record)
            try:
                await session.commit()
                return Claim(actor=actor, key=key)
            except IntegrityError:
                await session.rollback()
            return await self._existing(session, actor, key, request_fingerprint)

    async def _existing(
        self, session: AsyncSession, actor: Actor, key: str, request_fingerprint: str
    ) -> Claim | Response:
        record = await session.get(IdempotencyRecord, (actor.organization_id, key))
        if record is None or utcnow() - record.created_at > self.settings.idempotency_ttl:
            # Expired (or released meanwhile): the key starts a new life.
            if record is not None:
                await session.delete(record)
                await session.flush()
            session.add(
                IdempotencyRecord(
                    organization_id=actor.organization_id,
                    key=key,
                    fingerprint=request_fingerprint,
                )
            )
            try:
                await session.commit()
            except IntegrityError:
                return _in_flight()
            return Claim(actor=actor, key=key)
        if record.fingerprint != request_fingerprint:
            return problem_response(
                422,
                "idempotency_key_reused",
                f"This {HEADER} was used with a different request; use a new key.",
            )
        if record.status_code is None:
            return _in_flight()
        headers = dict(record.response_headers or {})
        headers["Idempotent-Replayed"] = "true"
        return Response(record.response_body, status_code=record.status_code, headers=headers)

    async def complete(
        self,
        session: AsyncSession,
        claim: Claim,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
    ) -> None:
        stored = {
            name.decode("latin-1"): value.decode("latin-1")
            for name, value in headers
            if name.decode("latin-1").lower() in _STORED_HEADERS
        }
        await session.execute(
            update(IdempotencyRecord)
            .where(
                IdempotencyRecord.organization_id == claim.actor.organization_id,
                IdempotencyRecord.key == claim.key,
            )
            .values(status_code=status, response_headers=stored, response_body=body)
        )

    async def release(self, claim: Claim) -> None:
        """Forget a claim whose request failed, so the client can retry with the same key."""
        async with self.db.writer() as session:
            await session.execute(
                delete(IdempotencyRecord).where(
                    IdempotencyRecord.organization_id == claim.actor.organization_id,
                    IdempotencyRecord.key == claim.key,
                    IdempotencyRecord.status_code.is_(None),
                )
            )
            await session.commit()


def _in_flight() -> Response:
    return problem_response(
        409,
        "idempotency_in_flight",
        f"A request with this {HEADER} is still being processed; retry shortly.",
        headers={"Retry-After": "1"},
    )
