"""The organizational life meeting and the people in it (issue 12 §5).

- ``meeting.form``: how the meeting was held (MeetingForm: 讲授辅导、交流讨论、现场观摩、
  远程教育); ``meeting.lecturer_id``: the lecturer picked from the roster, whose
  ``give_party_lecture`` points are derived from it.
- ``member.leader``: the member is a leading cadre (领导干部): attends the branch's life
  meeting as an ordinary member and gives a Party lecture each year.
- ``life_meeting_record``: per participant of a life meeting, the 对照检查 (problems found in
  oneself), criticism received and criticism given.
- ``rectification_item.member_id``: the participant whose problem an item puts right (with
  ``meeting_id``, the life-meeting record it came from).
- ``member_post`` (设岗定责) and ``commitment`` (承诺践诺): per member and year.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="RESTRICT")


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("form", sa.String(20)))
        batch.add_column(sa.Column("lecturer_id", sa.Integer()))
        batch.create_foreign_key(
            "fk_meeting_lecturer", "member", ["lecturer_id"], ["id"], ondelete="RESTRICT"
        )
    with op.batch_alter_table("member") as batch:
        batch.add_column(
            sa.Column("leader", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("rectification_item") as batch:
        batch.add_column(sa.Column("member_id", sa.Integer()))
        batch.create_foreign_key(
            "fk_rectification_member", "member", ["member_id"], ["id"], ondelete="RESTRICT"
        )
    op.create_table(
        "life_meeting_record",
        sa.Column("meeting_id", sa.Integer(), _fk("meeting"), primary_key=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), primary_key=True, index=True),
        sa.Column("self_check", sa.Text()),
        sa.Column("criticism_received", sa.Text()),
        sa.Column("criticism_given", sa.Text()),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "member_post",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False, index=True),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("post", sa.String(100), nullable=False),
        sa.Column("duty", sa.Text()),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False, index=True),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("evaluated_on", sa.Date()),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("commitment")
    op.drop_table("member_post")
    op.drop_table("life_meeting_record")
    with op.batch_alter_table("rectification_item") as batch:
        batch.drop_constraint("fk_rectification_member", type_="foreignkey")
        batch.drop_column("member_id")
    with op.batch_alter_table("member") as batch:
        batch.drop_column("leader")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_constraint("fk_meeting_lecturer", type_="foreignkey")
        batch.drop_column("form")
        batch.drop_column("lecturer_id")
