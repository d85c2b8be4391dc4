"""The absence watch: members missing organizational life, the longest streak first.

Each row: member number, name, party group, the missed months (first…last (count)), the
step of the absence ladder reached (docs/architecture.md §3: 3 months a reminder talk, 5 a warning
notice, 6 a case for the general meeting — or the branch's own policy) and the date of
the talk recorded in answer to it. The highlighted member's case is spelled out under the
list. ``t`` records the talk that answers it: the talk form opens filled in with the
member, the talk type for the step, the case (its first month and step) and the reason;
once saved, the watch shows the answer.

The watch reads the branch's attendance (seconds on a branch of thousands): it runs in the
background and again only after something was written.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Rule, Static

from orglife_tui.compliance.findings import months_text
from orglife_tui.data.talks import TalkRow
from orglife_tui.domain import LadderAction, TalkType
from orglife_tui.locale import t
from orglife_tui.services import watch
from orglife_tui.services.watch import StreakRow
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen
from orglife_tui.tui.screens.compliance.compliance_view import (
    Detail,
    action_text,
    answering_talk,
    answers_step,
    change_marker,
    in_background,
    months_compact,
    step_label,
    step_style,
)
from orglife_tui.tui.screens.talks.talk_form import TalkFormScreen

COLUMNS = (
    Column("member_no", "col.member_no", 6, 6),
    Column("name", "col.name", 8, 8),
    Column("group", "col.group", 10, 10),
    Column("months", "tui.absence.col.months", 19, 19),
    Column("step", "tui.absence.col.step", 12, 12),
    Column("talk", "tui.absence.col.talk", 10, 10),
)

TALK_TYPE_FOR_STEP = {
    LadderAction.reminder_talk: TalkType.reminder,
    LadderAction.warning_notice: TalkType.warning,
    LadderAction.general_meeting_case: TalkType.warning,
}
"""The kind of talk that answers each step of the ladder."""


def talk_prefill(row: StreakRow, lang: str) -> dict[str, object]:
    """What the talk form starts with when it answers ``row``'s streak."""
    months = months_text(row.months, lang)
    if row.step is None:
        trigger = t("tui.absence.trigger_no_step", count=row.length, months=months)
        talk_type = TalkType.reminder
    else:
        trigger = t(
            "tui.absence.trigger",
            count=row.length,
            months=months,
            action=action_text(row.step.action),
        )
        talk_type = TALK_TYPE_FOR_STEP[row.step.action]
    return {
        "member_no": row.member_no,
        "type": talk_type,
        "absence_from": row.months[0],
        "absence_step": row.step.action.value if row.step else None,
        "trigger": trigger,
    }


class AbsenceScreen(ListScreen[StreakRow]):
    """The absence watch, computed in the background."""

    CSS_PATH = "absence.tcss"
    HELP_KEY = "tui.absence.help"
    TITLE_KEY = "tui.absence.title"
    TABLE_ID = "streaks"
    NOTHING_SELECTED = "tui.absence.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "talk"

    BINDINGS: ClassVar = [
        Binding("t", "talk", "tui.absence.key_talk", id="absence.talk"),
    ]

    def __init__(self, session: Session, member_no: str | None = None, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.loaded = False
        self.first_step_months: int | None = None
        self._focus_member = member_no
        self._marker: tuple[object, ...] | None = None

    def compose_above(self) -> ComposeResult:
        yield Static(t("tui.absence.loading"), id="heading", markup=False)

    def compose_below(self) -> ComposeResult:
        yield Rule(id="rule")
        yield Detail(id="detail")

    def on_mount(self) -> None:
        self.query_one("#empty", Static).display = False

    # ------------------------------------------------------------------ data

    def cells(self, r: StreakRow) -> tuple[Text, ...]:
        c = self.cell
        talk = answering_talk(r)
        if talk is not None:
            talk_text, talk_style = talk.date.isoformat(), "green" if answers_step(r) else "yellow"
        else:
            talk_text, talk_style = "—", "dim" if r.step is None else "bold red"
        return (
            c("member_no", r.member_no),
            c("name", r.name),
            c("group", r.group or ""),
            c("months", months_compact(r.months)),
            c("step", step_label(r.step), step_style(r.step)),
            c("talk", talk_text, talk_style),
        )

    def reload(self, wanted: object = None, keep: bool = True) -> None:
        """Compute the watch again in the background, if anything changed since."""
        today = self.session.today()
        marker = change_marker(self.store, self.branch_id, today)
        if marker == self._marker:
            return
        self._marker = marker
        current = self.highlighted()
        if current is not None and self._focus_member is None:
            self._focus_member = current.member_no
        self._load(today)

    @work(exclusive=True, group="absence")
    async def _load(self, today) -> None:
        store, branch_id = self.store, self.branch_id

        def compute():
            policy = watch.policy_for(store, branch_id)
            return policy, watch.absence_watch(store, branch_id, today, policy)

        policy, rows = await in_background(compute)
        ladder = policy.absence.ladder
        self.first_step_months = ladder[0].months if ladder else None
        self.loaded = True
        self._show(today, rows)

    def _show(self, today, rows: list[StreakRow]) -> None:
        stepped = sum(1 for r in rows if r.step is not None)
        self.query_one("#heading", Static).update(
            t(
                "tui.absence.header",
                as_of=today.isoformat(),
                count=len(rows),
                stepped=stepped,
            )
        )
        wanted = self._focus_member
        self._focus_member = None
        index = next((i for i, r in enumerate(rows) if r.member_no == wanted), 0)
        self.table.show(rows, self.cells, cursor=index)
        self.show_empty(t("tui.absence.empty"))
        self.show_detail()

    def show_detail(self) -> None:
        detail = self.query_one("#detail", Detail)
        r = self.highlighted()
        if r is None:
            detail.show("")
            return
        lang = self.session.lang
        text = Text(
            t(
                "tui.absence.detail",
                name=r.name,
                member_no=r.member_no,
                count=r.length,
                months=months_text(r.months, lang),
            )
        )
        text.append("\n")
        if r.step is not None:
            text.append(
                t(
                    "tui.absence.detail_step",
                    months=r.step.months,
                    action=action_text(r.step.action),
                ),
                style=step_style(r.step),
            )
        elif self.first_step_months is not None:
            text.append(t("tui.absence.detail_no_step", months=self.first_step_months), style="dim")
        text.append("\n")
        text.append_text(self._answer_text(r))
        detail.show(text)

    def _answer_text(self, r: StreakRow) -> Text:
        talk: TalkRow | None = answering_talk(r)
        if talk is None:
            style = "dim" if r.step is None else "bold red"
            return Text(t("tui.absence.unanswered"), style=style)
        kind = self.session.label(talk.type)
        if answers_step(r):
            return Text(
                t("tui.absence.answered", type=kind, date=talk.date.isoformat()), style="green"
            )
        return Text(
            t("tui.absence.answered_earlier", type=kind, date=talk.date.isoformat()),
            style="yellow",
        )

    # ------------------------------------------------------------------ keys

    def action_talk(self) -> None:
        row = self.selected()
        if row is None:
            return
        form = TalkFormScreen(
            self.session, prefill=talk_prefill(row, self.session.lang), on_result=self._saved
        )
        self.app.push_screen(form)

    def _saved(self, talk: TalkRow | None) -> None:
        if talk is None:
            return
        self._focus_member = talk.member_no
        self.reload()
