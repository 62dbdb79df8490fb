import uuid
from datetime import date
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record

EngagementStatus = Literal["planned", "active", "ended"]
ENGAGEMENT_STATUSES = get_args(EngagementStatus)


class InterimEngagement(Base, Record, Owned):
    """Someone filling the role while the decision waits: an extended interview."""

    __tablename__ = "interim_engagements"

    requisition_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("requisitions.id", ondelete="CASCADE")
    )
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="planned")
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    scope: Mapped[str | None] = mapped_column(Text)
    end_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(f"status IN {ENGAGEMENT_STATUSES}", name="status_known"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
        Index(None, "requisition_id", "created_at", "id"),
        # Evidence for an option: the engagements of its candidate on its requisition.
        Index(None, "requisition_id", "candidate_id"),
        # Check-ins due: an organization's engagements that have not ended.
        Index(None, "organization_id", "status"),
    )
