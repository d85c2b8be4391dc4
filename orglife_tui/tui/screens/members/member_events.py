"""The dialogs of a member's history (issue 9 §2): the menu of events, one small form per
event (transfer out, conversion, extended probation, away, back, death, removal), voiding
an event, and a member who transfers in.

Each form only reads what was typed (dates, required text) and hands it to
``data.membership``; every rule (not in the future, not before joining or coming in, not
after leaving, overlapping periods …) is the data layer's, and its refusal is shown in the
form, under the field it concerns, with the values kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from orglife_tui.data import membership
from orglife_tui.data.errors import StoreError
from orglife_tui.data.membership import MemberEventRow
from orglife_tui.data.store import MemberRow
from orglife_tui.domain import Gender, MemberEventKind, MemberStatus
from orglife_tui.domain.records import FieldErrors, member_from_fields
from orglife_tui.locale import has, t
from orglife_tui.tui.screens.common.base import BaseModal, BaseScreen, Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    choice,
    iso,
    read_date,
    required_text,
)

# What a member's history can be given, in the order the menu offers it:
# (action, key, catalog key of the label). The same keys work on the members screen.
EVENT_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("transfer_out", "o", "membership.tui.do.transfer_out"),
    ("conversion", "c", "membership.tui.do.conversion"),
    ("probation_extended", "t", "membership.tui.do.probation_extended"),
    ("away", "a", "membership.tui.do.away"),
    ("back", "b", "membership.tui.do.back"),
    ("deceased", "d", "membership.tui.do.deceased"),
    ("removed", "x", "membership.tui.do.removed"),
    ("history", "h", "membership.tui.do.history"),
    ("transfer_in", "i", "membership.tui.do.transfer_in"),
    ("watch", "w", "membership.tui.do.watch"),
)


class EventMenuScreen(BaseModal[str]):
    """Which event to record for the highlighted member: a letter, or ↑/↓ and Enter."""

    CSS_PATH = "member_events.tcss"
    HELP_KEY = "membership.tui.help.menu"
    TYPE_AHEAD = True

    BINDINGS: ClassVar = [
        Binding("escape", "cancel", "tui.key.cancel", id="events_menu.cancel"),
        *(Binding(key, f"pick('{action}')", show=False) for action, key, _ in EVENT_ACTIONS),
    ]

    def __init__(
        self, member: MemberRow | None, on_result: Callable[[str | None], object] | None = None
    ) -> None:
        super().__init__(on_result)
        self.member = member

    def compose(self) -> ComposeResult:
        title = (
            t("membership.tui.menu_title", name=self.member.name, member_no=self.member.member_no)
            if self.member is not None
            else t("membership.tui.menu_title_none")
        )
        with Vertical(id="dialog"):
            yield Static(title, id="title", markup=False)
            yield OptionList(
                *(
                    Option(f"{key}  {t(label)}", id=action)
                    for action, key, label in EVENT_ACTIONS
                    # without a member only what needs none is offered
                    if self.member is not None or action in ("transfer_in", "watch")
                ),
                id="choices",
                compact=True,
            )
            yield Static(t("membership.tui.menu_hint"), id="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(str(event.option.id))

    def action_pick(self, action: str) -> None:
        if self.member is None and action not in ("transfer_in", "watch"):
            return
        self.finish(action)

    def action_cancel(self) -> None:
        self.finish(None)


class EventFormScreen(RecordFormScreen):
    """A form of this module: each field's label is the catalog key ``label_key`` names."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    FIELD_PREFIX = "membership.field."

    def label_key(self, name: str) -> str:
        return f"{self.FIELD_PREFIX}{name}"

    def field(self, name: str, widget: Widget, required: bool = False) -> ComposeResult:
        self.fields[name] = widget
        widget.add_class("field-input")
        text = t(self.label_key(name)) + (" *" if required else "")
        yield Horizontal(
            Label(text, classes="field-label", markup=False), widget, classes="field-row"
        )
        yield Static("", id=f"error-{name}", classes="field-error", markup=False)


# The field a refusal of the data layer belongs under, by its catalog key.
_ERROR_FIELDS = {
    "event_in_future": "date",
    "event_before_joined": "date",
    "event_before_entered": "date",
    "member_already_left": "date",
    "membership.already_entered": "date",
    "membership.convert_before_end": "date",
    "membership.not_away": "date",
    "event_end_before_start": "end",
    "membership.extend_needs_until": "until",
    "membership.extend_not_later": "until",
    "membership.extend_too_long": "until",
    "away_overlaps": "date",
    "membership.remove_needs_reason": "reason",
    "membership.void_needs_reason": "reason",
    "membership.transfer_in_needs_from": "place",
    "member_no_taken": "member_no",
}

