from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record

EndpointStatus = Literal["enabled", "disabled"]
# Why an endpoint is disabled: someone asked, the receiver answered 410 Gone, or every
# delivery failed for days.
DisabledReason = Literal["requested", "gone", "failing"]


class WebhookEndpoint(Base, Record, Owned):
    """A URL that receives the organization's events, signed with its secret.

    Secrets are stored sealed (`app/kit/secrets.py`). After a rotation the previous secret keeps
    signing alongside the new one until `previous_secret_expires_at`.
    """

    __tablename__ = "webhook_endpoints"

    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str | None] = mapped_column(String(300))
    event_types: Mapped[list[str]]
    secret_sealed: Mapped[str] = mapped_column(Text)
    previous_secret_sealed: Mapped[str | None] = mapped_column(Text)
    previous_secret_expires_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="enabled")
    disabled_reason: Mapped[str | None] = mapped_column(String(16))
    disabled_at: Mapped[datetime | None]
    # The first failed attempt since the last success; five days of that disables it.
    failing_since: Mapped[datetime | None]

    @property
    def enabled(self) -> bool:
        return self.status == "enabled"

    __table_args__ = (
        CheckConstraint(f"status IN {get_args(EndpointStatus)}", name="status_known"),
        CheckConstraint(
            f"disabled_reason IS NULL OR disabled_reason IN {get_args(DisabledReason)}",
            name="disabled_reason_known",
        ),
        Index(None, "organization_id", "created_at", "id"),
    )
