"""Loading a whole branch at once: groups, members, meetings and attendance in one transaction,
and with them (optionally) heart-to-heart talks, the annual plan and the rectification list.

Used by ``orglife-tui demo`` (and fit for any generator of large branches). Everything is
written inside one ``Store.write_transaction()`` transaction (``BEGIN IMMEDIATE`` on SQLite) with a
single audit-log row, so a process killed half-way leaves all of it or none of it. Rows go
out in chunks (``executemany``; ``COPY`` for the large tables on PostgreSQL); attendance is
consumed as a stream, so a branch with millions of marks never sits in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from itertools import islice
from typing import Protocol

from sqlalchemy import Connection, func, insert, select, update

from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.models import (
    attendance_t,
    branch_t,
    group_t,
    meeting_t,
    member_t,
    mtype_t,
    plan_t,
    rect_t,
    talk_t,
    talk_text_t,
    talker_t,
)
from orglife_tui.data.rows import lecturer_lookup
from orglife_tui.data.store import Store, meeting_values, member_values
from orglife_tui.data.talks import talk_values
from orglife_tui.domain import MeetingType, RectificationStatus
from orglife_tui.domain.records import MeetingInput, MemberInput
from orglife_tui.domain.talks import TalkInput

CHUNK_ROWS = 10_000

AttendanceRow = tuple[str, str, str, "str | None"]
"""``(meeting_no, member_no, status, reason)``; status is ``present``, ``leave`` or ``absent``."""

Progress = Callable[[int], None]
"""Called with the number of rows just written (groups, members, meetings, types, marks)."""


class BranchNotEmpty(Conflict):
    """A bulk load only goes into a branch without members or meetings."""

    def __init__(self, branch: str, members: int, meetings: int) -> None:
        super().__init__("bulk_branch_not_empty", branch=branch, members=members, meetings=meetings)
        self.branch = branch
        self.members = members
        self.meetings = meetings


class PlanRecord(Protocol):
    """A plan item to load (``orglife_tui.demo.DemoPlanItem``, or ``data.plans.PlanInput``)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def meeting_type(self) -> MeetingType: ...
    @property
    def topic(self) -> str: ...
    @property
    def note(self) -> str | None: ...


class RectificationRecord(Protocol):
    """A rectification item to load with its status (``orglife_tui.demo.DemoRectification``)."""

    @property
    def year(self) -> int: ...
    @property
    def problem(self) -> str: ...
    @property
    def owner(self) -> str: ...
    @property
    def deadline(self) -> date: ...
    @property
    def measure(self) -> str | None: ...
    @property
    def status(self) -> RectificationStatus: ...
    @property
    def closed_on(self) -> date | None: ...
    @property
    def closing_note(self) -> str | None: ...
    @property
    def meeting_no(self) -> str | None: ...


@dataclass(frozen=True)
class LoadCounts:
    groups: int
    members: int
    meetings: int
    meeting_types: int
    attendance: int
    talks: int = 0
    plan_items: int = 0
    rectification_items: int = 0


