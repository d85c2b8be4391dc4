"""An upgrade loses no row: a SQLite batch migration that copies a table (0010 copies
``meeting``) must not cascade the drop of the old copy to the rows that point at it."""

from __future__ import annotations

from datetime import date, datetime, timezone

from alembic import command
from sqlalchemy import text

from orglife_tui.data.engine import make_engine
from orglife_tui.data.migrate import _config
from orglife_tui.data.store import Store


def test_upgrading_a_0009_database_keeps_every_attendance_row(fresh_db_url):
    engine = make_engine(fresh_db_url)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO branch (id, name, created_at) VALUES (1, '第一党支部', :at)"),
            {"at": now},
        )
        conn.execute(
            text(
                "INSERT INTO member (id, branch_id, member_no, name, status) "
                "VALUES (1, 1, '001', '朱海波', 'full')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO meeting (id, branch_id, meeting_no, date, title) "
                "VALUES (1, 1, 'M1', :on, '支部党员大会')"
            ),
            {"on": date(2026, 3, 2)},
        )
        conn.execute(
            text("INSERT INTO attendance (meeting_id, member_id, status) VALUES (1, 1, 'present')")
        )
    engine.dispose()
    with Store.open(fresh_db_url, operator="tester") as store, store.read_connection() as conn:
        assert conn.execute(text("SELECT count(*) FROM attendance")).scalar_one() == 1
