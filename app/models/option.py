import uuid
from datetime import date, datetime
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Owned, Record, utcnow
from app.models.candidate import Candidate
from app.models.checkin import CheckIn
from app.models.external_ref import ExternalRef, external_refs_of

# The statuses an option can be in; `app.options.state_machine` moves options between them.
OptionStatus = Literal[
    "considering",
    "on_hold",
    "runner_up",
    "selected",
    "hired",
    "declined",
    "withdrawn",
    "released",
]
OPTION_STATUSES = get_args(OptionStatus)


class Option(Base, Record, Owned):
    """A candidate or provider still in play for a requisition (one per pair)."""

    __tablename__ = "options"

    requisition_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("requisitions.id", ondelete="CASCADE")
    )
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="considering")
    rank: Mapped[int | None]
    fit_summary: Mapped[str | None] = mapped_column(Text)
    at_risk: Mapped[bool] = mapped_column(default=False)
    # When it last became at risk: the runner-up is to be called within two days of it.
    at_risk_since: Mapped[datetime | None]
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    revisit_on: Mapped[date | None]  # set by `hold`
    start_date: Mapped[date | None]  # set by `hire`

    # Read-only (options name their candidate by `candidate_id`): as a writable relationship,
    # every flush of an action worked through it and the candidate loaded with the option, a
    # fifth of the action's CPU.
    candidate: Mapped[Candidate] = relationship(lazy="raise", viewonly=True)
    # Check-ins of this candidate's interim engagements on this requisition: evidence, since
    # an interim role is an extended interview.
    interim_checkins: Mapped[list[CheckIn]] = relationship(
        secondary="interim_engagements",
        primaryjoin=(
            "and_(Option.requisition_id == InterimEngagement.requisition_id, "
            "Option.candidate_id == InterimEngagement.candidate_id)"
        ),
        secondaryjoin="CheckIn.engagement_id == InterimEngagement.id",
        viewonly=True,
        lazy="raise",
        order_by="(CheckIn.occurred_on, CheckIn.created_at)",
    )
    external_refs: Mapped[list[ExternalRef]] = external_refs_of("option", "Option")

    __table_args__ = (
        UniqueConstraint("requisition_id", "candidate_id"),
        CheckConstraint(f"status IN {OPTION_STATUSES}", name="status_known"),
        CheckConstraint("rank IS NULL OR rank >= 1", name="rank_positive"),
        # The list order of a requisition's options: rank (unranked last), then id.
        Index(None, "requisition_id", "rank", "id"),
        Index(None, "candidate_id"),
        # Follow-ups and the worker read an organization's options by status.
        Index(None, "organization_id", "status"),
    )
