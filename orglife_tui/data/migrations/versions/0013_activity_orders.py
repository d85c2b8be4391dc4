"""Member self-service: activity orders (点单/接单, issue 13 §3).

``activity_order``: an activity or a topic a member orders for the branch, and how the
branch answered: taken into the annual plan (``plan_item_id``), declined with a reason, or
done. ``operator`` placed it; ``answered_by`` / ``answered_at`` answered it last.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="RESTRICT")


def upgrade() -> None:
    op.create_table(
        "activity_order",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("detail", sa.Text()),
        sa.Column("wanted_month", sa.String(7)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), _fk("plan_item")),
        sa.Column("answer", sa.Text()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True)),
        sa.Column("answered_by", sa.String(100)),
    )


def downgrade() -> None:
    op.drop_table("activity_order")
