"""The scheme file: the bundled default, every kind of bad input with its exact location,
and property tests that no document makes the parser fail with anything but SchemeError."""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.locale import set_language
from orglife_tui.scoring.model import Category, Cutoffs, Normalization, Scheme, Unit
from orglife_tui.scoring.scheme import (
    APPRAISAL_KEYS,
    CUTOFF_KEYS,
    DERIVE_KEYS,
    ITEM_KEYS,
    LADDER_KEYS,
    POINTS_KEYS,
    POLICY_KEYS,
    RULE_KEYS,
    SCHEME_KEYS,
    STATUSES_KEYS,
    TOP_KEYS,
    SchemeError,
    default_scheme,
    default_scheme_text,
    key_positions,
    parse_scheme,
    scheme_hash,
    summary_lines,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]

# A small valid scheme; the bad-input cases replace numbered lines (from 1) so that each
# expected FILE:LINE:COLUMN can be read off this listing.
MINIMAL = [
    "[scheme]",  # 1
    'name = "测试方案"',  # 2
    'version = "1"',  # 3
    "",  # 4
    "[points]",  # 5
    "base = 80",  # 6
    "floor = 0",  # 7
    "ceiling = 100",  # 8
    "",  # 9
    "[statuses]",  # 10
    'scored = ["full", "probationary"]',  # 11
    'graded = ["full"]',  # 12
    "",  # 13
    "[grades.full]",  # 14
    "excellent = 90",  # 15
    "qualified = 80",  # 16
    "basically_qualified = 60",  # 17
    "",  # 18
    "[[items]]",  # 19
    'code = "attend"',  # 20
    'name_zh = "参加组织生活"',  # 21
    'name_en = "Attend"',  # 22
    'category = "duty"',  # 23
    "points = 1",  # 24
    "cap = 12",  # 25
    'derive = { meeting_types = ["themed_day"], attendance = "present" }',  # 26
    "",  # 27
    "[[items]]",  # 28
    'code = "absent"',  # 29
    'name_zh = "无故缺席"',  # 30
    'name_en = "Unexcused absence"',  # 31
    'category = "deduction"',  # 32
    "points = -2",  # 33
    "cap = 10",  # 34
]


def variant(changes: dict[int, str] | None = None, extra: str = "") -> str:
    lines = list(MINIMAL)
    for number, text in (changes or {}).items():
        lines[number - 1] = text
    return "\n".join(lines) + "\n" + extra


def problems(text: str, lang: str = "en") -> list[str]:
    with pytest.raises(SchemeError) as info:
        parse_scheme(text, "s.toml")
    set_language(lang)
    try:
        return info.value.lines()
    finally:
        set_language("en")


# ---------------------------------------------------------------------------- the default


def test_the_default_scheme_parses_to_the_documented_rules():
    s = default_scheme()
    assert (s.base_points, s.floor, s.ceiling) == (60, 0, 100)
    assert s.period == "calendar_year"
    assert s.cutoffs == {
        MemberStatus.full: Cutoffs(90, 80, 60),
        MemberStatus.probationary: Cutoffs(92, 85, 70),
    }
    assert s.scored_statuses == {MemberStatus.full, MemberStatus.probationary}
    assert s.graded_statuses == {MemberStatus.full, MemberStatus.probationary}
    assert s.appraisal.normalization is Normalization.ceiling
    assert s.appraisal.points_weight == 0.4
    caps = {it.code: (it.category, it.points, it.cap) for it in s.items}
    assert caps["attend_general_meeting"] == (Category.duty, 1, 4)
    assert caps["attend_themed_day"] == (Category.duty, 1, 12)
    assert caps["attend_party_lecture"] == (Category.duty, 1, 4)
    assert caps["attend_group_meeting"] == (Category.duty, 0.5, 6)
    assert caps["give_party_lecture"] == (Category.bonus, 3, 6)
    assert caps["volunteer_service"] == (Category.bonus, 0.5, 10)
    assert caps["community_report_in"] == (Category.bonus, 1, 6)
    assert caps["commitment_kept"] == (Category.bonus, 2, 6)
    assert caps["unexcused_absence"] == (Category.deduction, -2, 20)
    assert caps["late_dues"] == (Category.deduction, -1, 6)
    assert caps["commitment_broken"] == (Category.deduction, -3, 9)
    assert caps["serious_violation"] == (Category.veto, 0, None)
    assert s.item("volunteer_service").unit is Unit.hour
    absence = s.item("unexcused_absence").derive
    assert absence.attendance is AttendanceStatus.absent
    assert set(absence.meeting_types) == set(MeetingType) - {MeetingType.other}
    lecture = s.item("attend_party_lecture").derive
    assert lecture.meeting_types == (MeetingType.party_lecture,)
    assert lecture.attendance is AttendanceStatus.present
    assert s.item("give_party_lecture").derive is None
    assert s.extra == {}


