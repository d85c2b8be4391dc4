"""The ``[policy]`` section of the scheme file: defaults, every key, each kind of bad input
with its exact location, and property tests (valid policies round-trip; bad ones give only
SchemeError)."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orglife_tui.domain import MeetingType, label
from orglife_tui.locale import set_language
from orglife_tui.scoring.policy import (
    FREQUENCY_RULES,
    RULE_IDS,
    YEARLY_RULES,
    AbsenceRule,
    FrequencyRule,
    LadderAction,
    LadderStep,
    Period,
    Policy,
    Severity,
    SimpleRule,
    TalkRule,
)
from orglife_tui.scoring.scheme import (
    ACTION_ZH,
    PERIOD_ZH,
    RULE_KEYS,
    SEVERITY_ZH,
    SchemeError,
    default_scheme,
    default_scheme_text,
    parse_scheme,
    policy_lines,
    summary_lines,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]

# A valid scheme without [policy]. Each test puts its policy text FIRST in the file, so a
# problem's line number is the line of the policy text as written in the test.
REST = """
[scheme]
name = "测试方案"
version = "1"

[points]
base = 80
floor = 0
ceiling = 100

[statuses]
scored = ["full"]
graded = []

[[items]]
code = "attend"
name_zh = "参加组织生活"
name_en = "Attend"
category = "duty"
points = 1
"""


def scheme(policy: str) -> str:
    return policy + "\n" + REST


def parse_policy(policy: str) -> Policy:
    return parse_scheme(scheme(policy), "s.toml").policy


def problems(policy: str, lang: str = "en") -> list[str]:
    with pytest.raises(SchemeError) as info:
        parse_scheme(scheme(policy), "s.toml")
    set_language(lang)
    try:
        return info.value.lines()
    finally:
        set_language("en")


def rule(policy: Policy, rule_id: str) -> FrequencyRule:
    return next(r for r in (*policy.frequencies, *policy.yearly) if r.rule == rule_id)


# ---------------------------------------------------------------------------- defaults


def test_a_scheme_without_policy_gets_the_default_policy():
    assert parse_policy("") == Policy()


def test_an_empty_policy_table_and_empty_rule_tables_keep_every_default():
    text = "[policy]\n" + "".join(f"[policy.rules.{r}]\n" for r in RULE_IDS)
    assert parse_policy(text) == Policy()


def test_the_default_policy_follows_the_design():
    p = default_scheme().policy
    assert p == Policy()
    periods = {r.rule: (r.meeting_type, r.period, r.times, r.enabled) for r in p.frequencies}
    assert periods == {
        "general_meeting_frequency": (MeetingType.general_meeting, Period.quarter, 1, True),
        "committee_meeting_frequency": (MeetingType.committee_meeting, Period.month, 1, True),
        "group_meeting_frequency": (MeetingType.group_meeting, Period.month, 1, True),
        "party_lecture_frequency": (MeetingType.party_lecture, Period.quarter, 1, True),
        "themed_day_frequency": (MeetingType.themed_day, Period.month, 1, True),
    }
    assert [(r.rule, r.period, r.times) for r in p.yearly] == [
        ("life_meeting_yearly", Period.year, 1),
        ("appraisal_yearly", Period.year, 1),
    ]
    assert p.absence.ladder == (
        LadderStep(3, LadderAction.reminder_talk, Severity.warning),
        LadderStep(5, LadderAction.warning_notice, Severity.warning),
        LadderStep(6, LadderAction.general_meeting_case, Severity.violation),
    )
    assert (p.talks.talks_per_member, p.talks.grace_months) == (1, 3)
    assert p.publicity_days == 7
    assert set(p.organizational_life) == set(MeetingType) - {MeetingType.other}
    assert all(p.enabled(r) for r in RULE_IDS)


def test_the_shipped_default_states_every_policy_key_explicitly():
    raw = tomllib.loads(default_scheme_text())["policy"]
    assert set(raw) == {"organizational_life", "publicity_days", "rules"}
    assert list(raw["rules"]) == list(RULE_IDS)
    for rule_id, keys in RULE_KEYS.items():
        assert tuple(raw["rules"][rule_id]) == keys, rule_id
    for step in raw["rules"]["absence_streak"]["ladder"]:
        assert set(step) == {"months", "action", "severity"}


def test_the_shipped_policy_is_commented_in_both_languages():
    text = default_scheme_text()
    section = text[text.index("[policy]") :]
    assert "reserved" not in text
    for words in ("谈话提醒", "reminder_talk", "自行脱党", "leaving the Party", "公示期"):
        assert words in text
    assert section.count("[policy.rules.") == len(RULE_IDS)


def test_the_documented_default_policy_is_the_shipped_one_key_for_key():
    doc = (ROOT / "docs" / "scheme.md").read_text("utf-8")
    section = doc.split("## The default scheme", 1)[1]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    shipped = tomllib.loads(default_scheme_text())["policy"]
    assert tomllib.loads(example)["policy"] == shipped


def test_the_documentation_names_every_rule_with_what_it_checks():
    doc = (ROOT / "docs" / "scheme.md").read_text("utf-8")
    section = doc.split("### `[policy]`", 1)[1].split("## The default scheme", 1)[0]
    for rule_id in RULE_IDS:
        assert re.search(rf"^\| `{rule_id}` \| \S", section, re.M), rule_id
    assert "reserved" not in section


# ---------------------------------------------------------------------------- every key


def test_every_key_is_read():
    p = parse_policy(
        """[policy]
