import uuid
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Leased, Owned, Record

NoteDeliveryStatus = Literal["scheduled", "sent", "failed", "cancelled"]
NOTE_DELIVERY_STATUSES = get_args(NoteDeliveryStatus)


class NoteDelivery(Base, Record, Owned, Leased):
    """A note owed to the candidate by email: the worker's job row, written with the note."""

    __tablename__ = "note_deliveries"

    note_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    send_after: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    attempt_count: Mapped[int] = mapped_column(default=0)
    # Why it was cancelled or failed, or the last attempt's error: for people, not clients.
    reason: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        CheckConstraint(f"status IN {NOTE_DELIVERY_STATUSES}", name="status_known"),
        # The worker's question: what is due?
        Index(None, "status", "next_attempt_at"),
    )
