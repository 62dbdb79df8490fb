import uuid
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record

Direction = Literal["inbound", "outbound"]
Channel = Literal["email", "call", "meeting", "message", "other"]
DIRECTIONS = get_args(Direction)
CHANNELS = get_args(Channel)


class Touchpoint(Base, Record, Owned):
    """A contact with a candidate; the latest one says how warm they are."""

    __tablename__ = "touchpoints"

    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint(f"direction IN {DIRECTIONS}", name="direction_known"),
        CheckConstraint(f"channel IN {CHANNELS}", name="channel_known"),
        Index(None, "candidate_id", "occurred_at", "id"),
    )
