"""Importing a branch roster (花名册) as it comes: every row or none (issue 9 §1).

A roster is the branch's list of members, and importing it again later is how an updated
roster comes in. So each row is matched to the member it describes:

- a roster with a member number column (编号) matches by that number, else by name and
  birth date (a member renumbered in the other system keeps their history here and gets
  the new number);
- a roster numbered only by its running number (序号) matches by name and birth date, else
  by the number the 序号 gives (zero-padded: ``1`` → ``001``) when that member has the
  same name. A 序号 whose number belongs to somebody else refuses the file: a running
  number moves when a row is inserted, so it cannot tell who is who.

Matched members are updated (the columns the file leaves out keep their values), the others
added; nobody is deleted, and members missing from the file are named. A new member with a
transfer-in date (转入日期) is recorded as transferred in on that day.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from orglife_tui.domain import InputError, excel_serial_date, parse_date
from orglife_tui.domain.records import MEMBER_FIELDS, FieldErrors, member_from_fields
from orglife_tui.importing.columns import SERIAL, Row, Table
from orglife_tui.importing.problems import ImportFailed, ImportSummary, Problem

if TYPE_CHECKING:
    from orglife_tui.data.roster import RosterMember, RosterWrite
    from orglife_tui.data.store import MemberRow, Store

# The columns holding dates: a five-digit number there is an Excel serial date.
DATE_KEYS = ("birth_date", "join_date", "full_date", "transfer_in_date")
MIN_NUMBER_WIDTH = 3
TRANSFER_FROM_MAX = 200  # member_event.place


def squash(name: str) -> str:
    """A name as compared: "王  五" is padded to line up with three-character names."""
    return "".join(name.split())


def name_mismatch(
    file: str, row: int, member_no: str, name: str, roster: Mapping[str, str]
) -> Problem | None:
    """A name given beside a member number must be the roster's (as ``squash`` compares
    them): a wrong number would otherwise credit or mark somebody else."""
    actual = roster.get(member_no)
    if name and actual is not None and squash(name) != squash(actual):
        params = {"member_no": member_no, "name": name, "actual": actual}
        return Problem(file, row, "import.name_mismatch", params)
    return None


def leading_zero_guess(member_no: str, roster: Iterable[str]) -> str | None:
    """``1`` for a roster that has ``001``: Excel drops leading zeros when it opens a CSV."""
    if not (member_no.isascii() and member_no.isdigit()):
        return None
    bare = member_no.lstrip("0")
    matches = [
        no
        for no in roster
        if no != member_no and no.isascii() and no.isdigit() and no.lstrip("0") == bare
    ]
    return matches[0] if len(matches) == 1 else None


@dataclass
class _Row:
    """A file row on its way to a record."""

    index: int
    row: Row
    values: dict[str, str]
    birth: date | None
    match: RosterMember | None = None


def import_members(
    store: Store,
    branch_id: int,
    table: Table,
    *,
    today: date | None = None,
) -> ImportSummary:
    """Add and update the members of a roster; raises ImportFailed, writing nothing."""
    from orglife_tui.data.roster import RosterWrite, roster_members, write_roster
    from orglife_tui.data.store import RowProblems

    today = today or store.today()
    existing = roster_members(store, branch_id)
    rows, problems = _rows(table)
    if SERIAL in table.keys:
        _number_from_serial(table, rows, problems)
    _match(table, rows, existing, problems)

    writes: list[RosterWrite] = []
    for r in rows:
        values = r.values
        if r.match is not None:
            _keep_what_the_file_leaves_out(table, values, r.match.row)
        if values.get("dues_paid_until"):
            values["dues_paid_until"] = _month_of_date(values["dues_paid_until"])
        try:
            record = member_from_fields(values, today=today)
        except FieldErrors as exc:
            problems += [
                Problem(table.file, r.row.number, key, dict(params), field=name)
                for name, key, params in exc.problems
            ]
            continue
        transfer_in, transfer_from = _transfer(table, r, record.join_date, today, problems)
        if r.match is not None:  # a member already here: the transfer is history
            transfer_in = transfer_from = None
        writes.append(
            RosterWrite(
                index=r.index,
                member=record,
                member_id=r.match.row.id if r.match else None,
                transfer_in=transfer_in,
                transfer_from=transfer_from,
            )
        )
    problems += _duplicates(table, rows)
    if problems:
        raise ImportFailed(problems)
    try:
        result = write_roster(store, branch_id, writes, source=table.file)
    except RowProblems as exc:
        raise ImportFailed(
            [
                Problem(table.file, table.rows[i].number, key, dict(params))
                for i, key, params in exc.problems
            ]
        ) from None
    return ImportSummary(
        "members",
        table.file,
        len(writes),
        added=len(result.added),
        updated=len(result.updated),
        unchanged=result.unchanged,
        added_members=result.added if existing else (),
        changes=result.updated,
        not_in_file=result.not_in_file,
        transfers=result.transfers,
        skipped=table.skipped,
        serial=SERIAL in table.keys,
    )


# ---------------------------------------------------------------------------- rows


def _rows(table: Table) -> tuple[list[_Row], list[Problem]]:
    """The readable rows on their way to records, and the problems of reading them."""
    readable, problems = table.readable_rows()
    out = []
    for index, row in enumerate(readable):
        values = {k: v.strip() for k, v in row.values.items()}
        for key in DATE_KEYS:
            serial = excel_serial_date(values.get(key, ""))
            if serial is not None:
                values[key] = serial.isoformat()
        birth = None
        if values.get("birth_date"):
            with contextlib.suppress(InputError):  # reported with the record's problems
                birth = parse_date(values["birth_date"], month_only=True)
        out.append(_Row(index, row, values, birth))
    return out, problems


def _number_from_serial(table: Table, rows: list[_Row], problems: list[Problem]) -> None:
    """Member numbers from the 序号 column: its digits, zero-padded to a common width."""
    serials = [r.values.get(SERIAL, "") for r in rows]
    digits = [s for s in serials if s.isascii() and s.isdigit()]
    width = max([MIN_NUMBER_WIDTH, *(len(s.lstrip("0") or "0") for s in digits)])
    for r in rows:
        raw = r.values.pop(SERIAL, "")
        # A row refused for its 序号 still has its other cells checked; it is numbered by
        # its row meanwhile, so that no "number required" repeats the problem.
        r.values["member_no"] = f"#{r.row.number}"
        if not raw:
            problems.append(Problem(table.file, r.row.number, "roster.serial_blank"))
        elif not (raw.isascii() and raw.isdigit()):
            problems.append(
                Problem(table.file, r.row.number, "roster.serial_not_number", {"value": raw[:20]})
            )
        else:
            r.values["member_no"] = (raw.lstrip("0") or "0").zfill(width)


def _match(
    table: Table, rows: list[_Row], existing: list[RosterMember], problems: list[Problem]
) -> None:
    """Find the member each row describes (see the module's docstring)."""
    by_no = {m.row.member_no: m for m in existing}
    by_person: dict[tuple[str, date], list[RosterMember]] = defaultdict(list)
    for m in existing:
        if m.row.birth_date is not None:
            by_person[(squash(m.row.name), m.row.birth_date)].append(m)
    serial = SERIAL in table.keys
    claimed: dict[int, tuple[int, str]] = {}  # member id -> (first row matching it, its number)
    for r in rows:
        no = r.values.get("member_no", "")
        name = squash(r.values.get("name", ""))
        people = by_person.get((name, r.birth), []) if r.birth and name else []
        person = people[0] if len(people) == 1 else None
        numbered = by_no.get(no) if no else None
        if serial:
            if person is not None:
                match = person
            elif numbered is not None and _same_person(numbered.row, name, r.birth):
                match = numbered
            elif numbered is not None:
                problems.append(
                    Problem(
                        table.file,
                        r.row.number,
                        "roster.serial_taken",
                        {"member_no": no, "holder": numbered.row.name, "name": r.values["name"]},
                    )
                )
                continue
            else:
                match = None
        elif numbered is not None:
            if person is not None and person is not numbered and squash(numbered.row.name) != name:
                problems.append(
                    Problem(
                        table.file,
                        r.row.number,
                        "roster.number_moved",
                        {
                            "member_no": no,
                            "holder": numbered.row.name,
                            "name": r.values["name"],
                            "other": person.row.member_no,
                        },
                    )
                )
                continue
            match = numbered
        else:
            match = person
        if match is None:
            continue
        first, first_no = claimed.setdefault(match.row.id, (r.row.number, no))
        if first != r.row.number:
            if no and no == first_no:
                continue  # one number twice: _duplicates says so
            problems.append(
                Problem(
                    table.file,
                    r.row.number,
                    "roster.same_member_twice",
                    {"member_no": match.row.member_no, "name": match.row.name, "first": first},
                )
            )
            continue
        r.match = match
        if serial:  # the member keeps their number; the 序号 only said where they stand
            r.values["member_no"] = match.row.member_no


def _same_person(m: MemberRow, name: str, birth: date | None) -> bool:
    if squash(m.name) != name:
        return False
    return birth is None or m.birth_date is None or m.birth_date == birth


def _keep_what_the_file_leaves_out(table: Table, values: dict[str, str], m: MemberRow) -> None:
    """A column the file does not have keeps the member's value: an update from a file of
    phone numbers must not wipe everybody's dates. A blank cell does clear the field."""
    old = _member_texts(m)
    for key in MEMBER_FIELDS:
        if key not in table.keys and key != "member_no":
            values[key] = old[key]


def _member_texts(m: MemberRow) -> dict[str, str]:
    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            return value.isoformat()
        return str(getattr(value, "value", value))

    return {key: text(getattr(m, key)) for key in MEMBER_FIELDS}


def _month_of_date(text: str) -> str:
    """``2026-06-01`` (a date cell where a month was meant) -> ``2026-06``; else unchanged."""
    try:
        d = parse_date(text)
    except InputError:
        return text
    return f"{d.year:04d}-{d.month:02d}"


def _transfer(
    table: Table,
    r: _Row,
    joined: date | None,
    today: date,
    problems: list[Problem],
) -> tuple[date | None, str | None]:
    """The transfer-in date and previous branch of a row, checked."""
    raw = r.values.get("transfer_in_date", "")
    place = r.values.get("transfer_in_from", "") or None
    if not raw:
        return None, None

    def problem(key: str, **params: str) -> None:
        problems.append(Problem(table.file, r.row.number, key, params, field="transfer_in_date"))

    try:
        on = parse_date(raw)
    except InputError as exc:
        problem(exc.key, value=raw)
        return None, None
    if on > today:
        problem("problem.date_in_future")
    elif joined is not None and on < joined:
        problem("roster.transfer_before_join")
    if place is not None and len(place) > TRANSFER_FROM_MAX:
        problems.append(
            Problem(
                table.file,
                r.row.number,
                "problem.too_long",
                {"limit": str(TRANSFER_FROM_MAX)},
                field="transfer_in_from",
            )
        )
    return on, place


def _duplicates(table: Table, rows: list[_Row]) -> list[Problem]:
    """A member number given to two rows (the store would refuse the second)."""
    out = []
    first: dict[str, int] = {}
    for r in rows:
        no = r.values.get("member_no", "")
        if not no:
            continue
        seen = first.setdefault(no, r.row.number)
        if seen != r.row.number:
            out.append(
                Problem(
                    table.file,
                    r.row.number,
                    "import.duplicate_member_no",
                    {"member_no": no, "first": seen},
                )
            )
    return out


__all__ = ["import_members"]
