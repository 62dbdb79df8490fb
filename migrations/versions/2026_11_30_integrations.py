"""Inbound ATS integrations (Greenhouse, Lever) and the deliveries they received.

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "integrations",
        sa.Column("system", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sealed_secret", sa.Text(), nullable=False),
        *_record_columns(),
        sa.CheckConstraint(
            "system IN ('greenhouse', 'lever')", name=op.f("ck_integrations_system_known")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_integrations_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrations")),
    )
    op.create_index(
        op.f("ix_integrations_organization_id_created_at_id"),
        "integrations",
        ["organization_id", "created_at", "id"],
    )
    op.create_table(
        "inbound_events",
        sa.Column("integration_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.String(length=1000), nullable=False),
        *_record_columns(),
        sa.CheckConstraint(
            "outcome IN ('applied', 'duplicate', 'ignored', 'conflict', 'rejected')",
            name=op.f("ck_inbound_events_outcome_known"),
        ),
        sa.ForeignKeyConstraint(
            ["integration_id"],
            ["integrations.id"],
            name=op.f("fk_inbound_events_integration_id_integrations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_inbound_events_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_events")),
    )
    op.create_index(
        op.f("ix_inbound_events_integration_id_created_at_id"),
        "inbound_events",
        ["integration_id", "created_at", "id"],
    )
    op.create_index(
        op.f("ix_inbound_events_integration_id_event_id"),
        "inbound_events",
        ["integration_id", "event_id"],
    )


def downgrade() -> None:
    op.drop_table("inbound_events")
    op.drop_table("integrations")
