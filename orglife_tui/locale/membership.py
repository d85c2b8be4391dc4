"""Messages of membership events: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Membership on its dates, as the sheets, scoreboards and exports show it.
    "membership.left_short.transfer_out": ("out", "转出"),
    "membership.left_short.deceased": ("died", "去世"),
    "membership.left_short.removed": ("struck", "除名"),
    "membership.col.left_on": ("Left", "离开"),
    "export.col.left_on": ("Left the branch on (during the year)", "年内离开本支部日期"),
    "export.col.left_kind": (
        "How the member left: transfer_out, deceased, removed",
        "离开方式：transfer_out 转出、deceased 去世、removed 除名/出党",
    ),
    "event_in_future": (
        "The date {date} is in the future; record an event once it has happened.",
        "日期 {date} 尚未到来；请在事情发生后再登记。",
    ),
    "event_end_before_start": (
        "The end date {end} is before the start date {date}.",
        "结束日期 {end} 早于开始日期 {date}。",
    ),
    "event_end_only_away": (
        "Only a period away (流动) has an end date.",
        "只有流动外出才有结束日期。",
    ),
    "member_already_left": (
        "Member {member_no} left the branch on {date}; their record is archived.",
        "党员 {member_no} 已于 {date} 离开本支部，记录已归档。",
    ),
    "event_before_entered": (
        "Member {member_no} only came into the branch on {date}.",
        "党员 {member_no} 于 {date} 才转入本支部。",
    ),
    "event_before_joined": (
        "Member {member_no} only joined the Party on {date}.",
        "党员 {member_no} 于 {date} 才入党。",
    ),
    "member_not_probationary": (
        "Member {member_no} is not a probationary member.",
        "党员 {member_no} 不是预备党员。",
    ),
    "away_overlaps": (
        "Member {member_no} is already recorded as away during that time.",
        "党员 {member_no} 在该期间已有流动外出记录。",
    ),
}
