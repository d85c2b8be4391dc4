"""The two dialogs of the ledger: add an entry, and reverse one with a reason.

The forms read what was typed (an item, numbers, a date) and hand it to
``data.ledger``; what the ledger refuses (an unknown item, hours an item does not take,
a second reversal, the reversal of a reversal) comes back as a ``StoreError`` and is
shown in the dialog, which stays open with the values kept.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from orglife_tui.data import ledger
from orglife_tui.data.errors import StoreError
from orglife_tui.data.ledger import LedgerRow
from orglife_tui.data.store import MemberRow
from orglife_tui.domain import InputError, parse_date
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.scoring.model import Item, Scheme, Unit
from orglife_tui.services.points import add_manual_entry
from orglife_tui.tui.cells import clip, pad
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import FormScreen, text_input
from orglife_tui.tui.screens.common.labels import cap_text, category_label, per_unit

MAX_NOTE = 500
FORM_WORDING = {"ledger.hours_required": ("hours", "tui.problem.hours_required")}
"""Refusals of the ledger said in the form's words: key -> (field, catalog key)."""
NAME_WIDTH = 16
"""Cells of an item's name in the item list (the code, points and cap follow it)."""


def item_option(item: Item, lang: str, code_width: int) -> str:
    """One line of the item list, in columns: code, name, points per unit, yearly cap."""
    return "  ".join(
        (
            pad(item.code, code_width),
            pad(clip(item.name(lang), NAME_WIDTH), NAME_WIDTH),
            pad(per_unit(item), 9, right=True),
            cap_text(item),
        )
    )


def parse_number(values: dict[str, str], name: str, errors: FieldErrors) -> float | None:
    """A number typed in field ``name`` (full-width digits and 。 allowed); None when empty."""
    raw = values.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw.replace("。", ".").replace("．", ".").replace("＋", "+"))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        errors.add(name, "tui.problem.not_a_number", value=raw)
        return None
    return value


class LedgerFormScreen(FormScreen):
    """A form whose field labels come from the ``tui.field.*`` catalog keys."""

    def field(self, name: str, widget: Widget, required: bool = False) -> ComposeResult:
        self.fields[name] = widget
        widget.add_class("field-input")
        text = t(f"tui.field.{name}") + (" *" if required else "")
        yield Horizontal(
            Label(text, classes="field-label", markup=False), widget, classes="field-row"
        )
        yield Static("", id=f"error-{name}", classes="field-error", markup=False)


