"""Hot paths: events stamped with their transaction id, so writers need no organization lock;
on PostgreSQL a trigram index for candidate search.

The feed is ordered by `(xid, seq)` and readers see only events of transactions older than
every one still in flight (see `app.models.event`). The default of `xid` differs per database,
so it is declared here only (Alembic does not compare server defaults).

Revision ID: 0008
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_INDEX = "ix_candidates_search_trgm"

# (old index, new index, columns of the new one)
FEED_INDEXES = (
    ("ix_events_organization_id_seq", "ix_events_organization_id_xid_seq", ["xid"]),
    (
        "ix_events_organization_id_type_seq",
        "ix_events_organization_id_type_xid_seq",
        ["type", "xid"],
    ),
    (
        "ix_events_organization_id_requisition_id_seq",
        "ix_events_organization_id_requisition_id_xid_seq",
        ["requisition_id", "xid"],
    ),
)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    # Existing events get the id of this transaction: after every one of them, in seq order.
    default = "(pg_current_xact_id()::text)::bigint" if postgresql else "0"
    with op.batch_alter_table("events") as batch:
        batch.add_column(
            sa.Column("xid", sa.BigInteger(), server_default=sa.text(default), nullable=False)
        )
    for old, new, columns in FEED_INDEXES:
        op.drop_index(old, table_name="events")
        op.create_index(new, "events", ["organization_id", *columns, "seq"])
    if postgresql:
        # `q` matches name, email and headline with ILIKE '%…%'; pg_trgm is a trusted
        # extension (the database owner may create it).
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            f"CREATE INDEX {SEARCH_INDEX} ON candidates USING gin "
            "(name gin_trgm_ops, email gin_trgm_ops, headline gin_trgm_ops)"
        )


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
    for old, new, columns in FEED_INDEXES:
        op.drop_index(new, table_name="events")
        op.create_index(old, "events", ["organization_id", *columns[:-1], "seq"])
    with op.batch_alter_table("events") as batch:
        batch.drop_column("xid")
