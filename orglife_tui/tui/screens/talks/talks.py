"""Heart-to-heart talks (谈心谈话): a year's talks newest first, paged from SQL.

``/`` searches (member, talkers, place, trigger and the texts of talks that are not
confidential), ``[``/``]`` (or Shift+←/→) step through the years and ``t`` cycles the type
shown. ``a`` records a talk, ``e`` or Enter opens the highlighted one, ``f`` records its
follow-up, ``c`` shows the coverage matrix (committee × members).

A confidential talk is listed without its texts (marked “confidential”); opening it asks
first, and reading it is written to the audit log. A talk whose texts the user cannot see
at all (PostgreSQL's row-level security) is listed with a note saying who can read them,
and is not opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypedDict

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import talks
from orglife_tui.data.talks import TalkRow
from orglife_tui.domain import TalkType
from orglife_tui.domain.talks import talkers_label
from orglife_tui.locale import t
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.list_screen import (
    SEARCH_DONE,
    Column,
    ListScreen,
    notes,
    search_bar,
    step_bindings,
)
from orglife_tui.tui.screens.talks.coverage import CoverageScreen
from orglife_tui.tui.screens.talks.talk_form import FollowUpScreen, TalkFormScreen

PAGE = 200
"""Talks fetched per query; more follow as the cursor nears the end of those fetched."""

# The content takes what is left of the terminal's width.
COLUMNS = (
    Column("date", "tui.talks.col.date", 5, 5),
    Column("member", "tui.talks.col.member", 8, 8),
    Column("type", "tui.talks.col.type", 8, 11),
    Column("form", "tui.talks.col.form", 4, 6),
    Column("talkers", "tui.talks.col.talkers", 10, 10),
    Column("follow_up", "tui.talks.col.follow_up", 7, 7),
    Column("content", "tui.talks.col.content", 10, 10, flex=True),
)
FOLLOW_UP_SOON = 14
"""Days ahead in which a follow-up not yet recorded is shown as due."""

TYPES: tuple[TalkType | None, ...] = (None, *TalkType)


class _Filters(TypedDict):
    """The list's filters, as ``talks.list_talks`` and ``talks.count_talks`` take them."""

    year: int
    member_no: str | None
    type: TalkType | None
    search: str | None


