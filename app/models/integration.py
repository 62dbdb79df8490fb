from typing import Literal, get_args

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record

IntegrationSystem = Literal["greenhouse", "lever"]
INTEGRATION_SYSTEMS = get_args(IntegrationSystem)


class Integration(Base, Record, Owned):
    """An ATS that sends its webhooks to `/v1/inbound/{system}/{id}`, signed with a secret
    stored only encrypted (`app.kit.secrets`)."""

    __tablename__ = "integrations"

    system: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    sealed_secret: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(f"system IN {INTEGRATION_SYSTEMS}", name="system_known"),
        Index(None, "organization_id", "created_at", "id"),
    )
