"""My records (我的记录): what a member who logs in sees of their own, and only that.

Six sections, one list at a time, chosen with ``1``–``6`` or stepped with ``[``/``]``:
my points (the year's ledger entries, the score to date above them), my talks (date, type,
form, with whom; below, the highlighted talk's content and agreed actions unless it is
confidential, whose texts are never read), my appraisal
results once published, my dues (the payments, and where the dues stand above them), my
commitments (``a`` makes a new one for this year) and my orders (``a`` orders an activity
or a topic for the branch; the branch's answer shows under the list). Everything comes
from ``services.self_service``, which reads the member's own rows only.

The member reaches no other screen from here: the app it runs in (``tui.member_app``) has
no command palette and no screen but this one, help and quit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.dues import yuan
from orglife_tui.locale import t
from orglife_tui.services import self_service as mine
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.labels import grade_label, item_name, number, signed
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.common.record_form import RecordFormScreen
from orglife_tui.tui.screens.orders.orders import order_detail, status_text
from orglife_tui.tui.screens.orders.orders_forms import OrderFormScreen
from orglife_tui.tui.screens.self_service.my_forms import MyCommitmentForm

SECTIONS = ("points", "talks", "appraisal", "dues", "commitments", "orders")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "points": (
        Column("date", "self.col.date", 5, 5),
        Column("item", "self.col.item", 16, 16, flex=True),
        Column("points", "self.col.points", 6, 6),
        Column("note", "self.col.note", 24, 24),
    ),
    "talks": (
        Column("date", "self.col.date", 10, 10),
        Column("type", "self.col.talk_type", 8, 16),
        Column("form", "self.col.form", 8, 10),
        Column("talkers", "self.col.talkers", 12, 12, flex=True),
        Column("confidential", "self.col.confidential", 4, 12),
    ),
    "appraisal": (
        Column("year", "self.col.year", 6, 6),
        Column("grade", "self.col.grade", 16, 16, flex=True),
        Column("published", "self.col.published", 10, 10),
    ),
    "dues": (
        Column("paid_on", "self.col.paid_on", 10, 10),
        Column("months", "self.col.months", 15, 15),
        Column("amount", "self.col.amount", 10, 10),
        Column("note", "self.col.note", 12, 12, flex=True),
    ),
    "commitments": (
        Column("year", "self.col.year", 6, 6),
        Column("status", "self.col.status", 6, 13),
        Column("text", "self.col.commitment", 16, 16, flex=True),
    ),
    "orders": (
        Column("kind", "self.col.kind", 4, 8),
        Column("title", "self.col.order", 16, 16, flex=True),
        Column("month", "self.col.month", 8, 7),
        Column("status", "self.col.status", 6, 8),
    ),
}


def _section_binding(index: int, name: str) -> Binding:
    return Binding(
        str(index + 1),
        f"section('{name}')",
        f"self.key.{name}",
        id=f"self.{name}",
        show=False,
    )


class MyRecordsScreen(ListScreen[Any]):
    CSS_PATH = "my_records.tcss"
    HELP_KEY = "self.help"
    TITLE_KEY = "self.title"
    TABLE_ID = "mine"
    NOTHING_SELECTED = "self.nothing_selected"

    BINDINGS: ClassVar = [
        Binding("left_square_bracket", "step_section(-1)", "self.key.prev", key_display="["),
        Binding("right_square_bracket", "step_section(1)", "self.key.next", key_display="]"),
        *(_section_binding(i, name) for i, name in enumerate(SECTIONS)),
        Binding("a,n", "new", "self.key.new", id="self.new", key_display="a"),
        Binding("q", "app.quit", "tui.key.quit", id="self.quit"),
    ]

    def __init__(self, session: Session, member_id: int, **kwargs: Any) -> None:
        super().__init__(session, **kwargs)
        self.member_id = member_id
        self.section = SECTIONS[0]
        self.year = session.today().year
        self._heading = ""
        self._points: mine.MyPoints | None = None
        self.member = mine.me(session.store, session.branch.id, member_id)

    def compose_above(self) -> ComposeResult:
        return notes("tabs", "heading")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    # ------------------------------------------------------------------ sections

    def columns(self) -> Sequence[Column]:
        return COLUMNS[self.section]

    def action_section(self, name: str) -> None:
        if name != self.section:
            self.section = name
            self.reload(keep=False)

    def action_step_section(self, step: int) -> None:
        index = (SECTIONS.index(self.section) + step) % len(SECTIONS)
        self.action_section(SECTIONS[index])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new":
            # shown (and working) where there is something of one's own to add
            return self.section in ("commitments", "orders")
        return True

    def key_of(self, item: Any) -> object:
        return getattr(item, "id", None) or getattr(item, "year", None)

    # ------------------------------------------------------------------ data

    def fetch(self) -> Sequence[Any]:
        s, b, m = self.store, self.branch_id, self.member_id
        today = self.session.today()
        if self.section == "points":
            self._points = mine.my_points(s, b, m, self.year, today)
            return list(reversed(self._points.entries))  # newest first, as the others
        if self.section == "talks":
            return mine.my_talks(s, b, m)
        if self.section == "appraisal":
            return mine.my_appraisals(s, b, m)
        if self.section == "dues":
            dues = mine.my_dues(s, b, m, today)
            self._heading = self._dues_heading(dues)
            return list(reversed(dues.payments))
        if self.section == "commitments":
            return list(reversed(mine.my_commitments(s, b, m)))
        return mine.my_orders(s, b, m)

    def cells(self, item: Any) -> Sequence[Text]:
        return getattr(self, f"_{self.section}_cells")(item)

    def _points_cells(self, e: Any) -> tuple[Text, ...]:
        c = self.cell
        scheme = self._points.scheme if self._points else None
        name = item_name(scheme, e.item_code, self.session.lang) if scheme else e.item_code
        dim = "dim" if e.reversed_by is not None or e.reverses_id is not None else ""
        return (
            c("date", e.entry_date.strftime("%m-%d"), dim),
            c("item", name, dim),
            c("points", signed(e.points), dim or ("red" if e.points < 0 else "")),
            c("note", e.note, dim),
        )

    def _talks_cells(self, talk: Any) -> tuple[Text, ...]:
        c = self.cell
        secret = t("self.confidential") if talk.confidential else ""
        return (
            c("date", talk.date.isoformat()),
            c("type", self.session.label(talk.type)),
            c("form", self.session.label(talk.form)),
            c("talkers", t("tui.list_sep").join(talk.talkers)),
            c("confidential", secret, "yellow"),
        )

    def _appraisal_cells(self, result: Any) -> tuple[Text, ...]:
        c = self.cell
        grade = grade_label(result.final) if result.graded else t("self.not_graded")
        return (
            c("year", str(result.year)),
            c("grade", grade, "bold"),
            c("published", result.published_at.date().isoformat()),
        )

    def _dues_cells(self, p: Any) -> tuple[Text, ...]:
        c = self.cell
        months = p.from_month if p.from_month == p.to_month else f"{p.from_month}..{p.to_month}"
        return (
            c("paid_on", p.paid_on.isoformat()),
            c("months", months),
            c("amount", yuan(p.amount_fen)),
            c("note", p.note),
        )

    def _commitments_cells(self, row: Any) -> tuple[Text, ...]:
        c = self.cell
        return (
            c("year", str(row.year)),
            c("status", self.session.label(row.status)),
            c("text", " ".join(row.text.split())),
        )

    def _orders_cells(self, row: Any) -> tuple[Text, ...]:
        c = self.cell
        status = status_text(self.session, row)
        return (
            c("kind", self.session.label(row.kind)),
            c("title", row.title),
            c("month", row.wanted_month or ""),
            c("status", status.plain, str(status.style)),
        )

    # ------------------------------------------------------------------ around the list

    def show_state(self) -> None:
        self.sub_title = t("self.title_of", name=self.member.name, no=self.member.member_no)
        self.query_one("#tabs", Static).update(self._tabs())
        self.query_one("#heading", Static).update(self._section_heading())
        self.show_empty(t(f"self.empty.{self.section}"))
        self.refresh_bindings()

    def _tabs(self) -> Text:
        line = Text()
        for i, name in enumerate(SECTIONS):
            label = f" {i + 1} {t(f'self.key.{name}')} "
            line.append(label, style="reverse bold" if name == self.section else "")
        return line

    def _section_heading(self) -> str:
        if self.section == "points":
            return self._points_heading()
        if self.section == "dues":
            return self._heading
        return t(f"self.heading.{self.section}", count=len(self.rows))

    def _points_heading(self) -> str:
        points = self._points
        if points is None or points.score is None:
            return t("self.points.no_score", year=self.year)
        score, standing = points.score, points.standing
        text = t(
            "self.points.score",
            year=self.year,
            day=standing.day,
            total=number(score.total),
            base=number(score.base + score.duty),
            bonus=number(score.bonus),
            deduction=number(-score.deduction),
        )
        if standing.shows_bands:
            text += t("self.points.band", band=grade_label(score.grade))
        return text

    def _dues_heading(self, dues: mine.MyDues) -> str:
        state = dues.state
        if not state.has_record:
            return t("self.dues.no_record")
        paid = state.paid_until or t("self.dues.nothing_paid")
        if not state.arrears:
            return t("self.dues.clear", standard=yuan(state.standard), paid=paid)
        return t(
            "self.dues.owed",
            standard=yuan(state.standard),
            paid=paid,
            months=len(state.arrears),
            owed=yuan(state.owed),
        )

    def show_detail(self) -> None:
        row = self.highlighted()
        text = ""
        if row is not None and self.section == "orders":
            text = order_detail(row)
        elif row is not None and self.section == "commitments":
            text = clip(" ".join(row.text.split()), 150)
        elif row is not None and self.section == "talks":
            text = talk_detail(row)
        detail = self.query_one("#detail", Static)
        detail.update(text)
        detail.display = bool(text)

    # ------------------------------------------------------------------ one's own additions

    def action_new(self) -> None:
        form: RecordFormScreen
        if self.section == "orders":
            form = OrderFormScreen(self.session, self.member_id, on_result=self._added)
        elif self.section == "commitments":
            form = MyCommitmentForm(self.session, self.member_id, on_result=self._added)
        else:
            return
        self.app.push_screen(form)

    def _added(self, row: Any) -> None:
        if row is None:
            return
        self.notify(t(f"self.added.{self.section}"))
        self.reload(row.id)


def talk_detail(talk: Any) -> str:
    """What a talk was about and what was agreed, for the member it was with; a
    confidential talk says only that it is one."""
    if talk.confidential:
        return t("self.talk.confidential")
    parts = [
        t(key, text=" ".join(value.split()))
        for key, value in (("self.talk.content", talk.content), ("self.talk.actions", talk.actions))
        if value
    ]
    return clip(t("tui.list_sep").join(parts), 150) if parts else t("self.talk.no_text")
