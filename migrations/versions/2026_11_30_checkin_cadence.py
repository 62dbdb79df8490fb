"""Follow-ups computed in SQL: indexes on their sources' filters.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_options_organization_id_status"), "options", ["organization_id", "status"]
    )
    op.create_index(
        op.f("ix_notes_organization_id_keep_in_touch_on"),
        "notes",
        ["organization_id", "keep_in_touch_on"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_notes_organization_id_keep_in_touch_on"), table_name="notes")
    op.drop_index(op.f("ix_options_organization_id_status"), table_name="options")
