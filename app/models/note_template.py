from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, Record


class NoteTemplate(Base, Record, Owned):
    """A reusable note body with `{candidate_name}`, `{role_title}`, `{hiring_manager}`."""

    __tablename__ = "note_templates"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index(None, "organization_id", "created_at", "id"),)
