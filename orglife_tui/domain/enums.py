"""The branch's vocabulary: statuses, meeting types, posts, talk forms, appraisal states,
membership events, and their Chinese names and the short aliases people type.

Pure Python, like everything in ``domain``.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class MemberStatus(str, Enum):
    full = "full"
    probationary = "probationary"


class AttendanceStatus(str, Enum):
    present = "present"
    leave = "leave"
    absent = "absent"


class MeetingType(str, Enum):
    general_meeting = "general_meeting"
    committee_meeting = "committee_meeting"
    group_meeting = "group_meeting"
    party_lecture = "party_lecture"
    themed_day = "themed_day"
    life_meeting = "life_meeting"
    appraisal = "appraisal"  # 民主评议党员, often held with the life meeting
    other = "other"


class CommitteePost(str, Enum):
    secretary = "secretary"
    deputy_secretary = "deputy_secretary"
    organization = "organization"
    publicity = "publicity"
    discipline = "discipline"
    committee_member = "committee_member"
    group_leader = "group_leader"


# The posts that make a member part of the branch committee (支部委员会), in their order of
# rank: how lists and the talks coverage matrix order the committee.
COMMITTEE_POST_ORDER = (
    CommitteePost.secretary,
    CommitteePost.deputy_secretary,
    CommitteePost.organization,
    CommitteePost.publicity,
    CommitteePost.discipline,
    CommitteePost.committee_member,
)
COMMITTEE_POSTS = frozenset(COMMITTEE_POST_ORDER)


class Gender(str, Enum):
    male = "male"
    female = "female"


class TalkForm(str, Enum):
    one_to_one = "one_to_one"
    group = "group"
    online = "online"


class TalkType(str, Enum):
    routine = "routine"
    pre_life_meeting = "pre_life_meeting"
    political_birthday = "political_birthday"
    encouragement = "encouragement"
    care = "care"
    reminder = "reminder"
    warning = "warning"
    lagging_help = "lagging_help"
    admonition = "admonition"  # 诫勉 by a higher body: recorded only, no workflow here


class SessionState(str, Enum):
    """An appraisal session's life: created → started → finished → published."""

    created = "created"
    started = "started"
    finished = "finished"
    published = "published"


class MemberEventKind(str, Enum):
    """A dated change in a member's standing in the branch (docs/architecture.md §5: membership is a
    history, not a flag)."""

    transfer_in = "transfer_in"  # 组织关系转入
    transfer_out = "transfer_out"  # 组织关系转出
    conversion = "conversion"  # 预备党员转正
    probation_extended = "probation_extended"  # 延长预备期
    away = "away"  # 流动党员: organizational life elsewhere, from date to end_date
    deceased = "deceased"  # 去世
    removed = "removed"  # 除名 / 出党 / 停止党籍


# The events after which a member is no longer in the branch.
DEPARTURES = frozenset(
    {MemberEventKind.transfer_out, MemberEventKind.deceased, MemberEventKind.removed}
)


class RectificationStatus(str, Enum):
    open = "open"
    in_progress = "in_progress"
    done = "done"


class ObjectionOutcome(str, Enum):
    """How an objection (异议) to a published appraisal result was answered."""

    maintained = "maintained"  # 维持
    changed = "changed"  # 改变: the grade is corrected


class FollowUpMeasure(str, Enum):
    """What the branch does with a member graded 基本合格 or 不合格 (结果运用)."""

    rectify = "rectify"  # 限期改正, with a deadline
    talk = "talk"  # 谈话, linked to a recorded talk
    disposal = "disposal"  # 组织处置: 劝退 or 除名


class Disposal(str, Enum):
    """The 组织处置 decision of a follow-up."""

    persuade = "persuade"  # 劝退
    remove = "remove"  # 除名


class FollowUpStatus(str, Enum):
    open = "open"
    done = "done"
    overdue = "overdue"  # its deadline passed before the as-of date, not done


class ResultStatus(str, Enum):
    """Where a published appraisal result stands: a result is final only when the notice
    window has ended and every objection is answered."""

    in_notice = "in_notice"  # 公示中
    objections_pending = "objections_pending"  # 待答复异议
    final = "final"  # 已确定


class MeetingForm(str, Enum):
    """How a meeting was held (会议形式)."""

    lecture = "lecture"  # 讲授辅导
    discussion = "discussion"  # 交流讨论
    site_visit = "site_visit"  # 现场观摩
    distance = "distance"  # 远程教育


class CommitmentStatus(str, Enum):
    """How a commitment (承诺践诺) stands."""

    planned = "planned"
    in_progress = "in_progress"
    fulfilled = "fulfilled"
    not_fulfilled = "not_fulfilled"


class OrderKind(str, Enum):
    """What a member orders for the branch (点单): an activity or a topic to take up."""

    activity = "activity"
    topic = "topic"


