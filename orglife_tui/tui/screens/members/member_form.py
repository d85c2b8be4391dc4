"""Add or edit one member: every field of the roster, checked by ``records.member_from_fields``."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Select

from orglife_tui.data.errors import StoreError
from orglife_tui.data.store import MemberRow
from orglife_tui.domain import CommitteePost, Gender, MemberStatus
from orglife_tui.domain.records import member_from_fields
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import FormScreen, text_input


class MemberFormScreen(FormScreen):
    CSS_PATH: ClassVar = ["../common/form.tcss", "member_form.tcss"]
    HELP_KEY = "tui.help.member_form"

    def __init__(
        self,
        session: Session,
        member: MemberRow | None,
        on_result: Callable[[MemberRow | None], object] | None = None,
    ) -> None:
        title = (
            t("tui.member_form.new")
            if member is None
            else t("tui.member_form.edit", name=member.name, member_no=member.member_no)
        )
        super().__init__(title, on_result)
        self.session = session
        self.member = member

    def compose_fields(self) -> ComposeResult:
        s, m = self.session, self.member
        date_hint = t("tui.form.date_hint")

        def choice(kind, current, blank: str | None):
            options = [(s.label(v), v.value) for v in kind]
            return Select(
                options,
                value=current.value if current is not None else Select.NULL,
                allow_blank=blank is not None,
                prompt=blank or "",
                compact=True,
            )

        yield from self.field("member_no", text_input(m.member_no if m else None), required=True)
        yield from self.field("name", text_input(m.name if m else None), required=True)
        yield from self.field("gender", choice(Gender, m and m.gender, t("tui.form.blank")))
        status = m.status if m else MemberStatus.full
        yield from self.field("status", choice(MemberStatus, status, None), required=True)
        yield from self.field("birth_date", text_input(_iso(m and m.birth_date), date_hint))
        yield from self.field("join_date", text_input(_iso(m and m.join_date), date_hint))
        yield from self.field("full_date", text_input(_iso(m and m.full_date), date_hint))
        groups = s.store.groups(s.branch.id)
        yield from self.field(
            "group",
            text_input(
                m.group if m else None,
                t("tui.form.group_hint") if groups else "",
                suggester=SuggestFromList(groups, case_sensitive=False),
            ),
        )
        yield from self.field("post", choice(CommitteePost, m and m.post, t("tui.form.no_post")))
        yield from self.field("phone", text_input(m.phone if m else None))
        yield from self.field(
            "dues_paid_until",
            text_input(m.dues_paid_until if m else None, t("tui.form.month_hint")),
        )
        yield from self.field("leader", yes_no(bool(m and m.leader)))

    def save(self, values: dict[str, str]) -> MemberRow:
        s = self.session
        record = member_from_fields(values, today=s.today())
        if self.member is None:
            return s.store.add_member(s.branch.id, record)
        return s.store.update_member(s.branch.id, self.member.id, record)

    def store_error_field(self, error: StoreError) -> str | None:
        return "member_no" if error.key in ("member_no_taken", "member_no_duplicate") else None


def yes_no(value: bool) -> Select[str]:
    """A yes-or-no choice (``parse_flag`` reads its values)."""
    options = [(t("tui.key.no"), "no"), (t("tui.key.yes"), "yes")]
    return Select(options, value="yes" if value else "no", allow_blank=False, compact=True)


def _iso(value) -> str:
    return value.isoformat() if value else ""
