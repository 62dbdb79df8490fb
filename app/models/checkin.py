import uuid
from datetime import date
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record

Verdict = Literal["exceeds", "meets", "below", "failing"]
VERDICTS = get_args(Verdict)


class CheckIn(Base, Record, Owned):
    """How a first choice (an option) or an interim (an engagement) is doing, as seen by a
    reviewer on a given day."""

    __tablename__ = "checkins"

    option_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("options.id", ondelete="CASCADE")
    )
    engagement_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("interim_engagements.id", ondelete="CASCADE")
    )
    verdict: Mapped[str] = mapped_column(String(16))
    rating: Mapped[int]
    notes: Mapped[str | None] = mapped_column(Text)
    reviewer_name: Mapped[str | None] = mapped_column(String(200))
    reviewer_candidate_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL")
    )
    occurred_on: Mapped[date]

    __table_args__ = (
        CheckConstraint(f"verdict IN {VERDICTS}", name="verdict_known"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
        CheckConstraint(
            "(option_id IS NULL) != (engagement_id IS NULL)", name="about_option_or_engagement"
        ),
        # Latest first per option: the at-risk rule and the list both read this order.
        Index(None, "option_id", "occurred_on", "created_at"),
        Index(None, "engagement_id", "occurred_on", "created_at"),
    )