def load_branch(
    store: Store,
    branch_id: int,
    *,
    groups: Sequence[str],
    members: Sequence[MemberInput],
    meetings: Sequence[MeetingInput],
    attendance: Iterable[AttendanceRow],
    talks: Sequence[TalkInput] = (),
    plan: Sequence[PlanRecord] = (),
    rectifications: Sequence[RectificationRecord] = (),
    progress: Progress | None = None,
    action: str = "demo.load",
    detail: dict[str, object] | None = None,
    chunk_rows: int = CHUNK_ROWS,
    records_start: date | None = None,
) -> LoadCounts:
    """Write a whole branch into an empty one; returns what was written.

    Every meeting needs its ``meeting_no``; groups named by members or meetings are created.
    Talks name their members and talkers by member number (a talker's name and post then
    come from the roster), rectification items their meeting by number.
    Refuses with ``BranchNotEmpty`` when the branch already has members or meetings, with
    ``Conflict`` on a duplicate member or meeting number, with ``NotFound`` when an
    attendance row, a talk or a rectification item names an unknown meeting or member, with
    ``StoreError`` when a leave has no reason or a talk no talker; nothing is written then.
    (The same member twice at one meeting is the caller's bug: the database refuses it with
    an ``IntegrityError``, also writing nothing.) ``progress`` hears of every chunk written
    (a talk's talkers count as rows of their own).

    The branch's records start becomes ``records_start`` (the generator's first day), or
    when left out the first day of the earliest meeting's month.
    """
    report = progress or (lambda _n: None)
    if any(not m.meeting_no for m in meetings):
        raise StoreError("bulk_meeting_no_missing")
    duplicate = _first_duplicate(m.member_no for m in members)
    if duplicate is not None:
        raise Conflict("member_no_duplicate", member_no=duplicate)
    duplicate = _first_duplicate(m.meeting_no for m in meetings)
    if duplicate is not None:
        raise Conflict("meeting_no_duplicate", meeting_no=duplicate)
    with store.write_transaction() as conn:
        _check_empty(conn, branch_id)

        group_ids = _ensure_groups(
            conn,
            branch_id,
            [*groups, *(m.group for m in members if m.group), *(m.group for m in meetings)],
        )
        report(len(group_ids))

        start = records_start
        if start is None and meetings:
            start = min(m.date for m in meetings).replace(day=1)
        if start is not None:
            conn.execute(
                update(branch_t).where(branch_t.c.id == branch_id).values(records_start=start)
            )

        for chunk in _chunks(members, chunk_rows):
            conn.execute(
                insert(member_t),
                [{"branch_id": branch_id, **member_values(m, group_ids)} for m in chunk],
            )
            report(len(chunk))
        roster = {
            r.member_no: r
            for r in conn.execute(
                select(member_t.c.id, member_t.c.member_no, member_t.c.name, member_t.c.post).where(
                    member_t.c.branch_id == branch_id
                )
            )
        }
        member_ids = {no: r.id for no, r in roster.items()}
        # a lecturer named by a member number (or a unique name) is the member
        lecturers = lecturer_lookup(conn, branch_id, {m.lecturer for m in meetings})

        for chunk in _chunks(meetings, chunk_rows):
            conn.execute(
                insert(meeting_t),
                [
                    {
                        "branch_id": branch_id,
                        **meeting_values(m, group_ids, m.meeting_no, lecturers),
                    }
                    for m in chunk
                ],
            )
            report(len(chunk))
        meeting_ids = {
            r.meeting_no: r.id
            for r in conn.execute(
                select(meeting_t.c.id, meeting_t.c.meeting_no).where(
                    meeting_t.c.branch_id == branch_id
                )
            )
        }

        links = [
            (meeting_ids[m.meeting_no], t.value) for m in meetings for t in dict.fromkeys(m.types)
        ]
        for chunk in _chunks(links, chunk_rows):
            _executemany(conn, mtype_t.name, ("meeting_id", "type"), chunk)
            report(len(chunk))

        marks = 0
        rows = iter(attendance)
        columns = ("meeting_id", "member_id", "status", "reason")
        while True:
            chunk = list(islice(rows, chunk_rows))
            if not chunk:
                break
            _executemany(
                conn, attendance_t.name, columns, _mark_rows(chunk, meeting_ids, member_ids)
            )
            marks += len(chunk)
            report(len(chunk))

        created = datetime.now(timezone.utc)
        stamp = {"branch_id": branch_id, "operator": store.operator, "created_at": created}
        _write_talks(conn, stamp, talks, roster, report, chunk_rows)
        for chunk in _chunks(plan, chunk_rows):
            _write_rows(conn, plan_t, [{**stamp, **_plan_values(p)} for p in chunk])
            report(len(chunk))
        for chunk in _chunks(rectifications, chunk_rows):
            _write_rows(conn, rect_t, [{**stamp, **_rect_values(r, meeting_ids)} for r in chunk])
            report(len(chunk))

        counts = LoadCounts(
            groups=len(group_ids),
            members=len(members),
            meetings=len(meetings),
            meeting_types=len(links),
            attendance=marks,
            talks=len(talks),
            plan_items=len(plan),
            rectification_items=len(rectifications),
        )
        records = {}
        if talks or plan or rectifications:
            records = {
                "talks": counts.talks,
                "plan_items": counts.plan_items,
                "rectification_items": counts.rectification_items,
            }
        store.audit(
            conn,
            branch_id,
            action,
            groups=counts.groups,
            members=counts.members,
            meetings=counts.meetings,
            attendance=counts.attendance,
            records_start=start.isoformat() if start else None,
            **records,
            **(detail or {}),
        )
    return counts


