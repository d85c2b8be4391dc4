"""Meetings: list, read, number, add, update and void them (a voided meeting stays, with
its reason). ``Store`` keeps these as methods (``store.add_meeting(...)``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Row, and_, case, delete, func, insert, select, update

from orglife_tui.data.errors import (
    Conflict,
    NotFound,
    StoreError,
    refuse_unsafe_text,
)
from orglife_tui.data.members import _group_ids
from orglife_tui.data.models import attendance_t, branch_t, group_t, meeting_t, member_t, mtype_t
from orglife_tui.data.rows import (
    MEMBERSHIP_COLUMNS,
    MeetingRow,
    RowProblems,
    _now,
    date_problem,
    lecturer_lookup,
    live_meeting,
    meeting_values,
    member_join,
    membership_problem,
    month_start,
    records_start_of,
    voided_problem,
)
from orglife_tui.domain import (
    MeetingForm,
    MeetingType,
)
from orglife_tui.domain.records import MeetingInput

if TYPE_CHECKING:
    from orglife_tui.data.store import Store


def _meeting_rows(store: Store, conn: Connection, where) -> list[MeetingRow]:
    # The attendance counts of the meetings listed only: counting every meeting's first
    # costs the dashboard a tenth of a second on a branch with years of meetings.
    listed = select(meeting_t.c.id).where(where)
    counts = (
        select(
            attendance_t.c.meeting_id,
            func.sum(case((attendance_t.c.status == "present", 1), else_=0)).label("p"),
            func.sum(case((attendance_t.c.status == "leave", 1), else_=0)).label("l"),
            func.sum(case((attendance_t.c.status == "absent", 1), else_=0)).label("a"),
        )
        .where(attendance_t.c.meeting_id.in_(listed))
        .group_by(attendance_t.c.meeting_id)
        .subquery()
    )
    lecturer = member_t.alias("lecturer_member")
    stmt = (
        select(
            meeting_t,
            group_t.c.name.label("group_name"),
            lecturer.c.member_no.label("lecturer_no"),
            func.coalesce(counts.c.p, 0).label("p"),
            func.coalesce(counts.c.l, 0).label("l"),
            func.coalesce(counts.c.a, 0).label("a"),
        )
        .select_from(meeting_t)
        .outerjoin(group_t, group_t.c.id == meeting_t.c.group_id)
        .outerjoin(lecturer, lecturer.c.id == meeting_t.c.lecturer_id)
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
            form=MeetingForm(r.form) if r.form else None,
            lecturer_id=r.lecturer_id,
            lecturer_no=r.lecturer_no,
        )
        for r in rows
    ]


def list_meetings(
    store: Store,
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
    with store.read_connection() as conn:
        return _meeting_rows(store, conn, and_(*cond))


def get_meeting(store: Store, branch_id: int, meeting_id: int) -> MeetingRow:
    with store.read_connection() as conn:
        rows = _meeting_rows(
            store, conn, and_(meeting_t.c.branch_id == branch_id, meeting_t.c.id == meeting_id)
        )
    if not rows:
        raise NotFound("meeting_not_found", meeting_no=str(meeting_id))
    return rows[0]


def count_meetings(store: Store, branch_id: int, voided: bool = False) -> int:
    """How many meetings the branch has recorded (live ones, or voided ones)."""
    cond = meeting_t.c.voided_at.is_not(None) if voided else live_meeting()
    with store.read_connection() as conn:
        return int(
            conn.scalar(
                select(func.count())
                .select_from(meeting_t)
                .where(meeting_t.c.branch_id == branch_id, cond)
            )
            or 0
        )


def get_meeting_by_no(store: Store, branch_id: int, meeting_no: str) -> MeetingRow:
    """The meeting numbered ``meeting_no`` (voided or not)."""
    number = (meeting_no or "").strip()
    with store.read_connection() as conn:
        rows = _meeting_rows(
            store, conn, and_(meeting_t.c.branch_id == branch_id, meeting_t.c.meeting_no == number)
        )
    if not rows:
        raise NotFound("meeting_not_found", meeting_no=number)
    return rows[0]


def meeting_months(store: Store, branch_id: int) -> list[str]:
    """The months (YYYY-MM) that have meetings, newest first."""
    with store.read_connection() as conn:
        dates = conn.scalars(
            select(meeting_t.c.date)
            .where(meeting_t.c.branch_id == branch_id, live_meeting())
            .distinct()
        )
        return sorted({d.strftime("%Y-%m") for d in dates}, reverse=True)


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
    store: Store, branch_id: int, meetings: Sequence[MeetingInput], source: str | None = None
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
    with store.write_transaction() as conn:
        known_groups = set(
            conn.scalars(select(group_t.c.name).where(group_t.c.branch_id == branch_id))
        )
        # A meeting names an existing group; a typo must not quietly found a new one.
        problems += [
            (i, "group_not_found", {"group": m.group})
            for i, m in enumerate(meetings)
            if m.group and m.group not in known_groups
        ]
        taken = set(_meeting_ids(conn, branch_id, sorted(seen)))
        problems += [
            (i, "meeting_no_taken", {"meeting_no": m.meeting_no})
            for i, m in enumerate(meetings)
            if m.meeting_no in taken
        ]
        start = records_start_of(conn, branch_id)
        new_start = _start_for_meetings(conn, branch_id, start, meetings)
        problems += _meeting_date_problems(store, meetings, new_start)
        if problems:
            raise RowProblems(sorted(problems, key=lambda p: p[0]))
        if new_start != start:
            conn.execute(
                update(branch_t).where(branch_t.c.id == branch_id).values(records_start=new_start)
            )
            store.audit(
                conn,
                branch_id,
                "branch.records_start",
                old=start.isoformat() if start else None,
                new=new_start.isoformat() if new_start else None,
                why="first_meetings",
            )
        group_ids = _group_ids(store, conn, branch_id, [m.group for m in meetings])
        counters = _next_numbers(
            conn, branch_id, [m.date.year for m in meetings if not m.meeting_no]
        )
        lecturers = lecturer_lookup(conn, branch_id, [m.lecturer for m in meetings])
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
            rows.append({"branch_id": branch_id, **meeting_values(m, group_ids, no, lecturers)})
        if rows:
            conn.execute(insert(meeting_t), rows)
        ids = _meeting_ids(conn, branch_id, numbers)
        links = [
            {"meeting_id": ids[no], "type": t.value}
            for no, m in zip(numbers, meetings)
            for t in m.types
        ]
        if links:
            conn.execute(insert(mtype_t), links)
        if len(meetings) == 1 and source is None:
            store.audit(
                conn, branch_id, "meeting.add", meeting_no=numbers[0], title=meetings[0].title
            )
        elif meetings:
            store.audit(conn, branch_id, "meeting.import", added=len(meetings), source=source)
    return numbers


def _start_for_meetings(
    conn: Connection, branch_id: int, start: date | None, meetings: Sequence[MeetingInput]
) -> date | None:
    """The records start after adding ``meetings``: moved back to the earliest one's month
    when they are the branch's first (live) meetings, else unchanged."""
    if not meetings:
        return start
    has_meetings = conn.scalar(
        select(meeting_t.c.id).where(meeting_t.c.branch_id == branch_id, live_meeting()).limit(1)
    )
    if has_meetings is not None:
        return start
    earliest = month_start(min(m.date for m in meetings))
    return earliest if start is None or earliest < start else start


