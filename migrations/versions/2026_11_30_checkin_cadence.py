"""Follow-ups computed in SQL (indexes on their sources' filters) and the check-in cadence:
a requisition's cadence, when a first choice became at risk, and the follow-ups announced.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "requisitions",
        sa.Column(
            "checkin_cadence_days",
            sa.JSON(),
            server_default=sa.text("'[3, 14, 30, 60, 90]'"),
            nullable=False,
        ),
    )
    op.add_column("options", sa.Column("at_risk_since", sa.DateTime(timezone=True), nullable=True))
    # Options at risk before this revision: since their last change, the best known.
    op.execute("UPDATE options SET at_risk_since = updated_at WHERE at_risk")
    op.create_table(
        "follow_up_notices",
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("requisition_id", sa.Uuid(), nullable=False),
        sa.Column("announced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_follow_up_notices_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organization_id",
            "due_on",
            "reason",
            "candidate_id",
            "requisition_id",
            name=op.f("pk_follow_up_notices"),
        ),
    )
    op.create_index(
        op.f("ix_interim_engagements_organization_id_status"),
        "interim_engagements",
        ["organization_id", "status"],
    )
    op.create_index(
        op.f("ix_options_organization_id_status"), "options", ["organization_id", "status"]
    )
    op.create_index(
        op.f("ix_notes_organization_id_keep_in_touch_on"),
        "notes",
        ["organization_id", "keep_in_touch_on"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_interim_engagements_organization_id_status"), table_name="interim_engagements"
    )
    op.drop_table("follow_up_notices")
    with op.batch_alter_table("options") as batch:
        batch.drop_column("at_risk_since")
    with op.batch_alter_table("requisitions") as batch:
        batch.drop_column("checkin_cadence_days")
    op.drop_index(op.f("ix_notes_organization_id_keep_in_touch_on"), table_name="notes")
    op.drop_index(op.f("ix_options_organization_id_status"), table_name="options")
