"""Placeholder: replaced by its own module."""

import typer


def register(app: typer.Typer) -> None:
    return None
