"""A row-cursor table for lists of records: Home and End go to the first and last row."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding
from textual.widgets import DataTable


class ListTable(DataTable):
    """A ``DataTable`` with a row cursor where Home/End move to the first/last row."""

    BINDINGS: ClassVar = [
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)
