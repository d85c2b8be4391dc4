"""The bare Textual apps the start-up benchmark measures orglife-tui against.

Run as a child process in a pseudo-terminal by ``startup_benchmark.py``; never imported
by the package or the tests. Two apps, both reading the same database with plain
``sqlite3`` (no SQLAlchemy, no orglife_tui):

- ``dashboard DB``: a Header, a Static with the branch's member counts (the line the
  dashboard shows first, worded the same, so that the benchmark waits for the same text on
  both sides) and a DataTable of the latest meetings, with a Footer: about the least a
  dashboard can be.
- ``table DB [cell|row]``: a DataTable filling the terminal, holding the same rows
  (columns, widths, the first 200 members in the same order) the members list shows; the
  baseline for the bytes a cursor move sends. Textual's default cursor (``cell``) is the
  baseline of issue 11; ``row`` highlights the whole row, as the members list does.
"""

from __future__ import annotations

import sqlite3
import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

# The members list's columns in English (tui/screens/members/members.py): heading, width.
MEMBER_COLUMNS = (
    ("No.", 7),
    ("Name", 8),
    ("Gender", 6),
    ("Status", 12),
    ("Group", 10),
    ("Post", 9),
    ("Phone", 13),
)
CURRENT = "(entered_on IS NULL OR entered_on <= date('now')) AND left_on IS NULL"


def member_rows(db: str, limit: int = 200) -> list[tuple[str, ...]]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT m.member_no, m.name, coalesce(m.gender, ''), m.status, coalesce(g.name, ''), "
        "coalesce(m.post, ''), coalesce(m.phone, '') FROM member m "
        "LEFT JOIN party_group g ON g.id = m.group_id "
        f"WHERE {CURRENT} ORDER BY m.sort_key, m.member_no LIMIT ?",
        (limit,),
    ).fetchall()
    con.close()
    return [
        tuple(
            str(v).replace("_", " ").capitalize() if i in (2, 3, 5) else str(v)
            for i, v in enumerate(r)
        )
        for r in rows
    ]


class BareDashboard(App):
    def __init__(self, db: str) -> None:
        super().__init__()
        self.db = db

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="counts")
        yield DataTable(id="meetings")
        yield Footer()

    def on_mount(self) -> None:
        con = sqlite3.connect(self.db)
        full, prob = con.execute(
            f"SELECT sum(status = 'full'), sum(status = 'probationary') FROM member WHERE {CURRENT}"
        ).fetchone()
        groups = con.execute("SELECT count(*) FROM party_group").fetchone()[0]
        meetings = con.execute(
            "SELECT date, title FROM meeting ORDER BY date DESC LIMIT 12"
        ).fetchall()
        con.close()
        self.query_one("#counts", Static).update(
            f"Members: {full + prob} ({full} full, {prob} probationary) · Party groups: {groups}"
        )
        table = self.query_one("#meetings", DataTable)
        table.add_columns("Date", "Title")
        table.add_rows(meetings)


class BareTable(App):
    def __init__(self, db: str, cursor: str = "cell") -> None:
        super().__init__()
        self.db = db
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type=self.cursor)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for heading, width in MEMBER_COLUMNS:
            table.add_column(heading, width=width)
        table.add_rows(member_rows(self.db))
        table.focus()


if __name__ == "__main__":
    kind, db = sys.argv[1], sys.argv[2]
    if kind == "dashboard":
        BareDashboard(db).run()
    else:  # Textual's default cursor is a cell cursor; "row" for comparison
        BareTable(db, *sys.argv[3:4]).run()