def test_the_default_ships_inside_the_package_and_is_commented_in_both_languages():
    text = default_scheme_text()
    packaged = ROOT / "orglife_tui" / "scoring" / "default_scheme.toml"
    assert text == packaged.read_text("utf-8")
    assert "基础分" in text and "base points" in text
    assert scheme_hash(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert re.fullmatch(r"[0-9a-f]{64}", scheme_hash(text))


def test_the_documented_default_is_the_shipped_default():
    doc = (ROOT / "docs" / "scheme.md").read_text("utf-8")
    section = doc.split("## The default scheme", 1)[1]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    assert parse_scheme(example) == default_scheme()


def test_every_key_the_parser_allows_is_documented():
    from orglife_tui.scoring import scheme as mod

    doc = (ROOT / "docs" / "scheme.md").read_text("utf-8")
    for keys in (
        mod.TOP_KEYS,
        mod.SCHEME_KEYS,
        mod.POINTS_KEYS,
        mod.STATUSES_KEYS,
        mod.CUTOFF_KEYS,
        mod.APPRAISAL_KEYS,
        mod.BALLOT_VALUE_KEYS,
        mod.ITEM_KEYS,
        mod.DERIVE_KEYS,
        mod.POLICY_KEYS,
        mod.LADDER_KEYS,
        *mod.RULE_KEYS.values(),
        tuple(mod.RULE_KEYS),  # the rule ids
    ):
        for key in keys:
            assert f"`{key}`" in doc or f"[{key}" in doc, key


def test_the_minimal_scheme_parses():
    s = parse_scheme(variant())
    assert isinstance(s, Scheme)
    assert [it.code for it in s.items] == ["attend", "absent"]
    assert s.graded_statuses == {MemberStatus.full}
    assert s.appraisal.points_weight == 0.4  # [appraisal] is optional


def test_chinese_spellings_are_accepted_for_statuses_types_attendance_and_categories():
    s = parse_scheme(
        variant(
            {
                11: 'scored = ["正式党员", "预备党员"]',
                12: 'graded = ["正式党员"]',
                14: '[grades."正式党员"]',
                23: 'category = "基本职责"',
                26: 'derive = { meeting_types = ["主题党日", "党课"], attendance = "出席" }',
                32: 'category = "扣分"',
            }
        )
    )
    assert s.scored_statuses == {MemberStatus.full, MemberStatus.probationary}
    assert MemberStatus.full in s.cutoffs
    attend = s.item("attend")
    assert attend.category is Category.duty
    assert attend.derive.meeting_types == (MeetingType.themed_day, MeetingType.party_lecture)
    assert attend.derive.attendance is AttendanceStatus.present
    assert s.item("absent").category is Category.deduction


def test_an_hour_item_without_derive_and_a_veto_at_zero_are_fine():
    s = parse_scheme(
        variant(
            extra='[[items]]\ncode = "volunteer"\nname_zh = "志愿服务"\nname_en = "Volunteer"\n'
            'category = "bonus"\npoints = 0.5\nunit = "hour"\n'
            '[[items]]\ncode = "veto"\nname_zh = "违纪"\nname_en = "Violation"\n'
            'category = "veto"\npoints = 0\n'
        )
    )
    assert s.item("volunteer").unit is Unit.hour
    assert s.item("volunteer").cap is None
    assert s.item("veto").points == 0


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            variant({6: "base = "}),
            ["s.toml:6:8: TOML syntax error: Invalid value"],
            id="syntax-invalid-value",
        ),
        pytest.param(
            variant({14: "[grades.full"}),
            ["s.toml:14:13: TOML syntax error: Expected ']' at the end of a table declaration"],
            id="syntax-unclosed-header",
        ),
        pytest.param(
            variant({7: "base = 0"}),
            ["s.toml:7:9: TOML syntax error: Cannot overwrite a value"],
            id="syntax-duplicate-key",
        ),
        pytest.param(
            variant(extra='[scheme]\nname = "x"\n'),
            ["s.toml:35:8: TOML syntax error: Cannot declare ('scheme',) twice"],
            id="syntax-table-twice",
        ),
        pytest.param(
            variant(extra='note = """never closed\n'),
            ["s.toml:36:1: TOML syntax error: Unterminated string"],
            id="syntax-at-end-of-document",
        ),
        pytest.param(
            variant({4: "colour = 'red'"}),
            [
                's.toml:4:1: scheme.colour: unknown key "colour"; allowed here: name, version, period'
            ],
            id="unknown-key-in-table",
        ),
        pytest.param(
            "banner = 1\n" + variant(),
            [
                's.toml:1:1: banner: unknown key "banner"; allowed here: scheme, points, '
                "statuses, grades, appraisal, items, policy"
            ],
            id="unknown-top-level-key",
        ),
        pytest.param(
            variant({27: "points_each = 2"}),
            [
                's.toml:27:1: items[1].points_each: unknown key "points_each"; allowed here: '
                "code, name_zh, name_en, category, points, unit, cap, derive"
            ],
            id="unknown-key-in-item",
        ),
        pytest.param(
            variant({26: 'derive = { meeting_types = ["themed_day"], status = "present" }'}),
            [
                's.toml:26:1: items[1].derive: required key "attendance" is missing',
                's.toml:26:44: items[1].derive.status: unknown key "status"; allowed here: '
                "meeting_types, attendance",
            ],
            id="unknown-key-in-inline-derive",
        ),
        pytest.param(
            variant({8: "ceiling = true"}),
            ["s.toml:8:1: points.ceiling: expected a number, found true/false"],
            id="bool-is-not-a-number",
        ),
        pytest.param(
            variant({24: 'points = "1"'}),
            ["s.toml:24:1: items[1].points: expected a number, found text in quotes"],
            id="quoted-number",
        ),
        pytest.param(
            variant({3: "version = 1"}),
            ["s.toml:3:1: scheme.version: expected text in quotes, found a number"],
            id="unquoted-version",
        ),
        pytest.param(
            variant({11: 'scored = "full"'}),
            ["s.toml:11:1: statuses.scored: expected a list [...], found text in quotes"],
            id="list-expected",
        ),
        pytest.param(
            variant({15: "excellent = 2026-01-01"}),
            ["s.toml:15:1: grades.full.excellent: expected a number, found a date or time"],
            id="date-is-not-a-number",
        ),
        pytest.param(
            variant({2: ""}),
            ['s.toml:1:1: scheme: required key "name" is missing'],
            id="missing-key",
        ),
        pytest.param(
            "\n".join(MINIMAL[4:]),
            ["s.toml: required table [scheme] is missing"],
            id="missing-table",
        ),
        pytest.param(
            "\n".join(MINIMAL[:18]),
            ["s.toml: required table [[items]] is missing"],
            id="missing-items",
        ),
        pytest.param(
            "items = []\n" + variant()[: variant().index("[[items]]")],
            ["s.toml:1:1: items: the scheme has no items"],
            id="empty-items",
        ),
        pytest.param(
            variant({29: 'code = "attend"'}),
            ['s.toml:29:1: items[2].code: item code "attend" is already used by items[1]'],
            id="duplicate-code",
        ),
        pytest.param(
            variant({20: 'code = "Attend-1"'}),
            [
                's.toml:20:1: items[1].code: item code "Attend-1" must start with a lowercase '
                "letter a-z and use only a-z, 0-9 and _ (at most 50 characters)"
            ],
            id="bad-code",
        ),
        pytest.param(
            variant({20: f'code = "{"a" * 51}"'}),
            [
                f's.toml:20:1: items[1].code: item code "{"a" * 39}…" must start with a '
                "lowercase letter a-z and use only a-z, 0-9 and _ (at most 50 characters)"
            ],
            id="code-too-long",
        ),
        pytest.param(
            variant({25: "cap = -3"}),
            ["s.toml:25:1: items[1].cap: the cap must not be negative (found -3)"],
            id="negative-cap",
        ),
        pytest.param(
            variant({33: "points = 2"}),
            ["s.toml:33:1: items[2].points: a deduction needs negative points (found 2)"],
            id="positive-deduction",
        ),
        pytest.param(
            variant({24: "points = -1"}),
            ["s.toml:24:1: items[1].points: a duty item needs positive points (found -1)"],
            id="negative-duty",
        ),
        pytest.param(
            variant({23: 'category = "bonus"', 24: "points = 0"}),
            ["s.toml:24:1: items[1].points: a bonus item needs positive points (found 0)"],
            id="zero-bonus",
        ),
        pytest.param(
            variant({32: 'category = "veto"', 33: "points = 5"}),
            ["s.toml:33:1: items[2].points: a veto item takes 0 or negative points (found 5)"],
            id="positive-veto",
        ),
        pytest.param(
            variant({25: 'unit = "hour"'}),
            [
                "s.toml:26:1: items[1].derive: an hour-based item needs the hours entered by "
                "hand; attendance gives occurrences, not hours "
                '(use unit = "occurrence" or remove derive)'
            ],
            id="hour-item-derived",
        ),
        pytest.param(
            variant({25: 'unit = "minute"'}),
            [
                's.toml:25:1: items[1].unit: unknown value "minute"; use one of: '
                "occurrence/次, hour/小时"
            ],
            id="unknown-unit",
        ),
        pytest.param(
            variant({23: 'category = "extra"'}),
            [
                's.toml:23:1: items[1].category: unknown value "extra"; use one of: '
                "duty/基本职责, bonus/加分, deduction/扣分, veto/一票否决"
            ],
            id="unknown-category",
        ),
        pytest.param(
            variant({7: "floor = 100", 8: "ceiling = 60"}),
            ["s.toml:7:1: points.floor: floor 100 must be below ceiling 60"],
            id="floor-above-ceiling",
        ),
        pytest.param(
            variant({6: "base = 120"}),
            ["s.toml:6:1: points.base: base 120 must lie between floor 0 and ceiling 100"],
            id="base-above-ceiling",
        ),
        pytest.param(
            variant({16: "qualified = 95"}),
            [
                "s.toml:15:1: grades.full.excellent: band cut-offs must descend strictly: "
                "excellent 90 > qualified 95 > basically_qualified 60"
            ],
            id="cutoffs-out-of-order",
        ),
        pytest.param(
            variant({16: "qualified = 90"}),
            [
                "s.toml:15:1: grades.full.excellent: band cut-offs must descend strictly: "
                "excellent 90 > qualified 90 > basically_qualified 60"
            ],
            id="cutoffs-equal",
        ),
        pytest.param(
            variant({15: "excellent = 101"}),
            ["s.toml:15:1: grades.full.excellent: cut-off 101 lies outside floor 0 … ceiling 100"],
            id="cutoff-above-ceiling",
        ),
        pytest.param(
            variant(
                {26: 'derive = { meeting_types = ["themed_day", "picnic"], attendance = "late" }'}
            ),
            [
                's.toml:26:43: items[1].derive.meeting_types[2]: unknown meeting type "picnic"; '
                "use one of: general_meeting/支部党员大会, committee_meeting/支部委员会, "
                "group_meeting/党小组会, party_lecture/党课, themed_day/主题党日, "
                "life_meeting/组织生活会, appraisal/民主评议党员, other/其他",
                's.toml:26:54: items[1].derive.attendance: unknown attendance status "late"; '
                "use one of: present/出席, leave/请假, absent/缺席",
            ],
            id="unknown-meeting-type-and-attendance",
        ),
        pytest.param(
            variant({26: 'derive = { meeting_types = [], attendance = "present" }'}),
            ["s.toml:26:12: items[1].derive.meeting_types: must not be empty"],
            id="derive-without-types",
        ),
        pytest.param(
            variant(
                {
                    26: 'derive = { meeting_types = ["themed_day", "主题党日"], attendance = "present" }'
                }
            ),
            ['s.toml:26:43: items[1].derive.meeting_types[2]: "themed_day" is listed twice'],
            id="meeting-type-twice",
        ),
        pytest.param(
            variant({11: 'scored = ["full", "member"]'}),
            [
                's.toml:11:19: statuses.scored[2]: unknown member status "member"; use one of: '
                "full/正式党员, probationary/预备党员"
            ],
            id="unknown-status",
        ),
        pytest.param(
            variant({12: 'graded = ["full", "probationary"]'}),
            [
                "s.toml:14:1: grades: probationary is given a points band but has no band cut-offs: "
                "add [grades.probationary]"
            ],
            id="graded-without-cutoffs",
        ),
        pytest.param(
            variant({11: 'scored = ["probationary"]'}),
            [
                "s.toml:12:11: statuses.graded[1]: full is given a points band but not scored "
                "(add it to statuses.scored)",
                "s.toml:14:1: grades.full: band cut-offs for full, who is not scored",
            ],
            id="graded-not-scored",
        ),
        pytest.param(
            variant({11: "scored = []", 12: "graded = []"}),
            [
                "s.toml:11:1: statuses.scored: must not be empty",
                "s.toml:14:1: grades.full: band cut-offs for full, who is not scored",
            ],
            id="nobody-scored",
        ),
        pytest.param(
            variant(extra='[grades."正式党员"]\n'),
            ['s.toml:35:1: grades."正式党员": "full" is listed twice'],
            id="cutoffs-twice-in-two-languages",
        ),
        pytest.param(
            variant(extra="[appraisal]\npoints_weight = 1.5\n"),
            ["s.toml:36:1: appraisal.points_weight: 1.5 must lie between 0 and 1"],
            id="weight-above-one",
        ),
        pytest.param(
            variant(extra="[appraisal]\npoints_weight = -0.1\n"),
            ["s.toml:36:1: appraisal.points_weight: -0.1 must lie between 0 and 1"],
            id="weight-below-zero",
        ),
        pytest.param(
            variant(extra='[appraisal]\nnormalization = "log"\n'),
            [
                's.toml:36:1: appraisal.normalization: unknown value "log"; use one of: '
                "ceiling, range"
            ],
            id="unknown-normalization",
        ),
        pytest.param(
            variant(
                {
                    7: "floor = -100",
                    8: "ceiling = 0",
                    6: "base = 0",
                    15: "excellent = -10",
                    16: "qualified = -20",
                    17: "basically_qualified = -30",
                }
            ),
            [
                's.toml: appraisal.normalization: normalization "ceiling" divides by the '
                'ceiling, which is 0; use "range" or a positive ceiling'
            ],
            id="ceiling-normalization-needs-a-positive-ceiling",
        ),
        pytest.param(
            variant({25: "cap = nan"}),
            ["s.toml:25:1: items[1].cap: nan is not a usable number"],
            id="nan",
        ),
        pytest.param(
            variant({6: "base = inf"}),
            ["s.toml:6:1: points.base: inf is not a usable number"],
            id="inf",
        ),
        pytest.param(
            variant({25: "cap = 10_000_000"}),
            ["s.toml:25:1: items[1].cap: 10000000 lies outside -1000000 … 1000000"],
            id="too-large",
        ),
        pytest.param(
            variant({3: 'version = "   "'}),
            ["s.toml:3:1: scheme.version: must not be empty"],
            id="blank-version",
        ),
        pytest.param(
            variant({3: f'version = "{"9" * 51}"'}),
            ["s.toml:3:1: scheme.version: longer than 50 characters"],
            id="version-too-long",
        ),
        pytest.param(
            variant({2: 'period = "school_year"\nname = "x"'}),
            ['s.toml:2:1: scheme.period: unknown value "school_year"; use one of: calendar_year'],
            id="unknown-period",
        ),
        pytest.param(
            variant(extra="policy = 3\n"),
            [
                's.toml:35:1: items[2].policy: unknown key "policy"; allowed here: code, name_zh, '
                "name_en, category, points, unit, cap, derive"
            ],
            id="policy-key-inside-the-last-item",
        ),
        pytest.param(
            "policy = 3\n" + variant(),
            ["s.toml:1:1: policy: expected a table, found a number"],
            id="policy-not-a-table",
        ),
        pytest.param(
            "items = 3\n" + variant()[: variant().index("[[items]]")],
            ["s.toml:1:1: items: expected [[items]] tables, found a number"],
            id="items-not-tables",
        ),
        pytest.param(
            'items = ["attend"]\n' + variant()[: variant().index("[[items]]")],
            ["s.toml:1:10: items[1]: expected a table, found text in quotes"],
            id="items-of-text",
        ),
    ],
)
def test_bad_input_is_refused_with_its_location(text, expected):
    assert problems(text) == expected


