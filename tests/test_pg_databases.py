"""The reused PostgreSQL test database: each test gets it as the migrated template is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from orglife_tui.data.store import Store
from tests.conftest import _pg_admin_url
from tests.pg_databases import ReusedDatabase


@pytest.fixture
def reused(_pg_template: str) -> Iterator[ReusedDatabase]:
    admin = _pg_admin_url()
    if not admin:
        pytest.skip("PostgreSQL not configured (ORGLIFE_TEST_PG unset)")
    database = ReusedDatabase(admin, _pg_template)
    yield database
    database.drop()


def _scalar(url: str, sql: str) -> object:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def _execute(url: str, sql: str) -> None:
    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _write_a_branch(url: str) -> int:
    store = Store.open(url, operator="tester")
    try:
        return store.resolve_branch("第一党支部").id
    finally:
        store.close()


def test_the_next_test_finds_no_rows_and_sequences_from_the_start(reused: ReusedDatabase):
    url = reused.take()
    first_id = _write_a_branch(url)
    assert _scalar(url, "SELECT count(*) FROM audit_log") > 0

    url = reused.take()
    assert _scalar(url, "SELECT count(*) FROM branch") == 0
    assert _scalar(url, "SELECT count(*) FROM audit_log") == 0
    assert _scalar(url, "SELECT count(*) FROM alembic_version") == 1
    assert _write_a_branch(url) == first_id


def test_append_only_rows_are_removed_too(reused: ReusedDatabase):
    """The guards that refuse a DELETE to the application do not stop the clean-up."""
    url = reused.take()
    _write_a_branch(url)
    with pytest.raises(Exception, match="append-only|not allowed|refused|forbidden"):
        _execute(url, "DELETE FROM audit_log")

    url = reused.take()
    assert _scalar(url, "SELECT count(*) FROM audit_log") == 0


def test_a_changed_schema_gives_a_new_copy_of_the_template(reused: ReusedDatabase):
    url = reused.take()
    triggers = _scalar(url, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")
    _execute(url, "ALTER TABLE ledger_entry DISABLE TRIGGER ALL")
    _execute(url, "CREATE TABLE notes (id int)")

    url = reused.take()
    assert _scalar(url, "SELECT to_regclass('notes') IS NULL") is True
    assert _scalar(url, "SELECT count(*) FROM pg_trigger WHERE tgenabled = 'D'") == 0
    assert _scalar(url, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal") == triggers


def test_a_session_left_open_does_not_stop_the_next_test(reused: ReusedDatabase):
    url = reused.take()
    _write_a_branch(url)
    engine = create_engine(url, poolclass=NullPool)
    held = engine.connect()
    held.execute(text("LOCK TABLE branch IN ACCESS EXCLUSIVE MODE"))  # a transaction left open

    url = reused.take()
    assert _scalar(url, "SELECT count(*) FROM branch") == 0
    engine.dispose()