def _meeting_date_problems(
    store: Store, meetings: Sequence[MeetingInput], start: date | None
) -> list[tuple[int, str, dict[str, str]]]:
    today = store.today()
    out = []
    for i, m in enumerate(meetings):
        problem = date_problem(m.date, today, start, "corrections.meeting_in_future")
        if problem is not None:
            out.append((i, *problem))
    return out


def meeting_date_problems(
    store: Store, branch_id: int, meetings: Sequence[MeetingInput]
) -> list[tuple[int, str, dict[str, str]]]:
    """What ``add_meetings`` would refuse about the dates of ``meetings``, by reading
    only (an importer shows every problem of a file it will not write)."""
    with store.read_connection() as conn:
        start = records_start_of(conn, branch_id)
        return _meeting_date_problems(
            store, meetings, _start_for_meetings(conn, branch_id, start, meetings)
        )


def add_meeting(store: Store, branch_id: int, m: MeetingInput) -> MeetingRow:
    try:
        (no,) = store.add_meetings(branch_id, [m])
    except RowProblems as exc:
        _, key, params = exc.problems[0]
        raise Conflict(key, **params) from None
    with store.read_connection() as conn:
        meeting_id = _meeting_ids(conn, branch_id, [no])[no]
    return store.get_meeting(branch_id, meeting_id)


