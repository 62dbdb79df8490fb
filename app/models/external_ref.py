import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Owned, utcnow


class ExternalRef(Base, Owned):
    """An id of ours in another system (`greenhouse`, `lever`, …), unique per organization and
    resource type, so an ATS can find and upsert what it already sent."""

    __tablename__ = "external_refs"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    resource_type: Mapped[str] = mapped_column(String(16))
    resource_id: Mapped[uuid.UUID]
    system: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("organization_id", "resource_type", "system", "external_id"),
        Index(None, "resource_id", "resource_type"),
    )


def external_refs_of(resource_type: str, model: str) -> Any:
    """The read-only `external_refs` relationship of a resource model."""
    return relationship(
        ExternalRef,
        primaryjoin=(
            f"and_(foreign(ExternalRef.resource_id) == {model}.id, "
            f"ExternalRef.resource_type == '{resource_type}')"
        ),
        viewonly=True,
        lazy="raise",
        order_by=(ExternalRef.system, ExternalRef.external_id),
    )
