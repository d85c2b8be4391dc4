"""The scheme's `[appraisal]` ballot keys: voters, ballot_values, excellent_share_max and
unqualified_vote_flag — defaults, Chinese spellings, and every problem at once with its
FILE:LINE:COLUMN."""

from __future__ import annotations

import pytest

from orglife_tui.domain import MemberStatus
from orglife_tui.locale import set_language
from orglife_tui.scoring.model import AppraisalInput, Grade
from orglife_tui.scoring.scheme import (
    SchemeError,
    default_scheme,
    default_scheme_text,
    parse_scheme,
)

# A small valid scheme; [appraisal] is on line 15, its keys from line 16.
BASE = """\
[scheme]
name = "测试方案"
version = "1"
[points]
base = 80
floor = 0
ceiling = 100
[statuses]
scored = ["full", "probationary"]
graded = ["full"]
[grades.full]
excellent = 90
qualified = 80
basically_qualified = 60
[appraisal]
"""
ITEMS = """
[[items]]
code = "attend"
name_zh = "参加组织生活"
name_en = "Attend"
category = "duty"
points = 1
"""


def scheme_text(*appraisal_lines: str) -> str:
    return BASE + "".join(f"{line}\n" for line in appraisal_lines) + ITEMS


def problems(text: str, lang: str = "en") -> list[str]:
    with pytest.raises(SchemeError) as info:
        parse_scheme(text, "s.toml")
    set_language(lang)
    try:
        return info.value.lines()
    finally:
        set_language("en")


def test_the_default_scheme_states_the_ballot_defaults():
    assert default_scheme().appraisal == AppraisalInput()
    text = default_scheme_text()
    for key in ("voters", "ballot_values", "excellent_share_max", "unqualified_vote_flag"):
        assert f"\n{key} = " in text
    assert "预备党员没有表决权" in text and "probationary members have no vote" in text


def test_a_scheme_without_the_keys_keeps_the_defaults():
    s = parse_scheme(scheme_text())
    assert s.appraisal.voters == frozenset({MemberStatus.full})
    assert s.appraisal.ballot_values == {
        Grade.excellent: 1.0,
        Grade.qualified: 0.8,
        Grade.basically_qualified: 0.6,
        Grade.unqualified: 0.0,
    }
    assert (s.appraisal.excellent_share_max, s.appraisal.unqualified_vote_flag) == (0.3333, 0)


def test_the_ballot_keys_are_read():
    s = parse_scheme(
        scheme_text(
            'voters = ["正式党员", "probationary"]',
            "ballot_values = { excellent = 1, qualified = 0.75, basically_qualified = 0.75,"
            " unqualified = 0 }",
            "excellent_share_max = 0.25",
            "unqualified_vote_flag = 0.5",
        )
    )
    assert s.appraisal.voters == frozenset({MemberStatus.full, MemberStatus.probationary})
    assert s.appraisal.ballot_values[Grade.qualified] == 0.75
    assert s.appraisal.ballot_values[Grade.basically_qualified] == 0.75
    assert (s.appraisal.excellent_share_max, s.appraisal.unqualified_vote_flag) == (0.25, 0.5)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["voters = []"], ["s.toml:16:1: appraisal.voters: must not be empty"], id="no-voters"
        ),
        pytest.param(
            ['voters = ["full", "guest"]'],
            [
                's.toml:16:19: appraisal.voters[2]: unknown member status "guest"; use one of: '
                "full/正式党员, probationary/预备党员"
            ],
            id="unknown-voter-status",
        ),
        pytest.param(
            ["ballot_values = { excellent = 1, qualified = 0.8, basically_qualified = 0.6 }"],
            ['s.toml:16:1: appraisal.ballot_values: required key "unqualified" is missing'],
            id="ballot-value-missing",
        ),
        pytest.param(
            [
                "ballot_values = { excellent = 1.5, qualified = 0.8, basically_qualified = 0.6,"
                " unqualified = 0, abstain = 0 }"
            ],
            [
                "s.toml:16:19: appraisal.ballot_values.excellent: 1.5 must lie between 0 and 1",
                's.toml:16:97: appraisal.ballot_values.abstain: unknown key "abstain"; allowed '
                "here: excellent, qualified, basically_qualified, unqualified",
            ],
            id="ballot-value-too-high-and-unknown-key",
        ),
        pytest.param(
            [
                "ballot_values = { excellent = 0.8, qualified = 0.9, basically_qualified = 0.6,"
                " unqualified = 0 }"
            ],
            [
                "s.toml:16:19: appraisal.ballot_values.excellent: a vote for a better grade "
                "cannot be worth less: excellent 0.8 ≥ qualified 0.9 ≥ basically_qualified 0.6 "
                "≥ unqualified 0"
            ],
            id="ballot-values-rising",
        ),
        pytest.param(
            ["ballot_values = 1"],
            ["s.toml:16:1: appraisal.ballot_values: expected a table, found a number"],
            id="ballot-values-not-a-table",
        ),
        pytest.param(
            ["excellent_share_max = 0"],
            ["s.toml:16:1: appraisal.excellent_share_max: 0 must be above 0 and at most 1"],
            id="share-zero",
        ),
        pytest.param(
            ['excellent_share_max = "1/3"'],
            ["s.toml:16:1: appraisal.excellent_share_max: expected a number, found text in quotes"],
            id="share-as-text",
        ),
        pytest.param(
            ["unqualified_vote_flag = 1.2"],
            ["s.toml:16:1: appraisal.unqualified_vote_flag: 1.2 must lie between 0 and 1"],
            id="flag-above-one",
        ),
    ],
)
def test_bad_ballot_keys_are_refused_with_their_location(lines, expected):
    assert problems(scheme_text(*lines)) == expected


def test_every_problem_of_the_section_is_reported_at_once_in_both_languages():
    text = scheme_text(
        "voters = []",
        "excellent_share_max = 2",
        "unqualified_vote_flag = -1",
        "points_weight = 3",
    )
    en = problems(text)
    assert [line.split(":")[1] for line in en] == ["16", "17", "18", "19"]
    zh = problems(text, "zh")
    assert zh[0] == "s.toml:16:1: appraisal.voters：不能为空"
    assert zh[1] == "s.toml:17:1: appraisal.excellent_share_max：2 必须大于 0 且不大于 1"
