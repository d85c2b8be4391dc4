"""Opening the database: one engine per URL, SQLite tuned as docs/architecture.md §5 asks.

Before SQLite touches an existing file (issue 10 §5): a file readable by others is tightened
to its owner (with a notice), a file of another program is refused untouched, and a file
or folder that cannot be written opens read-only. Write transactions wait for another
writer up to the lock timeout, saying so after a second, and end in a clear message.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import QueuePool

from orglife_tui.config import redact_url, sqlite_path
from orglife_tui.data.errors import DatabaseUnavailable, StoreError

# How long a writer waits for another one by default (ORGLIFE_LOCK_TIMEOUT overrides it).
DEFAULT_LOCK_TIMEOUT = 60.0
# A writer that has waited this long says so ("waiting for another writer…").
NOTICE_AFTER = 1.0
# Each attempt at the SQLite write lock waits this long, so that the notice and the
# timeout are the program's to time, not SQLite's busy handler's.
_STEP_MS = 200
_SIDE_FILES = ("-wal", "-shm", "-journal")


class WriteLockTimeout(StoreError):
    """Another writer held the database longer than the lock timeout; nothing was written."""


class ReadOnlyDatabase(StoreError):
    """A write on a database that is open for reading only."""


@dataclass(frozen=True)
class WriteWait:
    """How a write transaction waits for the lock: ``timeout`` seconds, ``on_wait`` called
    once (with the timeout) when the wait passes :data:`NOTICE_AFTER`."""

    timeout: float = DEFAULT_LOCK_TIMEOUT
    on_wait: Callable[[float], None] | None = None


@dataclass
class Opened:
    """An engine and what opening it found: ``read_only`` (the catalog key of the reason,
    None when writable) and one-line ``notices`` for the user (modes tightened, warnings)."""

    engine: Engine
    read_only: str | None = None
    notices: list[str] = field(default_factory=list)


def seconds_text(seconds: float) -> str:
    return f"{seconds:g}"


def lock_timeout_error(seconds: float) -> WriteLockTimeout:
    return WriteLockTimeout("db.lock_timeout", seconds=seconds_text(seconds))


# ---------------------------------------------------------------------------- the file


def _create_private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only before SQLite opens it.

    SQLite gives its -wal and -shm files the mode of the main file, so they inherit 0600.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.fchmod(fd, 0o600)  # whatever the umask
    os.close(fd)


def _tighten(path: Path, notices: list[str]) -> None:
    """Make ``path`` (if it exists) readable by its owner only, saying so, or say why not."""
    from orglife_tui.locale import t

    try:
        st = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISREG(st.st_mode):
        return
    old = stat.S_IMODE(st.st_mode)
    if not old & 0o077:
        return
    new = old & 0o600  # the owner keeps what they had, read-only included
    shown = {"path": str(path), "old": f"{old:04o}"}
    if st.st_uid != os.geteuid() and os.geteuid() != 0:
        notices.append(t("db.cannot_tighten", **shown, reason=t("db.not_owner")))
        return
    try:
        os.chmod(path, new, follow_symlinks=False)
    except OSError as exc:
        notices.append(t("db.cannot_tighten", **shown, reason=exc.strerror or str(exc)))
        return
    notices.append(t("db.tightened", **shown, new=f"{new:04o}"))


def _folder_warning(folder: Path, notices: list[str]) -> None:
    """Others who can write the folder can swap the database file (a sticky /tmp cannot)."""
    from orglife_tui.locale import t

    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return
    if mode & 0o022 and not mode & stat.S_ISVTX:
        notices.append(t("db.folder_open", folder=str(folder), mode=f"{stat.S_IMODE(mode):04o}"))


def _read_only_reason(path: Path) -> str | None:
    """Why the existing file ``path`` cannot be written (a catalog key), or None.

    A file its owner marked read-only (no write bit) is read-only for everyone: root, whom
    the permission bits do not stop, included. ``os.access`` adds what the bits do not
    show: another owner, an immutable file (``chattr +i``), a read-only disk.
    """
    st = os.stat(path)
    if not st.st_mode & stat.S_IWUSR:
        return "db.ro.file_mode"
    if not os.access(path, os.W_OK):
        return "db.ro.file_mode" if os.geteuid() != 0 else "db.ro.immutable"
    folder = path.parent
    # SQLite writes its -wal, -shm and journal files beside the database.
    if not os.stat(folder).st_mode & stat.S_IWUSR or not os.access(folder, os.W_OK):
        return "db.ro.folder"
    return None


def _ro_uri(path: Path, immutable: bool = False) -> str:
    uri = f"file:{quote(str(path))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def _check_is_ours(path: Path, url: str) -> None:
    """Refuse, without writing a byte, a file SQLite cannot read and a database of another
    program: opening it normally would switch it to WAL and migrating would adopt it."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return
    if size == 0:
        return  # a new, empty file: ours to set up
    names: set[str] | None = None
    last: Exception | None = None
    for immutable in (False, True):  # immutable: a folder where not even -shm can be made
        try:
            con = sqlite3.connect(_ro_uri(path, immutable), uri=True)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            names = {r[0] for r in rows}
            break
        except sqlite3.DatabaseError as exc:
            last = exc
            if "not a database" in str(exc) or "encrypted" in str(exc):
                raise DatabaseUnavailable("db_not_a_database", url=redact_url(url)) from None
        finally:
            con.close()
    if names is None:
        raise DatabaseUnavailable("db_unreachable", url=redact_url(url), reason=_reason(last))
    tables = {n for n in names if not n.startswith("sqlite_")}
    if tables and ("alembic_version" not in tables or "branch" not in tables):
        raise DatabaseUnavailable("db.not_orglife", path=str(path))