organizational_life = ["themed_day", "general_meeting"]
publicity_days = 10

[policy.rules.general_meeting_frequency]
enabled = false
period = "month"
times = 2

[policy.rules.committee_meeting_frequency]
times = 3

[policy.rules.group_meeting_frequency]
period = "quarter"

[policy.rules.party_lecture_frequency]
period = "month"

[policy.rules.themed_day_frequency]
enabled = false

[policy.rules.life_meeting_yearly]
times = 2

[policy.rules.appraisal_yearly]
enabled = false
times = 1

[policy.rules.absence_streak]
enabled = true
ladder = [
  { months = 2, action = "reminder_talk", severity = "warning" },
  { months = 4, action = "general_meeting_case", severity = "violation" },
]

[policy.rules.talk_coverage]
talks_per_member = 2
grace_months = 0

[policy.rules.rectification_overdue]
enabled = false
"""
    )
    assert p.organizational_life == (MeetingType.general_meeting, MeetingType.themed_day)
    assert p.publicity_days == 10
    assert rule(p, "general_meeting_frequency") == FrequencyRule(
        "general_meeting_frequency", MeetingType.general_meeting, Period.month, 2, False
    )
    assert rule(p, "committee_meeting_frequency").times == 3
    assert rule(p, "committee_meeting_frequency").period is Period.month  # kept
    assert rule(p, "group_meeting_frequency").period is Period.quarter
    assert rule(p, "party_lecture_frequency").period is Period.month
    assert not p.enabled("themed_day_frequency")
    assert rule(p, "life_meeting_yearly") == FrequencyRule(
        "life_meeting_yearly", MeetingType.life_meeting, Period.year, 2
    )
    assert not p.enabled("appraisal_yearly")
    assert p.absence == AbsenceRule(
        (
            LadderStep(2, LadderAction.reminder_talk, Severity.warning),
            LadderStep(4, LadderAction.general_meeting_case, Severity.violation),
        )
    )
    assert p.talks == TalkRule(talks_per_member=2, grace_months=0)
    assert p.rectification == SimpleRule(enabled=False)
    assert [r.rule for r in p.frequencies] == list(FREQUENCY_RULES)  # order kept
    assert [r.rule for r in p.yearly] == list(YEARLY_RULES)


def test_chinese_spellings_are_accepted_for_types_periods_actions_and_severities():
    p = parse_policy(
        """[policy]