def _meeting_to_change(
    conn: Connection,
    branch_id: int,
    meeting_id: int,
    shown_no: str,
    voided_key: str | None = None,
) -> Row[Any]:
    """The stored meeting a correction changes. NotFound (naming ``shown_no``) when the
    branch has no such meeting; Conflict when it is voided (``voided_key``, else the key
    ``voided_problem`` gives)."""
    old = conn.execute(
        select(meeting_t).where(meeting_t.c.id == meeting_id, meeting_t.c.branch_id == branch_id)
    ).first()
    if old is None:
        raise NotFound("meeting_not_found", meeting_no=shown_no)
    if old.voided_at is not None:
        key, params = voided_problem(old)
        raise Conflict(voided_key or key, **params)
    return old


def update_meeting(store: Store, branch_id: int, meeting_id: int, m: MeetingInput) -> MeetingRow:
    with store.write_transaction() as conn:
        old = _meeting_to_change(conn, branch_id, meeting_id, m.meeting_no or str(meeting_id))
        if m.date != old.date:
            _check_new_date(store, conn, branch_id, meeting_id, m.date)
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
        group_ids = _group_ids(store, conn, branch_id, [])
        if m.group and m.group not in group_ids:
            raise NotFound("group_not_found", group=m.group)
        values = meeting_values(
            m, group_ids, number, lecturer_lookup(conn, branch_id, [m.lecturer])
        )
        changed = {
            k: {"old": getattr(old, k), "new": v} for k, v in values.items() if getattr(old, k) != v
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
            store.audit(conn, branch_id, "meeting.update", meeting_no=number, changes=changed)
    return store.get_meeting(branch_id, meeting_id)


def _check_new_date(
    store: Store, conn: Connection, branch_id: int, meeting_id: int, on: date
) -> None:
    """A meeting's date corrected to ``on``: possible, and every member marked at it in
    the branch that day."""
    problem = date_problem(
        on, store.today(), records_start_of(conn, branch_id), "corrections.meeting_in_future"
    )
    if problem is None:
        for member in conn.execute(
            select(*MEMBERSHIP_COLUMNS)
            .select_from(member_join(attendance_t))
            .where(attendance_t.c.meeting_id == meeting_id)
            .order_by(member_t.c.sort_key, member_t.c.member_no)
        ):
            problem = membership_problem(member, on)
            if problem is not None:
                break
    if problem is not None:
        key, params = problem
        raise StoreError(key, **params)


def void_meeting(store: Store, branch_id: int, meeting_id: int, reason: str) -> MeetingRow:
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
    with store.write_transaction() as conn:
        old = _meeting_to_change(
            conn, branch_id, meeting_id, str(meeting_id), "corrections.meeting_already_voided"
        )
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
        store.audit(
            conn,
            branch_id,
            "meeting.void",
            meeting_no=old.meeting_no,
            date=old.date.isoformat(),
            title=old.title,
            marks=int(marks or 0),
            reason=reason,
        )
    return store.get_meeting(branch_id, meeting_id)


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
