"""Opening a database file (issue 10 §5): a file readable by others is tightened, a file
of another program is refused untouched, a read-only or immutable file opens for reading
and refuses changes with a clear message."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from orglife_tui.data.engine import ReadOnlyDatabase
from orglife_tui.data.errors import DatabaseUnavailable
from orglife_tui.data.store import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def made(tmp_path) -> Path:
    """An orglife database with one branch, closed."""
    path = tmp_path / "branch.db"
    store = Store.open(f"sqlite:///{path}", operator="tester")
    store.resolve_branch("第一党支部")
    store.close()
    return path


def test_a_new_file_is_owner_only_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        Store.open(f"sqlite:///{tmp_path / 'new.db'}", operator="t").close()
    finally:
        os.umask(old)
    assert mode(tmp_path / "new.db") == 0o600


def test_a_looser_file_and_its_wal_are_tightened_with_a_notice(made):
    wal = made.with_name(made.name + "-wal")
    wal.write_bytes(b"")  # an empty WAL, as a crashed writer leaves it
    os.chmod(made, 0o644)
    os.chmod(wal, 0o666)
    store = Store.open(f"sqlite:///{made}", operator="t")
    try:
        assert mode(made) == 0o600
        assert mode(wal) == 0o600
        assert any(f"{made} was readable by others (mode 0644)" in n for n in store.notices)
        assert store.read_only is None
    finally:
        store.close()


def test_an_empty_file_is_taken_as_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    store = Store.open(f"sqlite:///{path}", operator="t")
    try:
        store.resolve_branch("b")
        assert [b.name for b in store.branches()] == ["b"]
    finally:
        store.close()


def _foreign(path: Path, with_alembic: bool = False) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('a letter')")
    if with_alembic:  # another program that also uses Alembic
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        con.execute("INSERT INTO alembic_version VALUES ('0001')")
    con.commit()
    con.close()


@pytest.mark.parametrize("with_alembic", [False, True])
def test_a_sqlite_database_of_another_program_is_refused_and_left_untouched(tmp_path, with_alembic):
    path = tmp_path / "other.db"
    _foreign(path, with_alembic)
    os.chmod(path, 0o644)
    before = digest(path)
    with pytest.raises(DatabaseUnavailable) as info:
        Store.open(f"sqlite:///{path}", operator="t")
    assert "SQLite database of another program" in str(info.value)
    assert digest(path) == before  # not switched to WAL, not migrated, not adopted
    assert mode(path) == 0o644  # not even its mode: it is not ours
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "letter.db"
    path.write_text("Dear comrades,\n" * 200)
    before = digest(path)
    with pytest.raises(DatabaseUnavailable, match="not an orglife-tui database"):
        Store.open(f"sqlite:///{path}", operator="t")
    assert digest(path) == before


def test_a_device_is_not_a_database():
    with pytest.raises(DatabaseUnavailable, match="not an orglife-tui database"):
        Store.open("sqlite:////dev/null", operator="t")


def test_a_postgresql_database_of_another_program_is_refused(fresh_pg_url):
    pg_url = fresh_pg_url
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY, total int)"))
    try:
        with pytest.raises(DatabaseUnavailable, match="another program"):
            Store.open(pg_url, operator="t")
        with engine.connect() as conn:
            tables = set(
                conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname='public'"))
            )
        assert tables == {"invoices"}  # nothing of ours was created
    finally:
        engine.dispose()


def _read_only_checks(path: Path, reason: str) -> None:
    before = digest(path)
    store = Store.open(f"sqlite:///{path}", operator="t")
    try:
        assert store.read_only is not None
        assert any("is read-only" in n and reason in n for n in store.notices)
        assert [b.name for b in store.branches()] == ["第一党支部"]  # reading works
        with pytest.raises(ReadOnlyDatabase, match="The database is read-only"):
            store.create_branch("新支部")
    finally:
        store.close()
    assert digest(path) == before


def test_a_read_only_file_opens_for_reading_and_refuses_changes(made):
    os.chmod(made, 0o400)  # root ignores the bits: the program honours them anyway
    _read_only_checks(made, "the file is not writable")
    assert mode(made) == 0o400  # tightening never makes it writable


def test_a_read_only_folder_opens_the_database_for_reading(made):
    folder = made.parent
    os.chmod(folder, 0o500)
    try:
        _read_only_checks(made, "its folder is not writable")
    finally:
        os.chmod(folder, 0o700)


def test_an_immutable_file_cannot_be_tightened_and_opens_for_reading(made):
    os.chmod(made, 0o644)
    if os.geteuid() != 0 or subprocess.run(["chattr", "+i", str(made)]).returncode != 0:
        pytest.skip("chattr +i needs root and a file system that supports it")
    try:
        before = digest(made)
        store = Store.open(f"sqlite:///{made}", operator="t")
        try:
            assert any("cannot be tightened" in n for n in store.notices)
            assert store.read_only == "db.ro.immutable"
            assert [b.name for b in store.branches()] == ["第一党支部"]
            with pytest.raises(ReadOnlyDatabase):
                store.create_branch("新支部")
        finally:
            store.close()
        assert digest(made) == before
    finally:
        subprocess.run(["chattr", "-i", str(made)], check=True)


def test_a_read_only_database_of_an_older_schema_is_refused_clearly(made):
    con = sqlite3.connect(made)
    con.execute("UPDATE alembic_version SET version_num = '0005'")
    con.commit()
    con.close()
    os.chmod(made, 0o400)
    with pytest.raises(DatabaseUnavailable, match="read-only and not yet set up"):
        Store.open(f"sqlite:///{made}", operator="t")


def test_a_bad_lock_timeout_is_refused_at_open(tmp_path, monkeypatch):
    for value in ("soon", "0", "-3", "nan"):
        monkeypatch.setenv("ORGLIFE_LOCK_TIMEOUT", value)
        with pytest.raises(DatabaseUnavailable, match="ORGLIFE_LOCK_TIMEOUT"):
            Store.open(f"sqlite:///{tmp_path / 'x.db'}", operator="t")
    monkeypatch.setenv("ORGLIFE_LOCK_TIMEOUT", "2.5")
    store = Store.open(f"sqlite:///{tmp_path / 'x.db'}", operator="t")
    assert store.lock_timeout == 2.5
    store.close()
