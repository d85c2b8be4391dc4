"""Fixtures of the import tests: a branch with a few members and a meeting."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.domain import MeetingType, MemberStatus
from orglife_tui.domain.records import MeetingInput, MemberInput


@pytest.fixture
def seeded(store, branch):
    """A branch with three members (001 张伟, 002 李娜, 003 王芳) and one meeting 2026-001."""
    store.add_members(
        branch.id,
        [
            MemberInput("001", "张伟", MemberStatus.full, group="第一党小组", phone="13800000001"),
            MemberInput(
                "002", "李娜", MemberStatus.full, group="第一党小组", join_date=date(2010, 7, 1)
            ),
            MemberInput("003", "王芳", MemberStatus.probationary, group="第二党小组"),
        ],
    )
    store.add_meeting(
        branch.id, MeetingInput(date(2026, 3, 5), (MeetingType.themed_day,), "学雷锋主题党日")
    )
    return store, branch
