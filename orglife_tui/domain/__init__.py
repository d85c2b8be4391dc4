"""The domain: the branch's vocabulary, how users write it, dates, text rules and the
record types, in pure Python (no storage, no UI).

The public names are re-exported here, so ``from orglife_tui.domain import X`` reads the
same wherever X lives: ``enums`` (the vocabulary), ``parsing`` (spellings and labels),
``dates``, ``text``; the record types are ``domain.records`` and ``domain.talks``.
"""

from orglife_tui.domain.dates import (
    excel_serial_date,
    member_date_problems,
    parse_date,
    parse_month,
)
from orglife_tui.domain.enums import (
    ATTENDANCE_ZH,
    COMMITTEE_POSTS,
    DEPARTURES,
    GENDER_ZH,
    MEETING_TYPE_ZH,
    MEMBER_EVENT_ZH,
    POST_ZH,
    RECTIFICATION_ZH,
    SESSION_STATE_ZH,
    STATUS_ZH,
    TALK_FORM_ZH,
    TALK_TYPE_ZH,
    AttendanceStatus,
    CommitteePost,
    Gender,
    MeetingType,
    MemberEventKind,
    MemberStatus,
    RectificationStatus,
    SessionState,
    TalkForm,
    TalkType,
)
from orglife_tui.domain.parsing import (
    NO_POST,
    InputError,
    accepted_values,
    attendance_reason,
    label,
    parse_enum,
    parse_meeting_types,
    parse_phone,
    parse_post,
)
from orglife_tui.domain.text import (
    natural_key,
    unsafe_characters,
)

__all__ = [
    "ATTENDANCE_ZH",
    "AttendanceStatus",
    "COMMITTEE_POSTS",
    "CommitteePost",
    "DEPARTURES",
    "GENDER_ZH",
    "Gender",
    "InputError",
    "MEETING_TYPE_ZH",
    "MEMBER_EVENT_ZH",
    "MeetingType",
    "MemberEventKind",
    "MemberStatus",
    "NO_POST",
    "POST_ZH",
    "RECTIFICATION_ZH",
    "RectificationStatus",
    "SESSION_STATE_ZH",
    "STATUS_ZH",
    "SessionState",
    "TALK_FORM_ZH",
    "TALK_TYPE_ZH",
    "TalkForm",
    "TalkType",
    "accepted_values",
    "attendance_reason",
    "excel_serial_date",
    "label",
    "member_date_problems",
    "natural_key",
    "parse_date",
    "parse_enum",
    "parse_meeting_types",
    "parse_month",
    "parse_phone",
    "parse_post",
    "unsafe_characters",
]
