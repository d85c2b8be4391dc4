"""The words of the scheme file: the keys each table allows, the bounds of its numbers and
the Chinese spellings accepted for its vocabulary, with the parsers that read them.

Pure. docs/scheme.md documents every key listed here (a test checks it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

from orglife_tui.domain import LadderAction
from orglife_tui.scoring.model import Category, Unit
from orglife_tui.scoring.policy import (
    DUTY_RULES,
    FREQUENCY_RULES,
    RULE_IDS,
    YEARLY_RULES,
    Period,
    Severity,
)

DEFAULT_SCHEME_RESOURCE = "default_scheme.toml"

# The keys each table allows, in the order the documentation lists them.
TOP_KEYS = ("scheme", "points", "statuses", "grades", "appraisal", "items", "policy")
SCHEME_KEYS = ("name", "version", "period")
POINTS_KEYS = ("base", "floor", "ceiling")
STATUSES_KEYS = ("scored", "graded")
CUTOFF_KEYS = ("excellent", "qualified", "basically_qualified")
APPRAISAL_KEYS = (
    "normalization",
    "points_weight",
    "voters",
    "ballot_values",
    "excellent_share_max",
    "unqualified_vote_flag",
)
# [appraisal] ballot_values: what a vote for each grade is worth, best grade first
BALLOT_VALUE_KEYS = ("excellent", "qualified", "basically_qualified", "unqualified")
ITEM_KEYS = ("code", "name_zh", "name_en", "category", "points", "unit", "cap", "derive")
DERIVE_KEYS = ("meeting_types", "attendance")
# derive = { dues = "arrears", grace_months = N }: an item booked from the dues records
DUES_DERIVE_KEYS = ("dues", "grace_months")
# [policy]: every key optional; what is left out keeps its default from scoring/policy.py.
POLICY_KEYS = ("organizational_life", "publicity_days", "rules")
FREQUENCY_RULE_KEYS = ("enabled", "period", "times")
YEARLY_RULE_KEYS = ("enabled", "times")
ABSENCE_RULE_KEYS = ("enabled", "ladder")
LADDER_KEYS = ("months", "action", "severity")
TALK_RULE_KEYS = ("enabled", "talks_per_member", "grace_months")
SIMPLE_RULE_KEYS = ("enabled",)
# [policy.rules.<id>]: the keys each rule allows, in the order of RULE_IDS
RULE_KEYS: dict[str, tuple[str, ...]] = {
    **{rule: FREQUENCY_RULE_KEYS for rule in FREQUENCY_RULES},
    **{rule: YEARLY_RULE_KEYS for rule in YEARLY_RULES},
    "absence_streak": ABSENCE_RULE_KEYS,
    "talk_coverage": TALK_RULE_KEYS,
    "rectification_overdue": SIMPLE_RULE_KEYS,
    "dues_arrears": ABSENCE_RULE_KEYS,
    "follow_up_overdue": SIMPLE_RULE_KEYS,
    **{rule: SIMPLE_RULE_KEYS for rule in DUTY_RULES},
}
assert tuple(RULE_KEYS) == RULE_IDS
# inclusive bounds of the whole numbers in [policy]
PUBLICITY_DAYS = (1, 90)
TIMES = (1, 31)
LADDER_MONTHS = (1, 24)
TALKS_PER_MEMBER = (0, 12)
GRACE_MONTHS = (0, 11)
DUES_GRACE_MONTHS = (0, 11)
# the spellings of ``derive.dues`` (one kind of dues derivation so far)
DUES_SOURCES = ("arrears", "欠缴", "欠交")

PERIODS = ("calendar_year",)
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
MAX_ABS = 1_000_000  # no points quantity in a real scheme comes near this
NAME_LIMIT = 200  # scheme_version.name
VERSION_LIMIT = 50  # scheme_version.version
ITEM_NAME_LIMIT = 100

# Chinese spellings accepted for the item vocabulary (statuses, meeting types and
# attendance go through ``domain.parse_enum``).
CATEGORY_ZH = {
    "基本职责": Category.duty,
    "职责": Category.duty,
    "加分": Category.bonus,
    "扣分": Category.deduction,
    "一票否决": Category.veto,
    "否决": Category.veto,
}
UNIT_ZH = {"次": Unit.occurrence, "每次": Unit.occurrence, "小时": Unit.hour, "每小时": Unit.hour}
# … and for the policy vocabulary (the first spelling of each is the one messages show)
PERIOD_ZH = {
    "月": Period.month,
    "每月": Period.month,
    "季度": Period.quarter,
    "每季度": Period.quarter,
    "年": Period.year,
    "每年": Period.year,
    "年度": Period.year,
}
ACTION_ZH = {
    "谈话提醒": LadderAction.reminder_talk,
    "警示告诫": LadderAction.warning_notice,
    "提交支部党员大会处置": LadderAction.general_meeting_case,
}
SEVERITY_ZH = {"提醒": Severity.warning, "违规": Severity.violation}


def parse_zh_enum(kind: type[Enum], zh: Mapping[str, Enum], text: str) -> Any:
    """An enum by its English key (any case) or one of its Chinese spellings."""
    raw = text.strip()
    return zh.get(raw) or kind(raw.lower())


def parse_dues_source(text: str) -> str:
    if text.strip().lower() not in DUES_SOURCES:
        raise ValueError(text)
    return "arrears"


def parse_category(text: str) -> Category:
    raw = text.strip()
    return CATEGORY_ZH.get(raw) or Category(raw.lower())


def parse_unit(text: str) -> Unit:
    raw = text.strip()
    return UNIT_ZH.get(raw) or Unit(raw.lower())


def allowed_spellings(kind: type[Enum], zh: Mapping[str, Enum]) -> str:
    first_zh: dict[Enum, str] = {}
    for name, member in zh.items():
        first_zh.setdefault(member, name)
    return ", ".join(f"{m.value}/{first_zh[m]}" if m in first_zh else m.value for m in kind)
