"""Per-(member, item, year) ledger totals, kept by a trigger on every ledger insert.

The scoreboard reads these few rows instead of aggregating a year of entries; ``verify``
checks them against the entries. The ledger itself stays append-only, so an insert is
the only way a total changes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger_total",
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("member.id", ondelete="RESTRICT"),
            primary_key=True,
        ),
        sa.Column("item_code", sa.String(50), primary_key=True),
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("reversals", sa.Integer(), nullable=False),
    )
    op.create_index("ix_ledger_total_branch_year", "ledger_total", ["branch_id", "year"])
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        year = "CAST(strftime('%Y', entry_date) AS INTEGER)"
        new_year = "CAST(strftime('%Y', NEW.entry_date) AS INTEGER)"
    else:
        year = "CAST(EXTRACT(YEAR FROM entry_date) AS INTEGER)"
        new_year = "CAST(EXTRACT(YEAR FROM NEW.entry_date) AS INTEGER)"
    op.execute(
        "INSERT INTO ledger_total "
        "(member_id, item_code, year, branch_id, points, entries, reversals) "
        f"SELECT member_id, item_code, {year}, MIN(branch_id), SUM(points), COUNT(*), "
        "COUNT(reverses_id) FROM ledger_entry GROUP BY member_id, item_code, " + year
    )
    upsert = (
        "INSERT INTO ledger_total "
        "(member_id, item_code, year, branch_id, points, entries, reversals) "
        f"VALUES (NEW.member_id, NEW.item_code, {new_year}, NEW.branch_id, NEW.points, 1, "
        "CASE WHEN NEW.reverses_id IS NULL THEN 0 ELSE 1 END) "
        "ON CONFLICT (member_id, item_code, year) DO UPDATE SET "
        "points = ledger_total.points + excluded.points, "
        "entries = ledger_total.entries + 1, "
        "reversals = ledger_total.reversals + excluded.reversals"
    )
    if conn.dialect.name == "sqlite":
        op.execute(
            f"CREATE TRIGGER ledger_entry_total AFTER INSERT ON ledger_entry BEGIN {upsert}; END"
        )
    elif conn.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION orglife_ledger_total() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {upsert}; RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER ledger_entry_total AFTER INSERT ON ledger_entry "
            "FOR EACH ROW EXECUTE FUNCTION orglife_ledger_total()"
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS ledger_entry_total")
    elif conn.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS ledger_entry_total ON ledger_entry")
        op.execute("DROP FUNCTION IF EXISTS orglife_ledger_total()")
    op.drop_table("ledger_total")