def test_every_problem_is_reported_not_just_the_first():
    text = variant(
        {
            3: "version = 1",
            6: "base = 120",
            16: "qualified = 95",
            20: 'code = "A"',
            25: "cap = -1",
            29: 'code = "A"',
            33: "points = 1",
        }
    )
    lines = problems(text)
    assert [line.split(":")[1] for line in lines] == ["3", "6", "15", "20", "25", "29", "33"]
    assert len(lines) == 7


def test_problems_are_told_in_chinese_with_the_same_locations():
    text = variant(
        {25: "cap = -3", 8: "ceiling = true", 23: 'category = "bonus"', 24: "points = 0"}
    )
    assert problems(text, lang="zh") == [
        "s.toml:8:1: points.ceiling：应为数字，实为true/false",
        "s.toml:24:1: items[1].points：“加分”类项目的分值须为正数（实为 0）",
        "s.toml:25:1: items[1].cap：年度上限不能为负数（实为 -3）",
    ]
    assert problems(variant({6: "base = "}), lang="zh") == ["s.toml:6:8: TOML 语法错误：无效的值"]


def test_a_huge_integer_or_deep_nesting_is_a_syntax_problem_not_a_crash():
    huge = problems(variant({6: "base = " + "9" * 5000}))
    assert len(huge) == 1 and huge[0].startswith("s.toml: TOML syntax error: Exceeds the limit")
    deep = problems("a = " + "[" * 5000 + "]" * 5000 + "\n")
    assert deep == ["s.toml: TOML syntax error: values nested too deeply"]


