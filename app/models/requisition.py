from datetime import date
from typing import Literal, get_args

from sqlalchemy import JSON, CheckConstraint, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record
from app.models.external_ref import ExternalRef, external_refs_of

# Days after a first choice's start at which a check-in is due (issue 11).
DEFAULT_CHECKIN_CADENCE = (3, 14, 30, 60, 90)

RequisitionStatus = Literal["open", "on_hold", "filled", "closed"]
REQUISITION_STATUSES = get_args(RequisitionStatus)


class Requisition(Base, Record, Owned):
    """A role to fill; its options are the candidates and providers still in play."""

    __tablename__ = "requisitions"

    title: Mapped[str] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(String(200))
    hiring_manager: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    headcount: Mapped[int] = mapped_column(default=1)
    target_start_date: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="open")
    checkin_cadence_days: Mapped[list[int]] = mapped_column(
        JSON,
        default=lambda: list(DEFAULT_CHECKIN_CADENCE),
        server_default=text(f"'{list(DEFAULT_CHECKIN_CADENCE)}'"),
    )

    external_refs: Mapped[list[ExternalRef]] = external_refs_of("requisition", "Requisition")

    __table_args__ = (
        CheckConstraint("headcount >= 1", name="headcount_positive"),
        CheckConstraint(f"status IN {REQUISITION_STATUSES}", name="status_known"),
        Index(None, "organization_id", "created_at", "id"),
    )
