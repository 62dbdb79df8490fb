"""Calendar feeds: a secret URL per subscriber, so a calendar app that cannot send a Bearer
header can still read the follow-ups. The URL's token is the credential: stored as a hash,
read-only (it serves the calendar and nothing else), scoped to one organization, revocable."""

import secrets
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.kit.auth import Actor, hash_secret
from app.kit.errors import NotFound
from app.kit.events import record_event
from app.kit.pagination import SortKey, paginate
from app.kit.tenancy import get_owned, readable
from app.models import CalendarFeed
from app.models.base import utcnow

ORDER = (SortKey(CalendarFeed.created_at), SortKey(CalendarFeed.id))
TOKEN_PREFIX = "cal_"


def feed_url(token: str) -> str:
    return f"/v1/calendar-feeds/{token}.ics"


async def create_feed(session: AsyncSession, actor: Actor, name: str) -> tuple[CalendarFeed, str]:
    """A new feed and its token (never stored)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    feed = CalendarFeed(
        organization_id=actor.organization_id, name=name, token_hash=hash_secret(token)
    )
    session.add(feed)
    await session.flush()
    record_event(session, actor, "calendar_feed.created", feed.id)
    return feed, token


async def get_feed(
    session: AsyncSession, organization_id: uuid.UUID, feed_id: uuid.UUID
) -> CalendarFeed:
    return await get_owned(session, CalendarFeed, organization_id, feed_id, label="calendar feed")


async def feed_by_token(session: AsyncSession, token: str) -> CalendarFeed:
    """The live feed this token opens; one 404 for unknown and revoked tokens alike."""
    feed = await session.scalar(
        select(CalendarFeed).where(
            CalendarFeed.token_hash == hash_secret(token), CalendarFeed.revoked_at.is_(None)
        )
    )
    if feed is None:
        raise NotFound("No calendar feed at this address; it may have been revoked.")
    return feed


async def list_feeds(
    session: AsyncSession, organization_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[CalendarFeed], str | None]:
    query = readable(CalendarFeed, organization_id)
    return await paginate(session, query, keys=ORDER, limit=limit, cursor=cursor)


async def revoke_feed(session: AsyncSession, actor: Actor, feed: CalendarFeed) -> CalendarFeed:
    """The URL stops working with the next request; revoking twice changes nothing."""
    if feed.revoked_at is None:
        feed.revoked_at = utcnow()
        record_event(session, actor, "calendar_feed.revoked", feed.id)
        await session.flush()
    return feed
