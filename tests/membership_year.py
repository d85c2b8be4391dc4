"""A branch over two years in which members come and go (issue 9 §2), documented here once.

The branch 变动党支部 started its records on 1 January 2025; one party group, 第一党小组;
a committee of three (001 secretary, 002 organization, 003 publicity). One meeting on the
20th of every month (numbered ``YYYY-MM``): a themed Party day, also the quarter's general
meeting in March, June, September and December, and also the life meeting in December.
The clock stands at ``TODAY``, 31 December 2026.

**2025, the previous year** (``build_previous_year``): seven members 001–007, all full
members who joined long ago except 005 王五, probationary since 10 March 2025. Everyone
present at every meeting; one heart-to-heart talk with every member; the default scheme is
active and 005 has 22 bonus points (82 in all: ``qualified`` for a full member,
``basically_qualified`` under the probationary cut-offs it was judged by in 2025).

**2026, the year of changes** (``record_the_year``), everyone present unless said here:

- 004 李四 is absent in March, April and May (a three-month streak: a reminder talk is due
  as of 31 May) and **transfers out on 15 June**: from the June meeting on he is on no sheet,
  and as of any day from 15 June his case is no longer the branch's.
- 005 王五 is **converted on 10 March**: probationary on the January and February sheets,
  full from March; a full member on the 2026 scoreboard and a voter of a poll started after.
- 006 孙六 is absent in March and April, **away (流动, 深圳) from 1 May to 31 August** and
  marked absent at those four meetings all the same, absent again in September, present
  from October: the months away are neutral, so his streak is March, April and September —
  three months, a reminder talk (not seven months, not a case for the general meeting).
- 007 周七 **dies on 8 October**: on no sheet from the October meeting on.
- 008 吴八, a member since 2010, **transfers in on 3 November**. Absences carried over at
  the September and October meetings, before he came, count for nothing; he is absent in
  November and December: a two-month streak, no finding. Being in the branch only since
  November, he is within the three months' grace of the talk rule.
- Talks in 2026 with 001, 002, 003 and 005 only: the year's ``talk_coverage`` finding is 006
  alone (004 and 007 left during the year, 008 is within the grace).

``EVENTS`` lists the events; ``build`` builds both years.
"""

from __future__ import annotations

from datetime import date

from orglife_tui.data import commitments, schemes
from orglife_tui.data.ledger import add_entry
from orglife_tui.data.membership import record_event
from orglife_tui.data.store import BranchInfo, Store
from orglife_tui.data.talks import TalkerInput, TalkInput, add_talk
from orglife_tui.domain import (
    AttendanceStatus,
    CommitmentStatus,
    CommitteePost,
    MeetingType,
    MemberEventKind,
    MemberStatus,
    TalkType,
)
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput
from orglife_tui.scoring.model import Scheme
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme

PREVIOUS = 2025
YEAR = 2026
TODAY = date(YEAR, 12, 31)
RECORDS_START = date(PREVIOUS, 1, 1)
BRANCH = "变动党支部"
GROUP = "第一党小组"

SECRETARY, ORGANIZATION, PUBLICITY = "001", "002", "003"
TRANSFERRED = "004"  # transfers out on 15 June 2026
CONVERTED = "005"  # converted on 10 March 2026
AWAY = "006"  # away from 1 May to 31 August 2026
DECEASED = "007"  # dies on 8 October 2026
ARRIVED = "008"  # transfers in on 3 November 2026

LEFT_ON = date(YEAR, 6, 15)
CONVERTED_ON = date(YEAR, 3, 10)
AWAY_FROM, AWAY_TO = date(YEAR, 5, 1), date(YEAR, 8, 31)
DIED_ON = date(YEAR, 10, 8)
ARRIVED_ON = date(YEAR, 11, 3)

EVENTS = (
    (CONVERTED, MemberEventKind.conversion, CONVERTED_ON, None, None),
    (AWAY, MemberEventKind.away, AWAY_FROM, AWAY_TO, "深圳"),
    (TRANSFERRED, MemberEventKind.transfer_out, LEFT_ON, None, "某区机关党委"),
    (DECEASED, MemberEventKind.deceased, DIED_ON, None, None),
    (ARRIVED, MemberEventKind.transfer_in, ARRIVED_ON, None, "某街道党工委"),
)

# 2026 marks other than "present": member -> {month: status}
ABSENT = AttendanceStatus.absent
MARKS_2026: dict[str, dict[int, AttendanceStatus]] = {
    TRANSFERRED: {3: ABSENT, 4: ABSENT, 5: ABSENT},
    AWAY: {3: ABSENT, 4: ABSENT, 5: ABSENT, 6: ABSENT, 7: ABSENT, 8: ABSENT, 9: ABSENT},
    ARRIVED: {9: ABSENT, 10: ABSENT, 11: ABSENT, 12: ABSENT},
}
TALKED_2026 = (SECRETARY, ORGANIZATION, PUBLICITY, CONVERTED)

_POSTS = {
    SECRETARY: CommitteePost.secretary,
    ORGANIZATION: CommitteePost.organization,
    PUBLICITY: CommitteePost.publicity,
}
_NAMES = {
    "001": "赵一",
    "002": "钱二",
    "003": "张三",
    "004": "李四",
    "005": "王五",
    "006": "孙六",
    "007": "周七",
    "008": "吴八",
}


class Clock:
    """The store's today, movable by the tests (a poll started on another day)."""

    def __init__(self, day: date = TODAY) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def open_store(url: str) -> Store:
    """The branch's store, its clock at ``TODAY`` (``store.today.day`` moves it)."""
    return Store.open(url, operator="tester", today=Clock())


