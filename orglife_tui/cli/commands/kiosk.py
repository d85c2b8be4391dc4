"""``orglife-tui kiosk ID``: the locked ballot station of an appraisal session.

The command checks the session (it exists in the branch, its vote is open) and hands over
to the launcher ``cli.py`` gives it, which imports Textual only then: this module never
does (the command line's import-linter contract).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from orglife_tui.cli.commands.common import fail, globals_of, handles_errors, open_existing_branch
from orglife_tui.domain import SessionState, label
from orglife_tui.locale import t

if TYPE_CHECKING:
    from orglife_tui.data.store import BranchInfo, Store

Launcher = Callable[["Store", "BranchInfo", str, int], None]
"""Runs the kiosk: (store, branch, language, session id)."""


def register(app: typer.Typer, launch: Launcher) -> None:
    @app.command("kiosk", help=t("tui.kiosk.cli.help"))
    @handles_errors
    def kiosk(
        ctx: typer.Context,
        session_id: Annotated[int, typer.Argument(metavar="ID", help=t("tui.kiosk.cli.arg"))],
    ) -> None:
        from orglife_tui.data import appraisal

        g = globals_of(ctx)
        store, branch = open_existing_branch(ctx)
        with store:
            row = appraisal.get_session(store, branch.id, session_id)
            if row.state is not SessionState.started:
                state = label(row.state, g.lang)
                raise fail(t("tui.kiosk.cli.not_open", id=session_id, state=state))
            launch(store, branch, g.lang, session_id)
