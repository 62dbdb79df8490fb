"""Decisions: notes, note templates, check-ins, touchpoints; hold and hire dates on options.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "note_templates",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_note_templates_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_templates")),
    )
    op.create_index(
        op.f("ix_note_templates_organization_id_created_at_id"),
        "note_templates",
        ["organization_id", "created_at", "id"],
    )

    op.create_table(
        "touchpoints",
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "channel IN ('email', 'call', 'meeting', 'message', 'other')",
            name=op.f("ck_touchpoints_channel_known"),
        ),
        sa.CheckConstraint(
            "direction IN ('inbound', 'outbound')", name=op.f("ck_touchpoints_direction_known")
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_touchpoints_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_touchpoints_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_touchpoints")),
    )
    op.create_index(
        op.f("ix_touchpoints_candidate_id_occurred_at_id"),
        "touchpoints",
        ["candidate_id", "occurred_at", "id"],
    )

    op.create_table(
        "checkins",
        sa.Column("option_id", sa.Uuid(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("reviewer_name", sa.String(length=200), nullable=True),
        sa.Column("reviewer_candidate_id", sa.Uuid(), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "verdict IN ('exceeds', 'meets', 'below', 'failing')",
            name=op.f("ck_checkins_verdict_known"),
        ),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_checkins_rating_range")),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["options.id"],
            name=op.f("fk_checkins_option_id_options"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_checkins_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_candidate_id"],
            ["candidates.id"],
            name=op.f("fk_checkins_reviewer_candidate_id_candidates"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
    )
    op.create_index(
        op.f("ix_checkins_option_id_occurred_on_created_at"),
        "checkins",
        ["option_id", "occurred_on", "created_at"],
    )

    op.create_table(
        "notes",
        sa.Column("option_id", sa.Uuid(), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("door_open", sa.Boolean(), nullable=False),
        sa.Column("keep_in_touch_on", sa.Date(), nullable=True),
        sa.Column("respect_findings", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('rejection', 'not_now', 'release', 'update')",
            name=op.f("ck_notes_kind_known"),
        ),
        sa.CheckConstraint(
            "reason_code IN ('no_current_need', 'chose_another_candidate', 'chose_another_provider', 'skills_gap', 'experience_level', 'timing', 'compensation', 'location', 'role_closed', 'candidate_withdrew', 'performance', 'other')",
            name=op.f("ck_notes_reason_code_known"),
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_notes_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["options.id"],
            name=op.f("fk_notes_option_id_options"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_notes_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    op.create_index(op.f("ix_notes_candidate_id"), "notes", ["candidate_id"])
    op.create_index(
        op.f("ix_notes_option_id_created_at_id"), "notes", ["option_id", "created_at", "id"]
    )

    with op.batch_alter_table("options", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revisit_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("start_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("options", schema=None) as batch_op:
        batch_op.drop_column("start_date")
        batch_op.drop_column("revisit_on")

    op.drop_index(op.f("ix_notes_option_id_created_at_id"), table_name="notes")
    op.drop_index(op.f("ix_notes_candidate_id"), table_name="notes")

    op.drop_table("notes")
    op.drop_index(op.f("ix_checkins_option_id_occurred_on_created_at"), table_name="checkins")

    op.drop_table("checkins")
    op.drop_index(op.f("ix_touchpoints_candidate_id_occurred_at_id"), table_name="touchpoints")

    op.drop_table("touchpoints")
    op.drop_index(
        op.f("ix_note_templates_organization_id_created_at_id"), table_name="note_templates"
    )

    op.drop_table("note_templates")