class OrderStatus(str, Enum):
    """How a member's order stands: ordered (点单), taken into the plan (接单), declined
    with a reason, done (its meeting held, or marked by hand)."""

    ordered = "ordered"
    taken = "taken"
    declined = "declined"
    done = "done"


# Chinese spellings accepted on input (and used for display in Chinese).
STATUS_ZH = {MemberStatus.full: "正式党员", MemberStatus.probationary: "预备党员"}
ATTENDANCE_ZH = {
    AttendanceStatus.present: "出席",
    AttendanceStatus.leave: "请假",
    AttendanceStatus.absent: "缺席",
}
MEETING_TYPE_ZH = {
    MeetingType.general_meeting: "支部党员大会",
    MeetingType.committee_meeting: "支部委员会",
    MeetingType.group_meeting: "党小组会",
    MeetingType.party_lecture: "党课",
    MeetingType.themed_day: "主题党日",
    MeetingType.life_meeting: "组织生活会",
    MeetingType.appraisal: "民主评议党员",
    MeetingType.other: "其他",
}
POST_ZH = {
    CommitteePost.secretary: "书记",
    CommitteePost.deputy_secretary: "副书记",
    CommitteePost.organization: "组织委员",
    CommitteePost.publicity: "宣传委员",
    CommitteePost.discipline: "纪检委员",
    CommitteePost.committee_member: "委员",
    CommitteePost.group_leader: "党小组长",
}
GENDER_ZH = {Gender.male: "男", Gender.female: "女"}
TALK_FORM_ZH = {
    TalkForm.one_to_one: "个别谈话",
    TalkForm.group: "集体谈话",
    TalkForm.online: "网上谈话",
}
TALK_TYPE_ZH = {
    TalkType.routine: "日常谈心",
    TalkType.pre_life_meeting: "会前谈心",
    TalkType.political_birthday: "政治生日",
    TalkType.encouragement: "勉励",
    TalkType.care: "关怀帮扶",
    TalkType.reminder: "谈话提醒",
    TalkType.warning: "警示告诫",
    TalkType.lagging_help: "帮教",
    TalkType.admonition: "诫勉",
}
SESSION_STATE_ZH = {
    SessionState.created: "未开始",
    SessionState.started: "投票中",
    SessionState.finished: "已结束",
    SessionState.published: "已公布",
}
MEMBER_EVENT_ZH = {
    MemberEventKind.transfer_in: "组织关系转入",
    MemberEventKind.transfer_out: "组织关系转出",
    MemberEventKind.conversion: "转正",
    MemberEventKind.probation_extended: "延长预备期",
    MemberEventKind.away: "流动党员外出",
    MemberEventKind.deceased: "去世",
    MemberEventKind.removed: "除名/出党",
}
RECTIFICATION_ZH = {
    RectificationStatus.open: "未整改",
    RectificationStatus.in_progress: "整改中",
    RectificationStatus.done: "已完成",
}
OBJECTION_OUTCOME_ZH = {ObjectionOutcome.maintained: "维持", ObjectionOutcome.changed: "改变"}
FOLLOW_UP_MEASURE_ZH = {
    FollowUpMeasure.rectify: "限期改正",
    FollowUpMeasure.talk: "谈话",
    FollowUpMeasure.disposal: "组织处置",
}
DISPOSAL_ZH = {Disposal.persuade: "劝退", Disposal.remove: "除名"}
FOLLOW_UP_STATUS_ZH = {
    FollowUpStatus.open: "进行中",
    FollowUpStatus.done: "已完成",
    FollowUpStatus.overdue: "已逾期",
}
RESULT_STATUS_ZH = {
    ResultStatus.in_notice: "公示中",
    ResultStatus.objections_pending: "待答复异议",
    ResultStatus.final: "已确定",
}
MEETING_FORM_ZH = {
    MeetingForm.lecture: "讲授辅导",
    MeetingForm.discussion: "交流讨论",
    MeetingForm.site_visit: "现场观摩",
    MeetingForm.distance: "远程教育",
}
COMMITMENT_ZH = {
    CommitmentStatus.planned: "已承诺",
    CommitmentStatus.in_progress: "践诺中",
    CommitmentStatus.fulfilled: "已兑现",
    CommitmentStatus.not_fulfilled: "未兑现",
}
ORDER_KIND_ZH = {OrderKind.activity: "活动", OrderKind.topic: "议题"}
ORDER_STATUS_ZH = {
    OrderStatus.ordered: "已点单",
    OrderStatus.taken: "已接单",
    OrderStatus.declined: "未采纳",
    OrderStatus.done: "已完成",
}

