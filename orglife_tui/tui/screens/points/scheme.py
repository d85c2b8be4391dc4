"""The active scoring scheme, read-only: its identity, limits, grade cut-offs and items.

A scheme is changed on the command line (``orglife-tui scheme check FILE``, then
``orglife-tui scheme use FILE``), where it is validated and stored as a new version; this
screen shows what is in force, with its hash, so a published score table can be traced.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from orglife_tui.data import schemes
from orglife_tui.data.schemes import SchemeVersionInfo
from orglife_tui.locale import t
from orglife_tui.scoring.model import Item, Scheme
from orglife_tui.tui.cells import clip, right
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.labels import cap_text, category_label, number, per_unit
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes

# The code column is as wide as the longest code (up to CODE_MAX) and the name takes what
# is left (at least NAME_MIN); these follow them.
COLUMNS = (
    Column("category", "tui.col.category", 8, 9),
    Column("per_unit", "tui.col.per_unit", 9, 7),
    Column("cap", "tui.col.cap", 5, 5),
    Column("auto", "tui.col.auto", 4, 4),
)
CODE_MAX = 24
NAME_MIN = 10


class SchemeScreen(ListScreen[Item]):
    """The scheme in force over its items; the highlighted item's derivation under them."""

    CSS_PATH = "scheme.tcss"
    HELP_KEY = "tui.help.scheme"
    TITLE_KEY = "tui.scheme.title"
    TABLE_ID = "items"
    KEEP_ROW = True
    EMPTY_NOTE = False  # a scheme in force has items

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.scheme: Scheme | None = None
        self.info: SchemeVersionInfo | None = None
        self.kept = 0
        """How many versions of the scheme the branch keeps."""

    def compose_above(self) -> ComposeResult:
        return notes("identity", "hash", "limits", "cutoffs")

    def compose_below(self) -> ComposeResult:
        yield Static(id="detail", markup=False)
        yield Static(t("tui.scheme.hint"), id="hint", markup=False)

    def columns(self) -> tuple[Column, ...]:
        items = self.scheme.items if self.scheme is not None else []
        code = min(CODE_MAX, max((len(it.code) for it in items), default=4))
        return (
            Column("code", "tui.col.code", code, code),
            Column("name", "tui.col.item", NAME_MIN, NAME_MIN, flex=True),
            *COLUMNS,
        )

    def key_of(self, item: Item) -> str:
        return item.code

    def _derived_text(self, item: Item) -> str:
        if item.dues is not None:
            return t("dues.tui.scheme_derive", grace=item.dues.grace_months)
        if item.register is not None:
            return t(f"life.tui.scheme_register.{item.register.value}")
        d = item.derive
        if d is None:
            return t("tui.scheme.manual")
        types = t("tui.list_sep").join(self.session.label(mt) for mt in d.meeting_types)
        return t("tui.scheme.derive", types=types, attendance=self.session.label(d.attendance))

    def cells(self, item: Item) -> tuple[Text, ...]:
        c, w = self.cell, self.widths
        return (
            c("code", item.code),
            c("name", item.name(self.session.lang)),
            c("category", category_label(item.category)),
            right(per_unit(item), w["per_unit"]),
            right(cap_text(item), w["cap"]),
            c("auto", t("tui.scheme.auto") if item.automatic else ""),
        )

    def show_detail(self) -> None:
        item = self.highlighted()
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

    def fetch(self) -> list[Item]:
        self.info, self.scheme = schemes.ensure_active(self.store, self.branch_id)
        self.kept = len(schemes.versions(self.store, self.branch_id))
        return list(self.scheme.items)

    def show_state(self) -> None:
        s, info, scheme = self.session, self.info, self.scheme
        assert info is not None and scheme is not None
        self.query_one("#identity", Static).update(
            t(
                "tui.scheme.identity",
                name=info.name,
                version=info.version,
                at=info.activated_at.strftime("%Y-%m-%d"),
                operator=info.operator,
                kept=self.kept,
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
