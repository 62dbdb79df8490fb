import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, FetchedValue, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Owned, utcnow


class Event(Base, Owned):
    """One change, written in the same transaction as the change itself.

    The feed is ordered by `(xid, seq)`: `xid` is the id of the writing transaction, stamped
    by the database (`pg_current_xact_id()` on PostgreSQL; 0 on SQLite, whose writers commit
    one at a time in `seq` order). Writers are not serialized, so a transaction may commit
    after a later one; readers therefore see only events of transactions older than every
    transaction still in flight (`app.events.service`), and every event still to come sorts
    after them: no gaps, no duplicates. `id` is the public identifier.
    """

    __tablename__ = "events"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    # The default differs per database, so the migration declares it.
    xid: Mapped[int] = mapped_column(BigInteger, server_default=FetchedValue())
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_api_key_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("api_keys.id", ondelete="SET NULL")
    )
    actor_on_behalf_of: Mapped[str | None] = mapped_column(String(200))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[uuid.UUID]
    requisition_id: Mapped[uuid.UUID | None]
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (
        Index(None, "organization_id", "xid", "seq"),
        Index(None, "organization_id", "type", "xid", "seq"),
        Index(None, "organization_id", "requisition_id", "xid", "seq"),
    )
