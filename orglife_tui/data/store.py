"""The store of a branch database: its connections, its transactions and the audit log.

Every write runs in one transaction (``BEGIN IMMEDIATE`` on SQLite) together with its
audit-log row, so a record and the trace of who changed it land or fail together.

The operations on branches, members, meetings and attendance live in their area modules
(``data.branches``, ``data.members``, ``data.meetings``, ``data.attendance``); ``Store``
keeps them as methods for its many callers. The row types are in ``data.rows`` and are
re-exported here; the tables are the aliases of ``data.models``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from orglife_tui.data import attendance as attendance_ops
from orglife_tui.data import branches as branch_ops
from orglife_tui.data import meetings as meeting_ops
from orglife_tui.data import members as member_ops
from orglife_tui.data.chain import GENESIS, link_hash
from orglife_tui.data.engine import (
    DEFAULT_LOCK_TIMEOUT,
    NOTICE_AFTER,
    WRITE_OPTION,
    ReadOnlyDatabase,
    WriteWait,
    lock_timeout_error,
    open_engine,
)
from orglife_tui.data.errors import (
    DatabaseUnavailable,
    NotPermitted,
)
from orglife_tui.data.migrate import upgrade
from orglife_tui.data.models import audit_t
from orglife_tui.data.rows import (
    AUDIT_CHAIN_LOCK,
    DEFAULT_BRANCH_NAME,
    STANDING_ALL,
    STANDING_ARCHIVED,
    STANDING_CURRENT,
    STANDINGS,
    AttendanceLine,
    BranchInfo,
    BranchSummary,
    MeetingRow,
    MemberRow,
    RowProblems,
    _now,
    audit_fields,
    date_problem,
    live_meeting,
    meeting_values,
    member_values,
    membership_problem,
    month_start,
    records_start_of,
    start_problem,
    voided_problem,
)
from orglife_tui.locale import t

# Inside ``Store.rehearsal()``: every write transaction is rolled back instead of committed.
# A context variable, not a flag on the store: the TUI rehearses an import in a worker
# thread while the screens may write on the same store.
_REHEARSING: ContextVar[bool] = ContextVar("orglife_rehearsing", default=False)


class _Rehearsed(Exception):
    """Raised at the end of a rehearsed write transaction, so that it rolls back."""


# How often a PostgreSQL writer asks again for the audit chain's lock while it waits.
_PG_POLL = 0.1


def _pg_wait_for_writers(conn: Connection, wait: WriteWait) -> None:
    """Take the audit chain's lock (every change appends to the audit chain, so writers
    queue on it anyway) in polls, so that a long wait is told and ends at the timeout; the
    rest of the transaction waits for row locks up to the same timeout."""
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(wait.timeout * 1000)}ms'")
    start = time.monotonic()
    told = False
    while not conn.scalar(select(func.pg_try_advisory_xact_lock(AUDIT_CHAIN_LOCK))):
        waited = time.monotonic() - start
        if waited >= wait.timeout:
            raise lock_timeout_error(wait.timeout)
        if not told and waited >= NOTICE_AFTER and wait.on_wait is not None:
            told = True
            wait.on_wait(wait.timeout)
        time.sleep(_PG_POLL)


def _write_refusal(exc: OperationalError, timeout: float) -> Exception:
    """The StoreError for a write the database refused: a lock not granted in time, a file
    that cannot be written; any other error as it is."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) == "55P03":  # PostgreSQL lock_not_available
        return lock_timeout_error(timeout)
    message = str(orig)
    if "database is locked" in message:
        return lock_timeout_error(timeout)
    if "readonly database" in message or "read-only" in message:
        return ReadOnlyDatabase("db.read_only", reason=t("db.ro.refused"))
    return exc


def privileged(conn: Connection) -> bool:
    """On PostgreSQL: the role owns the tables or is a superuser, so row-level security
    does not restrict it (it acts as the administrator). SQLite has no roles: True."""
    if conn.dialect.name != "postgresql":
        return True
    info = conn.info  # per server connection: its role does not change
    if "orglife_privileged" not in info:
        info["orglife_privileged"] = bool(
            conn.scalar(
                text(
                    "SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'MEMBER') "
                    "FROM pg_roles r, pg_class c "
                    "WHERE r.rolname = current_user AND c.oid = 'branch'::regclass"
                )
            )
        )
    return bool(info["orglife_privileged"])


