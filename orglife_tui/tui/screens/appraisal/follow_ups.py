"""结果运用 on screen: the follow-ups of members graded 基本合格 or 不合格, with their status
today (open, done, overdue in red) and, above them, who still waits for one.

``a`` records a follow-up for a final result: 限期改正 with a deadline, a talk (its record's
number, or a deadline to hold it by), or 组织处置 — 劝退 or 除名 with the date it takes
effect. ``d`` marks the highlighted one done; carrying out a disposal ends the membership
through the member events (a 除名 on its effective date). Dashboard key ``o``; the palette.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.appraisal import follow_ups, notice
from orglife_tui.data.appraisal.follow_ups import FollowUpInput, FollowUpRow, Pending
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import Disposal, FollowUpMeasure, FollowUpStatus
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.screens.appraisal.objections import FORM_CSS
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.labels import grade_label
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    choice,
    iso,
    read_date,
    required_text,
    text_area,
)

COLUMNS = (
    Column("member", "tui.after.col.member", 12, 12),
    Column("grade", "tui.after.col.grade", 6, 12),
    Column("measure", "tui.after.col.measure", 10, 14),
    Column("due", "tui.after.col.due", 10, 10),
    Column("status", "tui.after.col.status", 6, 8),
    Column("done", "tui.after.col.done", 10, 10),
)
STATUS_STYLE = {
    FollowUpStatus.open: "",
    FollowUpStatus.done: "green",
    FollowUpStatus.overdue: "bold red",
}
SHOWN_WAITING = 3


def measure_text(session: Session, row: FollowUpRow) -> str:
    """The measure; a disposal by its decision (劝退, 除名), which says it is one."""
    return session.label(row.disposal if row.disposal is not None else row.measure)


def final_sessions(session: Session) -> list[int]:
    """The branch's sessions whose result is final today, newest first."""
    states = notice.result_states(session.store, session.branch.id, as_of=session.today())
    return [s.session_id for s in reversed(states) if s.final]


