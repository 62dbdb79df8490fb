"""`Idempotency-Key` on POST: a retry replays the first response instead of acting twice.

Keys are per organization; a stored response replays only to the API key that made it (another
key reusing the key gets 422). A route can store a redacted body for replays by setting
`request.state.replay_body` (the API key creation does, so no secret is ever stored).

The key is claimed in its own short transaction before the request runs, so a concurrent retry
sees it in flight (409). The response is stored in the request's own transaction, so a stored
response exists exactly when the change it describes was committed.

A claim is a lease (`SHORTLIST_IDEMPOTENCY_LEASE`): a process that dies mid-request never
completes or releases its claim, so once the lease has run out a retry takes the key over and
runs the request. Still exactly once: a claim is its row as created (`created_at` is its
token), so a holder that was only slow finds its claim gone when it stores its response, and
its transaction rolls back instead of committing the change a second time.
"""

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import ColumnElement, Text, and_, cast, delete, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import Headers
from starlette.responses import Response

from app.config import Settings
from app.db import Database
from app.kit.auth import Actor, authenticate
from app.kit.errors import PROBLEM_JSON, problem_response
from app.kit.schemas import HeaderName
from app.models import IdempotencyRecord
from app.models.base import utcnow

HEADER = "Idempotency-Key"
# Headers worth replaying; the rest (date, server, …) belong to the replay itself.
_STORED_HEADERS = {"content-type", "location", "etag", "link"}


_HEADER_NAME: TypeAdapter[str] = TypeAdapter(HeaderName)


def _valid_on_behalf_of(value: str | None) -> bool:
    """Whether the route would take this `On-Behalf-Of` (absent, or a valid name)."""
    if value is None:
        return True
    try:
        _HEADER_NAME.validate_python(value)
    except ValidationError:
        return False
    return True


