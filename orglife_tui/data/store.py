# Over 600 lines: Store (connections, transactions, audit) plus branch, member and meeting
# operations; the operations are to move to their area modules.
"""The operations on a branch's records: the one place the TUI and the CLI go through.

Every write runs in one transaction (``BEGIN IMMEDIATE`` on SQLite) together with its
audit-log row, so a record and the trace of who changed it land or fail together.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, Engine, and_, case, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

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
    Conflict,
    DatabaseUnavailable,
    NotFound,
    StoreError,
    refuse_unsafe_text,
)
from orglife_tui.data.migrate import upgrade
from orglife_tui.data.models import (
    Attendance,
    AuditLog,
    Branch,
    Meeting,
    MeetingTypeLink,
    Member,
    PartyGroup,
)
from orglife_tui.domain import (
    COMMITTEE_POSTS,
    AttendanceStatus,
    CommitteePost,
    Gender,
    MeetingType,
    MemberStatus,
    attendance_reason,
    natural_key,
)
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput
from orglife_tui.locale import t

branch_t = Branch.__table__
group_t = PartyGroup.__table__
member_t = Member.__table__
meeting_t = Meeting.__table__
mtype_t = MeetingTypeLink.__table__
attendance_t = Attendance.__table__
audit_t = AuditLog.__table__

DEFAULT_BRANCH_NAME = "党支部"
# Which members a listing shows (``Store.list_members(standing=...)``).
STANDING_CURRENT = "current"  # in the branch today
STANDING_ARCHIVED = "archived"  # departed (历史党员)
STANDING_ALL = "all"
STANDINGS = (STANDING_CURRENT, STANDING_ARCHIVED, STANDING_ALL)
# pg_advisory_xact_lock key serializing appends to the audit chain on PostgreSQL.
AUDIT_CHAIN_LOCK = 0x0A0D17


def audit_fields(
    branch_id: int | None, at: datetime, operator: str, action: str, detail: str
) -> tuple[object, ...]:
    """The audit-log fields the chain hashes, in order (id excluded: not known before insert)."""
    return (branch_id, at, operator, action, detail)


@dataclass(frozen=True)
class BranchInfo:
    id: int
    name: str


@dataclass(frozen=True)
class MemberRow:
    id: int
    member_no: str
    name: str
    status: MemberStatus
    gender: Gender | None
    birth_date: date | None
    join_date: date | None
    full_date: date | None
    group: str | None
    post: CommitteePost | None
    phone: str | None
    dues_paid_until: str | None
    # Derived from the member's events (data/membership.py): in the branch from
    # ``entered_on`` (None: from the start) until ``left_on`` (None: still here).
    entered_on: date | None = None
    left_on: date | None = None
    left_kind: str | None = None  # the departure's MemberEventKind value

    def as_input(self) -> MemberInput:
        return MemberInput(
            member_no=self.member_no,
            name=self.name,
            status=self.status,
            gender=self.gender,
            birth_date=self.birth_date,
            join_date=self.join_date,
            full_date=self.full_date,
            group=self.group,
            post=self.post,
            phone=self.phone,
            dues_paid_until=self.dues_paid_until,
        )


@dataclass(frozen=True)
class MeetingRow:
    id: int
    meeting_no: str
    date: date
    types: tuple[MeetingType, ...]
    title: str
    group: str | None
    place: str | None
    host: str | None
    recorder: str | None
    lecturer: str | None
    minutes: str | None
    present: int = 0
    leave: int = 0
    absent: int = 0
    # A meeting recorded by mistake is voided, never deleted: when and why.
    voided_at: datetime | None = None
    void_reason: str | None = None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def as_input(self) -> MeetingInput:
        return MeetingInput(
            date=self.date,
            types=self.types,
            title=self.title,
            meeting_no=self.meeting_no,
            group=self.group,
            place=self.place,
            host=self.host,
            recorder=self.recorder,
            lecturer=self.lecturer,
            minutes=self.minutes,
        )


@dataclass(frozen=True)
class AttendanceLine:
    member_id: int
    member_no: str
    name: str
    group: str | None
    member_status: MemberStatus
    status: AttendanceStatus | None  # None: not yet marked
    reason: str | None
    # away (流动党员) on the meeting's date: listed so that a mark can still be kept, but not
    # expected; an absence while away is not counted against the member (compliance)
    away: bool = False


@dataclass(frozen=True)
class BranchSummary:
    branch: BranchInfo
    full_members: int
    probationary_members: int
    groups: int
    meetings_this_month: list[MeetingRow]
    meetings_this_year: int


def _now() -> datetime:
    return datetime.now(timezone.utc)


def month_start(d: date) -> date:
    return d.replace(day=1)


def live_meeting():
    """The condition every query on meetings carries: a voided meeting counts nowhere."""
    return meeting_t.c.voided_at.is_(None)


def records_start_of(conn: Connection, branch_id: int) -> date | None:
    """The first day the branch's records cover (``branch.records_start``)."""
    return conn.scalar(select(branch_t.c.records_start).where(branch_t.c.id == branch_id))


def date_problem(
    on: date, today: date, start: date | None, future_key: str
) -> tuple[str, dict[str, str]] | None:
    """Why a record dated ``on`` cannot be: after today (``future_key``) or before the
    branch's records start. None when the date is possible."""
    if on > today:
        return future_key, {"date": on.isoformat(), "today": today.isoformat()}
    return start_problem(on, start)


def start_problem(on: date, start: date | None) -> tuple[str, dict[str, str]] | None:
    """A record dated ``on`` before the branch's records ``start`` (None: it is not)."""
    if start is not None and on < start:
        return "corrections.before_start", {
            "date": on.isoformat(),
            "start": start.isoformat(),
            "month": month_start(on).isoformat(),
        }
    return None


def membership_problem(member, on: date) -> tuple[str, dict[str, str]] | None:
    """Why nothing can be recorded for ``member`` (a row with member_no, name, join_date,
    entered_on, left_on) on ``on``: before joining the Party, before coming into the branch,
    or on/after leaving it. None when the member was in the branch that day."""
    who = {"member_no": member.member_no, "name": member.name, "date": on.isoformat()}
    if member.join_date is not None and on < member.join_date:
        return "corrections.member_not_joined", {**who, "joined": member.join_date.isoformat()}
    if member.entered_on is not None and on < member.entered_on:
        return "corrections.member_not_entered", {**who, "entered": member.entered_on.isoformat()}
    if member.left_on is not None and on >= member.left_on:
        return "corrections.member_left", {**who, "left": member.left_on.isoformat()}
    return None


