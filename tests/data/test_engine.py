"""Opening databases: SQLite tuned and private, PostgreSQL by URL, clear refusals."""

import os
import stat

import pytest
from sqlalchemy import text

from orglife_tui.data.engine import make_engine
from orglife_tui.data.errors import DatabaseUnavailable
from orglife_tui.data.migrate import current_revision, head_revision
from orglife_tui.data.store import Store


def test_sqlite_file_is_created_private_with_wal_foreign_keys_and_busy_timeout(tmp_path):
    path = tmp_path / "sub" / "branch.db"
    store = Store.open(f"sqlite:///{path}", operator="tester")
    try:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        store.resolve_branch("b")  # a write creates the -wal file
        wal = path.with_name("branch.db-wal")
        if wal.exists():
            assert stat.S_IMODE(os.stat(wal).st_mode) == 0o600
    finally:
        store.close()


def test_migrations_bring_a_fresh_database_to_head_and_are_idempotent(fresh_db_url):
    db_url = fresh_db_url
    first = Store.open(db_url, operator="tester")
    assert current_revision(first.engine) == head_revision()
    first.close()
    second = Store.open(db_url, operator="tester")  # a second start migrates nothing
    assert current_revision(second.engine) == head_revision()
    second.close()


def test_a_file_that_is_not_a_database_is_refused_with_one_clear_line(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("this is a letter, not a database\n" * 100)
    with pytest.raises(DatabaseUnavailable) as info:
        make_engine(f"sqlite:///{junk}")
    assert "not an orglife-tui database" in str(info.value)
    assert junk.read_text().startswith("this is a letter")  # left as it was


def test_an_unreachable_server_is_refused_with_one_clear_line():
    with pytest.raises(DatabaseUnavailable) as info:
        make_engine("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    message = str(info.value)
    assert "Cannot open the database" in message
    assert "secret" not in message  # the password never reaches the screen
    assert "\n" not in message


def test_a_directory_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseUnavailable, match="is a directory"):
        make_engine(f"sqlite:///{tmp_path}")


def test_an_unknown_driver_is_refused():
    with pytest.raises(DatabaseUnavailable, match="not usable"):
        make_engine("nosuchdb://x/y")


def test_the_head_revision_constant_follows_the_migration_scripts():
    from orglife_tui.data.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_a_database_from_a_newer_program_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    Store.open(url, operator="t").close()
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseUnavailable, match="newer orglife-tui"):
        Store.open(url, operator="t")