# Per event: its fields in order (name, required) and the catalog key of the title.
_FORMS: dict[str, tuple[tuple[tuple[str, bool], ...], str]] = {
    "transfer_out": ((("date", True), ("place", True), ("note", False)), "transfer_out"),
    "conversion": ((("date", True), ("note", False)), "conversion"),
    "probation_extended": (
        (("until", True), ("date", True), ("reason", False)),
        "probation_extended",
    ),
    "away": ((("date", True), ("end", False), ("place", True), ("note", False)), "away"),
    "back": ((("date", True),), "back"),
    "deceased": ((("date", True), ("note", False)), "deceased"),
    "removed": ((("date", True), ("reason", True), ("note", False)), "removed"),
}


class MemberEventFormScreen(EventFormScreen):
    """One event of one member: a date (or two), where, why."""

    HELP_KEY = "membership.tui.help.form"

    def __init__(
        self,
        session: Session,
        member: MemberRow,
        action: str,
        on_result: Callable[[MemberEventRow | None], object] | None = None,
    ) -> None:
        self.fields_of, title_key = _FORMS[action]
        title = t(f"membership.tui.title.{title_key}", name=member.name, member_no=member.member_no)
        super().__init__(session, title, on_result)
        self.add_class("-small")
        self.member = member
        self.action = action

    def label_key(self, name: str) -> str:
        """Some fields read differently per event (the date of what, the place of what)."""
        specific = f"membership.field.{self.action}.{name}"
        return specific if has(specific) else f"membership.field.{name}"

    def compose_fields(self) -> ComposeResult:
        s, m = self.session, self.member
        yield Static(_member_line(s, m), id="record-what", markup=False)
        hint = t("tui.form.date_hint")
        for name, required in self.fields_of:
            value = ""
            if name == "date":
                value = iso(self._proposed_date())
            yield from self.field(name, text_input(value, hint if _is_date(name) else ""), required)

    def _proposed_date(self) -> date:
        """Today; for a conversion the day the probation ends, once it has come."""
        s = self.session
        today = s.today()
        if self.action == "conversion" and self.member.status is MemberStatus.probationary:
            try:
                ends = membership.probation_end(s.store, s.branch.id, self.member.member_no)
            except StoreError:
                ends = None
            if ends is not None and ends <= today:
                return ends
        return today

    def save(self, values: dict[str, str]) -> MemberEventRow:
        errors = FieldErrors()
        required = {name for name, needed in self.fields_of if needed}
        dates: dict[str, date | None] = {}
        texts: dict[str, str] = {}
        for name, _ in self.fields_of:
            if _is_date(name):
                dates[name] = read_date(values, name, errors, required=name in required)
            elif name in required:
                texts[name] = required_text(values, name, errors)
            else:
                texts[name] = values.get(name, "").strip()
        if errors:
            raise errors
        s, no = self.session, self.member.member_no
        on = dates.get("date")
        assert on is not None
        if self.action == "back":
            return membership.back_from_away(s.store, s.branch.id, no, on)
        kind = MemberEventKind(self.action)
        return membership.record_event(
            s.store,
            s.branch.id,
            no,
            kind,
            on,
            end=dates.get("until") or dates.get("end"),
            place=texts.get("place") or None,
            reason=texts.get("reason") or None,
            note=texts.get("note") or None,
        )

    def store_error_field(self, error: StoreError) -> str | None:
        name = _ERROR_FIELDS.get(error.key)
        if error.key == "event_end_before_start" and "until" in self.fields:
            name = "until"
        return name if name in self.fields else None


