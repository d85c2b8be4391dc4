"""`members transfer-out|transfer-in|convert|away|deceased|remove|history …`: a member's
dated events (issue 9 §2)."""

from __future__ import annotations

import typer


def register(members_app: typer.Typer) -> None:
    """Add the membership-event commands to the ``members`` group."""
