"""A real branch over real years: membership as dated events, voided meetings, the branch's
records start, natural member-number order, party dues and publications that stay put.

- ``member_event``: transfer in/out, conversion, extended probation, away (流动), death,
  removal, each dated; ``member.entered_on``/``left_on``/``left_kind`` are kept from them so
  that "in the branch on D" is one SQL condition.
- ``member.sort_key``: ``domain.natural_key(member_no)`` (frozen copy below), so lists sort
  2 before 10.
- ``meeting.voided_at``/``void_reason``: a meeting recorded by mistake is voided, not deleted.
- ``branch.records_start``: rules judge every period from this day; existing branches get
  their first meeting's date, else the day they were created.
- ``dues_standard``/``dues_payment``: monthly dues and the payments covering months.
- ``publication``: a publicity sheet or an appraisal result with the numbers it showed and
  the heads it was made from; append-only (triggers refuse UPDATE and DELETE).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import datetime as dt
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_DIGITS = re.compile(r"\d+")


def _natural_key(text: str) -> str:  # frozen copy of orglife_tui.domain.natural_key
    folded = unicodedata.normalize("NFKC", text).strip().casefold()

    def pad(m: re.Match[str]) -> str:
        digits = m.group(0).lstrip("0") or "0"
        return f"{len(digits):02d}{digits}"

    return _DIGITS.sub(pad, folded)


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="RESTRICT")


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("branch") as batch:
        batch.add_column(sa.Column("records_start", sa.Date()))
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("entered_on", sa.Date()))
        batch.add_column(sa.Column("left_on", sa.Date()))
        batch.add_column(sa.Column("left_kind", sa.String(20)))
        batch.add_column(sa.Column("sort_key", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("voided_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("void_reason", sa.Text()))
    op.create_index("ix_member_sort", "member", ["branch_id", "sort_key", "member_no"])

    member = sa.table("member", sa.column("id"), sa.column("member_no"), sa.column("sort_key"))
    rows = conn.execute(sa.select(member.c.id, member.c.member_no)).all()
    for i in range(0, len(rows), 500):
        conn.execute(
            sa.update(member)
            .where(member.c.id == sa.bindparam("b_id"))
            .values(sort_key=sa.bindparam("b_key")),
            [{"b_id": r.id, "b_key": _natural_key(r.member_no)} for r in rows[i : i + 500]],
        )
    branch = sa.table(
        "branch", sa.column("id"), sa.column("created_at"), sa.column("records_start")
    )
    meeting = sa.table("meeting", sa.column("branch_id"), sa.column("date"))
    firsts = dict(
        conn.execute(
            sa.select(meeting.c.branch_id, sa.func.min(meeting.c.date)).group_by(
                meeting.c.branch_id
            )
        ).all()
    )
    for b in conn.execute(sa.select(branch.c.id, branch.c.created_at)).all():
        start = firsts.get(b.id)
        if start is None and b.created_at is not None:
            created = b.created_at  # SQLite hands an untyped column back as text
            start = (
                created.date()
                if isinstance(created, dt.datetime)
                else dt.date.fromisoformat(str(created)[:10])
            )
        if start is not None:
            conn.execute(sa.update(branch).where(branch.c.id == b.id).values(records_start=start))

    op.create_table(
        "member_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False, index=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date()),
        sa.Column("place", sa.String(200)),
        sa.Column("reason", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("voided_at", sa.DateTime(timezone=True)),
        sa.Column("void_reason", sa.Text()),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("end_date IS NULL OR end_date >= date", name="ck_member_event_end_date"),
    )
    op.create_table(
        "dues_standard",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False),
        sa.Column("from_month", sa.String(7), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("member_id", "from_month", name="uq_dues_standard"),
        sa.CheckConstraint("amount_fen >= 0", name="ck_dues_standard_amount"),
    )
    op.create_table(
        "dues_payment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer(), _fk("member"), nullable=False, index=True),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("from_month", sa.String(7), nullable=False),
        sa.Column("to_month", sa.String(7), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("voided_at", sa.DateTime(timezone=True)),
        sa.Column("void_reason", sa.Text()),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("to_month >= from_month", name="ck_dues_payment_months"),
        sa.CheckConstraint("amount_fen >= 0", name="ck_dues_payment_amount"),
    )
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("window_start", sa.Date()),
        sa.Column("window_end", sa.Date()),
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), unique=True),
        sa.Column("ledger_head", sa.String(64), nullable=False),
        sa.Column("audit_head", sa.String(64)),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('publicity', 'appraisal')", name="ck_publication_kind"),
    )
    if conn.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER publication_no_{verb.lower()} BEFORE {verb} ON publication "
                "BEGIN SELECT RAISE(ABORT, 'publication is append-only'); END"
            )
    elif conn.dialect.name == "postgresql":
        # orglife_append_only() was created by 0002.
        op.execute(
            "CREATE TRIGGER publication_append_only BEFORE UPDATE OR DELETE ON publication "
            "FOR EACH ROW EXECUTE FUNCTION orglife_append_only()"
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS publication_no_{verb}")
    elif conn.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS publication_append_only ON publication")
    for table in ("publication", "dues_payment", "dues_standard", "member_event"):
        op.drop_table(table)
    op.drop_index("ix_member_sort", "member")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("void_reason")
        batch.drop_column("voided_at")
    with op.batch_alter_table("member") as batch:
        for col in ("sort_key", "left_kind", "left_on", "entered_on"):
            batch.drop_column(col)
    with op.batch_alter_table("branch") as batch:
        batch.drop_column("records_start")
