"""Record or edit a talk, and record its follow-up.

The form reads what was typed and hands it to ``talk_records.talk_from_fields`` (the same
parsing as ``orglife-tui talks add``); what it refuses is marked under its field, and
what the store refuses (an unknown member or talker …) too. Nothing is saved on error.

The member talked to is typed by number or name (a suggestion completes it, → takes it);
the line under the field names the member found. Talkers are ticked among the committee
members; anyone else goes in “other talkers”, written ``003`` (a member by number) or
``name/post`` (someone from outside, e.g. ``李明/上级党委``), separated by ``;``.

Opened from the absence watch the form comes prefilled (member, type, the absence case
answered and its ladder step, the trigger).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import Checkbox, Input, SelectionList, Static

from orglife_tui.data import talks
from orglife_tui.data.errors import NotFound, StoreError
from orglife_tui.data.store import MemberRow, Store
from orglife_tui.data.talks import TalkRow
from orglife_tui.domain import LadderAction, TalkForm, TalkType
from orglife_tui.domain.records import FieldErrors
from orglife_tui.domain.talks import (
    LADDER_ZH,
    TALKER_SEPARATORS,
    talk_fields,
    talk_from_fields,
)
from orglife_tui.locale import t, visible
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    choice,
    iso,
    read_date,
    text_area,
)

# Where a refusal of the store is shown: its key -> the field at fault.
STORE_ERROR_FIELDS = {
    "talks.unknown_member": "member_no",
    "talks.unknown_talker": "talkers",
    "talks.no_talker": "talkers",
    "talks.talker_is_member": "talkers",
    "talks.talker_without_name": "talkers",
    "talks.date_in_future": "date",
    "talks.deadline_before_talk": "action_deadline",
    "talks.follow_up_before_talk": "follow_up_date",
    "talks.bad_absence_from": "absence_from",
    "talks.step_without_case": "absence_from",
    "talks.bad_absence_step": "absence_step",
}
SUGGESTIONS = 5
"""Members looked at for a suggestion as the member field is typed."""


def member_label(member: MemberRow) -> str:
    return f"{member.member_no} {member.name}"


def find_member(store: Store, branch_id: int, text: str) -> MemberRow | None:
    """The member typed as ``001``, ``001 张伟``, ``张伟`` or ``张伟 001`` (a name only when
    it is unique in the branch)."""
    words = text.split()
    if not words:
        return None
    for word in (words[0], words[-1]):
        try:
            return store.get_member(branch_id, word)
        except NotFound:
            pass
    named = [
        m for m in store.list_members(branch_id, search=words[0], limit=20) if m.name == words[0]
    ]
    return named[0] if len(named) == 1 else None


class MemberSuggester(Suggester):
    """Completes a member number (``00`` → ``001 张伟``) or a name (``张`` → ``张伟 001``)."""

    def __init__(self, store: Store, branch_id: int) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self.store = store
        self.branch_id = branch_id

    async def get_suggestion(self, value: str) -> str | None:
        text = value.strip()
        if not text or " " in text:
            return None
        for m in self.store.list_members(self.branch_id, search=text, limit=SUGGESTIONS):
            if m.member_no.startswith(text):
                return f"{m.member_no} {m.name}"
            if m.name.startswith(text):
                return f"{m.name} {m.member_no}"
        return None


def ladder_label(action: LadderAction, lang: str) -> str:
    return LADDER_ZH[action] if lang == "zh" else action.value.replace("_", " ")


class TalkFormScreen(RecordFormScreen):
    """Every field of a talk record; ``talk`` (read with its confidential texts) to edit."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "tui.talks.help_form"
    FIELD_PREFIX = "tui.talks.field."

    def __init__(
        self,
        session: Session,
        talk: TalkRow | None = None,
        prefill: Mapping[str, object] | None = None,
        on_result: Callable[[TalkRow | None], object] | None = None,
    ) -> None:
        title = (
            t("tui.talks.form_new")
            if talk is None
            else t("tui.talks.form_edit", name=talk.member_name, date=talk.date.isoformat())
        )
        super().__init__(session, title, on_result)
        self.talk = talk
        self.prefill = dict(prefill or {})
        # The committee members, offered as talkers to tick.
        self.committee = talks.coverage(
            session.store, session.branch.id, session.today().year
        ).talkers

    def _initial_values(self) -> dict[str, str]:
        """What the fields start with: the talk edited, or the prefill over the defaults."""
        s = self.session
        if self.talk is not None:
            values = talk_fields(self.talk)
        else:
            values = {
                "date": s.today().isoformat(),
                "type": TalkType.routine.value,
                "form": TalkForm.one_to_one.value,
            }
            for key, value in self.prefill.items():
                if value is not None:
                    values[key] = getattr(value, "value", str(value))
        member_no = values.get("member_no", "")
        if member_no:
            found = find_member(s.store, s.branch.id, member_no)
            values["member_no"] = member_label(found) if found else member_no
        return values

    def compose_fields(self) -> ComposeResult:
        s = self.session
        lang = s.lang
        v = self._initial_values()
        date_hint = t("tui.form.date_hint")
        member = text_input(
            v.get("member_no", ""),
            t("tui.talks.member_hint"),
            suggester=MemberSuggester(s.store, s.branch.id),
        )
        member.id = "member-input"
        yield from self.field("member_no", member, required=True)
        yield Static("", id="member-found", classes="field-hint", markup=False)
        yield from self.field("date", text_input(v.get("date", ""), date_hint), required=True)
        types = [(s.label(k), k.value) for k in TalkType]
        yield from self.field("type", choice(types, v.get("type") or None), required=True)
        forms = [(s.label(k), k.value) for k in TalkForm]
        yield from self.field("form", choice(forms, v.get("form") or None), required=True)

        # Talkers: committee members ticked, anyone else typed.
        chosen = [p.strip() for p in TALKER_SEPARATORS.split(v.get("talkers", "")) if p.strip()]
        ours = {no for no, _, _ in self.committee}
        if self.committee:
            options = [
                (  # names as typed, never markup
                    Text(
                        visible(
                            f"{name}（{s.label(post)}）"
                            if lang == "zh"
                            else f"{name} ({s.label(post)})"
                        )
                    ),
                    no,
                    no in chosen,
                )
                for no, name, post in self.committee
            ]
            yield from self.field(
                "talkers", SelectionList[str](*options, compact=True), required=True
            )
            others = "; ".join(p for p in chosen if p not in ours)
            yield from self.field(
                "other_talkers", text_input(others, t("tui.talks.other_talkers_hint"))
            )
        else:
            yield from self.field(
                "talkers",
                text_input(v.get("talkers", ""), t("tui.talks.other_talkers_hint")),
                required=True,
            )
        yield from self.field("place", text_input(v.get("place", "")))
        yield from self.field("recorder", text_input(v.get("recorder", "")))
        yield from self.field("trigger", text_input(v.get("trigger", "")))
        for name in ("content", "problems", "difficulties", "opinions", "actions"):
            yield from self.field(name, text_area(v.get(name, "")))
        yield from self.field(
            "action_deadline", text_input(v.get("action_deadline", ""), date_hint)
        )
        yield from self.field("follow_up_date", text_input(v.get("follow_up_date", ""), date_hint))
        yield from self.field("follow_up_result", text_area(v.get("follow_up_result", "")))
        confidential = v.get("confidential", "") in ("yes", "1", "true")
        box = Checkbox(t("tui.talks.confidential_box"), confidential, compact=True)
        yield from self.field("confidential", box)
        yield from self.field(
            "absence_from", text_input(v.get("absence_from", ""), t("tui.form.month_hint"))
        )
        steps = [(ladder_label(a, lang), a.value) for a in LadderAction]
        yield from self.field(
            "absence_step", choice(steps, v.get("absence_step") or None, t("tui.talks.no_step"))
        )

    def on_mount(self) -> None:
        super().on_mount()
        self._show_member()

    # ------------------------------------------------------------------ the member

    @on(Input.Changed, "#member-input")
    def _member_changed(self) -> None:
        self._show_member()

    def _show_member(self) -> None:
        s = self.session
        typed = self.fields["member_no"]
        assert isinstance(typed, Input)
        hint = self.query_one("#member-found", Static)
        text = typed.value.strip()
        found = find_member(s.store, s.branch.id, text) if text else None
        if found is not None:
            post = f" · {s.label(found.post)}" if found.post else ""
            hint.update(
                t("tui.talks.member_found", name=found.name, member_no=found.member_no) + post
            )
        elif text:
            hint.update(t("tui.talks.member_unknown", value=text))
        hint.set_class(bool(text), "-shown")

    # ------------------------------------------------------------------ saving

    def talk_values(self, values: dict[str, str]) -> dict[str, str]:
        """The typed fields as ``talk_from_fields`` reads them."""
        s = self.session
        out = dict(values)
        typed = values.get("member_no", "").strip()
        found = find_member(s.store, s.branch.id, typed) if typed else None
        # An unknown member goes on as typed: the store names it in its refusal.
        out["member_no"] = found.member_no if found else typed
        if "other_talkers" in values:
            parts = [p for p in values.get("talkers", "").split(";") if p]
            others = values.get("other_talkers", "").strip()
            out["talkers"] = "; ".join([*parts, *([others] if others else [])])
            del out["other_talkers"]
        return out

    def problem_field(self, fieldname: str, key: str) -> str | None:
        # A problem in what was typed goes under the typed talkers.
        if fieldname == "talkers" and "other_talkers" in self.fields and key != "problem.required":
            return "other_talkers"
        return super().problem_field(fieldname, key)

    def save(self, values: dict[str, str]) -> TalkRow:
        s = self.session
        record = talk_from_fields(self.talk_values(values), today=s.today())
        if self.talk is None:
            return talks.add_talk(s.store, s.branch.id, record)
        return talks.update_talk(s.store, s.branch.id, self.talk.id, record)

    def store_error_field(self, error: StoreError) -> str | None:
        name = STORE_ERROR_FIELDS.get(error.key)
        if name is None and error.key == "talks.too_long":
            name = str(error.params.get("field", ""))
        if name == "talkers" and "other_talkers" in self.fields:
            return "other_talkers" if error.key != "talks.no_talker" else "talkers"
        return name if name in self.fields else None