def test_text_that_cannot_be_utf8_is_refused():
    assert problems("a = '\udc80'") == ["s.toml: the file is not UTF-8 text (save it as UTF-8)"]


def test_the_default_file_name_is_used_when_none_is_given():
    with pytest.raises(SchemeError) as info:
        parse_scheme("[scheme")
    assert info.value.lines()[0].startswith("<scheme>:1:8: ")
    assert str(info.value) == "\n".join(info.value.lines())


# ---------------------------------------------------------------------------- positions


def test_positions_follow_dotted_keys_quoted_keys_and_headers_into_array_items():
    text = (
        "# a comment with [brackets] and key = 1\n"  # 1
        "[[items]]\n"  # 2
        "derive.meeting_types = ['x', 'y']\n"  # 3
        "[[items]]\n"  # 4
        '  "code" = "b"  # quoted\n'  # 5
        "code2 = 'c'\n"  # 6
        "[items.derive]\n"  # 7
        "attendance = 'present'\n"  # 8
        "[grades.'full']\n"  # 9
        "excellent = 1\n"  # 10
    )
    tomllib.loads(text)  # the scanner only ever sees valid TOML
    pos = key_positions(text)
    assert pos["items[1]"] == (2, 1)
    assert pos["items[1].derive"] == (3, 1)
    assert pos["items[1].derive.meeting_types"] == (3, 8)
    assert pos["items[1].derive.meeting_types[2]"] == (3, 30)
    assert pos["items[2].code"] == (5, 3)
    assert pos["items[2].code2"] == (6, 1)
    assert pos["items[2].derive"] == (7, 1)
    assert pos["items[2].derive.attendance"] == (8, 1)
    assert pos["grades.full"] == (9, 1)
    assert pos["grades.full.excellent"] == (10, 1)


