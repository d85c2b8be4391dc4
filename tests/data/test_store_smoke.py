from datetime import date

from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.records import MeetingInput, MemberInput


def test_member_meeting_attendance_round_trip(store, branch):
    store.add_member(branch.id, MemberInput("001", "张三", MemberStatus.full, group="第一党小组"))
    m = store.add_meeting(
        branch.id,
        MeetingInput(date(2026, 3, 5), (MeetingType.themed_day, MeetingType.party_lecture), "学习"),
    )
    assert m.meeting_no == "2026-001"
    assert m.types == (MeetingType.party_lecture, MeetingType.themed_day)
    member = store.get_member(branch.id, "001")
    store.set_attendance(branch.id, m.id, member.id, AttendanceStatus.leave, "出差")
    sheet = store.attendance_sheet(branch.id, m.id)
    assert [(line.member_no, line.status, line.reason) for line in sheet] == [
        ("001", AttendanceStatus.leave, "出差")
    ]
    assert store.get_meeting(branch.id, m.id).leave == 1
