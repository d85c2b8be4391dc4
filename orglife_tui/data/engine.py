"""Opening the database: one engine per URL, SQLite tuned as DESIGN.md §5 asks."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from orglife_tui.config import redact_url, sqlite_path
from orglife_tui.data.errors import DatabaseUnavailable

BUSY_TIMEOUT_MS = 10_000


def _create_private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only before SQLite opens it.

    SQLite gives its -wal and -shm files the mode of the main file, so they inherit 0600.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    # The sqlite3 module's own transaction handling would defeat BEGIN IMMEDIATE below.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


WRITE_OPTION = "orglife_write"


def _on_sqlite_begin(conn) -> None:
    # A write transaction takes the lock up front: two secretaries writing at once queue on
    # the busy timeout instead of failing halfway with "database is locked". Reads stay
    # deferred so that an open screen never holds up a writer.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; raises DatabaseUnavailable with a readable reason."""
    path = sqlite_path(url)
    if path is not None:
        if path.is_dir():
            raise DatabaseUnavailable("db_is_directory", path=str(path))
        try:
            _create_private_file(path)
        except OSError as exc:
            raise DatabaseUnavailable(
                "db_cannot_create", path=str(path), reason=exc.strerror or str(exc)
            ) from exc
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
        else:
            connect_args = {"connect_timeout": 5} if url.startswith("postgresql") else {}
            engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except Exception as exc:  # bad URL syntax, missing driver
        raise DatabaseUnavailable("db_bad_url", url=redact_url(url), reason=_reason(exc)) from exc
    check_connection(engine, url)
    return engine


def check_connection(engine: Engine, url: str) -> None:
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                conn.execute(text("SELECT count(*) FROM sqlite_master"))
            else:
                conn.execute(text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        reason = _reason(exc)
        if "not a database" in reason or "encrypted" in reason:
            raise DatabaseUnavailable("db_not_a_database", url=redact_url(url)) from exc
        raise DatabaseUnavailable("db_unreachable", url=redact_url(url), reason=reason) from exc


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()
    return first[0] if first else type(orig).__name__