def test_positions_are_not_fooled_by_strings_that_look_like_keys():
    text = (
        '[scheme]\nname = """\ncap = -1\n[points]\n"""\n'  # 1-5: a multi-line string
        "version = 'a = [b'\n"  # 6
        "[points]\n"  # 7
        "base = [\n  1, # ]\n  2,\n]\n"  # 8-11
        "floor = 0\n"  # 12
    )
    tomllib.loads(text)
    pos = key_positions(text)
    assert pos["scheme.name"] == (2, 1)
    assert "scheme.cap" not in pos and "cap" not in pos
    assert pos["scheme.version"] == (6, 1)
    assert pos["points"] == (7, 1)
    assert pos["points.base[2]"] == (10, 3)
    assert pos["points.floor"] == (12, 1)


def test_a_problem_in_an_inline_array_of_items_points_at_the_element():
    text = (
        (
            "items = [\n"  # 1
            '  { code = "a", name_zh = "甲", name_en = "A", category = "duty", points = 1 },\n'  # 2
            '  { code = "b", name_zh = "乙", name_en = "B", category = "duty", points = -1 },\n'  # 3
            "]\n"
        )
        + variant()[: variant().index("[[items]]")]
    )
    assert problems(text) == [
        "s.toml:3:66: items[2].points: a duty item needs positive points (found -1)"
    ]


