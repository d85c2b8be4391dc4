"""Row-level security on PostgreSQL (issue 13 §2): every table's policies, the functions
they ask, the privileges every role needs to reach the rows they let through.

SQLite has no roles: nothing to do there (the file's mode guards it).
``appraisal_session.opening_ballots``: set by the transaction that closes or resets a poll,
the only one in which the policies show its sealed ballots.

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from orglife_tui.data import security

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: SQLite would drop the session's triggers.
    op.add_column(
        "appraisal_session",
        sa.Column("opening_ballots", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    security.apply(op.get_bind())


def downgrade() -> None:
    security.remove(op.get_bind())
    op.drop_column("appraisal_session", "opening_ballots")  # SQLite 3.35+: DROP COLUMN
