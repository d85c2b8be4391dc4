"""What an import reports: the problems that refused it, or what it wrote.

A problem names the file, the spreadsheet row (the header is row 1) and a catalog key, so
the reason is told in the user's language: ``members.csv:7: status: unknown status …``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from orglife_tui.domain import label
from orglife_tui.locale import get_language, t


@dataclass(frozen=True)
class Problem:
    """One reason an import is refused.

    ``row`` is the spreadsheet row number (None for the file as a whole); ``field`` names
    the record field the problem is about, and prefixes the reason with its label.
    """

    file: str
    row: int | None
    key: str
    params: Mapping[str, object] = field(default_factory=dict)
    field: str | None = None

    def reason(self) -> str:
        text = t(self.key, **self.params)
        if self.field:
            text = t("field_problem", field=t(f"field.{self.field}"), problem=text)
        return text

    def line(self) -> str:
        """``FILE:ROW: reason`` (``FILE: reason`` for the file as a whole)."""
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        return f"{where}: {self.reason()}"

    def sort_key(self) -> int:
        return -1 if self.row is None else self.row


def field_problem(file: str, row: int, field_label: str, key: str, **params: object) -> Problem:
    """A problem with one cell of a row, told as ``FIELD: reason`` (the field by its label)."""
    return Problem(file, row, "field_problem", {"field": field_label, "problem": t(key, **params)})


class ImportFailed(Exception):
    """The import was refused and nothing was written; ``problems`` says why, row by row."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(p.line() for p in self.problems))

    def lines(self) -> list[str]:
        return [p.line() for p in self.problems]


@dataclass(frozen=True)
class ImportSummary:
    """What a successful import wrote."""

    kind: str  # members | meetings | attendance | plan
    file: str
    rows: int
    added: int = 0
    updated: int = 0
    numbers: tuple[str, ...] = ()  # meeting numbers, in file order
    # A roster (importing/roster.py): what changed, for the report.
    unchanged: int = 0
    added_members: tuple[tuple[str, str], ...] = ()  # (number, name); listed on a re-import
    changes: tuple[Any, ...] = ()  # data.roster.MemberChange
    not_in_file: tuple[tuple[str, str], ...] = ()  # still in the branch, kept
    transfers: tuple[tuple[str, date, str | None], ...] = ()  # (number, date, from)
    skipped: tuple[str, ...] = ()  # the headers of the columns not kept
    serial: bool = False  # member numbers made from the 序号 column

    def message(self) -> str:
        if self.kind == "members":
            return t(
                "roster.done",
                file=self.file,
                added=self.added,
                updated=self.updated,
                unchanged=self.unchanged,
            )
        if self.kind == "meetings":
            span = ""
            if self.numbers:
                first, last = self.numbers[0], self.numbers[-1]
                span = first if first == last else f"{first} … {last}"
            return t("import.done.meetings", file=self.file, added=self.added, numbers=span)
        if self.kind == "plan":
            return t("plan.import.done", file=self.file, count=self.added)
        return t("import.done.attendance", file=self.file, count=self.added)

    def details(self) -> list[str]:
        """The lines under ``message()``: who was added, what changed for whom, who was
        transferred in, who is not in the file (a roster import; empty for the others)."""
        sep = t("import.list_sep")
        lines = []
        if self.added_members:
            people = sep.join(f"{no} {name}" for no, name in self.added_members)
            lines.append(t("roster.added", members=people))
        for change in self.changes:
            fields = t("roster.change_sep").join(
                t(
                    "roster.change",
                    field=t(f"field.{name}"),
                    old=_shown(old),
                    new=_shown(new),
                )
                for name, old, new in change.changes
            )
            lines.append(
                t("roster.updated", member_no=change.member_no, name=change.name, fields=fields)
            )
        for no, on, place in self.transfers:
            key = "roster.transferred_in_from" if place else "roster.transferred_in"
            lines.append(t(key, member_no=no, date=on.isoformat(), place=place or ""))
        if self.not_in_file:
            people = sep.join(f"{no} {name}" for no, name in self.not_in_file)
            lines.append(t("roster.not_in_file", members=people))
        return lines

    def notices(self) -> list[str]:
        """What the import read past, for stderr: one line naming the columns not kept."""
        out = []
        if self.skipped:
            out.append(
                t("roster.skipped", file=self.file, columns=t("import.list_sep").join(self.skipped))
            )
        if self.serial:
            out.append(t("roster.serial_numbers", file=self.file))
        return out


def _shown(value: object) -> str:
    """A field's value in a change line, in the user's language."""
    if value is None or value == "":
        return t("roster.blank")
    if isinstance(value, Enum):
        return label(value, get_language())
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
