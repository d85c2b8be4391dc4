"""Row-level security on PostgreSQL (issue 13 §2): every table's policies, the functions
they ask, the privileges every role needs to reach the rows they let through.

SQLite has no roles: nothing to do there (the file's mode guards it).

Revision ID: 0015
Revises: 0011
Create Date: 2026-12-06
"""

from alembic import op

from orglife_tui.data import security

revision = "0015"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    security.apply(op.get_bind())


def downgrade() -> None:
    security.remove(op.get_bind())
