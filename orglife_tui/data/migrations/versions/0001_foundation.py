"""Branch, party groups, members, meetings with their types, attendance, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branch",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "party_group",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "branch_id",
            sa.Integer(),
            sa.ForeignKey("branch.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("name", sa.String(100), nullable=False),
        sa.UniqueConstraint("branch_id", "name", name="uq_party_group_name"),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "branch_id",
            sa.Integer(),
            sa.ForeignKey("branch.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("member_no", sa.String(50), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("gender", sa.String(10)),
        sa.Column("birth_date", sa.Date()),
        sa.Column("join_date", sa.Date()),
        sa.Column("full_date", sa.Date()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column(
            "group_id",
            sa.Integer(),
            sa.ForeignKey("party_group.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("post", sa.String(30)),
        sa.Column("phone", sa.String(30)),
        sa.Column("dues_paid_until", sa.String(7)),
        sa.UniqueConstraint("branch_id", "member_no", name="uq_member_no"),
    )
    op.create_index("ix_member_branch_id", "member", ["branch_id"])
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "branch_id",
            sa.Integer(),
            sa.ForeignKey("branch.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("meeting_no", sa.String(50), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column(
            "group_id",
            sa.Integer(),
            sa.ForeignKey("party_group.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("place", sa.String(200)),
        sa.Column("host", sa.String(100)),
        sa.Column("recorder", sa.String(100)),
        sa.Column("lecturer", sa.String(100)),
        sa.Column("minutes", sa.Text()),
        sa.UniqueConstraint("branch_id", "meeting_no", name="uq_meeting_no"),
    )
    op.create_index("ix_meeting_date", "meeting", ["date"])
    op.create_table(
        "meeting_type",
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("type", sa.String(30), primary_key=True),
    )
    op.create_table(
        "attendance",
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("member.id", ondelete="RESTRICT"),
            primary_key=True,
        ),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reason", sa.String(500)),
    )
    op.create_index("ix_attendance_member_id", "attendance", ["member_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "branch_id",
            sa.Integer(),
            sa.ForeignKey("branch.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "audit_log",
        "attendance",
        "meeting_type",
        "meeting",
        "member",
        "party_group",
        "branch",
    ):
        op.drop_table(table)