class FollowUpScreen(RecordFormScreen):
    """Record how a talk was followed up: when, and what came of it."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "tui.talks.help_follow_up"
    FIELD_PREFIX = "tui.talks.field."

    def __init__(
        self,
        session: Session,
        talk: TalkRow,
        on_result: Callable[[TalkRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("tui.talks.follow_up_title"), on_result)
        self.add_class("-small")
        self.talk = talk

    def compose_fields(self) -> ComposeResult:
        k = self.talk
        what = t(
            "tui.talks.follow_up_what",
            name=k.member_name,
            date=k.date.isoformat(),
            type=self.session.label(k.type),
        )
        if k.actions:
            what += "\n" + t("tui.talks.follow_up_actions", actions=clip(k.actions, 120))
        yield Static(what, id="record-what", markup=False)
        on = (
            k.follow_up_date
            if k.follow_up_date and k.follow_up_date <= self.session.today()
            else None
        )
        yield from self.field(
            "follow_up_date",
            text_input(iso(on or self.session.today()), t("tui.form.date_hint")),
            required=True,
        )
        yield from self.field("follow_up_result", text_area(""), required=True)

    def save(self, values: dict[str, str]) -> TalkRow:
        errors = FieldErrors()
        on = read_date(values, "follow_up_date", errors, required=True)
        result = values.get("follow_up_result", "").strip()
        if not result:
            errors.add("follow_up_result", "problem.required")
        if on is not None and on < self.talk.date:
            errors.add("follow_up_date", "talks.problem.before_talk")
        if on is not None and on > self.session.today():
            errors.add("follow_up_date", "problem.date_in_future")
        if errors:
            raise errors
        assert on is not None
        s = self.session
        return talks.record_follow_up(s.store, s.branch.id, self.talk.id, on, result)

    def store_error_field(self, error: StoreError) -> str | None:
        if error.key in ("talks.follow_up_before_talk", "talks.follow_up_in_future"):
            return "follow_up_date"
        if error.key == "talks.follow_up_result_required":
            return "follow_up_result"
        return None