@dataclass(frozen=True)
class Claim:
    actor: Actor
    key: str
    claimed_at: datetime

    def held(self) -> ColumnElement[bool]:
        """The claim's row, as long as nobody has taken the key over."""
        return and_(
            IdempotencyRecord.organization_id == self.actor.organization_id,
            IdempotencyRecord.key == self.key,
            IdempotencyRecord.created_at == self.claimed_at,
            IdempotencyRecord.status_code.is_(None),
        )


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
        the request is not authenticated or its `On-Behalf-Of` is malformed (the route itself
        then answers 401 or 422)."""
        if not 1 <= len(key) <= 255 or not key.isprintable():
            return problem_response(
                422, "invalid_idempotency_key", f"{HEADER} must be 1–255 printable characters."
            )
        scheme, _, secret = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret:
            return None
        if not _valid_on_behalf_of(headers.get("on-behalf-of")):
            return None  # the route refuses it (422), replay or not: nothing is claimed
        async with self.db.writer() as session:
            actor = await authenticate(session, secret.strip(), self.settings)
            if actor is None:
                return None
            request_fingerprint = fingerprint(actor.api_key_id, method, path, query, body)
            claim = await self._new_claim(session, actor, key, request_fingerprint)
            if claim is not None:
                return claim
            return await self._existing(session, actor, key, request_fingerprint)

    async def _new_claim(
        self, session: AsyncSession, actor: Actor, key: str, request_fingerprint: str
    ) -> Claim | None:
        """Claim a key nobody holds; None when somebody does."""
        claim = Claim(actor=actor, key=key, claimed_at=utcnow())
        session.add(
            IdempotencyRecord(
                organization_id=actor.organization_id,
                key=key,
                fingerprint=request_fingerprint,
                created_at=claim.claimed_at,
            )
        )
        try:
            await session.commit()
        except IntegrityError:
            await session.rollback()
            return None
        return claim

    async def _existing(
        self, session: AsyncSession, actor: Actor, key: str, request_fingerprint: str
    ) -> Claim | Response:
        record = await session.get(IdempotencyRecord, (actor.organization_id, key))
        now = utcnow()
        if (
            record is None
            or now - record.created_at > self.settings.idempotency_ttl
            or (
                record.status_code is None
                and now - record.created_at > self.settings.idempotency_lease
            )
        ):
            # Expired, abandoned by a process that died, or released meanwhile: the key
            # starts a new life. Deleting exactly the row seen lets one retry win a race.
            if record is not None:
                deleted = await session.execute(
                    delete(IdempotencyRecord).where(
                        IdempotencyRecord.organization_id == actor.organization_id,
                        IdempotencyRecord.key == key,
                        IdempotencyRecord.created_at == record.created_at,
                    )
                )
                await session.commit()
                if getattr(deleted, "rowcount", 0) != 1:
                    return in_flight()
            return await self._new_claim(session, actor, key, request_fingerprint) or in_flight()
        if record.fingerprint != request_fingerprint:
            return problem_response(
                422,
                "idempotency_key_reused",
                f"This {HEADER} was used with a different request; use a new key.",
            )
        if record.status_code is None:
            return in_flight()
        if record.status_code == _ERASED.status_code and record.response_body == _ERASED.body:
            return _erased({"Idempotent-Replayed": "true"})
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
    ) -> bool:
        """Store the response with the request's change; False if the claim was lost (its
        lease ran out and a retry took the key over): the change must then roll back."""
        stored = {
            name.decode("latin-1"): value.decode("latin-1")
            for name, value in headers
            if name.decode("latin-1").lower() in _STORED_HEADERS
        }
        result = await session.execute(
            update(IdempotencyRecord)
            .where(claim.held())
            .values(status_code=status, response_headers=stored, response_body=body)
        )
        return getattr(result, "rowcount", 0) == 1

    async def release(self, claim: Claim) -> None:
        """Forget a claim whose request failed, so the client can retry with the same key."""
        async with self.db.writer() as session:
            await session.execute(delete(IdempotencyRecord).where(claim.held()))
            await session.commit()


def in_flight() -> Response:
    return problem_response(
        409,
        "idempotency_in_flight",
        f"A request with this {HEADER} is still being processed; retry shortly.",
        headers={"Retry-After": "1"},
    )


def _erased(headers: dict[str, str] | None = None) -> Response:
    """What a replay answers once the response it stored was erased with a person's data."""
    return problem_response(
        410,
        "response_erased",
        "The response to this request held personal data of a candidate who has since been "
        "erased, so it was erased too. The request was carried out once; it is not run again.",
        headers=headers,
    )


# What erasure stores in place of a response: built outside any request, so it names none; a
# replay answers `_erased()` with its own request id.
_ERASED = _erased()


async def erase_responses(
    session: AsyncSession, organization_id: uuid.UUID, mentioning: Iterable[uuid.UUID]
) -> None:
    """Erasure reaches stored responses: every response that names one of these resources (a
    candidate, their options, engagements) replays as 410 `response_erased` from now on.
    The record stays, so a retry still does not run the request again."""
    ids = [str(resource_id) for resource_id in mentioning]
    if not ids:
        return
    # Stored bodies are JSON, so UTF-8 text, where an id appears as its canonical string.
    stored = IdempotencyRecord.response_body
    body: ColumnElement[str] = (
        func.convert_from(stored, "UTF8")
        if session.get_bind().dialect.name == "postgresql"
        else cast(stored, Text)
    )
    await session.execute(
        update(IdempotencyRecord)
        .where(
            IdempotencyRecord.organization_id == organization_id,
            IdempotencyRecord.status_code.is_not(None),
            or_(*(body.contains(resource_id) for resource_id in ids)),
        )
        .values(
            status_code=_ERASED.status_code,
            response_headers={"content-type": PROBLEM_JSON},
            response_body=bytes(_ERASED.body),
        )
        .execution_options(synchronize_session=False)
    )
