"""How the compliance watch is drawn: calendar glyphs, findings, streaks and ladder steps.

Shared by the dashboard, the findings list and the absence watch. Every state has a
character of its own as well as a colour, so the calendar reads on a terminal without
colour: ``●`` held, ``✗`` missing, ``·`` not yet due, ``-`` not required.

The watch reads a branch's whole attendance, which takes seconds on a branch of thousands;
screens run it with :func:`in_background` and compute it again only when something was
written since (:func:`change_marker`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

from orglife_tui.data.store import Store
from orglife_tui.domain import LadderAction, MeetingType, label
from orglife_tui.locale import has, t
from orglife_tui.scoring.policy import LadderStep, Severity
from orglife_tui.services.watch import CalendarRow, StreakRow
from orglife_tui.tui.cells import pad

if TYPE_CHECKING:  # types only: the dashboard draws before the watch's modules are loaded
    from orglife_tui.compliance.findings import Finding
    from orglife_tui.services.watch import CalendarRow, StreakRow

T = TypeVar("T")


class Detail(Widget):
    """A few lines about the highlighted row, drawn again in place when the cursor moves.

    Not a ``Static``: its update lays the screen out again, which repaints the list's
    scrollbar too; over a slow link every cursor move would cost that.
    """

    DEFAULT_CSS = """
    Detail {
        height: 3;
        padding: 0 1;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = Text("")

    def show(self, text: Text | str) -> None:
        """Show ``text``; only the lines it or the text before it took are drawn again
        (blank lines left blank cost nothing)."""
        text = Text(text) if isinstance(text, str) else text
        if text == self.text:
            return
        lines = max(self._height_of(self.text), self._height_of(text))
        self.text = text
        width = self.content_size.width
        if lines and width:
            self.refresh(Region(0, 0, width, min(lines, self.content_size.height)))
        else:
            self.refresh()

    def _height_of(self, text: Text) -> int:
        """Lines ``text`` takes on the screen (wrapped the way Textual wraps it)."""
        if not text.plain:
            return 0
        content = Content.from_rich_text(text, console=self.app.console)
        width = max(1, self.content_size.width)
        return content.get_height(self.styles, width)  # type: ignore[arg-type]  # Textual passes styles so too

    def render(self) -> Text:
        return self.text


STATES = ("held", "missing", "not_due", "not_required")
GLYPHS = {"held": "●", "missing": "✗", "not_due": "·", "not_required": "-"}
STATE_STYLES = {"held": "green", "missing": "bold red", "not_due": "dim", "not_required": "dim"}

SEVERITY_GLYPHS = {Severity.violation: "✗", Severity.warning: "!"}
SEVERITY_STYLES = {Severity.violation: "bold red", Severity.warning: "yellow"}

LABEL_WIDTH = 10
"""Cells of the meeting-type labels in front of the calendar's months."""

STEP_STYLES = {
    LadderAction.reminder_talk: "yellow",
    LadderAction.warning_notice: "bold yellow",
    LadderAction.general_meeting_case: "bold red",
}


async def in_background(work: Callable[[], T]) -> T:
    """Run ``work`` in a thread, so that the screen keeps answering keys meanwhile."""
    return await asyncio.to_thread(work)


def change_marker(store: Store, branch_id: int, today: date) -> tuple[object, ...]:
    """Changes when anything is written (every write leaves an audit row) or the day turns."""
    newest = store.audit_entries(branch_id, limit=1)
    return (today, newest[0]["id"] if newest else None)


# --------------------------------------------------------------------------- calendar


def row_label(row: CalendarRow, lang: str) -> str:
    key = f"tui.compliance.row.{row.rule}"
    if has(key):
        return t(key)
    return label(row.meeting_type, lang)


def calendar_text(rows: Sequence[CalendarRow], year: int, month: int | None, lang: str) -> Text:
    """Months × meeting types; ``month`` (this month, if the year is this year) is marked."""
    out = Text(no_wrap=True, end="")
    out.append(pad(t("tui.compliance.year", year=year), LABEL_WIDTH), style="bold")
    for m in range(1, 13):
        out.append(f"{m:>2}", style="bold reverse" if m == month else "dim")
    for row in rows:
        out.append("\n")
        out.append(pad(row_label(row, lang), LABEL_WIDTH))
        for c in row.cells:
            out.append(" ")
            out.append(GLYPHS[c.state], style=STATE_STYLES[c.state])
    return out


def legend_text() -> Text:
    out = Text(no_wrap=True, end="")
    for i, state in enumerate(STATES):
        if i:
            out.append("  ")
        out.append(GLYPHS[state], style=STATE_STYLES[state])
        out.append(" " + t(f"tui.compliance.state.{state}"), style="dim")
    return out


# --------------------------------------------------------------------------- findings


def severity_counts(findings: Iterable[Finding]) -> tuple[int, int]:
    """(violations, warnings)."""
    violations = warnings = 0
    for f in findings:
        if f.severity is Severity.violation:
            violations += 1
        else:
            warnings += 1
    return violations, warnings


def severity_label(severity: Severity) -> str:
    return t(f"compliance.severity.{severity.value}")


def finding_line(finding: Finding, lang: str) -> Text:
    """One line for a finding, led by its severity's mark, in short words (who or which
    period, how many, which step); the findings screen shows the whole message."""
    out = Text(no_wrap=True, end="")
    out.append(SEVERITY_GLYPHS[finding.severity], style=SEVERITY_STYLES[finding.severity])
    out.append(" " + short_message(finding, lang).replace("\n", " "))
    return out


def short_message(finding: Finding, lang: str) -> str:
    p = finding.params
    kind = p.get("type")
    kind_text = label(kind, lang) if isinstance(kind, MeetingType) else ""
    action = p.get("action")
    if finding.key == "compliance.finding.frequency":
        return t(
            "tui.compliance.frequency_line",
            period=finding.period,
            type=kind_text,
            held=p.get("held", ""),
            required=p.get("required", ""),
        )
    if finding.key == "compliance.finding.group_frequency":
        return t(
            "tui.compliance.group_frequency_line",
            period=finding.period,
            group=p.get("group", finding.subject),
            type=kind_text,
            held=p.get("held", ""),
            required=p.get("required", ""),
        )
    if finding.rule == "absence_streak" and isinstance(action, LadderAction):
        return t(
            "tui.compliance.absence_line",
            name=p.get("name", ""),
            member_no=p.get("member_no", finding.subject),
            count=p.get("count", ""),
            step=t(f"tui.absence.step.{action.value}"),
        )
    if finding.rule == "rectification_overdue":
        return t(
            "tui.compliance.rectification_line", id=p.get("id", ""), problem=p.get("problem", "")
        )
    return finding.message


# --------------------------------------------------------------------------- streaks


def months_compact(months: Sequence[str]) -> str:
    """``2026-05…2026-11 (7)``: the first and last missed month and how many were missed
    (months with leave in between are not counted, so the count may be the smaller)."""
    if not months:
        return ""
    if len(months) == 1:
        return f"{months[0]} (1)"
    return f"{months[0]}…{months[-1]} ({len(months)})"


def step_label(step: LadderStep | None) -> str:
    """The short name of a ladder step, for a table column."""
    if step is None:
        return t("tui.absence.step.none")
    return t(f"tui.absence.step.{step.action.value}")


def step_style(step: LadderStep | None) -> str:
    return "dim" if step is None else STEP_STYLES.get(step.action, "")


def action_text(action: LadderAction) -> str:
    """The full words of a ladder action (the ones the findings use)."""
    return t(f"compliance.action.{action.value}")


def answering_talk(row: StreakRow):
    """The newest talk recorded in answer to the streak, or None."""
    return row.answered[-1] if row.answered else None


def answers_step(row: StreakRow) -> bool:
    """True when a talk answers the streak at the step it has now reached."""
    if not row.answered:
        return False
    if row.step is None:
        return True
    return any(talk.absence_step == row.step.action.value for talk in row.answered)


__all__ = [
    "Detail",
    "GLYPHS",
    "LABEL_WIDTH",
    "action_text",
    "answering_talk",
    "answers_step",
    "calendar_text",
    "change_marker",
    "finding_line",
    "in_background",
    "legend_text",
    "months_compact",
    "pad",
    "row_label",
    "severity_counts",
    "severity_label",
    "short_message",
    "step_label",
    "step_style",
]
