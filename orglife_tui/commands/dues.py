"""`dues …`: monthly party dues standards, payments and the register (issue 9 §6)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``dues`` group."""
