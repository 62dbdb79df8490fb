"""API-key authentication, scopes and the actor recorded on events."""

import hashlib
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, Header, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db import built_once, read_rows
from app.kit.errors import Forbidden, Unauthorized
from app.kit.schemas import HeaderName
from app.models import ApiKey

T = TypeVar("T")
Scope = Literal["read", "write", "admin"]
SCOPES: tuple[Scope, ...] = ("read", "write", "admin")
KEY_PREFIX = "sl_"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking: the API key, its organization and scopes, and the person it acts for."""

    organization_id: uuid.UUID
    api_key_id: uuid.UUID | None
    scopes: frozenset[str]
    on_behalf_of: str | None = None


def hash_secret(secret: str) -> str:
    # The secret has 256 bits of entropy, so a plain SHA-256 cannot be brute-forced.
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> tuple[str, str]:
    """A fresh API key secret and its visible prefix."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    return secret, secret[:11]


# Built once, so every request reuses its compiled form and cache key.
KEY_BY_HASH = built_once(
    select(ApiKey.id, ApiKey.organization_id, ApiKey.scopes).where(
        ApiKey.key_hash == bindparam("key_hash"), ApiKey.revoked_at.is_(None)
    )
)


async def authenticate(session: AsyncSession, secret: str, settings: Settings) -> Actor | None:
    """The actor behind an API key secret, or None for an unknown or revoked key.

    One indexed read (`key_hash` is unique); it never writes: the scope dependency notes the use
    for `KeyUsage`, which records it off the request path. Revocation holds at once, since
    every request reads the key.
    """
    row = (await read_rows(session, KEY_BY_HASH, {"key_hash": hash_secret(secret)})).one_or_none()
    if row is None:
        return None
    return Actor(
        organization_id=row.organization_id, api_key_id=row.id, scopes=frozenset(row.scopes)
    )


def with_key(resource: Select[Any]) -> Select[Any]:
    """A read of one resource, `resource` (any organization's: it must select the resource's
    `organization_id`), with the API key lookup of `KEY_BY_HASH` folded in: one round trip
    where a GET took two. Its one row holds the key (`key_id`, `key_organization_id`,
    `key_scopes`) and the resource's columns, all null unless the resource is the key's
    organization's; an unknown or revoked key gives no row."""
    key = KEY_BY_HASH.subquery("api_key")
    found = resource.subquery("resource")
    return select(
        key.c.id.label("key_id"),
        key.c.organization_id.label("key_organization_id"),
        key.c.scopes.label("key_scopes"),
        *found.c,
    ).select_from(key.outerjoin(found, found.c.organization_id == key.c.organization_id))


@dataclass(frozen=True, slots=True)
class KeyedRead:
    """How a GET of one owned resource reads it with its API key (`with_key`): `statement`
    per dialect (parameters `key_hash` and `id_param`), and `load`, which turns the row's
    resource columns into what the route gets, or raises NotFound when they are null."""

    statement: Callable[[str], Select[Any]]
    id_param: str
    load: Callable[[Any, uuid.UUID], Any]


def actor_of_key_row(row: Any) -> Actor | None:
    """The actor of a `with_key` row, or None for no row (an unknown or revoked key)."""
    if row is None:
        return None
    return Actor(row.key_organization_id, row.key_id, frozenset(row.key_scopes))


bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer sl_…`.")


async def authorize(
    request: Request, scope: Scope, secret: str | None, on_behalf_of: str | None
) -> Actor:
    """The actor of a request sending API key `secret`, if the key has `scope`; noted on the
    request for the access log and `owned`."""
    # The idempotency check may have authenticated this request already.
    actor: Actor | None = getattr(request.state, "actor", None)
    if actor is None:
        if secret is None:
            raise Unauthorized("Send an API key as `Authorization: Bearer <key>`.")
        session: AsyncSession = request.state.session  # (not `Session`: one dependency less)
        actor = await authenticate(session, secret, request.app.state.settings)
    return admit(request, scope, actor, on_behalf_of)


def admit(request: Request, scope: Scope, actor: Actor | None, on_behalf_of: str | None) -> Actor:
    """`actor`, authenticated, if it has `scope` (401 for no actor, 403 for a missing scope);
    its key's use noted, and the actor noted on the request."""
    if actor is None:
        raise Unauthorized("The API key is unknown or revoked.")
    if actor.api_key_id is not None:
        request.app.state.key_usage.note(actor.api_key_id)
    if on_behalf_of is not None:
        actor = Actor(actor.organization_id, actor.api_key_id, actor.scopes, on_behalf_of)
    request.state.actor = actor  # the access log names the organization and key
    if scope not in actor.scopes:
        raise Forbidden(f"This API key lacks the `{scope}` scope.", required_scope=scope)
    return actor


def _requires(scope: Scope) -> object:
    # One dependency does it all (authenticate, check the scope): each level of FastAPI's
    # dependency tree costs every request its solving.
    # No organization-wide lock for writes: each rule locks the narrowest row that keeps it
    # (an option action its requisition), and the event feed stays gap-free by `xid`.
    async def check(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        on_behalf_of: Annotated[
            HeaderName | None,
            Header(
                alias="On-Behalf-Of",
                description="The person this call acts for; recorded on events as "
                "`actor.on_behalf_of`.",
            ),
        ] = None,
    ) -> Actor:
        secret = credentials.credentials if credentials is not None else None
        return await authorize(request, scope, secret, on_behalf_of)

    check.__name__ = f"requires_{scope}"
    check.scope = scope  # type: ignore[attr-defined]  # for `fast_routes`
    return Depends(check)


ReadScope = Annotated[Actor, _requires("read")]
WriteScope = Annotated[Actor, _requires("write")]
AdminScope = Annotated[Actor, _requires("admin")]


def owned(param: str, load: Callable[[AsyncSession, uuid.UUID, uuid.UUID], Awaitable[T]]) -> Any:
    """A dependency loading the resource named by path parameter `param` with
    `load(session, organization_id, id)`: one 404 for another organization's ids, before the
    body is even read.

    It reads the actor that the route's scope dependency (`ReadScope`, …), declared before
    it, has authenticated: depending on that again would have FastAPI solve its sub-tree
    (bearer, headers) a second time on every request, though it is cached.
    """

    async def dependency(
        request: Request, resource_id: Annotated[uuid.UUID, Path(alias=param)]
    ) -> T | None:
        actor: Actor | None = getattr(request.state, "actor", None)
        if actor is None:
            # The scope dependency did not validate (a malformed header): FastAPI answers
            # 422 with its errors and never calls the route.
            return None
        return await load(request.state.session, actor.organization_id, resource_id)

    dependency.owned = (param, load)  # type: ignore[attr-defined]  # for `fast_routes`
    return Depends(dependency)
