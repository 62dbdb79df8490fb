"""Interim engagements; check-ins and notes about an engagement.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "interim_engagements",
        sa.Column("requisition_id", sa.Uuid(), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "status IN ('planned', 'active', 'ended')",
            name=op.f("ck_interim_engagements_status_known"),
        ),
        sa.CheckConstraint(
            "ends_on IS NULL OR ends_on >= starts_on",
            name=op.f("ck_interim_engagements_ends_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_interim_engagements_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_interim_engagements_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requisition_id"],
            ["requisitions.id"],
            name=op.f("fk_interim_engagements_requisition_id_requisitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interim_engagements")),
    )
    op.create_index(
        op.f("ix_interim_engagements_requisition_id_candidate_id"),
        "interim_engagements",
        ["requisition_id", "candidate_id"],
    )
    op.create_index(
        op.f("ix_interim_engagements_requisition_id_created_at_id"),
        "interim_engagements",
        ["requisition_id", "created_at", "id"],
    )
    # SQLite alters a table by copying it; batch mode keeps its other constraints.
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.add_column(sa.Column("engagement_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_checkins_engagement_id_interim_engagements"),
            "interim_engagements",
            ["engagement_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_check_constraint(
            op.f("ck_checkins_about_option_or_engagement"),
            "(option_id IS NULL) != (engagement_id IS NULL)",
        )
    op.create_index(
        op.f("ix_checkins_engagement_id_occurred_on_created_at"),
        "checkins",
        ["engagement_id", "occurred_on", "created_at"],
    )
    with op.batch_alter_table("notes") as batch_op:
        batch_op.add_column(sa.Column("engagement_id", sa.Uuid(), nullable=True))
        batch_op.alter_column("option_id", existing_type=sa.Uuid(), nullable=True)
        batch_op.create_foreign_key(
            op.f("fk_notes_engagement_id_interim_engagements"),
            "interim_engagements",
            ["engagement_id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.create_index(op.f("ix_notes_engagement_id"), "notes", ["engagement_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_notes_engagement_id"), table_name="notes")
    op.execute("DELETE FROM notes WHERE option_id IS NULL")
    with op.batch_alter_table("notes") as batch_op:
        batch_op.drop_constraint(
            op.f("fk_notes_engagement_id_interim_engagements"), type_="foreignkey"
        )
        batch_op.alter_column("option_id", existing_type=sa.Uuid(), nullable=False)
        batch_op.drop_column("engagement_id")
    op.drop_index(op.f("ix_checkins_engagement_id_occurred_on_created_at"), table_name="checkins")
    op.execute("DELETE FROM checkins WHERE engagement_id IS NOT NULL")
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.drop_constraint(op.f("ck_checkins_about_option_or_engagement"), type_="check")
        batch_op.drop_constraint(
            op.f("fk_checkins_engagement_id_interim_engagements"), type_="foreignkey"
        )
        batch_op.drop_column("engagement_id")
    op.drop_index(
        op.f("ix_interim_engagements_requisition_id_created_at_id"),
        table_name="interim_engagements",
    )
    op.drop_index(
        op.f("ix_interim_engagements_requisition_id_candidate_id"),
        table_name="interim_engagements",
    )
    op.drop_table("interim_engagements")