# ---------------------------------------------------------------------------- summaries


def test_the_summary_lists_every_item_with_its_cap_in_both_languages():
    s = default_scheme()
    en = summary_lines(s, "en")
    zh = summary_lines(s, "zh")
    assert en[0] == "Scheme 党员积分量化考评默认方案, version 2026.1 (calendar year)"
    assert "Points: base 60, floor 0, ceiling 100" in en
    assert zh[1] == "分值：基础分 60，下限 0，上限 100"
    for it in s.items:
        row = next(line for line in en if line.split()[:1] == [it.code])
        assert it.name_en in row
        cap = "none" if it.cap is None else f"{it.cap:g}"
        assert f"  {cap}  " in row
        assert any(it.name_zh in line for line in zh)
    assert any("+0.5 per hour" in line for line in en)
    assert any("auto from attendance: party lecture (present)" in line for line in en)
    assert any("由出勤自动计分：党课（出席）" in line for line in zh)
    assert "  probationary  92 / 85 / 70" in en


def test_the_summary_marks_ungraded_statuses_and_ends_with_the_policy():
    s = parse_scheme(
        variant(
            {11: 'scored = ["full", "probationary"]'},
            extra="[grades.probationary]\nexcellent = 95\nqualified = 85\n"
            "basically_qualified = 70\n[policy]\npublicity_days = 5\n",
        )
    )
    en = summary_lines(s, "en")
    assert "  probationary  95 / 85 / 70  (no points band)" in en
    assert "Compliance policy (rule: what is checked):" in en
    assert en[-1] == "  Publicity window: 5 days"


