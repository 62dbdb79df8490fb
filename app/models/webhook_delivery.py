import uuid
from typing import TYPE_CHECKING, Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Leased, Owned, Record

if TYPE_CHECKING:
    from app.models.webhook_attempt import WebhookAttempt

DeliveryStatus = Literal["pending", "succeeded", "failed"]


class WebhookDelivery(Base, Record, Owned, Leased):
    """One event owed to one endpoint: the outbox row, written with the event itself."""

    __tablename__ = "webhook_deliveries"

    endpoint_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempt_count: Mapped[int] = mapped_column(default=0)

    # Read-only: an attempt is written with its `delivery_id`, and a flush need not work
    # through the list (as `Option.candidate`).
    attempts: Mapped[list["WebhookAttempt"]] = relationship(
        lazy="raise", order_by="WebhookAttempt.attempted_at", viewonly=True
    )

    __table_args__ = (
        CheckConstraint(f"status IN {get_args(DeliveryStatus)}", name="status_known"),
        UniqueConstraint("endpoint_id", "event_id"),
        Index(None, "endpoint_id", "created_at", "id"),
        # The worker's question: what is due?
        Index(None, "status", "next_attempt_at"),
    )
