"""The ballot as the voter fills it in: the grade keys, the ballot grid, the review table.

Shared by the kiosk and the teller's paper-ballot entry. The ballot lives in the grid's lines
only (:meth:`BallotGrid.wipe` forgets it); nothing here stores or keeps one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from orglife_tui.data.appraisal import CandidateRow
from orglife_tui.domain import MemberStatus
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.cells import cell
from orglife_tui.tui.widgets.table import Column, ListTable, column_widths

GRADE_KEYS: dict[str, Grade | None] = {
    "1": Grade.excellent,
    "2": Grade.qualified,
    "3": Grade.basically_qualified,
    "4": Grade.unqualified,
    "0": None,
    "space": None,
}
"""The single keys that rate a candidate; 0 and space abstain."""

GRADE_STYLE: dict[Grade | None, str] = {  # None: abstain, the default style
    Grade.excellent: "bold green",
    Grade.qualified: "green",
    Grade.basically_qualified: "yellow",
    Grade.unqualified: "bold red",
}


def choice_label(grade: Grade | None) -> str:
    """A choice on a ballot as the voter reads it: the grade, or “abstain”."""
    return t("tui.kiosk.abstain") if grade is None else t(f"tui.grade.{grade.value}")


def grade_legend() -> str:
    """``1 优秀  2 合格  3 基本合格  4 不合格  0/空格 弃权``"""
    return t(
        "tui.kiosk.legend",
        excellent=t("tui.grade.excellent"),
        qualified=t("tui.grade.qualified"),
        basic=t("tui.grade.basically_qualified"),
        unqualified=t("tui.grade.unqualified"),
        abstain=t("tui.kiosk.abstain"),
    )


# ---------------------------------------------------------------------- the ballot grid


@dataclass(frozen=True)
class BallotLine:
    """One candidate on a ballot being filled in and the choice made (``chosen`` False:
    nothing pressed yet, which counts as an abstention)."""

    candidate: CandidateRow
    chosen: bool = False
    grade: Grade | None = None


def ballot_columns(choice_heading: str) -> tuple[Column, ...]:
    """The ballot grid's columns; the choice's heading differs on a paper ballot."""
    return (
        Column("no", "tui.kiosk.col.no", 6, 6),
        Column("name", "tui.kiosk.col.name", 12, 12),
        Column("note", "tui.kiosk.col.note", 6, 7),
        Column("choice", choice_heading, 12, 22),
    )


REVIEW_COLUMNS = tuple(
    Column(f"{key}{side}", heading, width, width)
    for side in ("a", "b")
    for key, heading, width in (
        ("no", "tui.kiosk.col.no", 6),
        ("name", "tui.kiosk.col.name", 10),
        ("choice", "tui.kiosk.col.choice", 14),
    )
)
"""A whole ballot in two columns of (number, name, choice)."""


class BallotGrid(ListTable[BallotLine]):
    """Every candidate with the choice made for it; a grade key rates the cursor row.

    Shared by the kiosk and the teller's paper-ballot entry. The ballot lives in the
    grid's lines only; :meth:`wipe` forgets it.
    """

    def __init__(self, choice_heading: str = "tui.kiosk.col.choice", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.zebra_stripes = False
        self.choice_heading = choice_heading

    def on_mount(self) -> None:
        columns = ballot_columns(self.choice_heading)
        self.set_columns(columns, column_widths(columns, get_language()))

    def load(self, candidates: Sequence[CandidateRow], choices: Mapping[str, Grade | None]) -> None:
        lines = [
            BallotLine(c, c.member_no in choices, choices.get(c.member_no)) for c in candidates
        ]
        self.show(lines, _line_cells)

    def rate(self, grade: Grade | None) -> None:
        """Rate the candidate under the cursor and move to the next one."""
        index = self.cursor_row
        line = self.current
        if line is None:
            return
        self.replace_item(index, BallotLine(line.candidate, True, grade))
        if index < len(self.items) - 1:
            self.move_cursor(row=index + 1, animate=False)

    @property
    def rated(self) -> int:
        return sum(1 for line in self.items if line.chosen)

    def choices(self) -> dict[str, Grade | None]:
        """The choices made so far (member_no → grade, None = abstain)."""
        return {line.candidate.member_no: line.grade for line in self.items if line.chosen}

    def page_text(self) -> str:
        """``page 2/3`` of the candidates as the grid shows them (empty on one page)."""
        rows = max(1, self.scrollable_content_region.height - self.header_height)
        total = len(self.items)
        pages = max(1, -(-total // rows))
        if pages == 1:
            return ""
        page = min(pages, self.cursor_row // rows + 1)
        return t("tui.kiosk.page", page=page, pages=pages)

    def wipe(self) -> None:
        """Forget the ballot: the lines and the rows drawn from them."""
        self.items = []
        self.clear()


def _line_cells(line: BallotLine) -> tuple[Text, ...]:
    c = line.candidate
    note = t("tui.kiosk.probationary") if c.status is MemberStatus.probationary else ""
    if line.chosen:
        choice = cell(choice_label(line.grade), 22, GRADE_STYLE.get(line.grade, "italic"))
    else:
        choice = cell(t("tui.kiosk.not_rated"), 22, "dim")
    return (cell(c.member_no, 6), cell(c.name, 12), cell(note, 7, "dim"), choice)


def ballot_summary(choices: Mapping[str, Grade | None], total: int) -> str:
    """How many of each grade this ballot gives (the voter's own ballot, on review)."""
    counts = {g: 0 for g in Grade}
    for grade in choices.values():
        if grade is not None:
            counts[grade] += 1
    graded = sum(counts.values())
    return t(
        "tui.kiosk.review_counts",
        excellent=counts[Grade.excellent],
        qualified=counts[Grade.qualified],
        basic=counts[Grade.basically_qualified],
        unqualified=counts[Grade.unqualified],
        abstain=total - graded,
    )


def fill_review(
    table: ListTable, candidates: Sequence[CandidateRow], choices: Mapping[str, Grade | None]
) -> None:
    """A whole ballot in two columns of (number, name, choice), for the review step."""
    table.set_columns(REVIEW_COLUMNS, column_widths(REVIEW_COLUMNS, get_language()))
    half = -(-len(candidates) // 2)
    pairs = [
        (candidates[i], candidates[i + half] if i + half < len(candidates) else None)
        for i in range(half)
    ]

    def cells(pair: tuple[CandidateRow | None, ...]) -> tuple[Text, ...]:
        out: list[Text] = []
        for c in pair:
            if c is None:
                out += [cell("", 6), cell("", 10), cell("", 14)]
                continue
            grade = choices.get(c.member_no)
            style = GRADE_STYLE[grade] if grade is not None else "italic"
            out += [cell(c.member_no, 6), cell(c.name, 10), cell(choice_label(grade), 14, style)]
        return tuple(out)

    table.show(pairs, cells)