# ---------------------------------------------------------------------------- properties

PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

SCHEMA_KEYS = sorted(
    {*TOP_KEYS, *SCHEME_KEYS, *POINTS_KEYS, *STATUSES_KEYS, *CUTOFF_KEYS, *APPRAISAL_KEYS}
    | {*ITEM_KEYS, *DERIVE_KEYS, "full", "probationary", "正式党员"}
    | {*POLICY_KEYS, *LADDER_KEYS, *RULE_KEYS, *(k for ks in RULE_KEYS.values() for k in ks)}
)
SCHEMA_WORDS = [
    "full", "probationary", "预备党员", "duty", "bonus", "deduction", "veto", "基本职责",
    "occurrence", "hour", "次", "present", "absent", "leave", "出席", "themed_day",
    "party_lecture", "主题党日", "ceiling", "range", "calendar_year", "attend", "a", "",
    "month", "quarter", "year", "季度", "reminder_talk", "warning", "violation", "谈话提醒",
]  # fmt: skip

text_no_surrogates = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(SCHEMA_WORDS),
    text_no_surrogates,
)
keys = st.one_of(st.sampled_from(SCHEMA_KEYS), text_no_surrogates.filter(bool))
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=5),
    ),
    max_leaves=25,
)


def _toml_scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def _key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def dump_inline(value) -> str:
    """Any value as a TOML value: dicts as inline tables, lists as arrays."""
    if isinstance(value, dict):
        body = ", ".join(f"{_key(k)} = {dump_inline(v)}" for k, v in value.items())
        return "{" + body + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump_inline(v) for v in value) + "]"
    return _toml_scalar(value)


def dump_document(doc: dict, tables: bool) -> str:
    """A document as TOML: inline tables only, or [table] / [[array]] headers at the top."""
    lines = []
    nested = []
    for k, v in doc.items():
        if tables and isinstance(v, dict):
            nested.append((k, v, False))
        elif tables and isinstance(v, list) and v and all(isinstance(e, dict) for e in v):
            nested.append((k, v, True))
        else:
            lines.append(f"{_key(k)} = {dump_inline(v)}")
    for k, v, array in nested:
        name = _key(k)
        for table in v if array else [v]:
            lines.append(f"[[{name}]]" if array else f"[{name}]")
            lines += [f"{_key(kk)} = {dump_inline(vv)}" for kk, vv in table.items()]
    return "\n".join(lines) + "\n"