class TalksScreen(ListScreen[TalkRow]):
    CSS_PATH = "talks.tcss"
    HELP_KEY = "tui.talks.help"
    TITLE_KEY = "tui.talks.title"
    TABLE_ID = "talks"
    NOTHING_SELECTED = "tui.talks.nothing_selected"
    COLUMNS = COLUMNS
    PAGED = True
    PAGE_SIZE = PAGE
    SELECT_ACTION = "open"

    BINDINGS: ClassVar = [
        *step_bindings("talks"),
        Binding("slash", "search", "tui.talks.key.search", id="talks.search", key_display="/"),
        Binding("t", "cycle_type", "tui.talks.key.type", id="talks.type", show=False),
        Binding("a,n", "new", "tui.talks.key.add", id="talks.add", key_display="a"),
        Binding("e", "open", "tui.talks.key.open", id="talks.open"),
        Binding("f", "follow_up", "tui.talks.key.follow_up", id="talks.follow_up"),
        Binding("c", "coverage", "tui.talks.key.coverage", id="talks.coverage"),
        Binding("escape", "escape", "tui.key.back", id="talks.back"),
        SEARCH_DONE,
    ]

    def __init__(
        self,
        session: Session,
        year: int | None = None,
        member_no: str | None = None,
        **kwargs,
    ) -> None:
        super().__init__(session, **kwargs)
        self.year = year or session.today().year
        self.member_no = member_no
        """Only this member's talks (the screen opened from the coverage matrix)."""
        self.type: TalkType | None = None
        self.matching = 0

    def compose_above(self) -> ComposeResult:
        yield from notes("filters")
        yield search_bar("tui.talks.search_label", "tui.talks.search_hint")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    # ------------------------------------------------------------------ data

    def cells(self, talk: TalkRow) -> tuple[Text, ...]:
        c = self.cell
        names = t("tui.list_sep").join(k.name for k in talk.talkers)
        if talk.texts_hidden:
            content = c("content", t("talk_text.hidden"), "italic yellow")
        elif talk.confidential:
            content = c("content", t("tui.talks.confidential"), "italic yellow")
        else:
            content = c("content", talk.content or talk.trigger or "")
        return (
            c("date", talk.date.strftime("%m-%d")),
            c("member", talk.member_name),
            c("type", t(f"tui.talks.type_short.{talk.type.value}")),
            c("form", t(f"tui.talks.form_short.{talk.form.value}")),
            c("talkers", names),
            self._follow_up_cell(talk),
            content,
        )

    def _follow_up_cell(self, talk: TalkRow) -> Text:
        when = talk.follow_up_date
        if when is None:
            return self.cell("follow_up", "")
        day = when.strftime("%m-%d")
        if talk.follow_up_result is not None:
            return self.cell("follow_up", t("tui.talks.follow_up_done", date=day), "green")
        if talk.redacted:
            return self.cell("follow_up", day)  # whether it was recorded is confidential too
        today = self.session.today()
        if when < today:
            return self.cell("follow_up", t("tui.talks.follow_up_late", date=day), "bold red")
        if (when - today).days <= FOLLOW_UP_SOON:
            return self.cell("follow_up", day, "yellow")
        return self.cell("follow_up", day)

    def _filters(self) -> _Filters:
        return {
            "year": self.year,
            "member_no": self.member_no,
            "type": self.type,
            "search": self.search_text or None,
        }

    def fetch(self) -> Sequence[TalkRow]:
        filters = self._filters()
        self.matching = talks.count_talks(self.store, self.branch_id, **filters)
        return super().fetch()

    def page(self, offset: int, limit: int) -> list[TalkRow]:
        filters = self._filters()
        return talks.list_talks(self.store, self.branch_id, offset=offset, limit=limit, **filters)

    def show_state(self) -> None:
        s = self.session
        kind = s.label(self.type) if self.type else t("tui.talks.all_types")
        parts = [t("tui.talks.filter_year", year=self.year), t("tui.talks.filter_type", type=kind)]
        if self.member_no is not None:
            parts.append(t("tui.talks.filter_member", member_no=self.member_no))
        parts.append(t("tui.talks.count", count=self.matching))
        self.query_one("#filters", Static).update(t("tui.talks.filter_sep").join(parts))
        if self.search_text:
            self.show_empty(t("tui.talks.no_match", search=self.search_text))
        elif self.type is not None or self.member_no is not None:
            self.show_empty(t("tui.talks.none_filtered", year=self.year))
        else:
            self.show_empty(t("tui.talks.empty", year=self.year))

    def show_detail(self) -> None:
        """Under the list, the highlighted talk's talkers with their posts, place, trigger."""
        talk = self.highlighted()
        detail = self.query_one("#detail", Static)
        if talk is None:
            detail.update("")
            return
        parts = [talkers_label(talk.talkers, self.session.lang)]
        if talk.place:
            parts.append(talk.place)
        if talk.trigger:
            parts.append(talk.trigger)
        if talk.absence_from:
            parts.append(t("tui.talks.answers_case", month=talk.absence_from))
        text = t("tui.talks.detail", member_no=talk.member_no, name=talk.member_name)
        text += t("tui.talks.filter_sep").join(p for p in parts if p)
        detail.update(clip(text, max(10, self.app.size.width - 2)))

    # ------------------------------------------------------------------ filters

    def action_cycle_type(self) -> None:
        self.type = TYPES[(TYPES.index(self.type) + 1) % len(TYPES)]
        self.reload(keep=False)

    # ------------------------------------------------------------------ talks

    def action_new(self) -> None:
        prefill = {"member_no": self.member_no} if self.member_no else None
        self.app.push_screen(TalkFormScreen(self.session, prefill=prefill, on_result=self._saved))

    def action_open(self) -> None:
        talk = self.selected()
        if talk is None:
            return
        if talk.texts_hidden:
            self.notify(t("talk_text.hidden"), severity="warning")
            return
        if not talk.confidential:
            self._edit(talk.id)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                talks.note_confidential_read(self.store, self.branch_id, "tui.open", 1)
                self._edit(talk.id)

        question = t("tui.talks.open_confidential", name=talk.member_name)
        self.app.push_screen(ConfirmScreen(question, answered))

    def _edit(self, talk_id: int) -> None:
        full = talks.get_talk(self.store, self.branch_id, talk_id, include_confidential=True)
        self.app.push_screen(TalkFormScreen(self.session, full, on_result=self._saved))

    def action_follow_up(self) -> None:
        talk = self.selected()
        if talk is None:
            return
        if talk.texts_hidden:  # the result goes with the texts the user cannot see
            self.notify(t("talk_text.hidden"), severity="warning")
            return
        if talk.follow_up_result is not None:
            self.notify(t("tui.talks.follow_up_already"), severity="warning")
            return
        self.app.push_screen(FollowUpScreen(self.session, talk, on_result=self._saved))

    def action_coverage(self) -> None:
        self.app.push_screen(CoverageScreen(self.session, self.year))

    def _saved(self, talk: TalkRow | None) -> None:
        if talk is None:
            return
        self.notify(
            t("tui.talks.saved", name=talk.member_name, date=talk.date.isoformat()),
        )
        self.year = talk.date.year
        self.reload(talk.id)
