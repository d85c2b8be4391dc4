"""Text fitted to terminal cells (tui/cells.py): CJK characters take two cells, text from
the database is shown as typed, and what is too long ends in … at the column's edge."""

from __future__ import annotations

from rich.cells import cell_len

from orglife_tui.tui.cells import cell, clip, one_line, pad, right


def test_text_that_fits_is_shown_whole_on_one_line():
    assert clip("学习党章", 8) == "学习党章"
    assert one_line("a\nb\tc") == "a b c"


def test_text_too_long_is_cut_to_the_width_with_an_ellipsis():
    assert clip("abcdefgh", 5) == "abcd…"
    assert clip("张伟张伟张", 5) == "张伟…"
    assert clip("张伟张伟张", 4) == "张…"  # no gap where 伟 would straddle the cut
    assert clip("abc", 1) == "…"
    for width in range(1, 12):
        assert cell_len(clip("张伟张伟张伟", width)) <= width


def test_control_characters_are_drawn_as_symbols_and_markup_is_not_read():
    shown = cell("[b]x[/b]\x1b[31m", 40, "bold")
    assert "\x1b" not in shown.plain
    assert shown.plain.startswith("[b]x[/b]")
    assert shown.style == "bold" and shown.no_wrap


def test_padding_counts_cells_and_never_shortens():
    assert pad("张", 4) == "张  "
    assert pad("张", 4, right=True) == "  张"
    assert pad("toolong", 3) == "toolong"
    assert right("12.5", 6).plain == "  12.5"
    assert right("123456789", 3).plain == "123456789"  # a number cut short reads as another
