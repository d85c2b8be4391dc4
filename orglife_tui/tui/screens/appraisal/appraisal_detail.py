"""One appraisal session: its roster and state, and what can be done in that state.

- created: ``s`` starts the vote (the roster is taken then; the teller PIN is asked twice).
- started: ``k`` opens the kiosk, ``p`` the paper-ballot entry, ``c`` closes and seals the
  vote (the ballots counted and their fingerprint shown). Only “k of n voted” is shown
  while the vote is open: never a count of grades.
- finished: ``t`` the tally and the committee's grades (``tally``), ``u`` publishes.
- started or finished: ``r`` resets the session to “not started” (asks the teller PIN).
- any state: ``m`` the steps around the ballot: self-assessments and peer comments
  (``steps``).
- published: ``b`` the notice window (公示) and its objections (``objections``).

A published session shows its stored record (``data.publications``): the results as they
were published, with the record's date and the ledger head it was made from. The dialogs
these steps open are in ``dialogs`` and ``shared``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import appraisal, publications, sealing
from orglife_tui.data.appraisal import SessionRow, notice
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import MemberStatus, SessionState, natural_key
from orglife_tui.locale import t
from orglife_tui.tui.screens.appraisal.dialogs import NoticeScreen, publish_after_confirm
from orglife_tui.tui.screens.appraisal.objections import state_text
from orglife_tui.tui.screens.appraisal.shared import (
    ACTIONS,
    STATE_STYLE,
    AskScreen,
    active_scheme,
    record_text,
    turnout_text,
)
from orglife_tui.tui.screens.appraisal.steps import AppraisalStepsScreen
from orglife_tui.tui.screens.appraisal.tally import AppraisalTallyScreen
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.labels import status_short
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes

ROSTER_COLUMNS = (
    Column("no", "tui.appraisal.col.no", 6, 6),
    Column("name", "tui.appraisal.col.name", 10, 10),
    Column("status", "tui.appraisal.col.status", 6, 6),
    Column("candidate", "tui.appraisal.col.candidate", 10, 12),
    Column("vote", "tui.appraisal.col.vote", 10, 12),
)


@dataclass(frozen=True)
class RosterLine:
    """A member of the session's roster: a candidate, a voter, or both."""

    member_no: str
    name: str
    status: MemberStatus | None
    candidate: bool
    graded: bool
    voter: bool
    voted: bool


def roster(session_id: int, session: Session) -> list[RosterLine]:
    lines: dict[str, RosterLine] = {}
    for c in appraisal.candidates(session.store, session_id):
        lines[c.member_no] = RosterLine(c.member_no, c.name, c.status, True, c.graded, False, False)
    for v in appraisal.voters(session.store, session_id):
        known = lines.get(v.member_no)
        lines[v.member_no] = RosterLine(
            v.member_no,
            v.name,
            known.status if known else None,
            known is not None,
            known.graded if known else False,
            True,
            v.voted,
        )
    return [lines[no] for no in sorted(lines, key=natural_key)]


