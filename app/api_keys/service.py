"""API keys and the organizations they belong to."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.auth import Actor, hash_secret, new_secret
from app.kit.events import record_event
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import get_owned, readable
from app.models import ApiKey, Organization
from app.models.base import utcnow

ORDER = (SortKey(ApiKey.created_at), SortKey(ApiKey.id))


async def ensure_organization(session: AsyncSession, name: str) -> Organization:
    organization = await session.scalar(select(Organization).where(Organization.name == name))
    if organization is None:
        organization = Organization(name=name)
        session.add(organization)
        await session.flush()
    return organization


async def create_api_key(
    session: AsyncSession, actor: Actor, name: str, scopes: list[str]
) -> tuple[ApiKey, str]:
    """A new key for the actor's organization, and its secret (never stored)."""
    secret, prefix = new_secret()
    key = ApiKey(
        organization_id=actor.organization_id,
        name=name,
        prefix=prefix,
        key_hash=hash_secret(secret),
        scopes=scopes,
    )
    session.add(key)
    await session.flush()
    record_event(session, actor, "api_key.created", key.id, data={"scopes": scopes})
    return key, secret


async def get_api_key(
    session: AsyncSession, organization_id: uuid.UUID, api_key_id: uuid.UUID
) -> ApiKey:
    return await get_owned(session, ApiKey, organization_id, api_key_id, label="API key")


async def list_api_keys(
    session: AsyncSession, organization_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ApiKey], str | None]:
    query = readable(ApiKey, organization_id)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


async def revoke_api_key(session: AsyncSession, actor: Actor, key: ApiKey) -> ApiKey:
    """Revoked keys stop working with the next request; revoking twice changes nothing."""
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        record_event(session, actor, "api_key.revoked", key.id)
        await session.flush()
    return key