def audit_head(conn: Connection) -> str:
    """The hash of the newest audit event (``GENESIS`` before any). A role that row-level
    security restricts sees only some events; it asks the database's own function."""
    if privileged(conn):
        newest = conn.scalar(select(audit_t.c.hash).order_by(audit_t.c.id.desc()).limit(1))
    else:
        newest = conn.scalar(text("SELECT orglife_audit_head()"))
    return newest or GENESIS


def _database_login(engine: Engine) -> str | None:
    """The role a restricted PostgreSQL login acts as: its audit traces must name it (the
    database refuses others). None for the owner or a superuser: their login is the OS's."""
    with engine.connect() as conn:
        if privileged(conn):
            return None
        return str(conn.scalar(text("SELECT current_user")))


def _not_permitted(exc: DBAPIError) -> NotPermitted | None:
    """PostgreSQL refused a row or a table to the login's role (row-level security)."""
    if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
        return NotPermitted("db.not_permitted")
    return None


class Store:
    """A branch database. Build one with ``Store.open(url)``; tests pass a temporary URL."""

    def __init__(
        self,
        engine: Engine,
        operator: str,
        today: Callable[[], date] | None = None,
        *,
        read_only: str | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        notices: Sequence[str] = (),
    ) -> None:
        self.engine = engine
        self.operator = operator
        # The clock every "not in the future" check asks: tests and scripts pass their own.
        self.today: Callable[[], date] = today or date.today
        # Why the database cannot be written (a catalog key), None when it can.
        self.read_only = read_only
        # How long a write waits for another writer (seconds), and who hears that it waits:
        # the CLI prints a line on stderr, the TUI shows a notification.
        self.lock_timeout = lock_timeout
        self.on_wait: Callable[[float], None] | None = None
        # What opening found (modes tightened, read-only): one line each, for the user.
        self.notices: list[str] = list(notices)

    @classmethod
    def open(
        cls,
        url: str,
        operator: str | None = None,
        today: Callable[[], date] | None = None,
        lock_timeout: float | None = None,
    ) -> Store:
        from orglife_tui.config import lock_timeout as configured_timeout
        from orglife_tui.config import operator as login_user
        from orglife_tui.config import redact_url, sqlite_path

        if lock_timeout is None:
            try:
                lock_timeout = configured_timeout()
            except ValueError as exc:
                raise DatabaseUnavailable("db.bad_lock_timeout", value=str(exc)) from None
        opened = open_engine(url, lock_timeout)
        path = sqlite_path(url)
        try:
            upgrade(
                opened.engine,
                read_only=opened.read_only is not None,
                where=str(path) if path is not None else redact_url(url),
            )
        except BaseException:
            opened.engine.dispose()
            raise
        if operator is None and opened.engine.dialect.name == "postgresql":
            operator = _database_login(opened.engine)
        return cls(
            opened.engine,
            operator or login_user(),
            today,
            read_only=opened.read_only,
            lock_timeout=lock_timeout,
            notices=opened.notices,
        )

    def close(self) -> None:
        self.engine.dispose()

    @property
    def restricted(self) -> bool:
        """Whether the database's row-level security restricts this login (a PostgreSQL
        role that neither owns the tables nor is a superuser)."""
        if self.engine.dialect.name != "postgresql":
            return False
        with self.engine.connect() as conn:
            return not privileged(conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        """``with Store.open(url) as store:`` closes the store, whatever happened inside."""
        self.close()

    @contextmanager
    def write_transaction(self) -> Iterator[Connection]:
        """One write transaction; it waits for another writer up to ``lock_timeout``
        (telling ``on_wait`` after a second), then takes the write lock: on SQLite at BEGIN
        (IMMEDIATE), on PostgreSQL the audit chain's lock, which every change takes anyway.
        A read-only database and a wait that times out end in a StoreError, nothing written."""
        if self.read_only is not None:
            raise ReadOnlyDatabase("db.read_only", reason=t(self.read_only))
        wait = WriteWait(self.lock_timeout, self.on_wait)
        try:
            with (
                self.engine.connect().execution_options(**{WRITE_OPTION: wait}) as conn,
                conn.begin(),
            ):
                if conn.dialect.name == "postgresql":
                    _pg_wait_for_writers(conn, wait)
                yield conn
                if _REHEARSING.get():
                    raise _Rehearsed
        except _Rehearsed:
            pass  # rolled back by the transaction's context manager
        except OperationalError as exc:
            refusal = _write_refusal(exc, self.lock_timeout)
            if refusal is exc:
                raise
            raise refusal from exc
        except DBAPIError as exc:
            refused = _not_permitted(exc)
            if refused is None:
                raise
            raise refused from exc

    @contextmanager
    def rehearsal(self) -> Iterator[None]:
        """Run writes for what they would do and keep none of them: every write transaction
        begun inside (in this thread) runs its checks and statements as usual, then rolls
        back. An import's dry run (``importing.preview``) is the import itself, rehearsed."""
        token = _REHEARSING.set(True)
        try:
            yield
        finally:
            _REHEARSING.reset(token)

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A connection for reading; its transaction is deferred and blocks no writer."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            refused = _not_permitted(exc)
            if refused is None:
                raise
            raise refused from exc

    def audit(self, conn: Connection, branch_id: int | None, action: str, **detail: object) -> None:
        """Write the trace of a change inside the change's own transaction, chained to the
        previous trace so that a row edited behind the program's back shows in ``verify``."""
        if conn.dialect.name == "postgresql":
            # SQLite's write transactions are already serialized (BEGIN IMMEDIATE).
            conn.execute(select(func.pg_advisory_xact_lock(AUDIT_CHAIN_LOCK)))
        prev = audit_head(conn)
        at = _now()
        text = json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
        conn.execute(
            insert(audit_t).values(
                branch_id=branch_id,
                at=at,
                operator=self.operator,
                action=action,
                detail=text,
                prev_hash=prev,
                hash=link_hash(prev, audit_fields(branch_id, at, self.operator, action, text)),
            )
        )

    def audit_entries(self, branch_id: int | None = None, limit: int = 100) -> list[dict]:
        stmt = select(audit_t).order_by(audit_t.c.id.desc()).limit(limit)
        if branch_id is not None:
            stmt = stmt.where(audit_t.c.branch_id == branch_id)
        with self.read_connection() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

    # The area operations, kept as methods for their many callers: each is the module
    # function itself, called with the store as its first argument.

    # branches: orglife_tui.data.branches
    branches = branch_ops.branches
    create_branch = branch_ops.create_branch
    resolve_branch = branch_ops.resolve_branch
    rename_branch = branch_ops.rename_branch
    records_start = branch_ops.records_start
    set_records_start = branch_ops.set_records_start
    summary = branch_ops.summary

    # members: orglife_tui.data.members
    groups = member_ops.groups
    list_members = member_ops.list_members
    count_members = member_ops.count_members
    get_member = member_ops.get_member
    add_member = member_ops.add_member
    update_member = member_ops.update_member
    add_members = member_ops.add_members

    # meetings: orglife_tui.data.meetings
    list_meetings = meeting_ops.list_meetings
    get_meeting = meeting_ops.get_meeting
    count_meetings = meeting_ops.count_meetings
    get_meeting_by_no = meeting_ops.get_meeting_by_no
    meeting_months = meeting_ops.meeting_months
    add_meetings = meeting_ops.add_meetings
    meeting_date_problems = meeting_ops.meeting_date_problems
    add_meeting = meeting_ops.add_meeting
    update_meeting = meeting_ops.update_meeting
    void_meeting = meeting_ops.void_meeting

    # attendance: orglife_tui.data.attendance
    attendance_sheet = attendance_ops.attendance_sheet
    set_attendance = attendance_ops.set_attendance
    marks_problems = attendance_ops.marks_problems
    import_attendance = attendance_ops.import_attendance


__all__ = [
    "AUDIT_CHAIN_LOCK",
    "AttendanceLine",
    "BranchInfo",
    "BranchSummary",
    "DEFAULT_BRANCH_NAME",
    "IntegrityError",
    "MeetingRow",
    "MemberRow",
    "RowProblems",
    "STANDINGS",
    "STANDING_ALL",
    "STANDING_ARCHIVED",
    "STANDING_CURRENT",
    "Store",
    "audit_fields",
    "date_problem",
    "live_meeting",
    "meeting_values",
    "member_values",
    "membership_problem",
    "month_start",
    "records_start_of",
    "start_problem",
    "voided_problem",
]
