import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class FollowUpNotice(Base):
    """A follow-up the worker has announced (`follow_up.due`): its key is the item's place in
    the follow-ups' order, which no two items share, so a second worker's insert of the same
    item does nothing and writes no second event."""

    __tablename__ = "follow_up_notices"

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    due_on: Mapped[date] = mapped_column(primary_key=True)
    reason: Mapped[str] = mapped_column(String(32), primary_key=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    requisition_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    announced_at: Mapped[datetime] = mapped_column(default=utcnow)