class AppraisalDetailScreen(ListScreen[RosterLine]):
    """The session (its state, turnout and seal) over its roster."""

    CSS_PATH = "appraisal.tcss"
    HELP_KEY = "tui.appraisal.help_detail"
    TABLE_ID = "roster"
    COLUMNS = ROSTER_COLUMNS
    KEEP_ROW = True

    BINDINGS: ClassVar = [
        Binding("s", "start", "tui.appraisal.key.start", id="appraisal.start"),
        Binding("k", "kiosk", "tui.appraisal.key.kiosk", id="appraisal.kiosk"),
        Binding("p", "paper", "tui.appraisal.key.paper", id="appraisal.paper"),
        Binding("c", "close_vote", "tui.appraisal.key.close", id="appraisal.close"),
        Binding("t,g", "tally", "tui.appraisal.key.tally", id="appraisal.tally", key_display="t"),
        Binding("u", "publish", "tui.appraisal.key.publish", id="appraisal.publish"),
        Binding("r", "reset", "tui.appraisal.key.reset", id="appraisal.reset"),
        Binding("m", "steps", "appraisal_steps.tui.key.steps", id="appraisal.steps"),
        Binding("b", "objections", "tui.after.key.objections", id="appraisal.objections"),
        Binding("escape", "app.back", "tui.key.back", id="appraisal.detail_back"),
    ]

    def __init__(self, session: Session, session_id: int, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.session_id = session_id
        self.row: SessionRow | None = None

    def compose_above(self) -> ComposeResult:
        return notes("summary", "seal")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        states = ACTIONS.get(action)
        if states is None:
            return True
        if self.row is not None and self.row.scrub_pending:
            if action == "close_vote" and self.row.state is not SessionState.created:
                return True  # a close cut short: closing again finishes the scrub
            if action == "reset" and self.row.state is SessionState.created:
                return True  # a reset cut short: resetting again finishes the scrub
        return self.row is not None and self.row.state in states

    # ------------------------------------------------------------------ showing

    def cells(self, line: RosterLine) -> tuple[Text, ...]:
        c = self.cell
        if not line.candidate:
            candidate = c("candidate", t("tui.appraisal.not_candidate"), "dim")
        elif line.graded:
            candidate = c("candidate", t("tui.appraisal.graded"))
        else:
            candidate = c("candidate", t("tui.appraisal.ungraded"), "dim")
        if not line.voter:
            vote = c("vote", t("tui.appraisal.no_vote"), "dim")
        elif line.voted:
            vote = c("vote", t("tui.appraisal.has_voted"), "green")
        else:
            vote = c("vote", t("tui.appraisal.not_yet"))
        return (
            c("no", line.member_no),
            c("name", line.name),
            c("status", status_short(line.status) if line.status else ""),
            candidate,
            vote,
        )

    def key_of(self, line: RosterLine) -> str:
        return line.member_no

    def fetch(self) -> list[RosterLine]:
        """The roster (none before the vote starts); the session's state, turnout and seal
        are read with it."""
        self.row = appraisal.get_session(self.store, self.branch_id, self.session_id)
        if self.row.state is SessionState.created:
            return []
        return roster(self.session_id, self.session)

    def show_state(self) -> None:
        row = self.row
        assert row is not None
        self.sub_title = t("tui.appraisal.detail_title", year=row.year)
        summary = [
            t("tui.appraisal.session_year", year=row.year),
            self.session.label(row.state),
            t("tui.appraisal.turnout_label", turnout=turnout_text(row)),
        ]
        self.query_one("#summary", Static).update(
            Text(t("tui.appraisal.sep").join(summary), style=STATE_STYLE.get(row.state, ""))
        )
        seal = self.query_one("#seal", Static)
        if row.fingerprint:
            text = t("tui.appraisal.sealed", ballots=row.ballots or 0, fingerprint=row.fingerprint)
            record = None
            if row.state is SessionState.published:
                record = publications.session_publication(
                    self.store, self.branch_id, self.session_id
                )
            if record is not None:
                text = f"{text}\n{record_text(record)}"
                state = notice.result_state(
                    self.store, self.branch_id, self.session_id, self.session.today()
                )
                text = f"{text}\n{state_text(self.session, state)}"
            seal.update(text)
        elif row.state is SessionState.started:
            seal.update(t("tui.appraisal.open_hint"))
        else:
            seal.update(t("tui.appraisal.created_hint"))
        self.show_empty(t("tui.appraisal.no_roster"))
        self.refresh_bindings()

    # ------------------------------------------------------------------ actions

    def _refused(self, error: StoreError) -> None:
        self.notify(str(error), severity="error", timeout=8)
        self.reload()

    def _ask_in_turn(
        self,
        title: str,
        steps: list[tuple[str, Callable[[str], str | None] | None]],
        done: Callable[[list[str]], object],
        answers: list[str] | None = None,
    ) -> None:
        """Ask each (prompt, check) in turn in a hidden field; ``done`` gets the answers.
        Escape at any step cancels the lot; nothing typed is ever shown."""
        answers = [] if answers is None else answers
        if len(answers) == len(steps):
            done(answers)
            return
        prompt, check = steps[len(answers)]

        def answered(value: str | None) -> None:
            if value is None:
                return
            self._ask_in_turn(title, steps, done, [*answers, value])

        self.app.push_screen(AskScreen(title, prompt, answered, password=True, check=check))

    def _check_pin(self, pin: str) -> str | None:
        try:
            appraisal.check_pin(self.store, self.session_id, pin)
        except StoreError as error:
            return str(error)
        return None

    def action_start(self) -> None:
        def pin_format(pin: str) -> str | None:
            try:
                appraisal.check_new_pin(pin)
            except StoreError as error:
                return str(error)
            return None

        def length(role: str) -> Callable[[str], str | None]:
            def check(password: str) -> str | None:
                if len(password) < sealing.PASSWORD_MIN_LENGTH:
                    return t(
                        f"appraisal.password_too_short.{role}",
                        length=sealing.PASSWORD_MIN_LENGTH,
                    )
                return None

            return check

        steps = [
            (t("tui.appraisal.pin_new"), pin_format),
            (t("tui.appraisal.pin_again"), None),
            (t("tui.appraisal.password_new.teller"), length("teller")),
            (t("tui.appraisal.password_again.teller"), None),
            (t("tui.appraisal.password_new.scrutineer"), length("scrutineer")),
            (t("tui.appraisal.password_again.scrutineer"), None),
        ]

        def answered(values: list[str]) -> None:
            pin, pin_again, teller, teller_again, scrutineer, scrutineer_again = values
            if pin_again != pin:
                self.notify(t("tui.appraisal.pin_mismatch"), severity="error")
                return
            for role, first, second in (
                ("teller", teller, teller_again),
                ("scrutineer", scrutineer, scrutineer_again),
            ):
                if first != second:
                    self.notify(
                        t("appraisal.password_mismatch", role=t(f"appraisal.role.{role}")),
                        severity="error",
                    )
                    return
            try:
                row = appraisal.start_session(
                    self.store,
                    self.branch_id,
                    self.session_id,
                    pin,
                    active_scheme(self.session),
                    teller_password=teller,
                    scrutineer_password=scrutineer,
                )
            except StoreError as error:
                self._refused(error)
                return
            self.notify(t("tui.appraisal.started", voters=row.voters, candidates=row.candidates))
            self.reload()

        self._ask_in_turn(t("tui.appraisal.start_title"), steps, answered)

    def action_kiosk(self) -> None:
        from orglife_tui.tui.kiosk import app as kiosk

        station = kiosk.KioskStation(
            self.store,
            self.session.branch,
            self.session_id,
            on_leave=self.reload,
            idle_warning=kiosk.IDLE_WARNING,
            idle_abandon=kiosk.IDLE_ABANDON,
            receipt_seconds=kiosk.RECEIPT_SECONDS,
        )
        station.start(self.app)

    def action_paper(self) -> None:
        from orglife_tui.tui.screens.appraisal.paper_entry import PaperEntryScreen

        self.app.push_screen(PaperEntryScreen(self.session, self.session_id))

    def action_close_vote(self) -> None:
        row = self.row
        if row is None:
            return

        def close(values: list[str]) -> None:
            pin, *passwords = values
            teller, scrutineer = passwords if passwords else (None, None)
            try:
                seal = appraisal.close_session(
                    self.store,
                    self.branch_id,
                    self.session_id,
                    pin,
                    teller_password=teller,
                    scrutineer_password=scrutineer,
                )
            except StoreError as error:
                self._refused(error)
                return
            self.reload()
            self.app.push_screen(
                NoticeScreen(
                    t("tui.appraisal.sealed_title"),
                    t(
                        "tui.appraisal.sealed_body",
                        ballots=seal.ballots,
                        fingerprint=seal.fingerprint,
                    ),
                )
            )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            steps: list[tuple[str, Callable[[str], str | None] | None]] = [
                (t("tui.appraisal.pin_enter"), self._check_pin)
            ]
            if row.sealed:  # sessions started before sealed ballots have no passwords
                steps += [
                    (t("tui.appraisal.password_enter.teller"), None),
                    (t("tui.appraisal.password_enter.scrutineer"), None),
                ]
            self._ask_in_turn(t("tui.appraisal.close_title"), steps, close)

        question = t("tui.appraisal.close_question", voted=row.voted, voters=row.voters)
        self.app.push_screen(ConfirmScreen(question, answered))

    def action_steps(self) -> None:
        self.app.push_screen(AppraisalStepsScreen(self.session, self.session_id))

    def action_tally(self) -> None:
        self.app.push_screen(AppraisalTallyScreen(self.session, self.session_id))

    def action_publish(self) -> None:
        publish_after_confirm(self, self.session_id, self.reload)

    def action_objections(self) -> None:
        from orglife_tui.tui.screens.appraisal.objections import ObjectionsScreen

        self.app.push_screen(ObjectionsScreen(self.session, self.session_id))

    def action_reset(self) -> None:
        if self.row is not None and self.row.state is SessionState.created:
            self._finish_reset()  # only the scrub of a reset cut short is left: no PIN
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return

            def answered(pin: str | None) -> None:
                if pin is None:
                    return
                try:
                    appraisal.reset_session(self.store, self.branch_id, self.session_id, pin)
                except StoreError as error:
                    self._refused(error)
                    return
                self.notify(t("tui.appraisal.reset_done"))
                self.reload()

            self.app.push_screen(
                AskScreen(
                    t("tui.appraisal.reset_title"),
                    t("tui.appraisal.pin_enter"),
                    answered,
                    password=True,
                    check=self._check_pin,
                )
            )

        self.app.push_screen(ConfirmScreen(t("tui.appraisal.reset_question"), confirmed))

    def _finish_reset(self) -> None:
        try:
            appraisal.reset_session(self.store, self.branch_id, self.session_id, "")
        except StoreError as error:
            self._refused(error)
            return
        self.notify(t("tui.appraisal.reset_done"))
        self.reload()
