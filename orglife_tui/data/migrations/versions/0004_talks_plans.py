"""Heart-to-heart talks, the annual plan and the rectification list.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _fk(table: str, ondelete: str = "RESTRICT") -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "talk",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False, index=True),
        sa.Column("date", sa.Date(), nullable=False, index=True),
        sa.Column("place", sa.String(200)),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("type", sa.String(30), nullable=False),
        sa.Column("recorder", sa.String(100)),
        sa.Column("trigger", sa.String(500)),
        sa.Column("content", sa.Text()),
        sa.Column("problems", sa.Text()),
        sa.Column("difficulties", sa.Text()),
        sa.Column("opinions", sa.Text()),
        sa.Column("actions", sa.Text()),
        sa.Column("action_deadline", sa.Date()),
        sa.Column("follow_up_date", sa.Date()),
        sa.Column("follow_up_result", sa.Text()),
        sa.Column("confidential", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("absence_from", sa.String(7)),
        sa.Column("absence_step", sa.String(30)),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "follow_up_date IS NULL OR follow_up_date >= date", name="ck_talk_follow_up"
        ),
    )
    op.create_table(
        "talk_talker",
        sa.Column("talk_id", sa.Integer(), _fk("talk", "CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=True, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("post", sa.String(50)),
    )
    op.create_table(
        "plan_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("month", sa.Integer()),
        sa.Column("meeting_type", sa.String(30), nullable=False),
        sa.Column("topic", sa.String(300), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("month IS NULL OR month BETWEEN 1 AND 12", name="ck_plan_month"),
    )
    op.create_table(
        "rectification_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("measure", sa.Text()),
        sa.Column("owner", sa.String(100), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("closed_on", sa.Date()),
        sa.Column("closing_note", sa.Text()),
        sa.Column("meeting_id", sa.Integer(), _fk("meeting"), nullable=True),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("rectification_item", "plan_item", "talk_talker", "talk"):
        op.drop_table(table)