def _assert_only_scheme_errors(text: str) -> Scheme | None:
    try:
        scheme = parse_scheme(text, "p.toml")
    except SchemeError as exc:
        assert exc.problems
        n_lines = text.count("\n") + 1
        for lang in ("en", "zh"):
            set_language(lang)
            try:
                for p in exc.problems:
                    line = str(p)
                    assert line.startswith("p.toml")
                    if p.line is not None:
                        assert 1 <= p.line <= n_lines and p.column >= 1
            finally:
                set_language("en")
        return None
    assert isinstance(scheme, Scheme)
    assert scheme.floor < scheme.ceiling
    assert scheme.floor <= scheme.base_points <= scheme.ceiling
    assert scheme.items and len({it.code for it in scheme.items}) == len(scheme.items)
    assert scheme.graded_statuses <= scheme.scored_statuses
    for status in scheme.graded_statuses:
        c = scheme.cutoffs[status]
        assert scheme.ceiling >= c.excellent > c.qualified > c.basically_qualified >= scheme.floor
    for it in scheme.items:
        assert it.cap is None or it.cap >= 0
        assert not (it.unit is Unit.hour and it.derive is not None)
    return scheme


@PROPERTY_SETTINGS
@given(st.text())
def test_any_text_gives_a_scheme_or_scheme_errors(text):
    _assert_only_scheme_errors(text)


@PROPERTY_SETTINGS
@given(st.dictionaries(keys, values, max_size=8), st.booleans())
@pytest.mark.slow
def test_any_toml_document_gives_a_scheme_or_scheme_errors(doc, tables):
    _assert_only_scheme_errors(dump_document(doc, tables))


DEFAULT_DOC = tomllib.loads(default_scheme_text())


@st.composite
def mutated_defaults(draw):
    """The default scheme with a few random edits: a key dropped, a value replaced, a key
    added, an item duplicated — anywhere in the tree."""
    doc = copy.deepcopy(DEFAULT_DOC)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        node = doc
        while True:  # walk down to a random container
            children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            containers = [(k, v) for k, v in children if isinstance(v, (dict, list)) and v]
            if not containers or draw(st.booleans()):
                break
            node = draw(st.sampled_from(containers))[1]
        action = draw(st.sampled_from(["drop", "replace", "add", "duplicate"]))
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if action == "drop":
                del node[key]
            elif action == "replace":
                node[key] = draw(values)
            elif action == "add":
                node[draw(keys)] = draw(values)
            elif isinstance(node[key], list) and node[key]:
                node[key].append(copy.deepcopy(node[key][0]))
        elif isinstance(node, list) and node:
            index = draw(st.integers(min_value=0, max_value=len(node) - 1))
            if action == "drop":
                del node[index]
            elif action == "replace":
                node[index] = draw(values)
            else:
                node.append(copy.deepcopy(node[index]))
    return doc


@PROPERTY_SETTINGS
@given(mutated_defaults(), st.booleans())
@pytest.mark.slow
def test_mutated_default_schemes_give_a_scheme_or_scheme_errors(doc, tables):
    _assert_only_scheme_errors(dump_document(doc, tables))


@PROPERTY_SETTINGS
@given(st.data(), st.booleans())
def test_an_unknown_key_is_located_where_it_is_written(data, tables):
    doc = copy.deepcopy(DEFAULT_DOC)
    rules = doc["policy"]["rules"]
    targets = [doc, doc["scheme"], doc["points"], doc["grades"]["full"], *doc["items"]]
    targets += [doc["policy"], *rules.values(), *rules["absence_streak"]["ladder"]]
    target = data.draw(st.sampled_from(targets))
    key = data.draw(
        st.text(alphabet="abcxyz_-中文", min_size=1, max_size=8).filter(
            lambda k: k not in target and k not in ("derive",)
        )
    )
    target[key] = 1
    text = dump_document(doc, tables)
    with pytest.raises(SchemeError) as info:
        parse_scheme(text, "p.toml")
    (problem,) = info.value.problems
    assert problem.key == "scheme.problem.unknown_key"
    assert problem.line is not None
    line = text.split("\n")[problem.line - 1]
    quoted = json.dumps(key, ensure_ascii=False)
    assert line[problem.column - 1 :].startswith(quoted)


@PROPERTY_SETTINGS
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_a_cap_is_accepted_exactly_when_it_is_not_negative(cap):
    assume(cap != 0 or math.copysign(1, cap) > 0)
    text = variant({25: f"cap = {cap!r}"})
    if cap >= 0:
        assert parse_scheme(text).item("attend").cap == cap
    else:
        shown = str(int(cap)) if cap == int(cap) else repr(cap)
        assert problems(text) == [
            f"s.toml:25:1: items[1].cap: the cap must not be negative (found {shown})"
        ]
