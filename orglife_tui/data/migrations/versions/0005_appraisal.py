"""The democratic appraisal: sessions, roster snapshots, secret ballots, the committee's grades.

docs/architecture.md §6: the voted set (``appraisal_voted``) and the ratings (``appraisal_rating``)
are separate tables with no timestamps, no sequences and no autoincrement ids; ratings and
receipts have random keys; on SQLite the ballot tables are ``WITHOUT ROWID`` so that even
the hidden rowid cannot number the ballots in cast order. Triggers on both databases
refuse any UPDATE of a ballot row, an INSERT unless the session's poll is open
(``started``) and a DELETE once the result is published; the committee's grades and the
session row itself are frozen once published.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BALLOT_TABLES = ("appraisal_rating", "appraisal_voted", "appraisal_receipt")
NO_ROWID = {"sqlite_with_rowid": False}


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="RESTRICT")


def upgrade() -> None:
    op.create_table(
        "appraisal_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("branch_id", sa.Integer(), _fk("branch"), nullable=False, index=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("pin_salt", sa.String(64)),
        sa.Column("pin_hash", sa.String(128)),
        sa.Column("pin_failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("pin_locked_until", sa.DateTime(timezone=True)),
        sa.Column("scheme_version_id", sa.Integer(), _fk("scheme_version"), nullable=True),
        sa.Column("fingerprint", sa.String(64)),
        sa.Column("ballots", sa.Integer()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("published_at", sa.DateTime(timezone=True)),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.CheckConstraint(
            "state IN ('created', 'started', 'finished', 'published')",
            name="ck_appraisal_session_state",
        ),
    )
    for table in ("appraisal_candidate", "appraisal_voter"):
        extra = (
            [sa.Column("status", sa.String(20), nullable=False)]
            + [sa.Column("graded", sa.Boolean(), nullable=False)]
            if table == "appraisal_candidate"
            else []
        )
        op.create_table(
            table,
            sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), primary_key=True),
            sa.Column("member_id", sa.Integer(), _fk("member"), primary_key=True),
            sa.Column("member_no", sa.String(50), nullable=False),
            sa.Column("name", sa.String(100), nullable=False),
            *extra,
        )
    op.create_table(
        "appraisal_voted",
        sa.Column("session_id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), primary_key=True),
        sa.ForeignKeyConstraint(
            ["session_id", "member_id"],
            ["appraisal_voter.session_id", "appraisal_voter.member_id"],
            ondelete="RESTRICT",
        ),
        **NO_ROWID,
    )
    op.create_table(
        "appraisal_rating",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(30)),
        sa.ForeignKeyConstraint(
            ["session_id", "candidate_id"],
            ["appraisal_candidate.session_id", "appraisal_candidate.member_id"],
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "grade IS NULL OR grade IN "
            "('excellent', 'qualified', 'basically_qualified', 'unqualified')",
            name="ck_appraisal_rating_grade",
        ),
        **NO_ROWID,
    )
    op.create_index(
        "ix_appraisal_rating_candidate",
        "appraisal_rating",
        ["session_id", "candidate_id", "grade"],
    )
    op.create_table(
        "appraisal_receipt",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("session_id", sa.Integer(), _fk("appraisal_session"), nullable=False),
        **NO_ROWID,
    )
    op.create_index("ix_appraisal_receipt_session", "appraisal_receipt", ["session_id"])
    op.create_table(
        "appraisal_decision",
        sa.Column("session_id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), primary_key=True),
        sa.Column("proposed", sa.String(30)),
        sa.Column("final", sa.String(30), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id", "member_id"],
            ["appraisal_candidate.session_id", "appraisal_candidate.member_id"],
            ondelete="RESTRICT",
        ),
    )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_triggers()
    elif dialect == "postgresql":
        _postgresql_triggers()


def _state(ref: str) -> str:
    return f"(SELECT state FROM appraisal_session WHERE id = {ref}.session_id)"


def _sqlite_triggers() -> None:
    for table in BALLOT_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table}: a cast ballot cannot be changed'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_only_while_open BEFORE INSERT ON {table} "
            f"WHEN {_state('NEW')} IS NOT 'started' "
            f"BEGIN SELECT RAISE(ABORT, '{table}: the poll is not open'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete_published BEFORE DELETE ON {table} "
            f"WHEN {_state('OLD')} = 'published' "
            f"BEGIN SELECT RAISE(ABORT, '{table}: the result is published'); END"
        )
    for verb, ref in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        op.execute(
            f"CREATE TRIGGER appraisal_decision_{verb.lower()}_published BEFORE {verb} "
            f"ON appraisal_decision WHEN {_state(ref)} = 'published' "
            "BEGIN SELECT RAISE(ABORT, 'appraisal_decision: the result is published'); END"
        )
    op.execute(
        "CREATE TRIGGER appraisal_session_published BEFORE UPDATE ON appraisal_session "
        "WHEN OLD.state = 'published' "
        "BEGIN SELECT RAISE(ABORT, 'appraisal_session: the result is published'); END"
    )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION orglife_ballot_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE st text; "
        "BEGIN "
        "IF TG_OP = 'UPDATE' THEN "
        "RAISE EXCEPTION '%: a cast ballot cannot be changed', TG_TABLE_NAME; END IF; "
        "IF TG_OP = 'INSERT' THEN "
        "SELECT state INTO st FROM appraisal_session WHERE id = NEW.session_id; "
        "IF st IS DISTINCT FROM 'started' THEN "
        "RAISE EXCEPTION '%: the poll is not open', TG_TABLE_NAME; END IF; "
        "RETURN NEW; END IF; "
        "SELECT state INTO st FROM appraisal_session WHERE id = OLD.session_id; "
        "IF st = 'published' THEN "
        "RAISE EXCEPTION '%: the result is published', TG_TABLE_NAME; END IF; "
        "RETURN OLD; END $$"
    )
    for table in BALLOT_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_guard BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION orglife_ballot_guard()"
        )
    op.execute(
        "CREATE FUNCTION orglife_decision_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE st text; "
        "BEGIN "
        "IF TG_OP = 'INSERT' THEN "
        "SELECT state INTO st FROM appraisal_session WHERE id = NEW.session_id; "
        "ELSE SELECT state INTO st FROM appraisal_session WHERE id = OLD.session_id; END IF; "
        "IF st = 'published' THEN "
        "RAISE EXCEPTION '%: the result is published', TG_TABLE_NAME; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        "RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER appraisal_decision_guard BEFORE INSERT OR UPDATE OR DELETE "
        "ON appraisal_decision FOR EACH ROW EXECUTE FUNCTION orglife_decision_guard()"
    )
    op.execute(
        "CREATE FUNCTION orglife_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF OLD.state = 'published' THEN "
        "RAISE EXCEPTION '%: the result is published', TG_TABLE_NAME; END IF; "
        "RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER appraisal_session_guard BEFORE UPDATE ON appraisal_session "
        "FOR EACH ROW EXECUTE FUNCTION orglife_session_guard()"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in BALLOT_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
        op.execute("DROP TRIGGER IF EXISTS appraisal_decision_guard ON appraisal_decision")
        op.execute("DROP TRIGGER IF EXISTS appraisal_session_guard ON appraisal_session")
        for fn in ("orglife_ballot_guard", "orglife_decision_guard", "orglife_session_guard"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
    for table in (
        "appraisal_decision",
        "appraisal_receipt",
        "appraisal_rating",
        "appraisal_voted",
        "appraisal_voter",
        "appraisal_candidate",
        "appraisal_session",
    ):
        op.drop_table(table)  # SQLite drops a table's triggers with it
