"""Fixtures of the Pilot tests: a small branch on a temporary SQLite database, a fixed date."""

from __future__ import annotations

from datetime import date

import pytest
from textual import _wait

from orglife_tui.domain import CommitteePost, Gender, MeetingType, MemberStatus
from orglife_tui.domain.records import MeetingInput, MemberInput
from orglife_tui.tui.compat import screen_lines

# Pilot waits for the app to go idle after every key: it sleeps in steps of 20 ms until a
# step passes with (almost) no CPU spent. A few hundred keys per test made that floor most
# of the suite's TUI time; 4 ms steps tell idle from busy as well (the CPU allowance
# scales with the step) and the tests wait for what they check (``wait_until``) anyway.
_wait.SLEEP_GRANULARITY = 0.004
_wait.SLEEP_IDLE = _wait.SLEEP_GRANULARITY / 20

TODAY = date(2026, 3, 18)
BRANCH = "第一党支部"

# The languages a Pilot test runs in. A screen whose layout is checked (a list's columns,
# a footer or a help text that must fit 80×24, text that may be cut) runs in both: the
# Chinese words are twice as wide as their cells suggest and the English ones longer.
# A test of what keys and forms do runs in one language, English and Chinese taking turns
# so that every screen keeps a check in each. The tests keep their ``lang`` parameter.
LANGS = pytest.mark.parametrize("lang", ["en", "zh"])
ONLY_EN = pytest.mark.parametrize("lang", ["en"])
ONLY_ZH = pytest.mark.parametrize("lang", ["zh"])


@pytest.fixture
def empty_branch(sqlite_store):
    return sqlite_store.resolve_branch(BRANCH)


@pytest.fixture
def branch(sqlite_store):
    """Five members in two groups, two meetings this month and one last month."""
    b = sqlite_store.resolve_branch(BRANCH)
    members = [
        MemberInput(
            "001",
            "张伟",
            MemberStatus.full,
            Gender.male,
            date(1970, 5, 1),
            date(1995, 7, 1),
            date(1996, 7, 1),
            "第一党小组",
            CommitteePost.secretary,
            "13800000001",
        ),
        MemberInput(
            "002",
            "王芳",
            MemberStatus.full,
            Gender.female,
            date(1985, 2, 3),
            date(2010, 6, 1),
            date(2011, 6, 1),
            "第一党小组",
            None,
            "13800000002",
        ),
        MemberInput("003", "李娜", MemberStatus.full, Gender.female, group="第二党小组"),
        MemberInput("004", "刘洋", MemberStatus.full, Gender.male, group="第二党小组"),
        MemberInput(
            "005",
            "陈静",
            MemberStatus.probationary,
            Gender.female,
            date(1998, 1, 1),
            date(2025, 9, 1),
            group="第二党小组",
        ),
    ]
    sqlite_store.add_members(b.id, members)
    # One batch, as a first import: the records start moves back to February, and the
    # meetings are numbered in this order (2026-001 … 2026-003).
    sqlite_store.add_meetings(
        b.id,
        [
            MeetingInput(
                date(2026, 3, 5), (MeetingType.themed_day, MeetingType.party_lecture), "学习党章"
            ),
            MeetingInput(date(2026, 3, 12), (MeetingType.committee_meeting,), "三月支委会"),
            MeetingInput(date(2026, 2, 20), (MeetingType.general_meeting,), "二月党员大会"),
        ],
    )
    return b


@pytest.fixture
def make_app(sqlite_store):
    from orglife_tui.tui.app import OrglifeApp

    def make(branch, lang: str = "en"):
        return OrglifeApp(store=sqlite_store, branch=branch, lang=lang, today=TODAY)

    return make


def screen_text(app) -> str:
    """The characters on the terminal as the user sees them (the current screen, composited)."""
    return "\n".join(screen_lines(app.screen))


# Visible strings the tests look for, per language.
WORDS = {
    "en": {
        "dashboard": "Overview",
        "counts": "Members: 5 (4 full, 1 probationary) · Party groups: 2",
        "members": "Members",
        "meetings": "Meetings",
        "march": "March 2026: 2 meeting(s)",
        "february": "February 2026: 1 meeting(s)",
        "april_empty": "No meetings in April 2026",
        "attendance": "Attendance",
        "help": "Help",
        "required": "required",
        "count5": "5 members",
        "full": "full",
        "present": "present",
        "leave": "leave",
        "absent": "absent",
    },
    "zh": {
        "dashboard": "概览",
        "counts": "党员 5 名（正式党员 4 名，预备党员 1 名），党小组 2 个",
        "members": "党员名册",
        "meetings": "会议",
        "march": "2026年3月：2 次会议",
        "february": "2026年2月：1 次会议",
        "april_empty": "2026年4月没有会议记录",
        "attendance": "出勤登记",
        "help": "帮助",
        "required": "必填",
        "count5": "共 5 名党员",
        "full": "正式党员",
        "present": "出席",
        "leave": "请假",
        "absent": "缺席",
    },
}


async def wait_until(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app work until ``condition()`` holds: a fixed pause flakes on a busy machine."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        await pilot.pause(0.05)
    await pilot.pause()


async def drawn(app, pilot) -> None:
    """Wait until the current screen is on the terminal, its footer included: on a busy
    machine the first frame of a new screen can come a moment after the screen is up."""
    await wait_until(pilot, lambda: screen_text(app).splitlines()[-1].strip() != "")


def palette_has_matches(app) -> bool:
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    return bool(lists) and lists.first().option_count > 0
