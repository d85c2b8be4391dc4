"""The hand-built year of tests/compliance_year.py, with what a year-end report also shows.

On top of that year (two missed meetings, 孙六 absent January–June, 周七 on leave):

- **Plan**: three items — the May general meeting (not held: the second quarter had none),
  the January committee meeting (held as 2025-001) and a Party lecture some time in the
  year (held as the January lecture, the first of the year).
- **Absence case answered**: a reminder talk with 孙六 on 20 March 2025 answering the streak
  that began in January (``absence_from`` 2025-01); a talk answering an older case
  (``absence_from`` 2024-01) does not count for this one.
- **Talk coverage**: 吴八 (008) joined on 1 May 2025 and had no talk — due, not covered: a
  ``talk_coverage`` finding; 郑九 (009) joined on 1 November 2025, within the three months'
  grace — not due.
- **Rectification**: four items — 2025 #A done on time; 2025 #B open past its deadline of
  31 October (overdue); 2024 #C in progress past its deadline of 31 March 2025 (overdue, so
  listed in 2025 although found in 2024); 2024 #D done in 2024 (not in the 2025 report).

As of 31 December 2025 the findings are those of compliance_year plus ``talk_coverage``
for 008 and two ``rectification_overdue``.
"""

from __future__ import annotations

from datetime import date

from orglife_tui.data.plans import PlanInput, add_plan_item
from orglife_tui.data.rectification import RectificationInput, add_item, list_items, set_status
from orglife_tui.data.talks import TalkerInput, TalkInput, add_talk
from orglife_tui.domain import MeetingType, MemberStatus, RectificationStatus, TalkType
from orglife_tui.domain.records import MemberInput
from tests import compliance_year as base

YEAR = base.YEAR
BRANCH = base.BRANCH
UNCOVERED = "008"
NOT_YET_DUE = "009"
EXPECTED = base.EXPECTED | {
    ("talk_coverage", "2025", UNCOVERED),
    ("rectification_overdue", "2025-03", BRANCH),
    ("rectification_overdue", "2025-10", BRANCH),
}


def build(store) -> dict:
    """Load the year; returns the branch and the ids the tests refer to."""
    branch_id = base.build(store)
    branch = next(b for b in store.branches() if b.id == branch_id)
    store.add_members(
        branch_id,
        [
            MemberInput(UNCOVERED, "吴八", MemberStatus.full, join_date=date(YEAR, 5, 1)),
            MemberInput(NOT_YET_DUE, "郑九", MemberStatus.full, join_date=date(YEAR, 11, 1)),
        ],
    )
    for item in (
        PlanInput(YEAR, MeetingType.general_meeting, "二季度党员大会", month=5),
        PlanInput(YEAR, MeetingType.committee_meeting, "一月支委会", month=1),
        PlanInput(YEAR, MeetingType.party_lecture, "书记讲党课"),
    ):
        add_plan_item(store, branch_id, item)
    answer = add_talk(
        store,
        branch_id,
        TalkInput(
            date=date(YEAR, 3, 20),
            member_no=base.ABSENT_MEMBER,
            type=TalkType.reminder,
            talkers=(TalkerInput(member_no="001"),),
            absence_from=f"{YEAR}-01",
            absence_step="reminder_talk",
        ),
    )
    # The older case's talk lies in the year before: the records go back that far.
    store.set_records_start(branch_id, date(YEAR - 1, 1, 1))
    add_talk(
        store,
        branch_id,
        TalkInput(
            date=date(YEAR - 1, 4, 2),
            member_no=base.ABSENT_MEMBER,
            type=TalkType.reminder,
            talkers=(TalkerInput(member_no="001"),),
            absence_from=f"{YEAR - 1}-01",
        ),
    )

    def item(year: int, problem: str, deadline: date) -> int:
        return add_item(store, branch_id, RectificationInput(year, problem, "赵一", deadline)).id

    # 2025 #A, done on time, is the base year's (compliance_year.RECTIFIED)
    done = next(r.id for r in list_items(store, branch_id) if r.problem == base.RECTIFIED)
    open_ = item(YEAR, "党费收缴不及时", date(YEAR, 10, 31))
    late = item(YEAR - 1, "谈心谈话不够经常", date(YEAR, 3, 31))
    set_status(store, branch_id, late, RectificationStatus.in_progress)
    old = item(YEAR - 1, "会议记录不规范", date(YEAR - 1, 6, 30))
    set_status(store, branch_id, old, RectificationStatus.done, "已规范", on=date(YEAR - 1, 6, 1))
    return {
        "branch": branch,
        "answer": answer.id,
        "done": done,
        "open": open_,
        "late": late,
        "old": old,
    }
