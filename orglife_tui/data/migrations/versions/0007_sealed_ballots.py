"""Ballots sealed while the poll is open (issue 10 §1, docs/architecture.md §6).

- ``appraisal_sealed``: one row per cast ballot, its ratings sealed (a PyNaCl sealed box)
  to the session's public key; random key, no ballot order, ``WITHOUT ROWID`` on SQLite.
  The same triggers as the other ballot tables: no UPDATE, INSERT only while the poll is
  open, no DELETE once published.
- ``appraisal_session.tally_public_key``: the session's X25519 public key (hex);
  ``tally_key``: the private key split in two shares, each wrapped under one tally password
  (argon2id + secretbox), as JSON; cleared at close and reset. ``scrub_pending``: the seal
  is committed but the database files are not yet scrubbed of the poll's traces.

Sessions started before this revision have no key: their ballots stay plaintext rating
rows and they close as before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-12
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "appraisal_sealed"


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: SQLite would drop the session's triggers and
    # break those of the ballot tables that name it.
    op.add_column("appraisal_session", sa.Column("tally_public_key", sa.String(64)))
    op.add_column("appraisal_session", sa.Column("tally_key", sa.Text()))
    op.add_column(
        "appraisal_session",
        sa.Column("scrub_pending", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        TABLE,
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("box", sa.LargeBinary(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_appraisal_sealed_session", TABLE, ["session_id"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        state = "(SELECT state FROM appraisal_session WHERE id = {}.session_id)"
        op.execute(
            f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
            f"BEGIN SELECT RAISE(ABORT, '{TABLE}: a cast ballot cannot be changed'); END"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_only_while_open BEFORE INSERT ON {TABLE} "
            f"WHEN {state.format('NEW')} IS NOT 'started' "
            f"BEGIN SELECT RAISE(ABORT, '{TABLE}: the poll is not open'); END"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_no_delete_published BEFORE DELETE ON {TABLE} "
            f"WHEN {state.format('OLD')} = 'published' "
            f"BEGIN SELECT RAISE(ABORT, '{TABLE}: the result is published'); END"
        )
    elif dialect == "postgresql":
        op.execute(  # the guard function of migration 0005
            f"CREATE TRIGGER {TABLE}_guard BEFORE INSERT OR UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION orglife_ballot_guard()"
        )


def downgrade() -> None:
    op.drop_table(TABLE)
    for column in ("scrub_pending", "tally_key", "tally_public_key"):
        op.drop_column("appraisal_session", column)  # SQLite 3.35+: ALTER TABLE DROP COLUMN