class FollowUpsScreen(ListScreen[FollowUpRow]):
    CSS_PATH = "after.tcss"
    HELP_KEY = "tui.after.help_follow_ups"
    TITLE_KEY = "tui.after.follow_ups_title"
    TABLE_ID = "follow-ups"
    NOTHING_SELECTED = "tui.after.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "done"

    BINDINGS: ClassVar = [
        Binding("a", "add", "tui.after.key.add_follow_up", id="follow_ups.add"),
        Binding("d", "done", "tui.after.key.done", id="follow_ups.done"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.waiting: list[Pending] = []

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    def cells(self, row: FollowUpRow) -> tuple[Text, ...]:
        c = self.cell
        status = row.status(self.session.today())
        return (
            c("member", f"{row.member_no} {row.name}"),
            c("grade", grade_label(row.grade, short=True)),
            c("measure", measure_text(self.session, row)),
            c("due", iso(row.due), STATUS_STYLE[status]),
            c("status", self.session.label(status), STATUS_STYLE[status]),
            c("done", iso(row.done_on)),
        )

    def key_of(self, row: FollowUpRow) -> int:
        return row.id

    def fetch(self) -> list[FollowUpRow]:
        today = self.session.today()
        self.waiting = [
            p
            for sid in final_sessions(self.session)
            for p in follow_ups.pending(self.store, self.branch_id, sid, today)
        ]
        return follow_ups.list_follow_ups(self.store, self.branch_id)

    def show_state(self) -> None:
        today = self.session.today()
        rows = self.rows
        overdue = sum(r.status(today) is FollowUpStatus.overdue for r in rows)
        done = sum(r.status(today) is FollowUpStatus.done for r in rows)
        line = t("tui.after.follow_up_counts", total=len(rows), done=done, overdue=overdue)
        if self.waiting:
            names = t("tui.list_sep").join(
                f"{p.member_no} {p.name}" for p in self.waiting[:SHOWN_WAITING]
            )
            more = "…" if len(self.waiting) > SHOWN_WAITING else ""
            line += "\n" + t("tui.after.waiting", count=len(self.waiting), names=names + more)
        self.query_one("#heading", Static).update(Text(line, style="bold red" if overdue else ""))
        self.show_empty(t("follow_up.none"))

    def show_detail(self) -> None:
        row = self.highlighted()
        parts = []
        if row is not None:
            parts.append(t("tui.after.follow_up_of", session=row.session_id, year=row.year))
            if row.talk_id is not None:
                parts.append(t("tui.after.talk_no", id=row.talk_id))
            if row.note:
                parts.append(row.note)
            if row.done_note:
                parts.append(row.done_note)
        self.query_one("#detail", Static).update(t("tui.list_sep").join(parts))

    def action_add(self) -> None:
        sessions = final_sessions(self.session)
        if not sessions:
            self.notify(t("tui.after.no_final_result"), severity="warning")
            return
        first = self.waiting[0].member_no if self.waiting else ""
        self.app.push_screen(FollowUpFormScreen(self.session, sessions, first, self._saved))

    def action_done(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.done_on is not None:
            self.notify(
                t("follow_up.already_done", id=row.id, date=row.done_on), severity="warning"
            )
            return
        self.app.push_screen(DoneFormScreen(self.session, row, self._saved))

    def _saved(self, row: FollowUpRow | None) -> None:
        if row is None:
            return
        self.notify(t("tui.after.follow_up_saved", id=row.id, member_no=row.member_no))
        if row.event_id is not None:
            self.notify(t("follow_up.removed", member_no=row.member_no, date=iso(row.done_on)))
        self.reload(row.id)


def _talk_id(values: dict[str, str], errors: FieldErrors) -> int | None:
    """The talk record's number typed in ``talk`` (None: none typed)."""
    talk = values.get("talk", "").strip()
    if not talk:
        return None
    if not talk.isdigit():
        errors.add("talk", "tui.after.problem.talk_number", value=talk)
        return None
    return int(talk)


class FollowUpFormScreen(RecordFormScreen):
    """Record a follow-up for a member of a final result."""

    CSS_PATH: ClassVar = FORM_CSS
    HELP_KEY = "tui.after.help_follow_up_form"
    FIELD_PREFIX = "tui.after.field."

    def __init__(
        self,
        session: Session,
        sessions: list[int],
        member_no: str,
        on_result: Callable[[FollowUpRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("tui.after.follow_up_form_title"), on_result)
        self.sessions = sessions
        self.member_no = member_no

    def compose_fields(self) -> ComposeResult:
        s = self.session
        options = [(t("tui.after.session_option", id=i), str(i)) for i in self.sessions]
        yield from self.field("session", choice(options, str(self.sessions[0])), required=True)
        yield from self.field("member_no", text_input(self.member_no), required=True)
        measures = [(s.label(m), m.value) for m in FollowUpMeasure]
        yield from self.field(
            "measure", choice(measures, FollowUpMeasure.rectify.value), required=True
        )
        yield from self.field("deadline", text_input("", t("tui.form.date_hint")))
        yield from self.field("talk", text_input("", t("tui.after.talk_hint")))
        decisions = [(s.label(d), d.value) for d in Disposal]
        yield from self.field("decision", choice(decisions, None, t("tui.after.decision_blank")))
        yield from self.field("effective_on", text_input("", t("tui.form.date_hint")))
        yield from self.field("note", text_area(None))

    def save(self, values: dict[str, str]) -> FollowUpRow:
        errors = FieldErrors()
        member_no = required_text(values, "member_no", errors)
        deadline = read_date(values, "deadline", errors)
        effective = read_date(values, "effective_on", errors)
        talk_id = _talk_id(values, errors)
        if errors:
            raise errors
        decision = values.get("decision") or None
        item = FollowUpInput(
            member_no,
            FollowUpMeasure(values.get("measure") or FollowUpMeasure.rectify.value),
            deadline=deadline,
            talk_id=talk_id,
            disposal=None if decision is None else Disposal(decision),
            effective_on=effective,
            note=values.get("note", "").strip() or None,
        )
        s = self.session
        return follow_ups.add_follow_up(s.store, s.branch.id, int(values["session"]), item)

    def store_error_field(self, error: StoreError) -> str | None:
        for word, name in (
            ("deadline", "deadline"),
            ("talk", "talk"),
            ("decision", "decision"),
            ("date", "effective_on"),
            ("effective", "effective_on"),
            ("member", "member_no"),
            ("grade", "member_no"),
            ("note", "note"),
        ):
            if word in error.key:
                return name
        return None


class DoneFormScreen(RecordFormScreen):
    """Mark a follow-up done; a talk may name its record, a disposal is carried out."""

    CSS_PATH: ClassVar = FORM_CSS
    HELP_KEY = "tui.after.help_done_form"
    FIELD_PREFIX = "tui.after.field."

    def __init__(
        self,
        session: Session,
        row: FollowUpRow,
        on_result: Callable[[FollowUpRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("tui.after.done_title", id=row.id, name=row.name), on_result)
        self.add_class("-small")
        self.row = row

    def compose_fields(self) -> ComposeResult:
        row = self.row
        what = measure_text(self.session, row)
        if row.disposal is not None:
            what = t("tui.after.carry_out", what=what)
        yield Static(what, id="record-what", markup=False)
        on: date = self.session.today()
        yield from self.field("done_on", text_input(on.isoformat(), t("tui.form.date_hint")))
        if row.measure is FollowUpMeasure.talk:
            yield from self.field("talk", text_input("", t("tui.after.talk_hint")))
        yield from self.field("note", text_input(""))

    def save(self, values: dict[str, str]) -> FollowUpRow:
        errors = FieldErrors()
        on = read_date(values, "done_on", errors, required=True)
        talk_id = _talk_id(values, errors)
        if errors:
            raise errors
        assert on is not None
        s = self.session
        return follow_ups.complete_follow_up(
            s.store,
            s.branch.id,
            self.row.id,
            on,
            values.get("note", "").strip() or None,
            talk_id=talk_id,
        )

    def store_error_field(self, error: StoreError) -> str | None:
        if "talk" in error.key and "talk" in self.fields:
            return "talk"
        return "done_on" if "date" in error.key or "effective" in error.key else None
