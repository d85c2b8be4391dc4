"""Importing members, meetings and attendance marks: every row, or none.

(A roster's rows are matched to the members already in the branch: importing/roster.py.)

Each row is validated through ``records.py`` (the rules the forms use) and every problem
is collected. A file with any problem writes nothing. A file without one goes to the
Store's bulk method in a single call, which runs one transaction and refuses the lot if a
member number is taken, a meeting is unknown … (``RowProblems``); its row indices are
mapped back to spreadsheet rows here.

When a file already has problems of its own, the Store is not called at all (it would
write); the same reference checks are then made by reading, so that one run shows the
secretary every problem in the file, not the first half of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orglife_tui.domain import (
    AttendanceStatus,
    InputError,
    parse_date,
)
from orglife_tui.domain.records import (
    AttendanceInput,
    FieldErrors,
    attendance_from_fields,
    meeting_from_fields,
)
from orglife_tui.importing.columns import (
    CHECK_NAME,
    SESSION_KINDS,
    Row,
    Table,
    looks_like_header,
    map_sheet,
)
from orglife_tui.importing.problems import ImportFailed, ImportSummary, Problem
from orglife_tui.importing.reader import Sheet, read_sheet
from orglife_tui.importing.roster import import_members, leading_zero_guess, name_mismatch

if TYPE_CHECKING:
    from orglife_tui.data.store import Store

StoreProblem = tuple[int, str, Mapping[str, Any]]


def read_table(
    path: str | Path, kind: str, display: str | None = None, *, strict: bool = False
) -> Table:
    """Read a CSV/XLSX file and match its header to ``kind``; raises ImportFailed.

    The header is looked for below the sheet's title rows; a roster's columns that the app
    does not keep are skipped (``Table.skipped``) unless ``strict``."""
    return map_sheet(read_kind_sheet(path, kind, display), kind, strict=strict)


def read_kind_sheet(path: str | Path, kind: str, display: str | None = None) -> Sheet:
    """The cells of a file, its header found as a header of ``kind`` looks."""
    return read_sheet(path, display, is_header=lambda cells: looks_like_header(kind, cells))


def import_file(
    store: Store,
    branch_id: int,
    kind: str,
    path: str | Path,
    *,
    display: str | None = None,
    today: date | None = None,
    strict: bool = False,
) -> ImportSummary:
    """Read and import a file; raises ImportFailed (nothing written) on any problem."""
    table = read_table(path, kind, display, strict=strict)
    return import_table(store, branch_id, table, today=today)


def import_table(
    store: Store,
    branch_id: int,
    table: Table,
    *,
    today: date | None = None,
    session_id: int | None = None,
) -> ImportSummary:
    """Import the rows of a table read by ``read_table``. A roster adds the members that are
    new and updates those already in the branch (importing/roster.py); the records of an
    appraisal session (``SESSION_KINDS``) go to ``session_id``, which they need."""
    if table.kind in SESSION_KINDS:
        if session_id is None:
            raise ValueError(f"a {table.kind!r} import needs its appraisal session")
        from orglife_tui.importing.self_assessments import import_self_assessments

        return import_self_assessments(store, branch_id, session_id, table)
    if table.kind == "members":
        return import_members(store, branch_id, table, today=today)
    if table.kind == "meetings":
        return import_meetings(store, branch_id, table)
    if table.kind == "attendance":
        return import_attendance(store, branch_id, table)
    if table.kind == "plan":
        from orglife_tui.importing.plans import import_plan

        return import_plan(store, branch_id, table)
    if table.kind == "dues":
        from orglife_tui.importing.dues import import_dues

        return import_dues(store, branch_id, table)
    raise ValueError(f"unknown import kind {table.kind!r}")


# ---------------------------------------------------------------------------- meetings


def import_meetings(store: Store, branch_id: int, table: Table) -> ImportSummary:
    records, problems = _validate(table, lambda row: meeting_from_fields(row.values))
    if problems:
        taken = {m.meeting_no for m in store.list_meetings(branch_id, voided=None)}
        groups = set(store.groups(branch_id))
        checks: list[StoreProblem] = []
        seen: set[str] = set()
        for i, row in enumerate(table.rows):
            group = row.values.get("group", "").strip()
            if group and group not in groups:
                checks.append((i, "group_not_found", {"group": group}))
            no = row.values.get("meeting_no", "").strip()
            if not no:
                continue
            if no in seen:
                checks.append((i, "meeting_no_duplicate", {"meeting_no": no}))
            seen.add(no)
            if no in taken:
                checks.append((i, "meeting_no_taken", {"meeting_no": no}))
        checks += _meeting_date_checks(store, branch_id, table)
        raise ImportFailed(problems + _row_problems(table, sorted(checks, key=lambda c: c[0])))

    from orglife_tui.data.store import RowProblems

    try:
        numbers = store.add_meetings(branch_id, records, source=table.file)
    except RowProblems as exc:
        raise ImportFailed(_row_problems(table, exc.problems)) from None
    return ImportSummary(
        "meetings", table.file, len(records), added=len(numbers), numbers=tuple(numbers)
    )


def _meeting_date_checks(store: Store, branch_id: int, table: Table) -> list[StoreProblem]:
    """The store's refusals of meeting dates (after today, before the records start), for
    the rows whose date reads, without writing."""
    from orglife_tui.domain.records import MeetingInput

    indices: list[int] = []
    dated: list[MeetingInput] = []
    for i, row in enumerate(table.rows):
        try:
            when = parse_date(row.values.get("date", "").strip())
        except InputError:
            continue
        indices.append(i)
        dated.append(MeetingInput(date=when, types=(), title=""))
    return [
        (indices[k], key, params)
        for k, key, params in store.meeting_date_problems(branch_id, dated)
    ]


# ---------------------------------------------------------------------------- attendance


def import_attendance(store: Store, branch_id: int, table: Table) -> ImportSummary:
    roster = {m.member_no: m.name for m in store.list_members(branch_id)}
    records, problems = _validate(table, lambda row: attendance_from_fields(row.values))
    if CHECK_NAME in table.keys:
        problems += _name_mismatches(table, roster)
    if problems:
        meetings = {m.meeting_no for m in store.list_meetings(branch_id, voided=None)}
        checks: list[StoreProblem] = []
        seen: set[tuple[str, str]] = set()
        named: list[tuple[int, AttendanceInput]] = []
        for i, row in enumerate(table.rows):
            meeting_no = row.values.get("meeting_no", "").strip()
            member_no = row.values.get("member_no", "").strip()
            if meeting_no and member_no:
                named.append((i, AttendanceInput(meeting_no, member_no, AttendanceStatus.present)))
            if meeting_no and member_no:
                if (meeting_no, member_no) in seen:
                    checks.append(
                        (
                            i,
                            "attendance_duplicate",
                            {"meeting_no": meeting_no, "member_no": member_no},
                        )
                    )
                seen.add((meeting_no, member_no))
            if meeting_no and meeting_no not in meetings:
                checks.append((i, "meeting_not_found", {"meeting_no": meeting_no}))
            if member_no and member_no not in roster:
                checks.append((i, "member_not_found", {"member_no": member_no}))
        # A voided meeting, one dated after today, a member not in the branch that day.
        marks = [a for _, a in named]
        checks += [
            (named[k][0], key, params) for k, key, params in store.marks_problems(branch_id, marks)
        ]
        checks.sort(key=lambda c: c[0])
        raise ImportFailed(problems + _row_problems(table, checks, roster))

    from orglife_tui.data.store import RowProblems

    try:
        count = store.import_attendance(branch_id, records, source=table.file)
    except RowProblems as exc:
        raise ImportFailed(_row_problems(table, exc.problems, roster)) from None
    return ImportSummary("attendance", table.file, len(records), added=count)


def _name_mismatches(table: Table, roster: Mapping[str, str]) -> list[Problem]:
    """An attendance sheet's name column must agree with the roster: a wrong member number
    would otherwise mark somebody else."""
    found = (
        name_mismatch(
            table.file,
            row.number,
            row.values.get("member_no", "").strip(),
            row.values.get(CHECK_NAME, "").strip(),
            roster,
        )
        for row in table.rows
    )
    return [p for p in found if p is not None]


# ---------------------------------------------------------------------------- shared


def _validate(table: Table, build: Callable[[Row], Any]) -> tuple[list[Any], list[Problem]]:
    """Build every row's record; collect the problems of all rows (and of reading them)."""
    readable, problems = table.readable_rows()
    records = []
    for row in readable:
        try:
            records.append(build(row))
        except FieldErrors as exc:
            problems += _field_problems(table.file, row.number, exc)
    return records, problems


