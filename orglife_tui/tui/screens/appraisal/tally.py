"""The tally of a closed appraisal session and the committee's grades.

:class:`AppraisalTallyScreen` lists per candidate the ballots by grade, the points, the
proposed grade and the final grade; ``g`` or Enter records the committee's grade (a grade
that departs from the proposal needs a reason), ``a`` accepts every proposal at once after
a confirm (``appraisal.grade_all_proposed``: who is left is shown with why), with the
one-third warning on top. A published session shows its stored record
(``data.publications``) above the tally.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import appraisal
from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t
from orglife_tui.scoring.appraisal import why_not_graded
from orglife_tui.scoring.model import Grade, Scheme
from orglife_tui.tui.cells import clip, right
from orglife_tui.tui.screens.appraisal.dialogs import (
    GradeFormScreen,
    NoticeScreen,
    publish_after_confirm,
)
from orglife_tui.tui.screens.appraisal.shared import ACTIONS, active_scheme, record_text
from orglife_tui.tui.screens.appraisal.steps import self_label
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.labels import number, short_hash
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes

TALLY_COLUMNS = (
    Column("no", "tui.appraisal.col.no", 5, 5),
    Column("name", "tui.appraisal.col.name", 8, 8),
    Column("excellent", "tui.appraisal.col.excellent", 3, 3),
    Column("qualified", "tui.appraisal.col.qualified", 3, 3),
    Column("basic", "tui.appraisal.col.basic", 3, 3),
    Column("unqualified", "tui.appraisal.col.unqualified", 3, 3),
    Column("abstain", "tui.appraisal.col.abstain", 3, 3),
    Column("points", "tui.appraisal.col.points", 6, 6),
    Column("proposed", "tui.appraisal.col.proposed", 8, 7),
    Column("final", "tui.appraisal.col.final", 8, 7),
    Column("flag", "tui.appraisal.col.flag", 2, 2),
)
GRADE_STYLE: dict[Grade | None, str] = {Grade.excellent: "green", Grade.unqualified: "bold red"}


def grade_abbr(grade: Grade | None) -> str:
    return t("tui.grade.none") if grade is None else t(f"tui.appraisal.grade_abbr.{grade.value}")


class AppraisalTallyScreen(ListScreen[appraisal.TallyRow]):
    """The ballots counted, the proposal from ballots and points, the committee's grades."""

    CSS_PATH = "tally.tcss"
    HELP_KEY = "tui.appraisal.help_tally"
    TABLE_ID = "tally"
    COLUMNS = TALLY_COLUMNS
    KEEP_ROW = True
    SELECT_ACTION = "grade"
    EMPTY_NOTE = False  # a session is tallied once it has candidates

    BINDINGS: ClassVar = [
        Binding("g", "grade", "tui.appraisal.key.grade", id="tally.grade"),
        Binding("a", "grade_all", "appraisal_steps.tui.key.grade_all", id="tally.grade_all"),
        Binding("u", "publish", "tui.appraisal.key.publish", id="tally.publish"),
        Binding("escape", "app.back", "tui.key.back", id="tally.back"),
    ]

    def __init__(self, session: Session, session_id: int, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.session_id = session_id
        self.tally: appraisal.Tally | None = None
        self.scheme: Scheme | None = None
        # each candidate's self-assessment and comments, and who the scheme leaves out
        self.steps: dict[str, appraisal.AppraisedMember] = {}
        self.left: list[appraisal.LeftOut] = []

    def compose_above(self) -> ComposeResult:
        return notes("turnout", "record", "warning")

    def compose_below(self) -> ComposeResult:
        return notes("left-out", "detail")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        states = ACTIONS.get(action)
        if states is None:
            return True
        return self.tally is not None and self.tally.session.state in states

    def cells(self, row: appraisal.TallyRow) -> tuple[Text, ...]:
        c = row.counts
        departs = row.final is not None and row.final != row.proposed
        return (
            self.cell("no", row.member_no),
            self.cell("name", row.name),
            right(str(c.excellent), 3),
            right(str(c.qualified), 3),
            right(str(c.basically_qualified), 3),
            right(str(c.unqualified), 3),
            right(str(c.abstain), 3),
            right(number(row.points), 6),
            self.cell("proposed", grade_abbr(row.proposed), GRADE_STYLE.get(row.proposed, "")),
            self.cell(
                "final",
                grade_abbr(row.final) if row.final else "",
                "bold yellow" if departs else GRADE_STYLE.get(row.final, ""),
            ),
            self.cell("flag", "!" if row.unqualified_flag else "", "bold red"),
        )

    def key_of(self, row: appraisal.TallyRow) -> str:
        return row.member_no

    def fetch(self) -> list[appraisal.TallyRow]:
        self.scheme = active_scheme(self.session)
        self.tally = appraisal.tally(self.store, self.branch_id, self.session_id, self.scheme)
        store, branch_id, session_id = self.store, self.branch_id, self.session_id
        self.steps = {
            p.member_no: p
            for p in appraisal.appraised(store, branch_id, session_id, scheme=self.scheme)
        }
        self.left = appraisal.left_out(store, branch_id, session_id, scheme=self.scheme)
        return self.tally.rows

    def show_state(self) -> None:
        tally = self.tally
        assert tally is not None
        s = tally.session
        self.sub_title = t("tui.appraisal.tally_title", year=s.year)
        voted, voters = tally.turnout
        parts = [
            self.session.label(s.state),
            t(
                "tui.appraisal.turnout_label",
                turnout=t("tui.appraisal.voted_of", voted=voted, voters=voters),
            ),
            t("tui.appraisal.ballots", ballots=s.ballots or 0),
        ]
        if s.fingerprint:
            parts.append(
                t("tui.appraisal.fingerprint_short", fingerprint=short_hash(s.fingerprint))
            )
        self.query_one("#turnout", Static).update(t("tui.appraisal.sep").join(parts))
        record = self.query_one("#record", Static)
        if tally.publication is not None:
            record.update(record_text(tally.publication) + "\n" + t("publication.tui.record_note"))
        record.display = tally.publication is not None
        warning = self.query_one("#warning", Static)
        graded = [r.final or r.proposed for r in tally.rows if r.graded]
        excellent = sum(1 for g in graded if g is Grade.excellent)
        flagged = sum(1 for r in tally.rows if r.unqualified_flag)
        warnings = []
        if tally.excellent_warning:
            warnings.append(
                t("tui.appraisal.excellent_warning", count=excellent, graded=len(graded))
            )
        if flagged:
            warnings.append(t("tui.appraisal.flag_note", count=flagged))
        warning.update("\n".join(warnings))
        warning.display = bool(warnings)
        left = self.query_one("#left-out", Static)
        sep = t("import.list_sep")
        left.update(
            t(
                "appraisal_steps.not_rated_line",
                members=sep.join(f"{m.member_no} {m.name}" for m in self.left),
            )
        )
        left.display = bool(self.left)
        self.refresh_bindings()

    def show_detail(self) -> None:
        row = self.highlighted()
        detail = self.query_one("#detail", Static)
        if row is None:
            detail.update("")
            return
        c = row.counts

        def share(grade: Grade | None) -> int:
            return round(c.share(grade) * 100)

        line1 = t(
            "tui.appraisal.detail_counts",
            name=row.name,
            no=row.member_no,
            excellent=c.excellent,
            excellent_p=share(Grade.excellent),
            qualified=c.qualified,
            qualified_p=share(Grade.qualified),
            basic=c.basically_qualified,
            basic_p=share(Grade.basically_qualified),
            unqualified=c.unqualified,
            unqualified_p=share(Grade.unqualified),
            abstain=c.abstain,
            abstain_p=share(None),
        )
        parts = []
        if row.combined is not None:
            parts.append(t("tui.appraisal.combined", score=number(round(row.combined, 1))))
        if row.vetoed:
            parts.append(t("tui.appraisal.vetoed"))
        why = why_not_graded(row.status, row.graded)
        if why is not None:
            parts.append(t(why))
        else:
            parts.append(
                t(
                    "tui.appraisal.proposal_final",
                    proposed=grade_abbr(row.proposed),
                    final=grade_abbr(row.final) if row.final else t("tui.appraisal.no_final"),
                )
            )
        if row.reason:
            parts.append(t("tui.appraisal.reason", reason=row.reason))
        member = self.steps.get(row.member_no)
        if member is not None:
            word, _ = self_label(member)
            parts.append(t("appraisal_steps.tui.tally_steps", self=word, comments=member.comments))
        width = max(20, self.app.size.width - 2)
        line2 = clip(t("tui.appraisal.sep").join(parts), width)
        detail.update(line1 + "\n" + line2)

    def action_grade(self) -> None:
        row = self.highlighted()
        if row is None:
            return
        why = why_not_graded(row.status, row.graded)
        if why is not None:
            self.notify(t(why), severity="warning")
            return

        def saved(result: object) -> None:
            if result:
                self.notify(t("tui.appraisal.grade_saved", name=row.name))
                self.reload()

        self.app.push_screen(GradeFormScreen(self.session, self.session_id, row, saved))

    def action_publish(self) -> None:
        publish_after_confirm(self, self.session_id, self.reload)

    def action_grade_all(self) -> None:
        """Every proposal accepted at once, after a question saying how many; who is left
        for one-by-one grading is shown with why."""
        if self.tally is None:
            return
        plan = appraisal.split_proposed(self.tally.rows)
        if not plan.graded:
            self.notify(t("appraisal_steps.tui.none_to_grade", left=len(plan.left)))
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                done = appraisal.grade_all_proposed(
                    self.store, self.branch_id, self.session_id, scheme=self.scheme
                )
            except StoreError as error:
                self.notify(str(error), severity="error", timeout=8)
                self.reload()
                return
            self.reload()
            if not done.left:
                self.notify(t("appraisal_steps.all_proposed_done", count=len(done.graded)))
                return
            lines = [
                t("appraisal_steps.left_line", member_no=r.member_no, name=r.name, why=t(why))
                for r, why in done.left
            ]
            self.app.push_screen(
                NoticeScreen(
                    t("appraisal_steps.all_proposed_done", count=len(done.graded)),
                    t("appraisal_steps.all_proposed_left", count=len(done.left))
                    + "\n"
                    + "\n".join(lines),
                )
            )

        question = t(
            "appraisal_steps.tui.grade_all_question", count=len(plan.graded), left=len(plan.left)
        )
        self.app.push_screen(ConfirmScreen(question, answered))