# Short aliases people type in spreadsheets.
_EXTRA_ALIASES: dict[type[Enum], dict[str, str]] = {
    MemberStatus: {"正式": "full", "预备": "probationary"},
    AttendanceStatus: {
        "到会": "present",
        "出勤": "present",
        "实到": "present",
        "缺勤": "absent",
        "无故缺席": "absent",
    },
    MeetingType: {
        "党员大会": "general_meeting",
        "支委会": "committee_meeting",
        "小组会": "group_meeting",
        "组织生活": "life_meeting",
    },
    CommitteePost: {
        "支部书记": "secretary",
        "党支部书记": "secretary",
        "支部副书记": "deputy_secretary",
        "党支部副书记": "deputy_secretary",
        "支委": "committee_member",
        "支部委员": "committee_member",
        "支委委员": "committee_member",
        # Committee members with a duty the app has no post for are committee members.
        "青年委员": "committee_member",
        "统战委员": "committee_member",
        "保密委员": "committee_member",
        "纪律检查委员": "discipline",
        "组长": "group_leader",
        "小组长": "group_leader",
        "党小组组长": "group_leader",
    },
    Gender: {"m": "male", "f": "female", "男性": "male", "女性": "female"},
    TalkForm: {"个别": "one_to_one", "集体": "group", "线上": "online", "网上": "online"},
    TalkType: {
        "日常": "routine",
        "会前": "pre_life_meeting",
        "提醒": "reminder",
        "警示": "warning",
        "帮扶": "care",
        "关怀": "care",
    },
    MemberEventKind: {
        "转入": "transfer_in",
        "转出": "transfer_out",
        "流动": "away",
        "流动党员": "away",
        "外出": "away",
        "死亡": "deceased",
        "除名": "removed",
        "出党": "removed",
        "停止党籍": "removed",
    },
    ObjectionOutcome: {"maintain": "maintained", "change": "changed"},
    FollowUpMeasure: {"改正": "rectify", "限期整改": "rectify", "处置": "disposal"},
    Disposal: {"dismiss": "remove", "removal": "remove"},
    MeetingForm: {
        "讲授": "lecture",
        "辅导": "lecture",
        "交流": "discussion",
        "讨论": "discussion",
        "观摩": "site_visit",
        "现场": "site_visit",
        "远程": "distance",
        "线上": "distance",
        "网上": "distance",
    },
    CommitmentStatus: {
        "计划": "planned",
        "承诺": "planned",
        "进行中": "in_progress",
        "兑现": "fulfilled",
        "已践诺": "fulfilled",
        "未践诺": "not_fulfilled",
    },
    OrderKind: {"活动安排": "activity", "主题": "topic", "话题": "topic"},
    OrderStatus: {"点单": "ordered", "接单": "taken", "完成": "done", "拒绝": "declined"},
    RectificationStatus: {
        "待整改": "open",
        "进行中": "in_progress",
        "已整改": "done",
        "完成": "done",
    },
}


class AccountRole(str, Enum):
    """A role an account holds in one branch (issue 13)."""

    SECRETARY = "secretary"  # everything in the branch, users included
    COMMITTEE = "committee"  # records, points, talks; confidential talks only their own
    TELLER = "teller"  # the kiosk and paper-ballot entry only
    MEMBER = "member"  # self-service: their own records, 点单
    OBSERVER = "observer"  # 上级党委: read-only, no confidential talk content


ACCOUNT_ROLE_ZH = {
    AccountRole.SECRETARY: "支部书记",
    AccountRole.COMMITTEE: "支委委员",
    AccountRole.TELLER: "计票人",
    AccountRole.MEMBER: "党员",
    AccountRole.OBSERVER: "上级党委",
}

_ZH_TABLES: dict[type[Enum], dict[Any, str]] = {
    AccountRole: ACCOUNT_ROLE_ZH,
    MemberStatus: STATUS_ZH,
    AttendanceStatus: ATTENDANCE_ZH,
    MeetingType: MEETING_TYPE_ZH,
    CommitteePost: POST_ZH,
    Gender: GENDER_ZH,
    TalkForm: TALK_FORM_ZH,
    TalkType: TALK_TYPE_ZH,
    RectificationStatus: RECTIFICATION_ZH,
    SessionState: SESSION_STATE_ZH,
    MemberEventKind: MEMBER_EVENT_ZH,
    ObjectionOutcome: OBJECTION_OUTCOME_ZH,
    FollowUpMeasure: FOLLOW_UP_MEASURE_ZH,
    Disposal: DISPOSAL_ZH,
    FollowUpStatus: FOLLOW_UP_STATUS_ZH,
    ResultStatus: RESULT_STATUS_ZH,
    MeetingForm: MEETING_FORM_ZH,
    CommitmentStatus: COMMITMENT_ZH,
    OrderKind: ORDER_KIND_ZH,
    OrderStatus: ORDER_STATUS_ZH,
}


class LadderAction(str, Enum):
    """What the branch does when an absence streak reaches a step of the ladder."""

    reminder_talk = "reminder_talk"  # 谈话提醒
    warning_notice = "warning_notice"  # 警示告诫（限期改正）
    general_meeting_case = "general_meeting_case"  # 提交支部党员大会处置（自行脱党）