def _write_talks(
    conn: Connection,
    stamp: dict[str, object],
    talks: Sequence[TalkInput],
    roster: dict,
    report: Progress,
    chunk_rows: int,
) -> None:
    """The talks, then their texts and their talkers. The talks' ids are read back in
    insertion order: ids grow with every row written, and the branch had no talks before
    (no members)."""
    before = conn.scalar(select(func.coalesce(func.max(talk_t.c.id), 0)))
    texts: list[dict[str, object]] = []
    for chunk in _chunks(talks, chunk_rows):
        rows = []
        for talk in chunk:
            member = roster.get(talk.member_no)
            if member is None:
                raise NotFound("talks.unknown_member", member_no=talk.member_no)
            if not talk.talkers:
                raise StoreError("talks.no_talker")
            values, text = talk_values(talk)
            rows.append({**stamp, "member_id": member.id, **values})
            texts.append(text)
        _write_rows(conn, talk_t, rows)
        report(len(chunk))
    if not talks:
        return
    ids = list(
        conn.scalars(
            select(talk_t.c.id)
            .where(talk_t.c.branch_id == stamp["branch_id"], talk_t.c.id > before)
            .order_by(talk_t.c.id)
        )
    )
    if len(ids) != len(talks):  # pragma: no cover - a concurrent writer in this branch
        raise Conflict(
            "bulk_branch_not_empty", branch=str(stamp["branch_id"]), members=0, meetings=0
        )
    text_rows = [{"talk_id": talk_id, **text} for talk_id, text in zip(ids, texts)]
    for start in range(0, len(text_rows), chunk_rows):
        _write_rows(conn, talk_text_t, text_rows[start : start + chunk_rows])
    talkers: list[tuple[int, int, int | None, str, str | None]] = []
    for talk_id, talk in zip(ids, talks):
        for position, k in enumerate(talk.talkers, start=1):
            if k.member_no:
                m = roster.get(k.member_no)
                if m is None:
                    raise NotFound("talks.unknown_talker", member_no=k.member_no)
                talkers.append((talk_id, position, m.id, m.name, m.post or k.post))
            else:
                talkers.append((talk_id, position, None, k.name or "", k.post))
    columns = ("talk_id", "position", "member_id", "name", "post")
    for chunk in _chunks(talkers, chunk_rows):
        _executemany(conn, talker_t.name, columns, chunk)
        report(len(chunk))


def _write_rows(conn: Connection, table, rows: list[dict[str, object]]) -> None:
    """Rows as dicts of one table, through ``_executemany``: the values converted for the
    database as SQLAlchemy would (dates and times as text, booleans as 0/1 on SQLite)."""
    if not rows:
        return
    columns = list(rows[0])
    convert = [table.c[name].type.bind_processor(conn.dialect) for name in columns]
    if conn.dialect.name == "postgresql":
        convert = [None] * len(columns)  # COPY takes the Python values as they are
    out = []
    for row in rows:
        out.append(
            tuple(
                value if value is None or f is None else f(value)
                for f, value in zip(convert, (row[name] for name in columns))
            )
        )
    _executemany(conn, table.name, columns, out)


def _plan_values(item: PlanRecord) -> dict[str, object]:
    return {
        "year": item.year,
        "month": item.month,
        "meeting_type": MeetingType(item.meeting_type).value,
        "topic": item.topic,
        "note": item.note,
    }


def _rect_values(item: RectificationRecord, meeting_ids: dict[str, int]) -> dict[str, object]:
    meeting_id = None
    if item.meeting_no:
        meeting_id = meeting_ids.get(item.meeting_no)
        if meeting_id is None:
            raise NotFound("rectification.meeting_not_found", meeting_no=item.meeting_no)
    return {
        "year": item.year,
        "problem": item.problem,
        "measure": item.measure,
        "owner": item.owner,
        "deadline": item.deadline,
        "status": RectificationStatus(item.status).value,
        "closed_on": item.closed_on,
        "closing_note": item.closing_note,
        "meeting_id": meeting_id,
    }


