from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record


class CalendarFeed(Base, Record, Owned):
    """A secret URL a calendar app subscribes to. Only a SHA-256 of its token is stored."""

    __tablename__ = "calendar_feeds"

    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "organization_id", "created_at", "id"),)
