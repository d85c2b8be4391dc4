"""A small branch for the compliance screens, seen on ``TODAY`` (2026-03-18) of conftest.

第三党支部 has four full members who joined long ago, no party groups, and a committee of
two (001 张伟 secretary, 002 王芳 organization), so committee meetings are required
monthly. Its records start in December 2025:

- a themed Party day every month from December 2025 to March 2026, everyone present but
  **004 刘洋, absent without leave at every one** — a streak of four months
  (2025-12…2026-03) that has reached the first step of the default ladder (3 months: a
  reminder talk), a warning;
- committee meetings in December, January and March — **none in February 2026**, a
  violation for ``2026-02``;
- a general meeting in February 2026 (the first quarter is held);
- no Party lecture yet (the first quarter has not ended: not yet due).

Reminders: 003 李娜 joined on 2000-03-25, her political birthday falls within 14 days of
TODAY (26 years); a talk with 002 王芳 on 2026-03-01 has its follow-up due on 2026-03-20.

As of TODAY the findings of 2026 are exactly: ``committee_meeting_frequency`` 2026-02 and
``absence_streak`` 2026-03 for 004.
"""

from __future__ import annotations

from datetime import date

from orglife_tui.data import talks
from orglife_tui.data.talks import TalkerInput, TalkInput
from orglife_tui.domain import AttendanceStatus, CommitteePost, MeetingType, MemberStatus, TalkType
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput

BRANCH = "第三党支部"
ABSENT = "004"
ABSENT_NAME = "刘洋"
STREAK = ("2025-12", "2026-01", "2026-02", "2026-03")

MEMBERS = [
    MemberInput(
        "001", "张伟", MemberStatus.full, join_date=date(1995, 7, 1), post=CommitteePost.secretary
    ),
    MemberInput(
        "002",
        "王芳",
        MemberStatus.full,
        join_date=date(2010, 6, 1),
        post=CommitteePost.organization,
    ),
    MemberInput("003", "李娜", MemberStatus.full, join_date=date(2000, 3, 25)),
    MemberInput(ABSENT, ABSENT_NAME, MemberStatus.full, join_date=date(2005, 1, 1)),
]
EVERYONE = ("001", "002", "003", ABSENT)
COMMITTEE = ("001", "002")

THEMED = MeetingType.themed_day
COMMITTEE_MEETING = MeetingType.committee_meeting
GENERAL = MeetingType.general_meeting

# (meeting number, date, type, title, who was there)
MEETINGS = [
    ("2025-001", date(2025, 12, 5), THEMED, "十二月主题党日", EVERYONE),
    ("2025-002", date(2025, 12, 10), COMMITTEE_MEETING, "十二月支委会", COMMITTEE),
    ("2026-001", date(2026, 1, 5), THEMED, "一月主题党日", EVERYONE),
    ("2026-002", date(2026, 1, 10), COMMITTEE_MEETING, "一月支委会", COMMITTEE),
    ("2026-003", date(2026, 2, 5), THEMED, "二月主题党日", EVERYONE),
    ("2026-004", date(2026, 2, 20), GENERAL, "二月党员大会", EVERYONE),
    ("2026-005", date(2026, 3, 5), THEMED, "三月主题党日", EVERYONE),
    ("2026-006", date(2026, 3, 10), COMMITTEE_MEETING, "三月支委会", COMMITTEE),
]


def build(store):
    """The branch above in ``store``; returns its BranchInfo."""
    branch = store.resolve_branch(BRANCH)
    store.add_members(branch.id, MEMBERS)
    store.add_meetings(
        branch.id,
        [MeetingInput(day, (kind,), title, meeting_no=no) for no, day, kind, title, _ in MEETINGS],
    )
    marks = []
    for no, _, _, _, audience in MEETINGS:
        for member_no in audience:
            status = AttendanceStatus.absent if member_no == ABSENT else AttendanceStatus.present
            marks.append(AttendanceInput(no, member_no, status))
    store.import_attendance(branch.id, marks)
    talks.add_talk(
        store,
        branch.id,
        TalkInput(
            date=date(2026, 3, 1),
            member_no="002",
            type=TalkType.routine,
            talkers=(TalkerInput(member_no="001"),),
            follow_up_date=date(2026, 3, 20),
        ),
    )
    return branch