def _field_problems(file: str, row: int, errors: FieldErrors) -> list[Problem]:
    out = []
    for fieldname, key, params in errors.problems:
        out.append(Problem(file, row, key, dict(params), field=fieldname))
    return out


def _row_problems(
    table: Table, found: Iterable[StoreProblem], roster: Mapping[str, str] | None = None
) -> list[Problem]:
    """Store-style (index, key, params) as problems on spreadsheet rows, with hints."""
    rows = table.rows
    first_member: dict[str, int] = {}
    first_meeting: dict[str, int] = {}
    first_mark: dict[tuple[str, str], int] = {}
    for row in rows:
        member_no = row.values.get("member_no", "").strip()
        meeting_no = row.values.get("meeting_no", "").strip()
        first_member.setdefault(member_no, row.number)
        first_meeting.setdefault(meeting_no, row.number)
        first_mark.setdefault((meeting_no, member_no), row.number)
    out = []
    for index, key, params in found:
        number = rows[index].number
        params = dict(params)
        if key == "member_no_duplicate" and table.kind == "members":
            key = "import.duplicate_member_no"
            params["first"] = first_member.get(str(params["member_no"]), "?")
        elif key == "meeting_no_duplicate":
            key = "import.duplicate_meeting_no"
            params["first"] = first_meeting.get(str(params["meeting_no"]), "?")
        elif key == "attendance_duplicate":
            key = "import.duplicate_mark"
            pair = (str(params["meeting_no"]), str(params["member_no"]))
            params["first"] = first_mark.get(pair, "?")
        elif key == "member_not_found" and roster:
            guess = leading_zero_guess(str(params["member_no"]), roster)
            if guess:
                key = "import.member_not_found_hint"
                params["guess"] = guess
        out.append(Problem(table.file, number, key, params))
    return out


__all__ = [
    "import_attendance",
    "import_file",
    "import_meetings",
    "import_members",
    "import_table",
    "read_table",
]
