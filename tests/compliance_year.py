"""A hand-built branch year for the compliance watch (issue 4), documented here once.

The branch 测试党支部 keeps 2025 by the book — except for exactly four things:

1. **No general meeting in the second quarter** (held in February, August and November).
2. **No committee meeting in March** (held in every other month).
3. **Member 006 (孙六) is absent without leave from every meeting from January to June**,
   then back from July on.
4. **Member 007 (周七) is on leave (外派挂职) at every meeting from January to June**, then
   back from July on.

Everything else is complete: seven full members who joined long ago, all in 第一党小组; a
committee of three (001 secretary, 002 organization, 003 publicity); a committee meeting
and a group meeting every month but March's committee meeting, a themed Party day every
month, a Party lecture every quarter (January's given by the secretary, 001, picked from
the roster), the life meeting with the democratic appraisal in December; everyone present
unless said above; one heart-to-heart talk with every member; one rectification item
(学习记录不完整, found in 2025, deadline 30 June) done on 20 June.

As of 31 December 2025 the watch must report exactly:

- ``general_meeting_frequency`` for ``2025-Q2`` (subject: the branch);
- ``committee_meeting_frequency`` for ``2025-03`` (subject: the branch);
- ``absence_streak`` for 006, period ``2025-06``: six months, the top step of the default
  ladder (``general_meeting_case``), a violation.

Nothing for 007: months of leave neither start nor continue a streak.
"""

from __future__ import annotations

from datetime import date

from orglife_tui.domain import AttendanceStatus, CommitteePost, MeetingType, MemberStatus
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput

YEAR = 2025
BRANCH = "测试党支部"
GROUP = "第一党小组"
ABSENT_MEMBER = "006"
LEAVE_MEMBER = "007"
EXPECTED = {
    ("general_meeting_frequency", "2025-Q2", BRANCH),
    ("committee_meeting_frequency", "2025-03", BRANCH),
    ("absence_streak", "2025-06", ABSENT_MEMBER),
}

_NAMES = ("赵一", "钱二", "张三", "李四", "王五", "孙六", "周七")
_POSTS = {0: CommitteePost.secretary, 1: CommitteePost.organization, 2: CommitteePost.publicity}
COMMITTEE = ("001", "002", "003")
RECTIFIED = "学习记录不完整"


def members() -> list[MemberInput]:
    return [
        MemberInput(
            member_no=f"{i + 1:03d}",
            name=name,
            status=MemberStatus.full,
            birth_date=date(1970 + i, 3, 1),
            join_date=date(2000 + i, 7, 1),
            full_date=date(2001 + i, 7, 1),
            group=GROUP,
            post=_POSTS.get(i),
        )
        for i, name in enumerate(_NAMES)
    ]


def meetings() -> list[tuple[MeetingInput, tuple[str, ...]]]:
    """Every meeting of the year with the member numbers expected at it."""
    everyone = tuple(f"{i + 1:03d}" for i in range(len(_NAMES)))
    out: list[tuple[MeetingInput, tuple[str, ...]]] = []

    def add(day: date, types: tuple[MeetingType, ...], title: str, audience, group=None):
        n = len(out) + 1
        # the secretary gives the year's first Party lecture (rule ``secretary_lecture``)
        lecturer = "001" if types == (MeetingType.party_lecture,) and day.month == 1 else None
        out.append(
            (
                MeetingInput(
                    date=day,
                    types=types,
                    title=title,
                    meeting_no=f"{YEAR}-{n:03d}",
                    group=group,
                    lecturer=lecturer,
                ),
                audience,
            )
        )

    for month in range(1, 13):
        if month != 3:
            add(
                date(YEAR, month, 3),
                (MeetingType.committee_meeting,),
                f"{month}月支委会",
                COMMITTEE,
            )
        add(date(YEAR, month, 8), (MeetingType.group_meeting,), f"{month}月小组会", everyone, GROUP)
        add(date(YEAR, month, 15), (MeetingType.themed_day,), f"{month}月主题党日", everyone)
        if month in (2, 8, 11):
            add(date(YEAR, month, 20), (MeetingType.general_meeting,), "党员大会", everyone)
        if month in (1, 4, 7, 10):
            add(date(YEAR, month, 25), (MeetingType.party_lecture,), "党课", everyone)
    add(
        date(YEAR, 12, 22),
        (MeetingType.life_meeting, MeetingType.appraisal),
        "组织生活会暨民主评议党员",
        everyone,
    )
    return out


def attendance() -> list[AttendanceInput]:
    marks = []
    for meeting, audience in meetings():
        first_half = meeting.date.month <= 6
        for no in audience:
            if no == ABSENT_MEMBER and first_half:
                marks.append(AttendanceInput(meeting.meeting_no, no, AttendanceStatus.absent))
            elif no == LEAVE_MEMBER and first_half:
                marks.append(
                    AttendanceInput(meeting.meeting_no, no, AttendanceStatus.leave, "外派挂职")
                )
            else:
                marks.append(AttendanceInput(meeting.meeting_no, no, AttendanceStatus.present))
    return marks


def build(store) -> int:
    """Load the year into ``store``; returns the branch id."""
    from orglife_tui.data.rectification import RectificationInput, add_item, set_status
    from orglife_tui.data.talks import TalkerInput, TalkInput, add_talk
    from orglife_tui.domain import RectificationStatus, TalkType

    branch = store.resolve_branch(BRANCH)
    store.add_members(branch.id, members())
    store.add_meetings(branch.id, [m for m, _ in meetings()])
    store.import_attendance(branch.id, attendance())
    for i, m in enumerate(members()):
        add_talk(
            store,
            branch.id,
            TalkInput(
                date=date(YEAR, 9, 1 + i),
                member_no=m.member_no,
                type=TalkType.routine,
                talkers=(TalkerInput(member_no="001" if m.member_no != "001" else "002"),),
            ),
        )
    # the year's problem put right (rule ``rectification_yearly``)
    done = add_item(
        store,
        branch.id,
        RectificationInput(YEAR, RECTIFIED, "赵一", date(YEAR, 6, 30)),
    ).id
    set_status(store, branch.id, done, RectificationStatus.done, "已补齐", on=date(YEAR, 6, 20))
    return branch.id