class EntryFormScreen(LedgerFormScreen):
    """Add one manual entry to a member's ledger."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "ledger_entry.tcss"]
    HELP_KEY = "tui.help.entry_form"

    def __init__(
        self,
        session: Session,
        member: MemberRow,
        scheme: Scheme,
        scheme_version_id: int | None,
        default_date: date,
        on_result: Callable[[LedgerRow | None], object] | None = None,
    ) -> None:
        title = t("tui.entry_form.title", name=member.name, member_no=member.member_no)
        super().__init__(title, on_result)
        self.session = session
        self.member = member
        self.scheme = scheme
        self.scheme_version_id = scheme_version_id
        self.default_date = default_date
        self.item_options: list[tuple[str, str]] = []
        """(line shown, item code) of the items offered."""

    def compose_fields(self) -> ComposeResult:
        lang = self.session.lang
        # Items derived from attendance are booked by the attendance sync, not by hand.
        items = ledger.manual_items(self.scheme)
        code_width = max((len(it.code) for it in items), default=4)
        options = [(item_option(it, lang, code_width), it.code) for it in items]
        self.item_options = options
        # Item names come from the branch's scheme file: shown as typed, never as markup.
        select = Select(
            [(Text(line), code) for line, code in options],
            prompt=t("tui.entry.pick_item"),
            compact=True,
        )
        yield from self.field("item", select, required=True)
        yield Static("", id="item-hint", markup=False)
        yield from self.field("hours", text_input("", t("tui.entry.hours_hint")))
        yield from self.field("points", text_input("", t("tui.entry.points_hint")))
        date_hint = t("tui.form.date_hint")
        yield from self.field(
            "entry_date", text_input(self.default_date.isoformat(), date_hint), required=True
        )
        yield from self.field("note", text_input("", t("tui.entry.note_hint")))

    @on(Select.Changed)
    def _item_changed(self, event: Select.Changed) -> None:
        hint = self.query_one("#item-hint", Static)
        item = self.scheme.item(str(event.value)) if event.value != Select.NULL else None
        hint.set_class(item is not None, "-shown")
        if item is None:
            hint.update("")
            return
        parts = [category_label(item.category), per_unit(item), cap_text(item)]
        if item.unit is Unit.hour:
            parts.append(t("tui.entry.needs_hours"))
        hint.update(t("tui.list_sep").join(parts))

    def save(self, values: dict[str, str]) -> LedgerRow:
        errors = FieldErrors()
        code = values.get("item", "")
        if not code:
            errors.add("item", "problem.required")
        hours = parse_number(values, "hours", errors)
        points = parse_number(values, "points", errors)
        raw_date = values.get("entry_date", "").strip()
        entry_date = None
        if not raw_date:
            errors.add("entry_date", "problem.required")
        else:
            try:
                entry_date = parse_date(raw_date)
            except InputError as exc:
                errors.add("entry_date", exc.key, value=raw_date)
        note = values.get("note", "").strip()
        if len(note) > MAX_NOTE:
            errors.add("note", "problem.too_long", limit=str(MAX_NOTE))
        if errors:
            raise errors
        # What the ledger refuses (hours an item does not take, an hour item without
        # hours, points of the wrong sign …) comes back as a StoreError, shown in place.
        s = self.session
        try:
            return add_manual_entry(
                s.store,
                s.branch.id,
                self.scheme,
                self.scheme_version_id,
                self.member.member_no,
                code,
                points=points,
                hours=hours,
                entry_date=entry_date,
                note=note or None,
            )
        except StoreError as error:
            # The ledger's own words name command-line options; in the form, say it plainly.
            if error.key in FORM_WORDING:
                fieldname, key = FORM_WORDING[error.key]
                errors.add(fieldname, key, **{k: str(v) for k, v in error.params.items()})
                raise errors from None
            raise

    def store_error_field(self, error: StoreError) -> str | None:
        """The field a refusal is about, told by its catalog key (``ledger_hours_…``)."""
        key = error.key
        for word, name in (
            ("hour", "hours"),
            ("point", "points"),
            ("date", "entry_date"),
            ("note", "note"),
            ("item", "item"),
        ):
            if word in key:
                return name
        return None


class ReverseScreen(LedgerFormScreen):
    """Reverse one entry: the reason is required; the ledger may still refuse."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "ledger_entry.tcss"]
    HELP_KEY = "tui.help.reverse"

    def __init__(
        self,
        session: Session,
        entry: LedgerRow,
        what: str,
        on_result: Callable[[LedgerRow | None], object] | None = None,
    ) -> None:
        super().__init__(t("tui.reverse.title", id=entry.id), on_result)
        self.add_class("-reverse")
        self.session = session
        self.entry = entry
        self.what = what

    def compose_fields(self) -> ComposeResult:
        yield Static(self.what, id="reverse-what", markup=False)
        yield from self.field("reason", text_input("", t("tui.reverse.hint")), required=True)

    def save(self, values: dict[str, str]) -> LedgerRow:
        reason = values.get("reason", "").strip()
        if not reason:
            errors = FieldErrors()
            errors.add("reason", "problem.required")
            raise errors
        s = self.session
        return ledger.reverse_entry(s.store, s.branch.id, self.entry.id, reason)

    def action_next_field(self) -> None:
        """Enter in the one field saves (there is nothing to move on to)."""
        if not isinstance(self.focused, Input):
            raise SkipAction()  # Enter presses the focused button
        self.action_save()
