"""What an import reports: the problems that refused it, or what it wrote.

A problem names the file, the spreadsheet row (the header is row 1) and a catalog key, so
the reason is told in the user's language: ``members.csv:7: status: unknown status …``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from orglife_tui.locale import t


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

    def message(self) -> str:
        if self.kind == "members":
            return t("import.done.members", file=self.file, added=self.added, updated=self.updated)
        if self.kind == "meetings":
            span = ""
            if self.numbers:
                first, last = self.numbers[0], self.numbers[-1]
                span = first if first == last else f"{first} … {last}"
            return t("import.done.meetings", file=self.file, added=self.added, numbers=span)
        if self.kind == "plan":
            return t("plan.import.done", file=self.file, count=self.added)
        return t("import.done.attendance", file=self.file, count=self.added)
