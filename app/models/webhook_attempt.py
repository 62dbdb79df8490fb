import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class WebhookAttempt(Base):
    """One try at sending a delivery: when, how long, and what came back (status or error).

    Response bodies are not kept: a receiver may echo personal data back.
    """

    __tablename__ = "webhook_attempts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE")
    )
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[int]
    response_status: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (Index(None, "delivery_id", "attempted_at"),)