def meeting_no(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def meeting_date(year: int, month: int) -> date:
    return date(year, month, 20)


def _meetings(year: int) -> list[MeetingInput]:
    out = []
    for month in range(1, 13):
        types = [MeetingType.themed_day]
        if month % 3 == 0:
            types.append(MeetingType.general_meeting)
        if month == 12:
            types.append(MeetingType.life_meeting)
        out.append(
            MeetingInput(
                date=meeting_date(year, month),
                types=tuple(types),
                title=f"{year}年{month}月主题党日",
                meeting_no=meeting_no(year, month),
            )
        )
    return out


def _member(no: str, status: MemberStatus = MemberStatus.full, **dates) -> MemberInput:
    index = int(no)
    dates.setdefault("join_date", date(1995 + index, 7, 1))
    dates.setdefault("full_date", date(1996 + index, 7, 1))
    return MemberInput(
        member_no=no,
        name=_NAMES[no],
        status=status,
        birth_date=date(1970 + index, 3, 1),
        group=GROUP,
        post=_POSTS.get(no),
        **dates,
    )


def _talk(store: Store, branch_id: int, member_no: str, on: date) -> None:
    talker = ORGANIZATION if member_no == SECRETARY else SECRETARY
    add_talk(
        store,
        branch_id,
        TalkInput(
            date=on,
            member_no=member_no,
            type=TalkType.routine,
            talkers=(TalkerInput(member_no=talker),),
        ),
    )


def scheme() -> tuple[str, Scheme]:
    source = default_scheme_text()
    return source, parse_scheme(source, "default")


def build_previous_year(store: Store) -> BranchInfo:
    """The branch with 2025 recorded: roster, meetings, attendance, talks, points."""
    clock = store.today
    assert isinstance(clock, Clock), "open the store with open_store"
    today, clock.day = clock.day, RECORDS_START  # the records start on 1 January 2025
    branch = store.create_branch(BRANCH)
    clock.day = today
    members = [_member(f"{i:03d}") for i in range(1, 8)]
    members[4] = _member(
        CONVERTED, MemberStatus.probationary, join_date=date(PREVIOUS, 3, 10), full_date=None
    )
    store.add_members(branch.id, members)
    store.add_meetings(branch.id, _meetings(PREVIOUS))
    store.import_attendance(
        branch.id,
        [
            AttendanceInput(meeting_no(PREVIOUS, month), m.member_no, AttendanceStatus.present)
            for month in range(1, 13)
            for m in members
            if m.join_date is None or m.join_date <= meeting_date(PREVIOUS, month)
        ],
    )
    for i, m in enumerate(members):
        _talk(store, branch.id, m.member_no, date(PREVIOUS, 4, 1 + i))
    source, parsed = scheme()
    info = schemes.activate(store, branch.id, source, parsed)
    # 22 bonus points: three commitments kept (6, booked from the register), and by hand
    for text in ("带头学习", "结对帮扶", "社区服务"):
        made = commitments.add_commitment(
            store, branch.id, commitments.CommitmentInput(CONVERTED, PREVIOUS, text)
        )
        commitments.set_status(
            store, branch.id, made.id, CommitmentStatus.fulfilled, on=date(PREVIOUS, 11, 1)
        )
    commitments.sync_commitments(store, branch.id, parsed, info.id)
    for code, points in (
        ("community_report_in", 6.0),
        ("volunteer_service", 10.0),
    ):
        add_entry(
            store,
            branch.id,
            parsed,
            info.id,
            CONVERTED,
            code,
            points=points,
            entry_date=date(PREVIOUS, 11, 1),
        )
    return branch


def record_the_year(store: Store, branch: BranchInfo) -> None:
    """2026: its meetings and marks, the arrival of 008, every event, the year's talks."""
    store.add_members(branch.id, [_member(ARRIVED, join_date=date(2010, 7, 1))])
    store.add_meetings(branch.id, _meetings(YEAR))
    # 008's marks from before he came were carried over from his old branch's sheets: they
    # are recorded before his transfer in (the store refuses new marks before an arrival).
    arrival = [e for e in EVENTS if e[1] is MemberEventKind.transfer_in]
    for member_no, kind, on, end, place in (e for e in EVENTS if e not in arrival):
        record_event(store, branch.id, member_no, kind, on, end=end, place=place)
    marks = []
    for month in range(1, 13):
        meeting = meeting_no(YEAR, month)
        expected = {line.member_no for line in _sheet(store, branch.id, meeting)}
        for no in sorted(_NAMES):
            status = MARKS_2026.get(no, {}).get(month)
            if status is not None:
                marks.append(AttendanceInput(meeting, no, status))
            elif no in expected and no != ARRIVED:  # 008's marks are all in MARKS_2026
                marks.append(AttendanceInput(meeting, no, AttendanceStatus.present))
    store.import_attendance(branch.id, marks)
    for member_no, kind, on, end, place in arrival:
        record_event(store, branch.id, member_no, kind, on, end=end, place=place)
    for i, no in enumerate(TALKED_2026):
        _talk(store, branch.id, no, date(YEAR, 4, 1 + i))


def _sheet(store: Store, branch_id: int, number: str):
    meeting = next(m for m in store.list_meetings(branch_id) if m.meeting_no == number)
    return store.attendance_sheet(branch_id, meeting.id)


def sheet(store: Store, branch_id: int, year: int, month: int):
    """The attendance sheet of the month's meeting."""
    return _sheet(store, branch_id, meeting_no(year, month))


def build(store: Store) -> BranchInfo:
    branch = build_previous_year(store)
    record_the_year(store, branch)
    return branch
