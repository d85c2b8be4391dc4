"""The texts of a talk in their own table (issue 13 §2).

PostgreSQL's row-level security hides whole rows. A talk's date, type, form and member
count for coverage and compliance and stay visible to every reader of the branch; its
texts (``CONFIDENTIAL_FIELDS``: content, problems, difficulties, opinions, actions, the
follow-up result) move to ``talk_text``, one row per talk, which a policy can hide.
``talk.follow_up_done`` keeps in ``talk`` the one fact the follow-up reminders read from
those texts: that a result was recorded.

The columns are dropped with ``ALTER TABLE … DROP COLUMN`` (SQLite 3.35 or newer), not by
batch mode: batch mode copies ``talk`` and drops the old table, and with foreign keys on,
dropping it would delete every talker and text row (``ON DELETE CASCADE``) or be refused
for a talk an appraisal follow-up names.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TEXTS = ("content", "problems", "difficulties", "opinions", "actions", "follow_up_result")
_COLUMNS = ", ".join(TEXTS)


def upgrade() -> None:
    op.create_table(
        "talk_text",
        sa.Column(
            "talk_id",
            sa.Integer(),
            sa.ForeignKey("talk.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        *(sa.Column(name, sa.Text()) for name in TEXTS),
    )
    op.add_column(
        "talk",
        sa.Column("follow_up_done", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(f"INSERT INTO talk_text (talk_id, {_COLUMNS}) SELECT id, {_COLUMNS} FROM talk")
    op.execute(
        "UPDATE talk SET follow_up_done = "
        "CASE WHEN follow_up_result IS NULL THEN FALSE ELSE TRUE END"
    )
    for name in TEXTS:
        op.drop_column("talk", name)


def downgrade() -> None:
    for name in TEXTS:
        op.add_column("talk", sa.Column(name, sa.Text()))
    for name in TEXTS:
        op.execute(
            f"UPDATE talk SET {name} = (SELECT t.{name} FROM talk_text t WHERE t.talk_id = talk.id)"
        )
    op.drop_column("talk", "follow_up_done")
    op.drop_table("talk_text")
