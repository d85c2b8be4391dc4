"""`members add`, `meetings add|void|edit`, `attendance set`, `branch set-start`: what the TUI
can add, for scripting, with the same checks (issue 9 §3–§4)."""

from __future__ import annotations

import typer


def register(
    app: typer.Typer, members_app: typer.Typer, meetings_app: typer.Typer, branch_app: typer.Typer
) -> None:
    """Add the record commands to their groups (``attendance`` is a group of its own)."""
