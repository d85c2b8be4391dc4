"""What the import screens share: the kinds of file, and leaving the whole flow at once."""

from __future__ import annotations

from textual.app import App

from orglife_tui.importing import Problem
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseScreen, Session

KINDS = ("members", "meetings", "attendance", "dues", "plan", "self_assessments")
"""The kinds of file, in the order they are offered (a roster first: the others need it;
an appraisal session's self-assessments last, after the session is chosen)."""

# The screen that lists what a kind of import writes ("open the list" after an import).
LIST_SCREENS = {
    "members": "members",
    "meetings": "meetings",
    "attendance": "meetings",
    "dues": "dues",
    "plan": "plan",
}


def kind_name(kind: str) -> str:
    return t(f"import.tui.kind.{kind}")


class ImportStep(BaseScreen):
    """A screen of the import flow."""

    CSS_PATH = "importing.tcss"
    HELP_KEY = "import.tui.help"


def leave_import(app: App) -> None:
    """Close every screen of the import flow: back where it was opened from."""
    while len(app.screen_stack) > 1 and isinstance(app.screen, ImportStep):
        app.pop_screen()


def open_steps(app: App, session: Session, appraisal_id: int) -> None:
    """The steps screen of an appraisal session (its self-assessments), unless it is the
    screen shown already (the import was opened from it)."""
    from orglife_tui.tui.screens.appraisal.steps import AppraisalStepsScreen

    screen = app.screen
    if not (isinstance(screen, AppraisalStepsScreen) and screen.session_id == appraisal_id):
        app.push_screen(AppraisalStepsScreen(session, appraisal_id))


def problem_line(problem: Problem) -> str:
    """A problem as the import screens list it: its row, then the command line's reason."""
    if problem.row is None:
        return problem.reason()
    return t("import.tui.problem_row", row=problem.row, reason=problem.reason())