def voided_problem(meeting) -> tuple[str, dict[str, str]]:
    """The refusal of any change to a voided meeting (a row with meeting_no, voided_at,
    void_reason)."""
    return "corrections.meeting_voided", {
        "meeting_no": meeting.meeting_no,
        "on": meeting.voided_at.date().isoformat() if meeting.voided_at else "",
        "reason": meeting.void_reason or "",
    }


def _opt_enum(kind, value):
    return None if value is None else kind(value)


def member_values(m: MemberInput, group_ids: dict[str, int]) -> dict[str, object]:
    """The member table's columns for a record (enums as their keys, group by id)."""
    return {
        "member_no": m.member_no,
        "name": m.name,
        "status": m.status.value,
        "gender": m.gender.value if m.gender else None,
        "birth_date": m.birth_date,
        "join_date": m.join_date,
        "full_date": m.full_date,
        "group_id": group_ids[m.group] if m.group else None,
        "post": m.post.value if m.post else None,
        "phone": m.phone,
        "dues_paid_until": m.dues_paid_until,
        "sort_key": natural_key(m.member_no),
    }


def meeting_values(
    m: MeetingInput, group_ids: dict[str, int], meeting_no: str
) -> dict[str, object]:
    """The meeting table's columns for a record numbered ``meeting_no``."""
    return {
        "meeting_no": meeting_no,
        "date": m.date,
        "title": m.title,
        "group_id": group_ids[m.group] if m.group else None,
        "place": m.place,
        "host": m.host,
        "recorder": m.recorder,
        "lecturer": m.lecturer,
        "minutes": m.minutes,
    }


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

    # ------------------------------------------------------------------ transactions

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
        except OperationalError as exc:
            refusal = _write_refusal(exc, self.lock_timeout)
            if refusal is exc:
                raise
            raise refusal from exc

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A connection for reading; its transaction is deferred and blocks no writer."""
        with self.engine.connect() as conn:
            yield conn

    def audit(self, conn: Connection, branch_id: int | None, action: str, **detail: object) -> None:
        """Write the trace of a change inside the change's own transaction, chained to the
        previous trace so that a row edited behind the program's back shows in ``verify``."""
        if conn.dialect.name == "postgresql":
            # SQLite's write transactions are already serialized (BEGIN IMMEDIATE).
            conn.execute(select(func.pg_advisory_xact_lock(AUDIT_CHAIN_LOCK)))
        prev = conn.scalar(select(audit_t.c.hash).order_by(audit_t.c.id.desc()).limit(1))
        prev = prev or GENESIS
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

    # ------------------------------------------------------------------ branches

    def branches(self) -> list[BranchInfo]:
        with self.read_connection() as conn:
            rows = conn.execute(select(branch_t.c.id, branch_t.c.name).order_by(branch_t.c.name))
            return [BranchInfo(r.id, r.name) for r in rows]

    def create_branch(self, name: str) -> BranchInfo:
        name = name.strip()
        if not name:
            raise StoreError("branch_name_empty")
        refuse_unsafe_text("field.branch", name)
        with self.write_transaction() as conn:
            if conn.scalar(select(branch_t.c.id).where(branch_t.c.name == name)) is not None:
                raise Conflict("branch_exists", name=name)
            branch_id = conn.execute(
                insert(branch_t).values(
                    name=name, created_at=_now(), records_start=self.today().replace(day=1)
                )
            ).inserted_primary_key[0]
            self.audit(conn, branch_id, "branch.create", name=name)
        return BranchInfo(branch_id, name)

    def resolve_branch(
        self, name: str | None, default_name: str = DEFAULT_BRANCH_NAME
    ) -> BranchInfo:
        """The branch a command works on (``--branch`` may be left out while one exists).

        On an empty database the branch is created, named ``name`` or ``default_name``.
        """
        branches = self.branches()
        if not branches:
            try:
                return self.create_branch(name or default_name)
            except Conflict:  # another process created it a moment ago
                return self.resolve_branch(name, default_name)
        if name:
            for b in branches:
                if b.name == name:
                    return b
            raise NotFound("branch_not_found", name=name, known="、".join(b.name for b in branches))
        if len(branches) == 1:
            return branches[0]
        raise StoreError("branch_ambiguous", known="、".join(b.name for b in branches))

    def rename_branch(self, branch_id: int, new_name: str) -> BranchInfo:
        new_name = new_name.strip()
        if not new_name:
            raise StoreError("branch_name_empty")
        refuse_unsafe_text("field.branch", new_name)
        with self.write_transaction() as conn:
            old = conn.scalar(select(branch_t.c.name).where(branch_t.c.id == branch_id))
            if old is None:
                raise NotFound("branch_not_found", name=str(branch_id), known="")
            clash = conn.scalar(
                select(branch_t.c.id).where(branch_t.c.name == new_name, branch_t.c.id != branch_id)
            )
            if clash is not None:
                raise Conflict("branch_exists", name=new_name)
            conn.execute(update(branch_t).where(branch_t.c.id == branch_id).values(name=new_name))
            self.audit(conn, branch_id, "branch.rename", old=old, new=new_name)
        return BranchInfo(branch_id, new_name)

    def records_start(self, branch_id: int) -> date | None:
        """The first day the branch's records cover: every period from it on is judged."""
        with self.read_connection() as conn:
            if conn.scalar(select(branch_t.c.id).where(branch_t.c.id == branch_id)) is None:
                raise NotFound("branch_not_found", name=str(branch_id), known="")
            return records_start_of(conn, branch_id)

    def set_records_start(self, branch_id: int, start: date) -> date:
        """Move the branch's records start (audited). Refused after today, and later than
        the branch's earliest record (a meeting, a talk, a points entry booked by hand):
        a record before the start would fall outside every judged period."""
        from orglife_tui.data.models import LedgerEntry, Talk

        today = self.today()
        if start > today:
            raise StoreError(
                "corrections.start_in_future", date=start.isoformat(), today=today.isoformat()
            )
        talk_t = Talk.__table__
        ledger_t = LedgerEntry.__table__
        with self.write_transaction() as conn:
            old = conn.execute(
                select(branch_t.c.id, branch_t.c.records_start).where(branch_t.c.id == branch_id)
            ).first()
            if old is None:
                raise NotFound("branch_not_found", name=str(branch_id), known="")
            reversed_ = ledger_t.alias("rev")
            firsts = [
                conn.scalar(
                    select(func.min(meeting_t.c.date)).where(
                        meeting_t.c.branch_id == branch_id, live_meeting()
                    )
                ),
                conn.scalar(select(func.min(talk_t.c.date)).where(talk_t.c.branch_id == branch_id)),
                conn.scalar(
                    select(func.min(ledger_t.c.entry_date)).where(
                        ledger_t.c.branch_id == branch_id,
                        ledger_t.c.source == "manual",
                        ledger_t.c.reverses_id.is_(None),
                        ~select(reversed_.c.id)
                        .where(reversed_.c.reverses_id == ledger_t.c.id)
                        .exists(),
                    )
                ),
            ]
            known = [d for d in firsts if d is not None]
            if known and start > min(known):
                first = min(known)
                raise StoreError(
                    "corrections.start_after_records",
                    date=start.isoformat(),
                    first=first.isoformat(),
                )
            if old.records_start != start:
                conn.execute(
                    update(branch_t).where(branch_t.c.id == branch_id).values(records_start=start)
                )
                self.audit(
                    conn,
                    branch_id,
                    "branch.records_start",
                    old=old.records_start.isoformat() if old.records_start else None,
                    new=start.isoformat(),
                )
        return start

    # ------------------------------------------------------------------ groups

    def groups(self, branch_id: int) -> list[str]:
        """The branch's party groups in the order they were set up (第一, 第二, 第三 …)."""
        with self.read_connection() as conn:
            return list(
                conn.scalars(
                    select(group_t.c.name)
                    .where(group_t.c.branch_id == branch_id)
                    .order_by(group_t.c.id)
                )
            )

    def _group_ids(
        self, conn: Connection, branch_id: int, names: Iterable[str | None]
    ) -> dict[str, int]:
        """Ids of the named groups, creating the missing ones in the same transaction."""
        wanted = {n for n in names if n}
        existing = {
            r.name: r.id
            for r in conn.execute(
                select(group_t.c.id, group_t.c.name).where(group_t.c.branch_id == branch_id)
            )
        }
        missing = sorted(wanted - existing.keys())
        if missing:
            conn.execute(insert(group_t), [{"branch_id": branch_id, "name": n} for n in missing])
            self.audit(conn, branch_id, "group.create", names=missing)
            existing = {
                r.name: r.id
                for r in conn.execute(
                    select(group_t.c.id, group_t.c.name).where(group_t.c.branch_id == branch_id)
                )
            }
        return existing

    # ------------------------------------------------------------------ members

    def _member_select(self):
        return (
            select(
                member_t.c.id,
                member_t.c.member_no,
                member_t.c.name,
                member_t.c.status,
                member_t.c.gender,
                member_t.c.birth_date,
                member_t.c.join_date,
                member_t.c.full_date,
                group_t.c.name.label("group_name"),
                member_t.c.post,
                member_t.c.phone,
                member_t.c.dues_paid_until,
                member_t.c.entered_on,
                member_t.c.left_on,
                member_t.c.left_kind,
            )
            .select_from(member_t)
            .outerjoin(group_t, group_t.c.id == member_t.c.group_id)
        )

    @staticmethod
    def _member_row(r) -> MemberRow:
        return MemberRow(
            id=r.id,
            member_no=r.member_no,
            name=r.name,
            status=MemberStatus(r.status),
            gender=_opt_enum(Gender, r.gender),
            birth_date=r.birth_date,
            join_date=r.join_date,
            full_date=r.full_date,
            group=r.group_name,
            post=_opt_enum(CommitteePost, r.post),
            phone=r.phone,
            dues_paid_until=r.dues_paid_until,
            entered_on=r.entered_on,
            left_on=r.left_on,
            left_kind=r.left_kind,
        )

    def _member_filter(
        self,
        branch_id: int,
        search: str | None,
        status: MemberStatus | None,
        group: str | None,
        standing: str = STANDING_ALL,
    ):
        from orglife_tui.data.membership import in_branch_on

        cond = [member_t.c.branch_id == branch_id]
        if standing == STANDING_CURRENT:
            cond.append(in_branch_on(self.today()))
        elif standing == STANDING_ARCHIVED:  # 历史党员: departed by today
            cond.append(and_(member_t.c.left_on.is_not(None), member_t.c.left_on <= self.today()))
        elif standing != STANDING_ALL:
            raise ValueError(f"unknown standing {standing!r}")
        if search:
            # Literal: a % or _ typed in the search box matches itself, not "anything".
            term = search.strip()
            cond.append(
                or_(
                    member_t.c.name.contains(term, autoescape=True),
                    member_t.c.member_no.contains(term, autoescape=True),
                    member_t.c.phone.contains(term, autoescape=True),
                )
            )
        if status is not None:
            cond.append(member_t.c.status == status.value)
        if group:
            cond.append(group_t.c.name == group)
        return and_(*cond)

    def list_members(
        self,
        branch_id: int,
        search: str | None = None,
        status: MemberStatus | None = None,
        group: str | None = None,
        offset: int = 0,
        limit: int | None = None,
        standing: str = STANDING_ALL,
    ) -> list[MemberRow]:
        """Members in natural number order; ``standing`` keeps those in the branch today
        (``current``), those who have left (``archived``, 历史党员) or everyone (``all``)."""
        stmt = (
            self._member_select()
            .where(self._member_filter(branch_id, search, status, group, standing))
            .order_by(member_t.c.sort_key, member_t.c.member_no)
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.read_connection() as conn:
            return [self._member_row(r) for r in conn.execute(stmt)]

    def count_members(
        self,
        branch_id: int,
        search: str | None = None,
        status: MemberStatus | None = None,
        group: str | None = None,
        standing: str = STANDING_ALL,
    ) -> int:
        stmt = (
            select(func.count())
            .select_from(member_t)
            .outerjoin(group_t, group_t.c.id == member_t.c.group_id)
            .where(self._member_filter(branch_id, search, status, group, standing))
        )
        with self.read_connection() as conn:
            return conn.scalar(stmt) or 0

    def get_member(self, branch_id: int, member_no: str) -> MemberRow:
        with self.read_connection() as conn:
            r = conn.execute(
                self._member_select().where(
                    member_t.c.branch_id == branch_id, member_t.c.member_no == member_no
                )
            ).first()
        if r is None:
            raise NotFound("member_not_found", member_no=member_no)
        return self._member_row(r)

    def add_member(self, branch_id: int, m: MemberInput) -> MemberRow:
        try:
            self.add_members(branch_id, [m])
        except RowProblems as exc:
            _, key, params = exc.problems[0]
            raise Conflict(key, **params) from None
        return self.get_member(branch_id, m.member_no)

    def update_member(self, branch_id: int, member_id: int, m: MemberInput) -> MemberRow:
        with self.write_transaction() as conn:
            old = conn.execute(
                select(member_t).where(
                    member_t.c.id == member_id, member_t.c.branch_id == branch_id
                )
            ).first()
            if old is None:
                raise NotFound("member_not_found", member_no=m.member_no)
            clash = conn.scalar(
                select(member_t.c.id).where(
                    member_t.c.branch_id == branch_id,
                    member_t.c.member_no == m.member_no,
                    member_t.c.id != member_id,
                )
            )
            if clash is not None:
                raise Conflict("member_no_taken", member_no=m.member_no)
            values = member_values(m, self._group_ids(conn, branch_id, [m.group]))
            changed = {
                k: {"old": getattr(old, k), "new": v}
                for k, v in values.items()
                if getattr(old, k) != v
            }
            if changed:
                conn.execute(update(member_t).where(member_t.c.id == member_id).values(**values))
                self.audit(conn, branch_id, "member.update", member_no=m.member_no, changes=changed)
        return self.get_member(branch_id, m.member_no)

    def add_members(
        self,
        branch_id: int,
        members: Sequence[MemberInput],
        update_existing: bool = False,
        source: str | None = None,
    ) -> tuple[int, int]:
        """Insert (and with ``update_existing`` update) members in one transaction.

        Returns (added, updated). A member number already in the branch is refused unless
        ``update_existing``; nothing is written when anything is refused.
        """
        problems: list[tuple[int, str, dict[str, str]]] = []
        seen: set[str] = set()
        for i, m in enumerate(members):
            if m.member_no in seen:
                problems.append((i, "member_no_duplicate", {"member_no": m.member_no}))
            seen.add(m.member_no)
        with self.write_transaction() as conn:
            existing = {
                r.member_no: r.id
                for r in conn.execute(
                    select(member_t.c.id, member_t.c.member_no).where(
                        member_t.c.branch_id == branch_id
                    )
                )
            }
            if not update_existing:
                problems += [
                    (i, "member_no_taken", {"member_no": m.member_no})
                    for i, m in enumerate(members)
                    if m.member_no in existing
                ]
            if problems:
                raise RowProblems(sorted(problems, key=lambda p: p[0]))
            group_ids = self._group_ids(conn, branch_id, [m.group for m in members])
            new_rows = [
                {"branch_id": branch_id, **member_values(m, group_ids)}
                for m in members
                if m.member_no not in existing
            ]
            if new_rows:
                conn.execute(insert(member_t), new_rows)
            updated = 0
            changes: list[dict[str, object]] = []  # old and new values of what changed
            for m in members:
                if m.member_no in existing:
                    values = member_values(m, group_ids)
                    old = conn.execute(
                        select(member_t).where(member_t.c.id == existing[m.member_no])
                    ).first()
                    changed = {
                        k: {"old": getattr(old, k), "new": v}
                        for k, v in values.items()
                        if getattr(old, k) != v
                    }
                    conn.execute(
                        update(member_t)
                        .where(member_t.c.id == existing[m.member_no])
                        .values(**values)
                    )
                    updated += 1
                    if changed:
                        changes.append({"member_no": m.member_no, "changes": changed})
            if len(members) == 1 and not updated and source is None:
                self.audit(
                    conn,
                    branch_id,
                    "member.add",
                    member_no=members[0].member_no,
                    name=members[0].name,
                )
            elif members:
                self.audit(
                    conn,
                    branch_id,
                    "member.import",
                    added=len(new_rows),
                    updated=updated,
                    source=source,
                    **({"changes": changes} if changes else {}),
                )
        return len(new_rows), updated

    # ------------------------------------------------------------------ meetings

    def _meeting_rows(self, conn: Connection, where) -> list[MeetingRow]:
        counts = (
            select(
                attendance_t.c.meeting_id,
                func.sum(case((attendance_t.c.status == "present", 1), else_=0)).label("p"),
                func.sum(case((attendance_t.c.status == "leave", 1), else_=0)).label("l"),
                func.sum(case((attendance_t.c.status == "absent", 1), else_=0)).label("a"),
            )
            .group_by(attendance_t.c.meeting_id)
            .subquery()
        )
        stmt = (
            select(
                meeting_t,
                group_t.c.name.label("group_name"),
                func.coalesce(counts.c.p, 0).label("p"),
                func.coalesce(counts.c.l, 0).label("l"),
                func.coalesce(counts.c.a, 0).label("a"),
            )
            .select_from(meeting_t)
            .outerjoin(group_t, group_t.c.id == meeting_t.c.group_id)
            .outerjoin(counts, counts.c.meeting_id == meeting_t.c.id)
            .where(where)
            .order_by(meeting_t.c.date, meeting_t.c.meeting_no)
        )
        rows = conn.execute(stmt).all()
        ids = [r.id for r in rows]
        types: dict[int, list[MeetingType]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            for link in conn.execute(
                select(mtype_t.c.meeting_id, mtype_t.c.type).where(mtype_t.c.meeting_id.in_(chunk))
            ):
                types[link.meeting_id].append(MeetingType(link.type))
        order = list(MeetingType)
        return [
            MeetingRow(
                id=r.id,
                meeting_no=r.meeting_no,
                date=r.date,
                types=tuple(sorted(types[r.id], key=order.index)),
                title=r.title,
                group=r.group_name,
                place=r.place,
                host=r.host,
                recorder=r.recorder,
                lecturer=r.lecturer,
                minutes=r.minutes,
                present=int(r.p),
                leave=int(r.l),
                absent=int(r.a),
                voided_at=r.voided_at,
                void_reason=r.void_reason,
            )
            for r in rows
        ]

    def list_meetings(
        self,
        branch_id: int,
        start: date | None = None,
        end: date | None = None,
        meeting_type: MeetingType | None = None,
        voided: bool | None = False,
    ) -> list[MeetingRow]:
        """Meetings dated in [start, end], oldest first: the live ones (``voided=False``),
        the voided ones (``True``) or both (``None``)."""
        cond = [meeting_t.c.branch_id == branch_id]
        if voided is not None:
            cond.append(meeting_t.c.voided_at.is_not(None) if voided else live_meeting())
        if start is not None:
            cond.append(meeting_t.c.date >= start)
        if end is not None:
            cond.append(meeting_t.c.date <= end)
        if meeting_type is not None:
            cond.append(
                meeting_t.c.id.in_(
                    select(mtype_t.c.meeting_id).where(mtype_t.c.type == meeting_type.value)
                )
            )
        with self.read_connection() as conn:
            return self._meeting_rows(conn, and_(*cond))

    def get_meeting(self, branch_id: int, meeting_id: int) -> MeetingRow:
        with self.read_connection() as conn:
            rows = self._meeting_rows(
                conn, and_(meeting_t.c.branch_id == branch_id, meeting_t.c.id == meeting_id)
            )
        if not rows:
            raise NotFound("meeting_not_found", meeting_no=str(meeting_id))
        return rows[0]

    def count_meetings(self, branch_id: int, voided: bool = False) -> int:
        """How many meetings the branch has recorded (live ones, or voided ones)."""
        cond = meeting_t.c.voided_at.is_not(None) if voided else live_meeting()
        with self.read_connection() as conn:
            return int(
                conn.scalar(
                    select(func.count())
                    .select_from(meeting_t)
                    .where(meeting_t.c.branch_id == branch_id, cond)
                )
                or 0
            )

    def get_meeting_by_no(self, branch_id: int, meeting_no: str) -> MeetingRow:
        """The meeting numbered ``meeting_no`` (voided or not)."""
        number = (meeting_no or "").strip()
        with self.read_connection() as conn:
            rows = self._meeting_rows(
                conn, and_(meeting_t.c.branch_id == branch_id, meeting_t.c.meeting_no == number)
            )
        if not rows:
            raise NotFound("meeting_not_found", meeting_no=number)
        return rows[0]

    def meeting_months(self, branch_id: int) -> list[str]:
        """The months (YYYY-MM) that have meetings, newest first."""
        with self.read_connection() as conn:
            dates = conn.scalars(
                select(meeting_t.c.date)
                .where(meeting_t.c.branch_id == branch_id, live_meeting())
                .distinct()
            )
            return sorted({d.strftime("%Y-%m") for d in dates}, reverse=True)

    @staticmethod
    def _next_numbers(conn: Connection, branch_id: int, years: Iterable[int]) -> dict[int, int]:
        """The next free running number per year for meetings numbered ``YYYY-NNN``."""
        out: dict[int, int] = {}
        for year in set(years):
            prefix = f"{year}-"
            nos = conn.scalars(
                select(meeting_t.c.meeting_no).where(
                    meeting_t.c.branch_id == branch_id,
                    meeting_t.c.meeting_no.startswith(prefix, autoescape=True),
                )
            )
            highest = 0
            for no in nos:
                tail = no[len(prefix) :]
                if tail.isdigit():
                    highest = max(highest, int(tail))
            out[year] = highest + 1
        return out

    def add_meetings(
        self, branch_id: int, meetings: Sequence[MeetingInput], source: str | None = None
    ) -> list[str]:
        """Insert meetings in one transaction; returns their numbers (assigned where missing).

        A meeting dated after today is refused (a planned meeting belongs in the plan), and
        so is one before the branch's records start, except into a branch without meetings:
        there the records start moves back to the first day of the earliest meeting's month,
        so that a branch's history can be imported (or typed in) when it starts.
        """
        given = [m.meeting_no for m in meetings if m.meeting_no]
        problems: list[tuple[int, str, dict[str, str]]] = []
        seen: set[str] = set()
        for i, m in enumerate(meetings):
            if m.meeting_no and m.meeting_no in seen:
                problems.append((i, "meeting_no_duplicate", {"meeting_no": m.meeting_no}))
            if m.meeting_no:
                seen.add(m.meeting_no)
        with self.write_transaction() as conn:
            known_groups = set(
                conn.scalars(select(group_t.c.name).where(group_t.c.branch_id == branch_id))
            )
            # A meeting names an existing group; a typo must not quietly found a new one.
            problems += [
                (i, "group_not_found", {"group": m.group})
                for i, m in enumerate(meetings)
                if m.group and m.group not in known_groups
            ]
            taken = set(self._meeting_ids(conn, branch_id, sorted(seen)))
            problems += [
                (i, "meeting_no_taken", {"meeting_no": m.meeting_no})
                for i, m in enumerate(meetings)
                if m.meeting_no in taken
            ]
            start = records_start_of(conn, branch_id)
            new_start = self._start_for_meetings(conn, branch_id, start, meetings)
            problems += self._meeting_date_problems(meetings, new_start)
            if problems:
                raise RowProblems(sorted(problems, key=lambda p: p[0]))
            if new_start != start:
                conn.execute(
                    update(branch_t)
                    .where(branch_t.c.id == branch_id)
                    .values(records_start=new_start)
                )
                self.audit(
                    conn,
                    branch_id,
                    "branch.records_start",
                    old=start.isoformat() if start else None,
                    new=new_start.isoformat() if new_start else None,
                    why="first_meetings",
                )
            group_ids = self._group_ids(conn, branch_id, [m.group for m in meetings])
            counters = self._next_numbers(
                conn, branch_id, [m.date.year for m in meetings if not m.meeting_no]
            )
            numbers: list[str] = []
            rows = []
            for m in meetings:
                no = m.meeting_no
                if not no:
                    while True:
                        no = f"{m.date.year}-{counters[m.date.year]:03d}"
                        counters[m.date.year] += 1
                        if no not in given:
                            break
                numbers.append(no)
                rows.append({"branch_id": branch_id, **meeting_values(m, group_ids, no)})
            if rows:
                conn.execute(insert(meeting_t), rows)
            ids = self._meeting_ids(conn, branch_id, numbers)
            links = [
                {"meeting_id": ids[no], "type": t.value}
                for no, m in zip(numbers, meetings)
                for t in m.types
            ]
            if links:
                conn.execute(insert(mtype_t), links)
            if len(meetings) == 1 and source is None:
                self.audit(
                    conn, branch_id, "meeting.add", meeting_no=numbers[0], title=meetings[0].title
                )
            elif meetings:
                self.audit(conn, branch_id, "meeting.import", added=len(meetings), source=source)
        return numbers

    @staticmethod
    def _start_for_meetings(
        conn: Connection, branch_id: int, start: date | None, meetings: Sequence[MeetingInput]
    ) -> date | None:
        """The records start after adding ``meetings``: moved back to the earliest one's month
        when they are the branch's first (live) meetings, else unchanged."""
        if not meetings:
            return start
        has_meetings = conn.scalar(
            select(meeting_t.c.id)
            .where(meeting_t.c.branch_id == branch_id, live_meeting())
            .limit(1)
        )
        if has_meetings is not None:
            return start
        earliest = month_start(min(m.date for m in meetings))
        return earliest if start is None or earliest < start else start

    def _meeting_date_problems(
        self, meetings: Sequence[MeetingInput], start: date | None
    ) -> list[tuple[int, str, dict[str, str]]]:
        today = self.today()
        out = []
        for i, m in enumerate(meetings):
            problem = date_problem(m.date, today, start, "corrections.meeting_in_future")
            if problem is not None:
                out.append((i, *problem))
        return out

    def meeting_date_problems(
        self, branch_id: int, meetings: Sequence[MeetingInput]
    ) -> list[tuple[int, str, dict[str, str]]]:
        """What ``add_meetings`` would refuse about the dates of ``meetings``, by reading
        only (an importer shows every problem of a file it will not write)."""
        with self.read_connection() as conn:
            start = records_start_of(conn, branch_id)
            return self._meeting_date_problems(
                meetings, self._start_for_meetings(conn, branch_id, start, meetings)
            )

    def add_meeting(self, branch_id: int, m: MeetingInput) -> MeetingRow:
        try:
            (no,) = self.add_meetings(branch_id, [m])
        except RowProblems as exc:
            _, key, params = exc.problems[0]
            raise Conflict(key, **params) from None
        with self.read_connection() as conn:
            meeting_id = self._meeting_ids(conn, branch_id, [no])[no]
        return self.get_meeting(branch_id, meeting_id)

    def update_meeting(self, branch_id: int, meeting_id: int, m: MeetingInput) -> MeetingRow:
        with self.write_transaction() as conn:
            old = conn.execute(
                select(meeting_t).where(
                    meeting_t.c.id == meeting_id, meeting_t.c.branch_id == branch_id
                )
            ).first()
            if old is None:
                raise NotFound("meeting_not_found", meeting_no=m.meeting_no or str(meeting_id))
            if old.voided_at is not None:
                key, params = voided_problem(old)
                raise Conflict(key, **params)
            if m.date != old.date:
                self._check_new_date(conn, branch_id, meeting_id, m.date)
            number = m.meeting_no or old.meeting_no
            clash = conn.scalar(
                select(meeting_t.c.id).where(
                    meeting_t.c.branch_id == branch_id,
                    meeting_t.c.meeting_no == number,
                    meeting_t.c.id != meeting_id,
                )
            )
            if clash is not None:
                raise Conflict("meeting_no_taken", meeting_no=number)
            group_ids = self._group_ids(conn, branch_id, [])
            if m.group and m.group not in group_ids:
                raise NotFound("group_not_found", group=m.group)
            values = {
                "meeting_no": number,
                "date": m.date,
                "title": m.title,
                "group_id": group_ids[m.group] if m.group else None,
                "place": m.place,
                "host": m.host,
                "recorder": m.recorder,
                "lecturer": m.lecturer,
                "minutes": m.minutes,
            }
            changed = {
                k: {"old": getattr(old, k), "new": v}
                for k, v in values.items()
                if getattr(old, k) != v
            }
            old_types = set(
                conn.scalars(select(mtype_t.c.type).where(mtype_t.c.meeting_id == meeting_id))
            )
            new_types = {t.value for t in m.types}
            if old_types != new_types:
                changed["types"] = {"old": sorted(old_types), "new": sorted(new_types)}
                conn.execute(delete(mtype_t).where(mtype_t.c.meeting_id == meeting_id))
                conn.execute(
                    insert(mtype_t), [{"meeting_id": meeting_id, "type": t} for t in new_types]
                )
            if changed:
                conn.execute(update(meeting_t).where(meeting_t.c.id == meeting_id).values(**values))
                self.audit(conn, branch_id, "meeting.update", meeting_no=number, changes=changed)
        return self.get_meeting(branch_id, meeting_id)

    def _check_new_date(self, conn: Connection, branch_id: int, meeting_id: int, on: date) -> None:
        """A meeting's date corrected to ``on``: possible, and every member marked at it in
        the branch that day."""
        problem = date_problem(
            on, self.today(), records_start_of(conn, branch_id), "corrections.meeting_in_future"
        )
        if problem is None:
            for member in conn.execute(
                select(
                    member_t.c.member_no,
                    member_t.c.name,
                    member_t.c.join_date,
                    member_t.c.entered_on,
                    member_t.c.left_on,
                )
                .select_from(attendance_t.join(member_t, member_t.c.id == attendance_t.c.member_id))
                .where(attendance_t.c.meeting_id == meeting_id)
                .order_by(member_t.c.sort_key, member_t.c.member_no)
            ):
                problem = membership_problem(member, on)
                if problem is not None:
                    break
        if problem is not None:
            key, params = problem
            raise StoreError(key, **params)

    def void_meeting(self, branch_id: int, meeting_id: int, reason: str) -> MeetingRow:
        """Void a meeting recorded by mistake (nothing is deleted): it leaves every list,
        sheet, rule, count and report, and its attendance earns no points any more (the
        caller lets the points follow, ``points.after_meeting_change``). Audited; refused
        without a reason and for a meeting already voided."""
        reason = (reason or "").strip()
        if not reason:
            raise StoreError("corrections.void_reason_required")
        if len(reason) > 500:
            raise StoreError("corrections.void_reason_too_long", limit=500)
        refuse_unsafe_text("field.reason", reason, multiline=True)
        with self.write_transaction() as conn:
            old = conn.execute(
                select(meeting_t).where(
                    meeting_t.c.id == meeting_id, meeting_t.c.branch_id == branch_id
                )
            ).first()
            if old is None:
                raise NotFound("meeting_not_found", meeting_no=str(meeting_id))
            if old.voided_at is not None:
                key, params = voided_problem(old)
                raise Conflict("corrections.meeting_already_voided", **params)
            marks = conn.scalar(
                select(func.count())
                .select_from(attendance_t)
                .where(attendance_t.c.meeting_id == meeting_id)
            )
            conn.execute(
                update(meeting_t)
                .where(meeting_t.c.id == meeting_id)
                .values(voided_at=_now(), void_reason=reason)
            )
            self.audit(
                conn,
                branch_id,
                "meeting.void",
                meeting_no=old.meeting_no,
                date=old.date.isoformat(),
                title=old.title,
                marks=int(marks or 0),
                reason=reason,
            )
        return self.get_meeting(branch_id, meeting_id)

    @staticmethod
    def _meeting_ids(conn: Connection, branch_id: int, numbers: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        numbers = list(numbers)
        for i in range(0, len(numbers), 500):
            chunk = numbers[i : i + 500]
            for r in conn.execute(
                select(meeting_t.c.id, meeting_t.c.meeting_no).where(
                    meeting_t.c.branch_id == branch_id, meeting_t.c.meeting_no.in_(chunk)
                )
            ):
                out[r.meeting_no] = r.id
        return out

    # ------------------------------------------------------------------ attendance

    def attendance_sheet(self, branch_id: int, meeting_id: int) -> list[AttendanceLine]:
        """Who is expected at the meeting, with their marks.

        The members in the branch on the meeting's date (transferred in by then, not yet
        departed), with their status on that date; a group's meeting expects its group, a
        meeting that is only a committee meeting expects the committee; members who joined
        the Party later are left out. Members away (流动) that day are listed with ``away``
        set. Anyone already marked is listed too.
        """
        from orglife_tui.data.membership import away_on, in_branch_on, status_on

        meeting = self.get_meeting(branch_id, meeting_id)
        if meeting.voided:
            key, params = voided_problem(meeting)
            raise Conflict(key, **params)
        cond = [member_t.c.branch_id == branch_id, in_branch_on(meeting.date)]
        if meeting.group:
            cond.append(group_t.c.name == meeting.group)
        if meeting.types == (MeetingType.committee_meeting,):
            cond.append(member_t.c.post.in_([p.value for p in COMMITTEE_POSTS]))
        # Someone who joined after the meeting was not expected at it.
        cond.append(or_(member_t.c.join_date.is_(None), member_t.c.join_date <= meeting.date))
        stmt = (
            select(
                member_t.c.id,
                member_t.c.member_no,
                member_t.c.name,
                status_on(meeting.date).label("status"),
                group_t.c.name.label("group_name"),
                attendance_t.c.status.label("mark"),
                attendance_t.c.reason,
                away_on(meeting.date).label("away"),
            )
            .select_from(member_t)
            .outerjoin(group_t, group_t.c.id == member_t.c.group_id)
            .outerjoin(
                attendance_t,
                and_(
                    attendance_t.c.member_id == member_t.c.id,
                    attendance_t.c.meeting_id == meeting_id,
                ),
            )
            .where(
                member_t.c.branch_id == branch_id,
                or_(and_(*cond), attendance_t.c.meeting_id == meeting_id),
            )
            .order_by(member_t.c.sort_key, member_t.c.member_no)
        )
        with self.read_connection() as conn:
            return [
                AttendanceLine(
                    member_id=r.id,
                    member_no=r.member_no,
                    name=r.name,
                    group=r.group_name,
                    member_status=MemberStatus(r.status),
                    status=_opt_enum(AttendanceStatus, r.mark),
                    reason=r.reason,
                    away=bool(r.away),
                )
                for r in conn.execute(stmt)
            ]

    def set_attendance(
        self,
        branch_id: int,
        meeting_id: int,
        member_id: int,
        status: AttendanceStatus | None,
        reason: str | None = None,
    ) -> None:
        """Mark one member at one meeting; ``None`` clears the mark. Leave needs a reason.

        Refused on a voided meeting, on a meeting dated after today, and for a member who
        was not in the branch on the meeting's date (clearing a mark is always allowed on a
        live meeting: it puts a wrong mark right)."""
        reason = attendance_reason(status, reason)
        if status is AttendanceStatus.leave and not reason:
            raise StoreError("leave_needs_reason")
        with self.write_transaction() as conn:
            meeting = conn.execute(
                select(
                    meeting_t.c.meeting_no,
                    meeting_t.c.date,
                    meeting_t.c.voided_at,
                    meeting_t.c.void_reason,
                ).where(meeting_t.c.id == meeting_id, meeting_t.c.branch_id == branch_id)
            ).first()
            member = conn.execute(
                select(
                    member_t.c.member_no,
                    member_t.c.name,
                    member_t.c.join_date,
                    member_t.c.entered_on,
                    member_t.c.left_on,
                ).where(member_t.c.id == member_id, member_t.c.branch_id == branch_id)
            ).first()
            if meeting is None or member is None:
                raise NotFound("attendance_target_missing")
            problem = self._mark_problem(meeting, member, clearing=status is None)
            if problem is not None:
                key, params = problem
                raise StoreError(key, **params)
            meeting_no, member_no = meeting.meeting_no, member.member_no
            old = conn.execute(
                select(attendance_t.c.status, attendance_t.c.reason).where(
                    attendance_t.c.meeting_id == meeting_id, attendance_t.c.member_id == member_id
                )
            ).first()
            new = None if status is None else (status.value, reason)
            if (None if old is None else (old.status, old.reason)) == new:
                return
            conn.execute(
                delete(attendance_t).where(
                    attendance_t.c.meeting_id == meeting_id, attendance_t.c.member_id == member_id
                )
            )
            if status is not None:
                conn.execute(
                    insert(attendance_t).values(
                        meeting_id=meeting_id,
                        member_id=member_id,
                        status=status.value,
                        reason=reason,
                    )
                )
            self.audit(
                conn,
                branch_id,
                "attendance.set",
                meeting_no=meeting_no,
                member_no=member_no,
                old=None if old is None else old.status,
                new=None if status is None else status.value,
                reason=reason,
            )

    def _mark_problem(
        self, meeting, member, clearing: bool = False
    ) -> tuple[str, dict[str, str]] | None:
        """Why a mark of ``member`` at ``meeting`` cannot be set (None: it can)."""
        if meeting.voided_at is not None:
            return voided_problem(meeting)
        if clearing:
            return None
        today = self.today()
        if meeting.date > today:
            return "corrections.attendance_in_future", {
                "meeting_no": meeting.meeting_no,
                "date": meeting.date.isoformat(),
                "today": today.isoformat(),
            }
        return membership_problem(member, meeting.date)

    @staticmethod
    def _mark_targets(conn: Connection, branch_id: int, marks: Sequence[AttendanceInput]):
        """The meetings and members ``marks`` name, by number (unknown numbers left out)."""
        numbers = sorted({a.meeting_no for a in marks})
        meetings = {}
        for i in range(0, len(numbers), 500):
            for r in conn.execute(
                select(
                    meeting_t.c.id,
                    meeting_t.c.meeting_no,
                    meeting_t.c.date,
                    meeting_t.c.voided_at,
                    meeting_t.c.void_reason,
                ).where(
                    meeting_t.c.branch_id == branch_id,
                    meeting_t.c.meeting_no.in_(numbers[i : i + 500]),
                )
            ):
                meetings[r.meeting_no] = r
        roster = {
            r.member_no: r
            for r in conn.execute(
                select(
                    member_t.c.id,
                    member_t.c.member_no,
                    member_t.c.name,
                    member_t.c.join_date,
                    member_t.c.entered_on,
                    member_t.c.left_on,
                ).where(member_t.c.branch_id == branch_id)
            )
        }
        return meetings, roster

    def _marks_problems(
        self, meetings, roster, marks: Sequence[AttendanceInput]
    ) -> list[tuple[int, str, dict[str, str]]]:
        out = []
        for i, a in enumerate(marks):
            if a.meeting_no in meetings and a.member_no in roster:
                problem = self._mark_problem(meetings[a.meeting_no], roster[a.member_no])
                if problem is not None:
                    out.append((i, *problem))
        return out

    def marks_problems(
        self, branch_id: int, marks: Sequence[AttendanceInput]
    ) -> list[tuple[int, str, dict[str, str]]]:
        """What ``import_attendance`` would refuse about marks on known meetings and members
        (a voided meeting, one dated after today, a member not in the branch that day), by
        reading only."""
        with self.read_connection() as conn:
            meetings, roster = self._mark_targets(conn, branch_id, marks)
        return self._marks_problems(meetings, roster, marks)

    def import_attendance(
        self, branch_id: int, marks: Sequence[AttendanceInput], source: str | None = None
    ) -> int:
        """Set many marks in one transaction; unknown meetings or members refuse the lot.

        Raises ``RowProblems`` listing every (index, message key, params) that is refused.
        """
        problems: list[tuple[int, str, dict[str, str]]] = []
        seen: dict[tuple[str, str], int] = {}
        for i, a in enumerate(marks):
            key = (a.meeting_no, a.member_no)
            if key in seen:
                problems.append(
                    (
                        i,
                        "attendance_duplicate",
                        {"meeting_no": a.meeting_no, "member_no": a.member_no},
                    )
                )
            seen[key] = i
        with self.write_transaction() as conn:
            meetings, roster = self._mark_targets(conn, branch_id, marks)
            meeting_ids = {no: r.id for no, r in meetings.items()}
            member_ids = {no: r.id for no, r in roster.items()}
            for i, a in enumerate(marks):
                if a.meeting_no not in meeting_ids:
                    problems.append((i, "meeting_not_found", {"meeting_no": a.meeting_no}))
                if a.member_no not in member_ids:
                    problems.append((i, "member_not_found", {"member_no": a.member_no}))
            problems += self._marks_problems(meetings, roster, marks)
            if problems:
                raise RowProblems(sorted(problems, key=lambda p: p[0]))
            pairs = [(meeting_ids[a.meeting_no], member_ids[a.member_no]) for a in marks]
            by_meeting: dict[int, list[int]] = {}
            for meeting_id, member_id in pairs:
                by_meeting.setdefault(meeting_id, []).append(member_id)
            for meeting_id, members in by_meeting.items():
                for i in range(0, len(members), 500):
                    conn.execute(
                        delete(attendance_t).where(
                            attendance_t.c.meeting_id == meeting_id,
                            attendance_t.c.member_id.in_(members[i : i + 500]),
                        )
                    )
            if marks:
                conn.execute(
                    insert(attendance_t),
                    [
                        {
                            "meeting_id": mid,
                            "member_id": pid,
                            "status": a.status.value,
                            "reason": attendance_reason(a.status, a.reason),
                        }
                        for (mid, pid), a in zip(pairs, marks)
                    ],
                )
                self.audit(conn, branch_id, "attendance.import", marks=len(marks), source=source)
        return len(marks)

    # ------------------------------------------------------------------ overview

    def summary(self, branch_id: int, today: date | None = None) -> BranchSummary:
        """The dashboard's counts: members in the branch ``today`` by their status that day."""
        from orglife_tui.data.membership import in_branch_on, status_on

        today = today or self.today()
        with self.read_connection() as conn:
            name = conn.scalar(select(branch_t.c.name).where(branch_t.c.id == branch_id))
            if name is None:
                raise NotFound("branch_not_found", name=str(branch_id), known="")
            status = status_on(today).label("status_today")
            counts = dict(
                conn.execute(
                    select(status, func.count())
                    .where(member_t.c.branch_id == branch_id, in_branch_on(today))
                    .group_by(status)
                ).all()
            )
            groups = conn.scalar(
                select(func.count()).select_from(group_t).where(group_t.c.branch_id == branch_id)
            )
            year_count = conn.scalar(
                select(func.count())
                .select_from(meeting_t)
                .where(
                    meeting_t.c.branch_id == branch_id,
                    live_meeting(),
                    meeting_t.c.date >= date(today.year, 1, 1),
                    meeting_t.c.date <= date(today.year, 12, 31),
                )
            )
            first = today.replace(day=1)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            month = self._meeting_rows(
                conn,
                and_(
                    meeting_t.c.branch_id == branch_id,
                    live_meeting(),
                    meeting_t.c.date >= first,
                    meeting_t.c.date < nxt,
                ),
            )
        return BranchSummary(
            branch=BranchInfo(branch_id, name),
            full_members=int(counts.get("full", 0)),
            probationary_members=int(counts.get("probationary", 0)),
            groups=int(groups or 0),
            meetings_this_month=month,
            meetings_this_year=int(year_count or 0),
        )

    def audit_entries(self, branch_id: int | None = None, limit: int = 100) -> list[dict]:
        stmt = select(audit_t).order_by(audit_t.c.id.desc()).limit(limit)
        if branch_id is not None:
            stmt = stmt.where(audit_t.c.branch_id == branch_id)
        with self.read_connection() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]


class RowProblems(StoreError):
    """Refused rows of a bulk write: (index in the input, message key, params)."""

    def __init__(self, problems: list[tuple[int, str, dict[str, str]]]) -> None:
        super().__init__("rows_refused", count=len(problems))
        self.problems = problems


__all__ = [
    "AttendanceLine",
    "BranchInfo",
    "BranchSummary",
    "IntegrityError",
    "MeetingRow",
    "MemberRow",
    "RowProblems",
    "STANDINGS",
    "STANDING_ALL",
    "STANDING_ARCHIVED",
    "STANDING_CURRENT",
    "Store",
]
