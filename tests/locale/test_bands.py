"""One word for each grade (issue 12 §4): the points scheme yields a **积分档次** (points
band), the democratic appraisal a **评定等次** (appraisal grade; 拟定等次 / 建议等次 for the
proposal). No text shown for points calls the band 等次 or "grade".

Two specifications: the texts known to name the band say 积分档次 / "band" and never 等次 /
"grade"; and across the whole catalog, cut-offs belong to the band only (the appraisal has
no cut-offs of its own: its proposal is placed by the band's), and "积分等次" (the old
conflation) appears nowhere.
"""

from __future__ import annotations

import re

import pytest

from orglife_tui.locale import _load

# Every catalog text that names the points band (or its cut-offs, or which statuses get one).
BAND_KEYS = (
    "export.col.band",
    "export.publicity.col.grade",
    "export.publicity.ungraded_note",
    "export.publicity.vetoed_note",
    "export.cli.scores.help",
    "scheme.problem.graded_not_scored",
    "scheme.problem.no_cutoffs",
    "scheme.problem.cutoffs_not_scored",
    "scheme.problem.cutoff_order",
    "scheme.summary.statuses",
    "scheme.summary.cutoffs",
    "scheme.summary.not_graded",
    "tui.col.grade",
    "tui.cmd.scoreboard.help",
    "tui.scheme.cutoffs_ungraded",
    "tui.help.scheme",
    "report.points.grade",
    "report.points.ungraded",
    "bands.to_date_note",
    "bands.provisional_note",
    "bands.col.provisional",
    "bands.scoreboard.provisional",
    "bands.cli.opt.as_of",
    "bands.cli.opt.provisional",
)

# A TOML table named in a message (``[grades.full]``) is the scheme's key, and a placeholder
# (``{grade}``) the code's name: neither is a word the reader is told.
TOML_TABLE = re.compile(r"\[grades\.[^\]]*\]|statuses\.graded|\{[a-z_]+\}")


@pytest.mark.parametrize("key", BAND_KEYS)
def test_a_text_about_the_points_band_says_band_not_grade(key: str) -> None:
    en, zh = _load()[key]
    assert "积分档次" in zh and "等次" not in zh, zh
    english = TOML_TABLE.sub("", en)
    assert re.search(r"\bbands?\b", english, re.IGNORECASE), en
    assert not re.search(r"grade", english, re.IGNORECASE), en


def test_cut_offs_are_the_bands_and_never_an_appraisal_grades() -> None:
    """The appraisal proposes from the band cut-offs; no text speaks of grade cut-offs."""
    wrong = {
        key: texts
        for key, texts in _load().items()
        if "积分等次" in texts[1]
        or "等次分数线" in texts[1].replace("积分档次分数线", "")
        or re.search(r"grade cut-?offs?", texts[0], re.IGNORECASE)
    }
    assert wrong == {}


def test_the_appraisal_keeps_its_own_word() -> None:
    """评定等次 stays where the committee's grade is meant: the band word does not leak in."""
    catalog = _load()
    for key in ("tui.appraisal.col.final", "export.appraisal.col.final"):
        assert catalog[key][1] == "评定等次"
    assert catalog["appraisal.no_proposal"][1] == "无建议等次"
