"""The hand-built year of tests/compliance_year.py, with leading cadres (issue 12 §5).

On top of that year (which keeps the life meeting's duties: the secretary 001 gives the
January Party lecture, one rectification item is done in June):

- **004 李四 is a leading cadre** (领导干部): present at the December life meeting, and the
  lecturer of the April Party lecture, picked from the roster — he owes nothing, and the
  lecture earns him ``give_party_lecture`` (3 points) with no entry typed.
- **005 王五 is a leading cadre**: present at the life meeting but gives no Party lecture:
  a ``leader_lecture`` finding.
- **007 周七 is a leading cadre**: on leave (出差) at the life meeting and gives no lecture:
  ``leader_life_meeting`` and ``leader_lecture`` findings.
- **The branch keeps the commitments register (承诺践诺)**: 001–005 each made a commitment
  for 2025, evaluated fulfilled on 30 November; 006 made none (a ``commitment_yearly``
  violation); 007's is still in progress at the year's end (a ``commitment_yearly``
  warning).

As of 31 December 2025 the findings are those of compliance_year plus these five; as of
any earlier day none of them (the duties are judged once the year is over).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from orglife_tui.data import commitments
from orglife_tui.data.commitments import CommitmentInput
from orglife_tui.domain import AttendanceStatus, CommitmentStatus
from tests import compliance_year as base

YEAR = base.YEAR
LECTURER = "004"
NO_LECTURE = "005"
AWAY_LEADER = "007"
LEADERS = (LECTURER, NO_LECTURE, AWAY_LEADER)
NO_COMMITMENT = "006"
KEPT = ("001", "002", "003", "004", "005")
APRIL_LECTURE = next(
    m.meeting_no for m, _ in base.meetings() if m.title == "党课" and m.date.month == 4
)
LIFE_MEETING = next(
    m.meeting_no for m, _ in base.meetings() if m.date.month == 12 and m.date.day == 22
)
EXPECTED = base.EXPECTED | {
    ("leader_lecture", "2025", NO_LECTURE),
    ("leader_life_meeting", "2025", AWAY_LEADER),
    ("leader_lecture", "2025", AWAY_LEADER),
    ("commitment_yearly", "2025", NO_COMMITMENT),
    ("commitment_yearly", "2025", AWAY_LEADER),
}


def build(store) -> int:
    branch_id = base.build(store)
    members = {m.member_no: m for m in store.list_members(branch_id)}
    for no in LEADERS:
        store.update_member(branch_id, members[no].id, replace(members[no].as_input(), leader=True))
    lecture = store.get_meeting_by_no(branch_id, APRIL_LECTURE)
    store.update_meeting(branch_id, lecture.id, replace(lecture.as_input(), lecturer=LECTURER))
    life = store.get_meeting_by_no(branch_id, LIFE_MEETING)
    store.set_attendance(
        branch_id, life.id, members[AWAY_LEADER].id, AttendanceStatus.leave, "出差"
    )
    for no in KEPT:
        made = commitments.add_commitment(store, branch_id, CommitmentInput(no, YEAR, "结对帮扶"))
        commitments.set_status(
            store, branch_id, made.id, CommitmentStatus.fulfilled, date(YEAR, 11, 30)
        )
    ongoing = commitments.add_commitment(
        store, branch_id, CommitmentInput(AWAY_LEADER, YEAR, "带头完成挂职任务")
    )
    commitments.set_status(store, branch_id, ongoing.id, CommitmentStatus.in_progress)
    return branch_id
