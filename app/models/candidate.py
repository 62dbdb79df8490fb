from datetime import date, datetime
from typing import Literal, get_args

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record
from app.models.external_ref import ExternalRef, external_refs_of

CandidateKind = Literal["person", "agency"]
CANDIDATE_KINDS = get_args(CandidateKind)


# PostgreSQL only (created by migration 0008, invisible to Alembic's compare): a trigram index
# over the fields search `q` matches with ILIKE, so a search need not scan every candidate.
SEARCH_INDEX = "ix_candidates_search_trgm"


class Candidate(Base, Record, Owned):
    """A person or an outside provider (agency). `name` is null only once erased."""

    __tablename__ = "candidates"

    kind: Mapped[str] = mapped_column(String(16), default="person")
    name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(50))
    location: Mapped[str | None] = mapped_column(String(200))
    headline: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(100))
    tags: Mapped[list[str]] = mapped_column(default=list)
    available_from: Mapped[date | None]
    keep_in_touch_consent: Mapped[bool] = mapped_column(default=False)
    erased_at: Mapped[datetime | None]

    external_refs: Mapped[list[ExternalRef]] = external_refs_of("candidate", "Candidate")

    __table_args__ = (
        CheckConstraint(f"kind IN {CANDIDATE_KINDS}", name="kind_known"),
        Index(None, "organization_id", "created_at", "id"),
    )