organizational_life = ["支部党员大会", "主题党日"]
[policy.rules.party_lecture_frequency]
period = "每月"
[policy.rules.absence_streak]
ladder = [{ months = 6, action = "提交支部党员大会处置", severity = "违规" }]
"""
    )
    assert p.organizational_life == (MeetingType.general_meeting, MeetingType.themed_day)
    assert rule(p, "party_lecture_frequency").period is Period.month
    assert p.absence.ladder == (
        LadderStep(6, LadderAction.general_meeting_case, Severity.violation),
    )


def test_a_ladder_may_be_written_as_an_array_of_tables():
    p = parse_policy(
        """[[policy.rules.absence_streak.ladder]]
months = 1
action = "reminder_talk"
severity = "warning"

[[policy.rules.absence_streak.ladder]]
months = 24
action = "warning_notice"
severity = "violation"
"""
    )
    assert p.absence.ladder == (
        LadderStep(1, LadderAction.reminder_talk, Severity.warning),
        LadderStep(24, LadderAction.warning_notice, Severity.violation),
    )


def test_rules_may_be_inline_tables_and_the_bounds_are_inclusive():
    p = parse_policy(
        """[policy]
publicity_days = 90
rules = { themed_day_frequency = { times = 31 }, talk_coverage = { talks_per_member = 0, grace_months = 11 } }
"""  # noqa: E501
    )
    assert rule(p, "themed_day_frequency").times == 31
    assert p.talks == TalkRule(talks_per_member=0, grace_months=11)
    assert p.publicity_days == 90
    assert parse_policy("[policy]\npublicity_days = 1\n").publicity_days == 1


def test_the_policy_leaves_nothing_in_extra():
    s = parse_scheme(scheme("[policy]\npublicity_days = 5\n"))
    assert s.extra == {}
    assert s.policy.publicity_days == 5


# ---------------------------------------------------------------------------- bad input

KNOWN = ", ".join(RULE_IDS)
LADDER = "[policy.rules.absence_streak]\nladder = [\n  {0},\n  {1},\n]\n"
STEP3 = '{ months = 3, action = "reminder_talk", severity = "warning" }'


def ladder(first: str, second: str) -> str:
    return LADDER.replace("{0}", first).replace("{1}", second)


BAD = [
    pytest.param(
        "[policy.rules.general_meeting]\ntimes = 1\n",
        [
            's.toml:1:1: policy.rules.general_meeting: unknown rule "general_meeting"; '
            f"known rules: {KNOWN}"
        ],
        id="unknown-rule-id",
    ),
    pytest.param(
        "[policy.rules]\nabsence = { enabled = false }\n",
        [f's.toml:2:1: policy.rules.absence: unknown rule "absence"; known rules: {KNOWN}'],
        id="unknown-rule-id-inline",
    ),
    pytest.param(
        '[policy.rules.general_meeting_frequency]\nperiod = "week"\n',
        [
            "s.toml:2:1: policy.rules.general_meeting_frequency.period: unknown value "
            '"week"; use one of: month/月, quarter/季度, year/年'
        ],
        id="bad-period",
    ),
    pytest.param(
        "[policy.rules.themed_day_frequency]\nperiod = 1\n",
        [
            "s.toml:2:1: policy.rules.themed_day_frequency.period: expected text in quotes, "
            "found a number"
        ],
        id="period-not-text",
    ),
    pytest.param(
        '[policy.rules.life_meeting_yearly]\nperiod = "year"\n',
        [
            "s.toml:2:1: policy.rules.life_meeting_yearly.period: life_meeting_yearly is "
            "always judged per year; remove period"
        ],
        id="period-on-a-yearly-rule",
    ),
    pytest.param(
        '[policy.rules.appraisal_yearly]\ntimes = 0\nperiod = "month"\n',
        [
            "s.toml:2:1: policy.rules.appraisal_yearly.times: 0 must lie between 1 and 31",
            "s.toml:3:1: policy.rules.appraisal_yearly.period: appraisal_yearly is "
            "always judged per year; remove period",
        ],
        id="times-0-and-period-on-a-yearly-rule",
    ),
    pytest.param(
        "[policy.rules.party_lecture_frequency]\ntimes = 0\n",
        ["s.toml:2:1: policy.rules.party_lecture_frequency.times: 0 must lie between 1 and 31"],
        id="times-0",
    ),
    pytest.param(
        "[policy.rules.party_lecture_frequency]\ntimes = 32\n",
        ["s.toml:2:1: policy.rules.party_lecture_frequency.times: 32 must lie between 1 and 31"],
        id="times-32",
    ),
    pytest.param(
        "[policy.rules.party_lecture_frequency]\ntimes = 100000000000000000000\n",
        ["s.toml:2:1: policy.rules.party_lecture_frequency.times: 1e15+ must lie between 1 and 31"],
        id="times-huge",
    ),
    pytest.param(
        "[policy.rules.party_lecture_frequency]\ntimes = 1.0\n",
        [
            "s.toml:2:1: policy.rules.party_lecture_frequency.times: expected a whole number, "
            "found 1.0"
        ],
        id="times-a-float",
    ),
    pytest.param(
        '[policy.rules.party_lecture_frequency]\ntimes = "1"\n',
        [
            "s.toml:2:1: policy.rules.party_lecture_frequency.times: expected a whole number, "
            "found text in quotes"
        ],
        id="times-text",
    ),
    pytest.param(
        "[policy.rules.party_lecture_frequency]\ntimes = true\n",
        [
            "s.toml:2:1: policy.rules.party_lecture_frequency.times: expected a whole number, "
            "found true/false"
        ],
        id="times-a-boolean",
    ),
    pytest.param(
        '[policy.rules.talk_coverage]\nenabled = "yes"\n',
        [
            "s.toml:2:1: policy.rules.talk_coverage.enabled: expected true/false, "
            "found text in quotes"
        ],
        id="enabled-text",
    ),
    pytest.param(
        "[policy.rules.rectification_overdue]\nenabled = 1\n",
        [
            "s.toml:2:1: policy.rules.rectification_overdue.enabled: expected true/false, "
            "found a number"
        ],
        id="enabled-a-number",
    ),
    pytest.param(
        "[policy.rules.rectification_overdue]\ndays = 30\n",
        [
            's.toml:2:1: policy.rules.rectification_overdue.days: unknown key "days"; '
            "allowed here: enabled"
        ],
        id="unknown-key-in-a-simple-rule",
    ),
    pytest.param(
        "[policy.rules.general_meeting_frequency]\nladder = []\n",
        [
            "s.toml:2:1: policy.rules.general_meeting_frequency.ladder: unknown key "
            '"ladder"; allowed here: enabled, period, times'
        ],
        id="ladder-on-a-frequency-rule",
    ),
    pytest.param(
        "[policy.rules.absence_streak]\ntimes = 1\n",
        [
            's.toml:2:1: policy.rules.absence_streak.times: unknown key "times"; '
            "allowed here: enabled, ladder"
        ],
        id="times-on-the-absence-rule",
    ),
    pytest.param(
        "[policy.rules.talk_coverage]\ntalks_per_member = 13\ngrace_months = 12\n",
        [
            "s.toml:2:1: policy.rules.talk_coverage.talks_per_member: 13 must lie between 0 and 12",
            "s.toml:3:1: policy.rules.talk_coverage.grace_months: 12 must lie between 0 and 11",
        ],
        id="talk-numbers-out-of-range",
    ),
    pytest.param(
        "[policy.rules.talk_coverage]\ngrace_months = -1\n",
        ["s.toml:2:1: policy.rules.talk_coverage.grace_months: -1 must lie between 0 and 11"],
        id="negative-grace",
    ),
    pytest.param(
        ladder(STEP3, '{ months = 3, action = "warning_notice", severity = "warning" }'),
        [
            "s.toml:4:5: policy.rules.absence_streak.ladder[2].months: steps must go up in "
            "months: 3 is not more than 3 of an earlier step"
        ],
        id="ladder-months-repeated",
    ),
    pytest.param(
        ladder(
            '{ months = 6, action = "general_meeting_case", severity = "violation" }',
            STEP3,
        ),
        [
            "s.toml:4:5: policy.rules.absence_streak.ladder[2].months: steps must go up in "
            "months: 3 is not more than 6 of an earlier step"
        ],
        id="ladder-descending",
    ),
    pytest.param(
        ladder(STEP3, '{ months = 5, action = "expel", severity = "warning" }'),
        [
            "s.toml:4:17: policy.rules.absence_streak.ladder[2].action: unknown action "
            '"expel"; use one of: reminder_talk/谈话提醒, warning_notice/警示告诫, '
            "general_meeting_case/提交支部党员大会处置"
        ],
        id="bad-action",
    ),
    pytest.param(
        ladder(STEP3, '{ months = 5, action = "warning_notice", severity = "fatal" }'),
        [
            "s.toml:4:44: policy.rules.absence_streak.ladder[2].severity: unknown severity "
            '"fatal"; use one of: warning/提醒, violation/违规'
        ],
        id="bad-severity",
    ),
    pytest.param(
        ladder(STEP3, '{ months = 5, action = "warning_notice" }'),
        ['s.toml:4:3: policy.rules.absence_streak.ladder[2]: required key "severity" is missing'],
        id="step-without-severity",
    ),
    pytest.param(
        ladder(STEP3, '{ months = 5, action = "warning_notice", severity = "warning", days = 3 }'),
        [
            's.toml:4:66: policy.rules.absence_streak.ladder[2].days: unknown key "days"; '
            "allowed here: months, action, severity"
        ],
        id="step-with-an-unknown-key",
    ),
    pytest.param(
        ladder(STEP3, '{ months = 25, action = "warning_notice", severity = "warning" }'),
        ["s.toml:4:5: policy.rules.absence_streak.ladder[2].months: 25 must lie between 1 and 24"],
        id="months-25",
    ),
    pytest.param(
        ladder('{ months = 0, action = "reminder_talk", severity = "warning" }', STEP3),
        ["s.toml:3:5: policy.rules.absence_streak.ladder[1].months: 0 must lie between 1 and 24"],
        id="months-0",
    ),
    pytest.param(
        ladder('{ months = 2.5, action = "reminder_talk", severity = "warning" }', STEP3),
        [
            "s.toml:3:5: policy.rules.absence_streak.ladder[1].months: expected a whole "
            "number, found 2.5"
        ],
        id="months-a-float",
    ),
    pytest.param(
        "[policy.rules.absence_streak]\nladder = []\n",
        ["s.toml:2:1: policy.rules.absence_streak.ladder: the ladder needs at least one step"],
        id="ladder-empty",
    ),
    pytest.param(
        "[policy.rules.absence_streak]\nladder = 6\n",
        ["s.toml:2:1: policy.rules.absence_streak.ladder: expected a list [...], found a number"],
        id="ladder-not-a-list",
    ),
    pytest.param(
        "[policy.rules.absence_streak]\nladder = [3, 6]\n",
        [
            "s.toml:2:11: policy.rules.absence_streak.ladder[1]: expected a table, found a number",
            "s.toml:2:14: policy.rules.absence_streak.ladder[2]: expected a table, found a number",
        ],
        id="ladder-of-numbers",
    ),
    pytest.param(
        "[policy]\npublicity = 7\n",
        [
            's.toml:2:1: policy.publicity: unknown key "publicity"; allowed here: '
            "organizational_life, publicity_days, rules"
        ],
        id="unknown-policy-key",
    ),
    pytest.param(
        "[policy]\npublicity_days = 0\n",
        ["s.toml:2:1: policy.publicity_days: 0 must lie between 1 and 90"],
        id="publicity-0",
    ),
    pytest.param(
        "[policy]\npublicity_days = 91\n",
        ["s.toml:2:1: policy.publicity_days: 91 must lie between 1 and 90"],
        id="publicity-91",
    ),
    pytest.param(
        "[policy]\npublicity_days = 7.5\n",
        ["s.toml:2:1: policy.publicity_days: expected a whole number, found 7.5"],
        id="publicity-a-float",
    ),
    pytest.param(
        "[policy]\norganizational_life = []\n",
        ["s.toml:2:1: policy.organizational_life: must not be empty"],
        id="organizational-life-empty",
    ),
    pytest.param(
        '[policy]\norganizational_life = "themed_day"\n',
        ["s.toml:2:1: policy.organizational_life: expected a list [...], found text in quotes"],
        id="organizational-life-not-a-list",
    ),
    pytest.param(
        '[policy]\norganizational_life = ["themed_day", "picnic", "主题党日"]\n',
        [
            's.toml:2:38: policy.organizational_life[2]: unknown meeting type "picnic"; '
            "use one of: general_meeting/支部党员大会, committee_meeting/支部委员会, "
            "group_meeting/党小组会, party_lecture/党课, themed_day/主题党日, "
            "life_meeting/组织生活会, appraisal/民主评议党员, other/其他",
            's.toml:2:48: policy.organizational_life[3]: "themed_day" is listed twice',
        ],
        id="organizational-life-unknown-and-twice",
    ),
    pytest.param(
        "[policy]\nrules = 3\n",
        ["s.toml:2:1: policy.rules: expected a table, found a number"],
        id="rules-not-a-table",
    ),
    pytest.param(
        "[policy.rules]\ntalk_coverage = true\n",
        ["s.toml:2:1: policy.rules.talk_coverage: expected a table, found true/false"],
        id="rule-not-a-table",
    ),
    pytest.param(
        "policy = 3\n",
        ["s.toml:1:1: policy: expected a table, found a number"],
        id="policy-not-a-table",
    ),
]


@pytest.mark.parametrize(("policy", "expected"), BAD)
def test_bad_input_is_refused_with_its_location(policy, expected):
    assert problems(policy) == expected


def test_every_policy_problem_is_reported_at_once_with_the_rest_of_the_scheme():
    text = (
        "[policy]\n"  # 1
        "publicity_days = 0\n"  # 2
        "[policy.rules.nonsense]\n"  # 3
        "[policy.rules.themed_day_frequency]\n"  # 4
        'period = "week"\n'  # 5
        "times = 0\n"  # 6
        "[policy.rules.absence_streak]\n"  # 7
        'ladder = [{ months = 5, action = "reminder_talk", severity = "warning" },\n'  # 8
        '          { months = 4, action = "nope", severity = "warning" }]\n'  # 9
    )
    lines = problems(text)
    assert [line.split(":")[1:3] for line in lines] == [
        ["2", "1"],
        ["3", "1"],
        ["5", "1"],
        ["6", "1"],
        ["9", "13"],
        ["9", "25"],
    ]
    with pytest.raises(SchemeError) as info:
        parse_scheme(scheme(text).replace("base = 80", "base = 800"), "s.toml")
    assert len(info.value.problems) == 7  # the points problem too


def test_policy_problems_are_told_in_chinese_with_the_same_locations():
    text = (
        "[policy.rules.general_meeting]\n"
        "[policy.rules.life_meeting_yearly]\n"
        'period = "year"\n'
        "times = 1.5\n"
        "[policy.rules.absence_streak]\n"
        'ladder = [{ months = 3, action = "warning_notice", severity = "严重" }]\n'
    )
    assert problems(text, lang="zh") == [
        "s.toml:1:1: policy.rules.general_meeting：无法识别的规则“general_meeting”；"
        f"可用的规则：{KNOWN}",
        "s.toml:3:1: policy.rules.life_meeting_yearly.period：life_meeting_yearly "
        "固定按年度检查，不能设置 period；请删除此键",
        "s.toml:4:1: policy.rules.life_meeting_yearly.times：应为整数，实为 1.5",
        "s.toml:6:52: policy.rules.absence_streak.ladder[1].severity：无法识别的严重程度"
        "“严重”；可用的值：warning/提醒, violation/违规",
    ]


# ---------------------------------------------------------------------------- summary


def test_the_summary_describes_the_policy_rule_by_rule_in_both_languages():
    en = summary_lines(default_scheme(), "en")
    start = en.index("Compliance policy (rule: what is checked):")
    policy = en[start:]
    assert policy[1].startswith("  Counts as organizational life: general meeting, ")
    assert "  general_meeting_frequency    at least 1 a quarter" in policy
    assert "  group_meeting_frequency      at least 1 a month in each party group" in policy
    assert "  absence_streak               3 months → reminder talk (warning)" in policy
    assert (
        "                               6 months → case for the general meeting (violation)"
    ) in policy
    assert policy[-1] == "  Publicity window: 7 days"
    zh = policy_lines(Policy(), "zh")
    assert "  committee_meeting_frequency  每月至少 1 次" in zh
    assert "  absence_streak               3 个月 → 谈话提醒（提醒）" in zh
    assert "                               5 个月 → 警示告诫（提醒）" in zh
    assert zh[-1] == "  公示期：7 天"


def test_the_summary_marks_rules_that_are_off():
    p = parse_policy(
        "[policy.rules.absence_streak]\nenabled = false\n"
        "[policy.rules.themed_day_frequency]\nenabled = false\n"
        "[policy.rules.dues_arrears]\nenabled = false\n"
    )
    lines = policy_lines(p, "en")
    assert "  themed_day_frequency         off" in lines
    assert "  absence_streak               off" in lines
    assert "  dues_arrears                 off" in lines
    assert not any("months →" in line for line in lines)
    assert "  absence_streak               不检查" in policy_lines(p, "zh")


# ---------------------------------------------------------------------------- properties

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def spellings(value, zh: dict) -> list[str]:
    return [value.value, value.value.upper(), *(k for k, v in zh.items() if v is value)]


def spelled(value, zh: dict):
    return st.sampled_from(spellings(value, zh))


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
        )
    raise TypeError(value)


@st.composite
def valid_policies(draw):
    """A random valid [policy] as TOML text, with the Policy it must parse to."""
    expected = Policy()
    top: dict = {}
    if draw(st.booleans()):
        types = draw(st.lists(st.sampled_from(list(MeetingType)), min_size=1, unique=True))
        top["organizational_life"] = [
            draw(st.sampled_from([m.value, label(m, "zh")])) for m in types
        ]
        expected = replace(
            expected, organizational_life=tuple(m for m in MeetingType if m in types)
        )
    if draw(st.booleans()):
        top["publicity_days"] = draw(st.integers(1, 90))
        expected = replace(expected, publicity_days=top["publicity_days"])
    rules: dict[str, dict] = {}
    frequencies = list(expected.frequencies)
    yearly = list(expected.yearly)
    for rule_list, is_yearly in ((frequencies, False), (yearly, True)):
        for i, r in enumerate(rule_list):
            if not draw(st.booleans()):
                continue
            spec: dict = {}
            if draw(st.booleans()):
                spec["enabled"] = draw(st.booleans())
                r = replace(r, enabled=spec["enabled"])
            if not is_yearly and draw(st.booleans()):
                period = draw(st.sampled_from(list(Period)))
                spec["period"] = draw(spelled(period, PERIOD_ZH))
                r = replace(r, period=period)
            if draw(st.booleans()):
                spec["times"] = draw(st.integers(1, 31))
                r = replace(r, times=spec["times"])
            rules[r.rule] = spec
            rule_list[i] = r
    expected = replace(expected, frequencies=tuple(frequencies), yearly=tuple(yearly))
    if draw(st.booleans()):
        spec = {}
        absence = expected.absence
        if draw(st.booleans()):
            spec["enabled"] = draw(st.booleans())
            absence = replace(absence, enabled=spec["enabled"])
        if draw(st.booleans()):
            months = sorted(draw(st.sets(st.integers(1, 24), min_size=1, max_size=5)))
            steps = [
                LadderStep(
                    m,
                    draw(st.sampled_from(list(LadderAction))),
                    draw(st.sampled_from(list(Severity))),
                )
                for m in months
            ]
            spec["ladder"] = [
                {
                    "months": s.months,
                    "action": draw(spelled(s.action, ACTION_ZH)),
                    "severity": draw(spelled(s.severity, SEVERITY_ZH)),
                }
                for s in steps
            ]
            absence = replace(absence, ladder=tuple(steps))
        rules["absence_streak"] = spec
        expected = replace(expected, absence=absence)
    if draw(st.booleans()):
        spec = {}
        talks = expected.talks
        for key, low, high in (("talks_per_member", 0, 12), ("grace_months", 0, 11)):
            if draw(st.booleans()):
                spec[key] = draw(st.integers(low, high))
                talks = replace(talks, **{key: spec[key]})
        if draw(st.booleans()):
            spec["enabled"] = draw(st.booleans())
            talks = replace(talks, enabled=spec["enabled"])
        rules["talk_coverage"] = spec
        expected = replace(expected, talks=talks)
    if draw(st.booleans()):
        enabled = draw(st.booleans())
        rules["rectification_overdue"] = {"enabled": enabled}
        expected = replace(expected, rectification=SimpleRule(enabled))

    # written out in one of three styles: headers per rule, one inline rules table, or
    # ladders as arrays of tables
    style = draw(st.sampled_from(["headers", "inline", "array"]))
    order = draw(st.permutations(list(rules)))
    lines = ["[policy]"] + [f"{k} = {toml_value(v)}" for k, v in top.items()]
    if style == "inline":
        if rules:
            lines.append(f"rules = {toml_value({k: rules[k] for k in order})}")
    else:
        for rule_id in order:
            spec = dict(rules[rule_id])
            steps = spec.pop("ladder", None) if style == "array" else None
            lines.append(f"[policy.rules.{rule_id}]")
            lines += [f"{k} = {toml_value(v)}" for k, v in spec.items()]
            for step in steps or ():
                lines.append(f"[[policy.rules.{rule_id}.ladder]]")
                lines += [f"{k} = {toml_value(v)}" for k, v in step.items()]
    return "\n".join(lines) + "\n", expected


@PROPERTY_SETTINGS
@given(valid_policies())
def test_random_valid_policies_round_trip(case):
    text, expected = case
    assert parse_policy(text) == expected


POLICY_WORDS = [
    *RULE_IDS, *RULE_KEYS["absence_streak"], *RULE_KEYS["talk_coverage"], "period", "times",
    "months", "action", "severity", "organizational_life", "publicity_days", "rules",
    "month", "quarter", "year", "每月", "reminder_talk", "warning", "violation", "themed_day",
    "主题党日", "", "x",
]  # fmt: skip
scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=-2, max_value=40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(POLICY_WORDS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
)
keys = st.one_of(
    st.sampled_from(POLICY_WORDS).filter(bool),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def mutated_policies(draw):
    """The shipped default policy with a value replaced or a key added somewhere in it."""
    doc = tomllib.loads(default_scheme_text())["policy"]
    for _ in range(draw(st.integers(1, 3))):
        node = doc
        while True:
            children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            inner = [(k, v) for k, v in children if isinstance(v, (dict, list)) and v]
            if not inner or draw(st.booleans()):
                break
            node = draw(st.sampled_from(inner))[1]
        if isinstance(node, dict) and draw(st.booleans()):
            node[draw(keys)] = draw(trees)
        elif node:
            where = draw(
                st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
            )
            node[where] = draw(trees)
    return doc


@PROPERTY_SETTINGS
@given(mutated_policies())
def test_bad_policies_give_a_policy_or_scheme_errors_only(doc):
    text = scheme(f"policy = {toml_value(doc)}\n")
    try:
        result = parse_scheme(text, "p.toml").policy
    except SchemeError as exc:
        assert exc.problems
        for lang in ("en", "zh"):
            set_language(lang)
            try:
                for p in exc.problems:
                    assert str(p).startswith("p.toml:1:")  # the whole policy is on line 1
            finally:
                set_language("en")
        return
    assert isinstance(result, Policy)
    assert result.organizational_life
    assert 1 <= result.publicity_days <= 90
    months = [s.months for s in result.absence.ladder]
    assert months and months == sorted(set(months))
