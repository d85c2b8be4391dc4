"""Importing the roster, meetings and attendance from CSV (UTF-8) and XLSX files.

No Textual and no Typer here: the command line (``orglife-tui import …``) and the
terminal UI both call these functions. An import writes every row or none; a refused
import raises ``ImportFailed`` whose problems read ``FILE:ROW: reason``.
"""

from orglife_tui.importing.columns import COLUMNS, KINDS, Column, Table, column_key, map_sheet
from orglife_tui.importing.importers import (
    import_attendance,
    import_file,
    import_meetings,
    import_members,
    import_table,
    read_table,
)
from orglife_tui.importing.problems import ImportFailed, ImportSummary, Problem
from orglife_tui.importing.reader import Sheet, cell_text, read_sheet

__all__ = [
    "COLUMNS",
    "KINDS",
    "Column",
    "ImportFailed",
    "ImportSummary",
    "Problem",
    "Sheet",
    "Table",
    "cell_text",
    "column_key",
    "import_attendance",
    "import_file",
    "import_meetings",
    "import_members",
    "import_table",
    "map_sheet",
    "read_sheet",
    "read_table",
]
