"""Scheme versions, the append-only points ledger, and a hash chain over the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import hashlib
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY = ("ledger_entry", "audit_log")


def _canonical(value):  # frozen copy of orglife_tui.data.chain.canonical as of this revision
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _link(prev, fields):
    h = hashlib.sha256(prev.encode("ascii"))
    for f in fields:
        text = _canonical(f).encode("utf-8")
        h.update(len(text).to_bytes(4, "big"))
        h.update(text)
    return h.hexdigest()


def upgrade() -> None:
    op.create_table(
        "scheme_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "branch_id",
            sa.Integer(),
            sa.ForeignKey("branch.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.String(50), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("activated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
    )
    op.create_index("ix_scheme_version_branch", "scheme_version", ["branch_id", "id"])
    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "branch_id",
            sa.Integer(),
            sa.ForeignKey("branch.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("member.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("item_code", sa.String(50), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("hours", sa.Float()),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column(
            "reverses_id",
            sa.Integer(),
            sa.ForeignKey("ledger_entry.id", ondelete="RESTRICT"),
            nullable=True,
            unique=True,
        ),
        sa.Column(
            "scheme_version_id",
            sa.Integer(),
            sa.ForeignKey("scheme_version.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_ledger_branch_id", "ledger_entry", ["branch_id", "id"])
    op.create_index("ix_ledger_member_date", "ledger_entry", ["member_id", "entry_date", "id"])
    op.create_index("ix_ledger_branch_date", "ledger_entry", ["branch_id", "entry_date"])
    op.create_index("ix_ledger_meeting", "ledger_entry", ["meeting_id"])

    # The audit log joins the chain: existing rows are hashed in id order, then frozen.
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(64), nullable=True))
    conn = op.get_bind()
    audit = sa.table(
        "audit_log",
        sa.column("id"),
        sa.column("branch_id"),
        sa.column("at"),
        sa.column("operator"),
        sa.column("action"),
        sa.column("detail"),
        sa.column("prev_hash"),
        sa.column("hash"),
    )
    prev = "0" * 64
    rows = conn.execute(
        sa.select(
            audit.c.id,
            audit.c.branch_id,
            audit.c.at,
            audit.c.operator,
            audit.c.action,
            audit.c.detail,
        ).order_by(audit.c.id)
    ).all()
    for r in rows:
        at = r.at
        if isinstance(at, str):  # SQLite hands back text through a lightweight table()
            at = datetime.fromisoformat(at)
        h = _link(prev, (r.branch_id, at, r.operator, r.action, r.detail))
        conn.execute(sa.update(audit).where(audit.c.id == r.id).values(prev_hash=prev, hash=h))
        prev = h

    if conn.dialect.name == "sqlite":
        for table in APPEND_ONLY:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    elif conn.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION orglife_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION orglife_append_only()"
            )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for table in APPEND_ONLY:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    elif conn.dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute("DROP FUNCTION IF EXISTS orglife_append_only()")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
    op.drop_table("ledger_entry")
    op.drop_table("scheme_version")
