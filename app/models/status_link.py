import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record


class StatusLink(Base, Record, Owned):
    """A candidate's personal link to their status page (`GET /c/{token}`), sent with a note.

    Only the token's SHA-256 is kept; the token itself is in the email and nowhere else.
    """

    __tablename__ = "status_links"

    note_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"))
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "candidate_id"),)
