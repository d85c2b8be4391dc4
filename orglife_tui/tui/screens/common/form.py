"""What the member and meeting forms share: labelled fields, errors in place, save/cancel.

A form never re-implements a rule: it hands the typed text to ``records.*_from_fields``
and shows each ``FieldErrors`` problem under the field it names; a refused write
(``StoreError``) is shown in the form too. The form stays open with the values kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult, CSSPathType
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from orglife_tui.data.errors import StoreError
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseModal
from orglife_tui.tui.screens.common.confirm import ConfirmScreen


def text_input(value: str | None = "", placeholder: str = "", **kwargs: Any) -> Input:
    widget = Input(value=value or "", placeholder=placeholder, compact=True, **kwargs)
    widget.cursor_blink = False
    return widget


class FormScreen(BaseModal[object]):
    """A dialog of labelled fields. Subclasses yield fields and implement :meth:`save`."""

    # Anchored to this file: forms in other folders inherit it, and Textual resolves a
    # relative CSS_PATH beside the subclass's own file.
    CSS_PATH: ClassVar[CSSPathType | None] = str(Path(__file__).with_name("form.tcss"))
    HELP_KEY = "tui.help.form"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]  # Textual declares no ClassVar

    BINDINGS: ClassVar = [
        Binding("ctrl+s", "save", "tui.key.save", id="form.save"),
        Binding("escape", "cancel", "tui.key.cancel", id="form.cancel"),
        # Enter in a text field moves to the next field at once (a priority binding, so
        # that keys typed ahead land in the next field, not in this one).
        Binding("enter", "next_field", show=False, priority=True),
    ]

    def __init__(self, title: str, on_result: Callable[[Any], object] | None = None) -> None:
        super().__init__(on_result)
        self.form_title = title
        self.fields: dict[str, Widget] = {}
        self._initial: dict[str, str] = {}

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.form_title, id="form-title", markup=False)
            with VerticalScroll(id="form-body"):
                yield from self.compose_fields()
            yield Static(id="summary", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("tui.form.save"), id="save", variant="primary", compact=True)
                yield Button(t("tui.form.cancel"), id="cancel", compact=True)

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def field(self, name: str, widget: Widget, required: bool = False) -> ComposeResult:
        """A labelled field row and the line under it where its problems are shown."""
        self.fields[name] = widget
        widget.add_class("field-input")
        text = t(f"field.{name}") + (" *" if required else "")
        yield Horizontal(
            Label(text, classes="field-label", markup=False), widget, classes="field-row"
        )
        yield Static("", id=f"error-{name}", classes="field-error", markup=False)

    def on_mount(self) -> None:
        self._initial = self.values()
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.focus()

    # ------------------------------------------------------------------ values

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, Input):
                out[name] = widget.value
            elif isinstance(widget, Select):
                out[name] = "" if widget.is_blank() else str(widget.value)
            elif isinstance(widget, SelectionList):
                out[name] = ";".join(str(v) for v in widget.selected)
            elif isinstance(widget, TextArea):
                out[name] = widget.text
        return out

    @property
    def changed(self) -> bool:
        return self.values() != self._initial

    # ------------------------------------------------------------------ saving

    def save(self, values: dict[str, str]) -> object:
        """Validate and store; raise ``FieldErrors`` or ``StoreError`` to refuse."""
        raise NotImplementedError

    def problem_field(self, fieldname: str, key: str) -> str | None:
        """The field a problem is shown under (``None``: only in the summary)."""
        return fieldname if fieldname in self.fields else None

    def store_error_field(self, error: StoreError) -> str | None:
        return None

    def action_save(self) -> None:
        try:
            result = self.save(self.values())
        except FieldErrors as errors:
            self.show_problems(
                [(fieldname, t(key, **params), key) for fieldname, key, params in errors.problems]
            )
            return
        except StoreError as error:
            where = self.store_error_field(error)
            self.show_problems([(where or "", str(error), error.key)], always_in_summary=True)
            return
        self.finish(result)

    def show_problems(
        self, problems: list[tuple[str, str, str]], always_in_summary: bool = False
    ) -> None:
        """Mark each field in place; what belongs to no field goes to the summary."""
        self.clear_problems()
        by_field: dict[str, list[str]] = {}
        loose: list[str] = []
        for fieldname, message, key in problems:
            target = self.problem_field(fieldname, key) if fieldname else None
            if target is None:
                loose.append(message)
            else:
                by_field.setdefault(target, []).append(message)
                if always_in_summary:
                    loose.append(message)
        for name, messages in by_field.items():
            self.fields[name].add_class("-invalid")
            error = self.query_one(f"#error-{name}", Static)
            error.update(t("tui.list_sep").join(messages))
            error.add_class("-shown")
        summary = self.query_one("#summary", Static)
        lines = [] if always_in_summary else [t("tui.form.fix", count=len(problems))]
        summary.update("\n".join(lines + loose))
        summary.add_class("-shown")
        first = next((self.fields[n] for n in self.fields if n in by_field), None)
        if first is not None:
            first.focus()
            self.query_one("#form-body", VerticalScroll).scroll_to_widget(first, animate=False)

    def clear_problems(self) -> None:
        for name, widget in self.fields.items():
            widget.remove_class("-invalid")
            error = self.query_one(f"#error-{name}", Static)
            error.update("")
            error.remove_class("-shown")
        summary = self.query_one("#summary", Static)
        summary.update("")
        summary.remove_class("-shown")

    # ------------------------------------------------------------------ leaving

    def action_cancel(self) -> None:
        if not self.changed:
            self.finish(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.finish(None)

        self.app.push_screen(ConfirmScreen(t("tui.form.discard"), answered))

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_next_field(self) -> None:
        """Enter in a text field moves on to the next one, as on a paper form."""
        if not isinstance(self.focused, Input):
            raise SkipAction()  # Enter opens a choice, ticks a type, presses a button
        self.focus_next()
