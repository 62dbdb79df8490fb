import uuid
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Owned, Record

if TYPE_CHECKING:
    from app.models.note_delivery import NoteDelivery

NoteKind = Literal["rejection", "not_now", "release", "update"]
NOTE_KINDS = get_args(NoteKind)
ReasonCode = Literal[
    "no_current_need",
    "chose_another_candidate",
    "chose_another_provider",
    "skills_gap",
    "experience_level",
    "timing",
    "compensation",
    "location",
    "role_closed",
    "candidate_withdrew",
    "performance",
    "other",
]
REASON_CODES = get_args(ReasonCode)


class Note(Base, Record, Owned):
    """What the candidate is told, and why: written by decline, hold and release, or by hand."""

    __tablename__ = "notes"

    option_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("options.id", ondelete="CASCADE")
    )
    # Set instead of option_id for the note that ends an interim engagement.
    engagement_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("interim_engagements.id", ondelete="CASCADE")
    )
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    door_open: Mapped[bool] = mapped_column(default=True)
    keep_in_touch_on: Mapped[date | None]
    respect_findings: Mapped[list[dict[str, Any]]] = mapped_column(default=list)

    # Null unless the note was to be emailed (`deliver: true`).
    delivery: Mapped["NoteDelivery | None"] = relationship(lazy="raise")

    __table_args__ = (
        CheckConstraint(f"kind IN {NOTE_KINDS}", name="kind_known"),
        CheckConstraint(f"reason_code IN {REASON_CODES}", name="reason_code_known"),
        Index(None, "option_id", "created_at", "id"),
        Index(None, "candidate_id"),
        Index(None, "engagement_id"),
        # Follow-ups: an organization's notes asking to keep in touch by a date.
        Index(None, "organization_id", "keep_in_touch_on"),
    )