class VoidEventFormScreen(EventFormScreen):
    """Void an event recorded by mistake: it stays in the history, marked, with the reason."""

    HELP_KEY = "membership.tui.help.void"

    def __init__(
        self,
        session: Session,
        event: MemberEventRow,
        on_result: Callable[[MemberEventRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("membership.tui.title.void"), on_result)
        self.add_class("-small")
        self.event = event

    def compose_fields(self) -> ComposeResult:
        e = self.event
        yield Static(
            t(
                "membership.tui.void_what",
                kind=self.session.label(e.kind),
                date=e.date.isoformat(),
                name=e.name,
                member_no=e.member_no,
            ),
            id="record-what",
            markup=False,
        )
        yield from self.field("reason", text_input(""), required=True)

    def save(self, values: dict[str, str]) -> MemberEventRow:
        errors = FieldErrors()
        reason = required_text(values, "reason", errors)
        if errors:
            raise errors
        s = self.session
        return membership.void_event(s.store, s.branch.id, self.event.id, reason)

    def store_error_field(self, error: StoreError) -> str | None:
        return "reason" if error.key == "membership.void_needs_reason" else None


class TransferInFormScreen(EventFormScreen):
    """A member who comes from another branch: the roster's fields, the day they came in
    and where from. Their original join and full-member dates are kept as they are."""

    HELP_KEY = "membership.tui.help.transfer_in"

    def __init__(
        self, session: Session, on_result: Callable[[MemberRow | None], object] | None = None
    ) -> None:
        super().__init__(session, t("membership.tui.title.transfer_in"), on_result)

    def label_key(self, name: str) -> str:
        # The roster's fields keep the roster's labels (field.*); the event's are ours.
        key = f"membership.field.transfer_in.{name}"
        return key if has(key) else f"field.{name}"

    def compose_fields(self) -> ComposeResult:
        s = self.session
        hint = t("tui.form.date_hint")
        yield from self.field("member_no", text_input(""), required=True)
        yield from self.field("name", text_input(""), required=True)
        yield from self.field("date", text_input(iso(s.today()), hint), required=True)
        yield from self.field("place", text_input(""), required=True)
        statuses = [(s.label(v), v.value) for v in MemberStatus]
        yield from self.field("status", choice(statuses, MemberStatus.full.value), required=True)
        genders = [(s.label(v), v.value) for v in Gender]
        yield from self.field("gender", choice(genders, None, t("tui.form.blank")))
        yield from self.field("birth_date", text_input("", hint))
        yield from self.field("join_date", text_input("", hint))
        yield from self.field("full_date", text_input("", hint))
        groups = s.store.groups(s.branch.id)
        yield from self.field(
            "group",
            text_input(
                "",
                t("tui.form.group_hint") if groups else "",
                suggester=SuggestFromList(groups, case_sensitive=False),
            ),
        )
        yield from self.field("phone", text_input(""))

    def save(self, values: dict[str, str]) -> MemberRow:
        s = self.session
        errors = FieldErrors()
        on = read_date(values, "date", errors, required=True)
        place = required_text(values, "place", errors)
        try:
            member = member_from_fields(values, today=s.today())
        except FieldErrors as problems:
            errors.problems.extend(problems.problems)
        if errors:
            raise errors
        assert on is not None
        return membership.transfer_in_member(s.store, s.branch.id, member, on, place=place)

    def store_error_field(self, error: StoreError) -> str | None:
        name = _ERROR_FIELDS.get(error.key)
        if error.key == "event_before_joined":
            name = "join_date"
        return name if name in self.fields else None


def _is_date(name: str) -> bool:
    return name in ("date", "until", "end")


def _member_line(session: Session, m: MemberRow) -> str:
    """Who the event is for: name, number, status, and when they joined."""
    parts: dict[str, Any] = {
        "name": m.name,
        "member_no": m.member_no,
        "status": session.label(m.status),
    }
    if m.join_date is None:
        return t("membership.tui.member_line", **parts)
    return t("membership.tui.member_line_joined", joined=m.join_date.isoformat(), **parts)


def open_event(
    screen: BaseScreen,
    member: MemberRow | None,
    on_done: Callable[[], object],
    action: str | None = None,
) -> None:
    """Open what ``action`` names for ``member`` over ``screen``: the menu of events (None),
    an event's form, the member's history, the conversion watch or the transfer-in form.
    ``on_done`` runs after something was saved (the screen below shows it)."""
    from orglife_tui.tui.screens.members.member_history import MemberHistoryScreen
    from orglife_tui.tui.screens.members.probation_watch import ProbationWatchScreen

    app = screen.app
    session = screen.session
    if action is None:
        app.push_screen(
            EventMenuScreen(
                member,
                on_result=lambda chosen: (
                    open_event(screen, member, on_done, chosen) if chosen else None
                ),
            )
        )
        return
    if action == "watch":
        app.push_screen(ProbationWatchScreen(session))
        return
    if action == "transfer_in":

        def came_in(row: MemberRow | None) -> None:
            if row is not None:
                screen.notify(
                    t("membership.tui.transferred_in", name=row.name, member_no=row.member_no)
                )
                on_done()

        app.push_screen(TransferInFormScreen(session, on_result=came_in))
        return
    if member is None:
        screen.notify(t("tui.members.nothing_to_edit"), severity="warning")
        return
    if action == "history":
        app.push_screen(MemberHistoryScreen(session, member))
        return

    def recorded(event: MemberEventRow | None) -> None:
        if event is None:
            return
        screen.notify(
            t(
                "membership.tui.saved",
                kind=session.label(event.kind),
                name=event.name,
                member_no=event.member_no,
                date=event.date.isoformat(),
            )
        )
        on_done()

    app.push_screen(MemberEventFormScreen(session, member, action, on_result=recorded))