def _prepare_sqlite(path: Path, url: str) -> tuple[str | None, list[str]]:
    """Everything done to a SQLite file before SQLAlchemy opens it: (read-only reason,
    notices)."""
    notices: list[str] = []
    if path.is_dir():
        raise DatabaseUnavailable("db_is_directory", path=str(path))
    if not os.path.lexists(path):
        try:
            _create_private_file(path)
        except OSError as exc:
            raise DatabaseUnavailable(
                "db_cannot_create", path=str(path), reason=exc.strerror or str(exc)
            ) from exc
        _folder_warning(path.parent, notices)
        return None, notices
    if not path.is_file():  # a device, a pipe: never a database
        raise DatabaseUnavailable("db_not_a_database", url=redact_url(url))
    _check_is_ours(path, url)
    for p in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        _tighten(p, notices)
    _folder_warning(path.parent, notices)
    try:
        reason = _read_only_reason(path)
    except OSError as exc:
        raise DatabaseUnavailable(
            "db_unreachable", url=redact_url(url), reason=exc.strerror or str(exc)
        ) from exc
    if reason is not None:
        from orglife_tui.locale import t

        notices.append(t("db.read_only_opened", path=str(path), reason=t(reason)))
    return reason, notices


# ---------------------------------------------------------------------------- connections


def _on_sqlite_connect(read_only: bool, busy_ms: int, dbapi_connection, _record) -> None:
    # The sqlite3 module's own transaction handling would defeat BEGIN IMMEDIATE below.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {busy_ms}")
    cur.execute("PRAGMA foreign_keys = ON")
    if not read_only:  # a read-only file keeps the mode it has (ours is WAL already)
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


WRITE_OPTION = "orglife_write"


# SQLite's primary result codes; sqlite3 names them (and sets sqlite_errorcode) from 3.11 on.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


def _is_busy(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "database is locked" in str(orig)


def _begin_immediate(conn, wait: WriteWait) -> None:
    """``BEGIN IMMEDIATE`` in short attempts until the lock is ours or ``wait.timeout`` has
    passed; ``wait.on_wait`` hears once that the wait is long."""
    start = time.monotonic()
    told = False
    conn.exec_driver_sql(f"PRAGMA busy_timeout = {_STEP_MS}")
    try:
        while True:
            tried = time.monotonic()
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if not _is_busy(exc):
                    raise
            now = time.monotonic()
            if now - start >= wait.timeout:
                raise lock_timeout_error(wait.timeout)
            if not told and now - start >= NOTICE_AFTER and wait.on_wait is not None:
                told = True
                wait.on_wait(wait.timeout)
            if now - tried < _STEP_MS / 2000:  # busy at once (no busy handler): no spinning
                time.sleep(_STEP_MS / 1000)
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait.timeout * 1000)}")


def _on_sqlite_begin(default: WriteWait, conn) -> None:
    # A write transaction takes the lock up front: two secretaries writing at once queue
    # instead of failing halfway with "database is locked". Reads stay deferred so that an
    # open screen never holds up a writer.
    option = conn.get_execution_options().get(WRITE_OPTION)
    if option:
        _begin_immediate(conn, option if isinstance(option, WriteWait) else default)
    else:
        conn.exec_driver_sql("BEGIN")


def open_engine(url: str, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Opened:
    """An engine for ``url`` and what opening it found; raises DatabaseUnavailable with a
    readable reason."""
    path = sqlite_path(url)
    read_only: str | None = None
    notices: list[str] = []
    if path is not None:
        read_only, notices = _prepare_sqlite(path, url)
    try:
        if url.startswith("sqlite"):
            if read_only is not None and path is not None:
                uri = _ro_uri(path, immutable=_no_side_files(path))
                engine = create_engine(
                    "sqlite://",
                    creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
                    poolclass=QueuePool,  # a file, not the in-memory database "sqlite://" is
                )
            else:
                engine = create_engine(url, connect_args={"check_same_thread": False})
            busy_ms = int(lock_timeout * 1000)
            on_connect = partial(_on_sqlite_connect, read_only is not None, busy_ms)
            event.listen(engine, "connect", on_connect)
            event.listen(engine, "begin", partial(_on_sqlite_begin, WriteWait(lock_timeout)))
        else:
            connect_args = {"connect_timeout": 5} if url.startswith("postgresql") else {}
            engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except Exception as exc:  # bad URL syntax, missing driver
        raise DatabaseUnavailable("db_bad_url", url=redact_url(url), reason=_reason(exc)) from exc
    check_connection(engine, url)
    return Opened(engine, read_only, notices)


def _no_side_files(path: Path) -> bool:
    """A read-only database whose folder cannot take a -shm file is read as immutable:
    nobody can be writing it there (a writer would need the same files)."""
    folder_ro = not os.access(path.parent, os.W_OK)
    shm = path.with_name(path.name + "-shm")
    return folder_ro and not shm.exists()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; raises DatabaseUnavailable with a readable reason."""
    return open_engine(url).engine


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


def _reason(exc: BaseException | None) -> str:
    if exc is None:
        return "?"
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()
    return first[0] if first else type(orig).__name__
