"""The active scoring scheme, read-only: its identity, limits, grade cut-offs and items.

A scheme is changed on the command line (``orglife-tui scheme check FILE``, then
``orglife-tui scheme use FILE``), where it is validated and stored as a new version; this
screen shows what is in force, with its hash, so a published score table can be traced.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from orglife_tui.data import schemes
from orglife_tui.locale import t
from orglife_tui.scoring.model import Item, Scheme
from orglife_tui.tui.cells import cell, clip, right
from orglife_tui.tui.screens.common.base import BaseScreen, Session, app_header
from orglife_tui.tui.screens.common.labels import cap_text, category_label, number, per_unit
from orglife_tui.tui.widgets.table import ListTable

# (column key, catalog key of the heading, width for zh, for en); the code column is as
# wide as the longest code (up to CODE_MAX) and the name takes what is left.
COLUMNS = (
    ("category", "tui.col.category", 8, 9),
    ("per_unit", "tui.col.per_unit", 9, 7),
    ("cap", "tui.col.cap", 5, 5),
    ("auto", "tui.col.auto", 4, 4),
)
CODE_MAX = 24
NAME_MIN = 10
CHROME = 1
"""Cells of the terminal the table cannot use for columns (scrollbar and edges)."""


class SchemeScreen(BaseScreen):
    CSS_PATH = "scheme.tcss"
    HELP_KEY = "tui.help.scheme"

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.scheme: Scheme | None = None
        self._widths: tuple[int, int] = (0, 0)

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="identity", markup=False)
        yield Static(id="hash", markup=False)
        yield Static(id="limits", markup=False)
        yield Static(id="cutoffs", markup=False)
        yield ListTable(id="items")
        yield Static(id="detail", markup=False)
        yield Static(t("tui.scheme.hint"), id="hint", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("tui.scheme.title")
        self.query_one("#items", ListTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.scheme is not None and self._code_name_widths(self.scheme) != self._widths:
            self.reload()

    def _width(self, key: str) -> int:
        zh = self.session.lang == "zh"
        return next((wz if zh else we) for k, _, wz, we in COLUMNS if k == key)

    def _code_name_widths(self, scheme: Scheme) -> tuple[int, int]:
        code = min(CODE_MAX, max((len(it.code) for it in scheme.items), default=4))
        used = sum(self._width(k) + 2 for k, *_ in COLUMNS) + code + 2
        return code, max(NAME_MIN, self.app.size.width - used - 2 - CHROME)

    def _add_columns(self, scheme: Scheme) -> None:
        table = self.query_one("#items", ListTable)
        table.clear(columns=True)
        self._widths = code, name = self._code_name_widths(scheme)
        table.add_column(t("tui.col.code"), width=code, key="code")
        table.add_column(t("tui.col.item"), width=name, key="name")
        for key, heading, *_ in COLUMNS:
            table.add_column(t(heading), width=self._width(key), key=key)

    def _derived_text(self, item: Item) -> str:
        if item.dues is not None:
            return t("dues.tui.scheme_derive", grace=item.dues.grace_months)
        d = item.derive
        if d is None:
            return t("tui.scheme.manual")
        types = t("tui.list_sep").join(self.session.label(mt) for mt in d.meeting_types)
        return t("tui.scheme.derive", types=types, attendance=self.session.label(d.attendance))

    def _cells(self, item: Item) -> tuple[Text, ...]:
        code, name = self._widths
        return (
            cell(item.code, code),
            cell(item.name(self.session.lang), name),
            cell(category_label(item.category), self._width("category")),
            right(per_unit(item), self._width("per_unit")),
            right(cap_text(item), self._width("cap")),
            cell(t("tui.scheme.auto") if item.automatic else "", self._width("auto")),
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.query_one("#items", ListTable).current
        detail = self.query_one("#detail", Static)
        if item is None:
            detail.update("", layout=False)
            return
        text = t(
            "tui.scheme.detail", name=item.name(self.session.lang), how=self._derived_text(item)
        )
        # Two lines at most, of a fixed height: a cursor move repaints these lines only,
        # not the layout of the screen.
        detail.update(clip(text, 2 * (self.app.size.width - 2)), layout=False)

    def reload(self) -> None:
        s = self.session
        info, scheme = schemes.ensure_active(self.store, self.branch_id)
        self.scheme = scheme
        kept = len(schemes.versions(self.store, self.branch_id))
        self.query_one("#identity", Static).update(
            t(
                "tui.scheme.identity",
                name=info.name,
                version=info.version,
                at=info.activated_at.strftime("%Y-%m-%d"),
                operator=info.operator,
                kept=kept,
            )
        )
        self.query_one("#hash", Static).update(t("tui.scheme.hash", hash=info.sha256))
        self.query_one("#limits", Static).update(
            t(
                "tui.scheme.limits",
                base=number(scheme.base_points),
                floor=number(scheme.floor),
                ceiling=number(scheme.ceiling),
            )
        )
        lines = []
        for status, c in scheme.cutoffs.items():
            graded = status in scheme.graded_statuses
            lines.append(
                t(
                    "tui.scheme.cutoffs" if graded else "tui.scheme.cutoffs_ungraded",
                    status=s.label(status),
                    excellent=number(c.excellent),
                    qualified=number(c.qualified),
                    basic=number(c.basically_qualified),
                )
            )
        self.query_one("#cutoffs", Static).update("\n".join(lines))
        table = self.query_one("#items", ListTable)
        cursor = table.cursor_row
        self._add_columns(scheme)
        table.show(scheme.items, self._cells, cursor=cursor)
        self._show_detail()
