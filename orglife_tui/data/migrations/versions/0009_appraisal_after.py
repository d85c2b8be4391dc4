"""The appraisal after the committee's decision (issue 12 §3): 公示 and 结果运用.

- ``appraisal_objection``: an objection (异议) raised during a published result's notice
  window (the window is the publication's ``window_start``/``window_end``): the date, the
  text, who raised it (optional: it may be anonymous), the member concerned, and once
  answered the answer, its date and outcome (维持 / 改变). Answering fills the answer
  columns once; triggers refuse any other UPDATE and every DELETE.
- ``appraisal_correction``: a grade changed by an answered objection. The session and its
  decisions are frozen once published (0005) and the publication stays as published
  (0006); a correction is a new row beside them, never a rewrite. Append-only.
- ``appraisal_follow_up``: 结果运用 for a member graded 基本合格 or 不合格: the measure
  (限期改正 with a deadline, a talk linked by id, 组织处置 劝退/除名 with the date it takes
  effect), and when it was done; a removal carried out names the member event it recorded.
- ``commendation``: the note or award of a member graded 优秀 in a final result, for the
  year's commendation register (评先评优); the register itself is read from the results.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

APPEND_ONLY = ("appraisal_correction",)


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="RESTRICT")


def _audit_columns() -> list[sa.Column]:
    return [
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "appraisal_objection",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("raised_by", sa.String(100)),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text()),
        sa.Column("answered_on", sa.Date()),
        sa.Column("outcome", sa.String(20)),
        sa.Column("answered_by", sa.String(100)),
        *_audit_columns(),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('maintained', 'changed')",
            name="ck_appraisal_objection_outcome",
        ),
        sa.CheckConstraint(
            "(answer IS NULL) = (answered_on IS NULL) AND (answer IS NULL) = (outcome IS NULL)",
            name="ck_appraisal_objection_answer",
        ),
        sa.CheckConstraint(
            "answered_on IS NULL OR answered_on >= raised_on",
            name="ck_appraisal_objection_dates",
        ),
    )
    op.create_table(
        "appraisal_correction",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False),
        sa.Column(
            "objection_id", sa.Integer(), _fk("appraisal_objection"), nullable=False, unique=True
        ),
        sa.Column("previous", sa.String(30), nullable=False),
        sa.Column("final", sa.String(30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        *_audit_columns(),
    )
    op.create_table(
        "appraisal_follow_up",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False),
        sa.Column("grade", sa.String(30), nullable=False),
        sa.Column("measure", sa.String(20), nullable=False),
        sa.Column("deadline", sa.Date()),
        sa.Column("talk_id", sa.Integer(), _fk("talk")),
        sa.Column("disposal", sa.String(20)),
        sa.Column("effective_on", sa.Date()),
        sa.Column("note", sa.Text()),
        sa.Column("done_on", sa.Date()),
        sa.Column("done_note", sa.Text()),
        sa.Column("event_id", sa.Integer(), _fk("member_event")),
        *_audit_columns(),
        sa.CheckConstraint(
            "measure IN ('rectify', 'talk', 'disposal')", name="ck_appraisal_follow_up_measure"
        ),
        sa.CheckConstraint(
            "disposal IS NULL OR disposal IN ('persuade', 'remove')",
            name="ck_appraisal_follow_up_disposal",
        ),
        sa.CheckConstraint(
            "(measure = 'disposal') = (disposal IS NOT NULL)",
            name="ck_appraisal_follow_up_disposal_only",
        ),
    )
    op.create_table(
        "commendation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), nullable=False),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False),
        sa.Column("award", sa.String(200)),
        sa.Column("note", sa.Text()),
        *_audit_columns(),
        sa.UniqueConstraint("session_id", "member_id", name="uq_commendation_member"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in APPEND_ONLY:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        op.execute(
            "CREATE TRIGGER appraisal_objection_no_delete BEFORE DELETE ON appraisal_objection "
            "BEGIN SELECT RAISE(ABORT, 'appraisal_objection: kept as recorded'); END"
        )
        op.execute(
            "CREATE TRIGGER appraisal_objection_answer_once BEFORE UPDATE ON appraisal_objection "
            "WHEN OLD.answered_on IS NOT NULL OR NEW.content IS NOT OLD.content "
            "OR NEW.raised_on IS NOT OLD.raised_on OR NEW.member_id IS NOT OLD.member_id "
            "OR NEW.session_id IS NOT OLD.session_id OR NEW.raised_by IS NOT OLD.raised_by "
            "BEGIN SELECT RAISE(ABORT, 'appraisal_objection: answered once, else kept'); END"
        )
    elif dialect == "postgresql":
        for table in APPEND_ONLY:  # orglife_append_only() was created by 0002
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION orglife_append_only()"
            )
        op.execute(
            "CREATE FUNCTION orglife_objection_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN "
            "IF TG_OP = 'DELETE' THEN "
            "RAISE EXCEPTION '%: kept as recorded', TG_TABLE_NAME; END IF; "
            "IF OLD.answered_on IS NOT NULL "
            "OR NEW.content IS DISTINCT FROM OLD.content "
            "OR NEW.raised_on IS DISTINCT FROM OLD.raised_on "
            "OR NEW.member_id IS DISTINCT FROM OLD.member_id "
            "OR NEW.session_id IS DISTINCT FROM OLD.session_id "
            "OR NEW.raised_by IS DISTINCT FROM OLD.raised_by THEN "
            "RAISE EXCEPTION '%: answered once, else kept', TG_TABLE_NAME; END IF; "
            "RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER appraisal_objection_guard BEFORE UPDATE OR DELETE "
            "ON appraisal_objection FOR EACH ROW EXECUTE FUNCTION orglife_objection_guard()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS appraisal_objection_guard ON appraisal_objection")
        op.execute("DROP FUNCTION IF EXISTS orglife_objection_guard()")
    # SQLite drops a table's triggers with it; PostgreSQL too.
    for table in ("commendation", "appraisal_follow_up", "appraisal_correction"):
        op.drop_table(table)
    op.drop_table("appraisal_objection")
