"""Accounts and their roles per branch (issue 13 §1).

- ``account``: a login (the OS/SSH user, on PostgreSQL also its database role);
  ``is_admin`` for the database's administrators (the first user is one).
- ``account_grant``: a role (AccountRole) an account holds in one branch; ``member_id``
  names the roster member the account is (the member role's own records).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("name", sa.String(63), primary_key=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
    )
    op.create_table(
        "account_grant",
        sa.Column(
            "account",
            sa.String(63),
            sa.ForeignKey("account.name", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "branch_id",
            sa.Integer(),
            sa.ForeignKey("branch.id", ondelete="RESTRICT"),
            primary_key=True,
            index=True,
        ),
        sa.Column("role", sa.String(20), primary_key=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="RESTRICT")),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("granted_by", sa.String(100), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("account_grant")
    op.drop_table("account")
