"""Text fitted to terminal cells: the one place the TUI measures, pads and shortens text.

A CJK character takes two cells, so ``len`` is never a width here: widths and cuts come
from Rich's cell functions. (Rich's ``Text.truncate`` pads with a space where a wide
character would straddle the cut, putting a gap before the …; the cut here does not.)
Text from the database is always shown as typed: control characters drawn as symbols
(``locale.visible``), never read as markup.
"""

from __future__ import annotations

from rich.cells import cell_len, chop_cells
from rich.text import Text

from orglife_tui.locale import visible


def one_line(text: str | None) -> str:
    """``text`` on one line, its control characters shown as symbols."""
    return visible(text or "").replace("\n", " ").replace("\t", " ")


def clip(text: str | None, width: int) -> str:
    """``text`` on one line, shortened to ``width`` cells with … when it is longer."""
    return _fitted(text, width).plain


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` cells (on the left when ``right``); never
    shortened."""
    fill = " " * max(0, width - cell_len(text))
    return fill + text if right else text + fill


def cell(text: str | None, width: int, style: str = "") -> Text:
    """A table cell showing ``text`` as typed (never read as markup), clipped to ``width``."""
    return _fitted(text, width, style)


def right(text: str, width: int, style: str = "") -> Text:
    """A table cell aligned right. Never shortened: a number cut short would read as
    another number."""
    return Text(pad(text, width, right=True), style=style, no_wrap=True, end="")


def _fitted(text: str | None, width: int, style: str = "") -> Text:
    plain = one_line(text)
    if cell_len(plain) > width:
        plain = (chop_cells(plain, width - 1)[0] if width > 1 else "") + "…"
    return Text(plain, style=style, no_wrap=True, end="")
