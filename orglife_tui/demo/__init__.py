"""A realistic Chinese demo branch, generated deterministically from a seed (moving into parts)."""

from orglife_tui.demo.build import (
    COMMITTEE_MISS_MONTHS,
    DEMO_BRANCH_NAME,
    DRIFTING_MEMBER_NAME,
    ENTRIES_PER_MEMBER_YEAR,
    GROUP_MISS_MONTHS,
    LEDGER_KINDS,
    RECENT_DAYS,
    DemoBranch,
    DemoEntry,
    DemoPlanItem,
    DemoRectification,
    generate,
    group_count,
    group_name,
    record_start,
    zh_numeral,
)

__all__ = [
    "COMMITTEE_MISS_MONTHS",
    "DEMO_BRANCH_NAME",
    "DRIFTING_MEMBER_NAME",
    "ENTRIES_PER_MEMBER_YEAR",
    "LEDGER_KINDS",
    "DemoBranch",
    "DemoEntry",
    "DemoPlanItem",
    "DemoRectification",
    "GROUP_MISS_MONTHS",
    "RECENT_DAYS",
    "generate",
    "group_count",
    "group_name",
    "record_start",
    "zh_numeral",
]
