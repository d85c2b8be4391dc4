"""What every screen shares: the session it works on and key bindings in the user's language.

Screens receive a :class:`Session` in their constructor (never a global): the store, the
branch, the language and the clock, so that a test builds the whole UI on a temporary
database with a fixed date.

Key bindings are declared with a catalog key as their description (``"tui.key.new"``);
:func:`localize_bindings` turns them into the user's language when the screen is built,
so the Footer, the help screen and the command palette all speak the same language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Header

from orglife_tui.data.store import BranchInfo, Store
from orglife_tui.domain import label
from orglife_tui.domain.access import Access, Home
from orglife_tui.locale import has, t, visible
from orglife_tui.tui.compat import replace_bindings


@dataclass
class Session:
    """The dependencies of the UI: one branch of one database, a language and a clock."""

    store: Store
    branch: BranchInfo
    lang: str
    fixed_today: date | None = None
    # What the login may do (issue 13); None: everything (the single-secretary default).
    access: Access | None = None

    @property
    def home(self) -> Home:
        """The screen set this login works in, in the current branch."""
        return Home.FULL if self.access is None else self.access.home(self.branch.id)

    def today(self) -> date:
        return self.fixed_today or self.store.today()

    def label(self, value: Enum | None) -> str:
        return label(value, self.lang)

    def labels(self, values: Iterable[Enum]) -> str:
        return t("tui.list_sep").join(self.label(v) for v in values)


def localize_bindings(node: DOMNode) -> None:
    """Replace the catalog keys in ``node``'s binding descriptions by their translation."""

    def translated(b: Binding) -> Binding:
        changes: dict[str, Any] = {}
        if has(b.description):
            changes["description"] = t(b.description)
        if b.group is not None and has(b.group.description):
            changes["group"] = replace(b.group, description=t(b.group.description))
        return replace(b, **changes) if changes else b

    replace_bindings(node, translated)


def declared_bindings(node_class: type) -> list[Binding]:
    """The bindings a class declares (its own and inherited), in declaration order."""
    seen: dict[str, Binding] = {}
    for cls in reversed(node_class.__mro__):
        for item in cls.__dict__.get("BINDINGS", []):
            binding = item if isinstance(item, Binding) else Binding(*item)
            seen[binding.key] = binding
    return list(seen.values())


class BaseScreen(Screen):
    """A full screen of the app: it knows its session and has a help text."""

    HELP_KEY: ClassVar[str] = ""
    """Catalog key of the paragraph shown by F1 above the list of keys."""

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.session = session

    @property
    def store(self) -> Store:
        return self.session.store

    @property
    def branch_id(self) -> int:
        return self.session.branch.id


ResultT = TypeVar("ResultT")


class BaseModal(ModalScreen[ResultT], Generic[ResultT]):
    """A dialog over a screen.

    Its answer goes to ``on_result`` at once, in the same key press that gave it, rather
    than through a queued ``push_screen`` callback: a secretary typing ahead (a reason,
    Enter, then ``p`` for the next member) must never have the next key land before the
    answer is applied.
    """

    HELP_KEY: ClassVar[str] = ""
    TYPE_AHEAD: ClassVar[bool] = False
    """Keys typed before the dialog opened (already on their way to the screen below) are
    handed to the dialog, in order (see ``OrglifeApp.on_key``)."""

    def __init__(
        self, on_result: Callable[[ResultT | None], object] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.on_result = on_result
        self.finished = False

    def finish(self, result: ResultT | None) -> None:
        """Close the dialog and hand over its answer, before the next key is read."""
        if self.finished:
            return
        self.finished = True
        self.dismiss(result)
        if self.on_result is not None:
            self.on_result(result)


class PlainNotifications:
    """App mixin: a notification shows its text as typed. Messages carry names and notes
    from the database; read as markup, ``[/]`` in a name would crash the app and
    ``[link=…]`` would plant a link, so markup is never on."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        super().notify(  # type: ignore[misc]  # a mixin: App.notify follows in the MRO
            visible(str(message)),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )


def app_header() -> Header:
    """The Header every screen shows: branch and screen name, no clock (no idle redraws)."""
    return Header(show_clock=False, icon=" ")


def month_title(year: int, month: int) -> str:
    names = t("tui.month_names").split(",")
    return t("tui.month_title", year=year, month=month, name=names[month - 1])