def ensure_empty(store: Store, branch_id: int) -> None:
    """Raise ``BranchNotEmpty`` now, before a caller spends time generating rows.

    ``load_branch`` checks again inside its transaction; this is only the early answer.
    """
    with store.read_connection() as conn:
        _check_empty(conn, branch_id, lock=False)


def _check_empty(conn: Connection, branch_id: int, lock: bool = True) -> None:
    # FOR UPDATE holds off a second loader on PostgreSQL; SQLite's BEGIN IMMEDIATE already has.
    stmt = select(branch_t.c.name).where(branch_t.c.id == branch_id)
    name = conn.scalar(stmt.with_for_update() if lock else stmt)
    if name is None:
        raise NotFound("branch_not_found", name=str(branch_id), known="")
    members = conn.scalar(
        select(func.count()).select_from(member_t).where(member_t.c.branch_id == branch_id)
    )
    meetings = conn.scalar(
        select(func.count()).select_from(meeting_t).where(meeting_t.c.branch_id == branch_id)
    )
    if members or meetings:
        raise BranchNotEmpty(name, int(members or 0), int(meetings or 0))


def _ensure_groups(conn: Connection, branch_id: int, names: Iterable[str | None]) -> dict[str, int]:
    wanted = list(dict.fromkeys(n for n in names if n))

    def existing() -> dict[str, int]:
        return {
            r.name: r.id
            for r in conn.execute(
                select(group_t.c.id, group_t.c.name).where(group_t.c.branch_id == branch_id)
            )
        }

    have = existing()
    missing = [n for n in wanted if n not in have]
    for chunk in _chunks(missing, CHUNK_ROWS):
        conn.execute(insert(group_t), [{"branch_id": branch_id, "name": n} for n in chunk])
    return existing() if missing else have


def _mark_rows(
    chunk: list[AttendanceRow], meeting_ids: dict[str, int], member_ids: dict[str, int]
) -> list[tuple[int, int, str, str | None]]:
    out = []
    last_no, last_id = None, 0
    for meeting_no, member_no, status, reason in chunk:
        if meeting_no != last_no:
            last_id = meeting_ids.get(meeting_no, -1)
            if last_id < 0:
                raise NotFound("meeting_not_found", meeting_no=meeting_no)
            last_no = meeting_no
        member_id = member_ids.get(member_no)
        if member_id is None:
            raise NotFound("member_not_found", member_no=member_no)
        if status == "leave" and not reason:
            raise StoreError("leave_needs_reason")
        if status not in ("present", "leave", "absent"):
            raise StoreError("bulk_bad_status", status=status)
        out.append((last_id, member_id, status, reason if status != "present" else None))
    return out


def _executemany(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Write plain tuples in one go: the driver's own fast path, no per-row ORM work.

    ``executemany`` on SQLite; on PostgreSQL with psycopg 3, ``COPY … FROM STDIN`` in the
    same transaction (an executemany there costs a round of the pipeline per row).
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]  # in use
        try:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        finally:
            cursor.close()
        return
    style = conn.dialect.paramstyle
    if style == "qmark":
        marks = ", ".join("?" for _ in columns)
    elif style in ("format", "pyformat"):
        marks = ", ".join("%s" for _ in columns)
    elif style == "numeric":
        marks = ", ".join(f":{i + 1}" for i in range(len(columns)))
    else:  # pragma: no cover - every dialect we ship uses one of the above
        raise RuntimeError(f"unsupported paramstyle {style}")
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    conn.exec_driver_sql(sql, list(rows))


def _first_duplicate(values: Iterable[str | None]) -> str | None:
    seen: set[str | None] = set()
    for v in values:
        if v in seen:
            return v
        seen.add(v)
    return None


def _chunks(items: Sequence, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = [
    "AttendanceRow",
    "BranchNotEmpty",
    "LoadCounts",
    "PlanRecord",
    "Progress",
    "RectificationRecord",
    "ensure_empty",
    "load_branch",
]
