"""What the talk, plan and rectification forms share on top of ``FormScreen``.

Their field labels come from their own catalog keys (``tui.talks.field.*`` …) rather than
the roster's ``field.*``; a tick box reads as ``"1"`` or ``""`` among the typed values; and
dates and whole numbers typed in a field are read the one way every form reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Label, Select, Static, TextArea

from orglife_tui.domain import InputError, parse_date
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import FormScreen

TICKED = "1"


class RecordFormScreen(FormScreen):
    """A form whose labels are ``{FIELD_PREFIX}{name}`` in the catalog."""

    FIELD_PREFIX: ClassVar[str] = "field."

    def __init__(
        self, session: Session, title: str, on_result: Callable[[Any], object] | None = None
    ) -> None:
        super().__init__(title, on_result)
        self.session = session

    def field(self, name: str, widget: Widget, required: bool = False) -> ComposeResult:
        self.fields[name] = widget
        widget.add_class("field-input")
        text = t(f"{self.FIELD_PREFIX}{name}") + (" *" if required else "")
        yield Horizontal(
            Label(text, classes="field-label", markup=False), widget, classes="field-row"
        )
        yield Static("", id=f"error-{name}", classes="field-error", markup=False)

    def values(self) -> dict[str, str]:
        out = super().values()
        for name, widget in self.fields.items():
            if isinstance(widget, Checkbox):
                out[name] = TICKED if widget.value else ""
        return out


def text_area(value: str | None) -> TextArea:
    widget = TextArea(value or "", soft_wrap=True, compact=True)
    widget.cursor_blink = False
    return widget


def choice(
    options: list[tuple[str, str]], current: str | None, blank: str | None = None
) -> Select[str]:
    """A compact Select of (label, value); ``blank`` is the prompt of "nothing chosen"."""
    return Select(
        options,
        value=current if current is not None else Select.NULL,
        allow_blank=blank is not None,
        prompt=blank or "",
        compact=True,
    )


def read_date(
    values: dict[str, str], name: str, errors: FieldErrors, required: bool = False
) -> date | None:
    """The date typed in field ``name`` (None when empty); a bad one is noted in ``errors``."""
    raw = values.get(name, "").strip()
    if not raw:
        if required:
            errors.add(name, "problem.required")
        return None
    try:
        return parse_date(raw)
    except InputError as exc:
        errors.add(name, exc.key, value=raw)
        return None


def required_text(values: dict[str, str], name: str, errors: FieldErrors) -> str:
    text = values.get(name, "").strip()
    if not text:
        errors.add(name, "problem.required")
    return text


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""
