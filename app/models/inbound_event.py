import uuid
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record

InboundOutcome = Literal["applied", "duplicate", "ignored", "conflict", "rejected"]
INBOUND_OUTCOMES = get_args(InboundOutcome)


class InboundEvent(Base, Record, Owned):
    """One signed delivery an integration received, and what became of it.

    The payload itself is not kept: it is personal data that erasure could not reach.
    """

    __tablename__ = "inbound_events"

    integration_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("integrations.id", ondelete="CASCADE")
    )
    # The ATS's id of the delivery (Greenhouse-Event-ID, Lever's token): repeats are duplicates.
    event_id: Mapped[str] = mapped_column(String(255))
    action: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(String(1000))

    __table_args__ = (
        CheckConstraint(f"outcome IN {INBOUND_OUTCOMES}", name="outcome_known"),
        Index(None, "integration_id", "created_at", "id"),
        Index(None, "integration_id", "event_id"),
    )
