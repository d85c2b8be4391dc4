"""The appraisal's steps before the committee's decision (issue 12 §3).

- ``appraisal_self_assessment``: a member's self-assessment (个人自评) for a session, one per
  member: the text, the day it was given, and whether it came after the poll opened
  (``late``); replaced, not duplicated, when given again.
- ``appraisal_peer_comment``: comments on a member gathered at the branch meeting (党员互评).
  No author column, by design: who said it is not recorded; the audit log holds the
  operator who typed it, as for every write.

Both are keyed to the session and the member (not to the roster snapshot: a self-assessment
comes before the poll opens, and survives a reset). Once the session is published they are
frozen like the committee's grades: triggers refuse any INSERT, UPDATE or DELETE (on
PostgreSQL the guard function of migration 0005).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-19
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("appraisal_self_assessment", "appraisal_peer_comment")


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="RESTRICT")


def upgrade() -> None:
    op.create_table(
        "appraisal_self_assessment",
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), primary_key=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
    )
    op.create_table(
        "appraisal_peer_comment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), nullable=False),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_appraisal_peer_comment_member", "appraisal_peer_comment", ["session_id", "member_id"]
    )
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            for verb, ref in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
                op.execute(
                    f"CREATE TRIGGER {table}_{verb.lower()}_published BEFORE {verb} ON {table} "
                    f"WHEN (SELECT state FROM appraisal_session WHERE id = {ref}.session_id) "
                    f"= 'published' "
                    f"BEGIN SELECT RAISE(ABORT, '{table}: the result is published'); END"
                )
        elif dialect == "postgresql":
            op.execute(
                f"CREATE TRIGGER {table}_guard BEFORE INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION orglife_decision_guard()"
            )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)  # its triggers go with it (the guard function stays: 0005's)
