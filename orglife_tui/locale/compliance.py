"""Messages of the compliance watch: ``orglife-tui check`` and its findings."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "compliance.list_sep": (", ", "、"),
    # -- findings
    "compliance.finding.frequency": (
        "{when}: {type} held {held} time(s), {required} required",
        "{when}{type}召开 {held} 次，应召开 {required} 次",
    ),
    "compliance.finding.group_frequency": (
        "{when}: {group} held {held} {type}(s), {required} required",
        "{when}{group}召开{type} {held} 次，应召开 {required} 次",
    ),
    "compliance.finding.absence": (
        "{name} ({member_no}) missed organizational life without valid reason for {count}"
        " month(s) in a row ({months}); the streak reached the {step_months}-month step: "
        "{action}",
        "{name}（{member_no}）连续 {count} 个月无正当理由未参加组织生活（{months}），"
        "已达 {step_months} 个月一档：{action}",
    ),
    "compliance.finding.absence_ongoing": (
        "{name} ({member_no}) has missed organizational life without valid reason for {count}"
        " month(s) in a row ({months}) and still does; step reached ({step_months} months): "
        "{action}",
        "{name}（{member_no}）已连续 {count} 个月无正当理由未参加组织生活（{months}），"
        "至今未恢复；已达 {step_months} 个月一档：{action}",
    ),
    "compliance.finding.talk_coverage": (
        "{name} ({member_no}) had {held} heart-to-heart talk(s) in {year}, {required} required",
        "{name}（{member_no}）{year}年谈心谈话 {held} 次，应至少 {required} 次",
    ),
    "compliance.finding.rectification": (
        "Rectification item #{id} is overdue (deadline {deadline}, owner {owner}): {problem}",
        "整改事项第 {id} 项已逾期（期限 {deadline}，责任人 {owner}）：{problem}",
    ),
    # -- ladder actions and severities
    "compliance.action.reminder_talk": ("a reminder talk", "谈话提醒"),
    "compliance.action.warning_notice": (
        "a warning notice with a deadline",
        "警示告诫并限期改正",
    ),
    "compliance.action.general_meeting_case": (
        "a case for the general meeting (treated as leaving the Party)",
        "提交支部党员大会按自行脱党处置",
    ),
    "compliance.severity.warning": ("warning", "提醒"),
    "compliance.severity.violation": ("violation", "违规"),
    "compliance.rule.general_meeting_frequency": ("General meetings", "支部党员大会频次"),
    "compliance.rule.committee_meeting_frequency": ("Committee meetings", "支委会频次"),
    "compliance.rule.group_meeting_frequency": ("Group meetings", "党小组会频次"),
    "compliance.rule.party_lecture_frequency": ("Party lectures", "党课频次"),
    "compliance.rule.themed_day_frequency": ("Themed Party days", "主题党日频次"),
    "compliance.rule.life_meeting_yearly": ("Life meeting", "组织生活会"),
    "compliance.rule.appraisal_yearly": ("Democratic appraisal", "民主评议党员"),
    "compliance.rule.absence_streak": ("Absence streak", "连续缺席"),
    "compliance.rule.talk_coverage": ("Talk coverage", "谈心谈话覆盖"),
    "compliance.rule.rectification_overdue": ("Rectification overdue", "整改逾期"),
    # -- refusals
    "compliance.as_of_future": (
        "--as-of {as_of} lies in the future; a check looks at what has happened",
        "--as-of {as_of} 是将来的日期；检查只看已经发生的情况",
    ),
    "compliance.year_future": (
        "{year} has not begun yet; nothing to check",
        "{year}年尚未开始，没有可检查的内容",
    ),
    "compliance.bad_year": ("Year {year} is out of range", "年份 {year} 超出范围"),
    "compliance.as_of_before_year": (
        "--as-of {as_of} is before {year} begins",
        "--as-of {as_of} 早于 {year} 年开始",
    ),
    # -- the check command
    "compliance.cli.help": (
        "Check the branch's organizational life against the policy: meeting frequencies,"
        " absence streaks, talk coverage, overdue rectification",
        "按制度检查支部组织生活：会议频次、连续缺席、谈心谈话覆盖、整改逾期",
    ),
    "compliance.cli.opt.year": (
        "Year to check (default: the year of --as-of, or this year)",
        "检查的年度（默认：--as-of 所在年度或今年）",
    ),
    "compliance.cli.opt.as_of": (
        "Judge as of this date, YYYY-MM-DD (default: today, or 31 December of a past year)",
        "按此日期判断，YYYY-MM-DD（默认：今天；往年为12月31日）",
    ),
    "compliance.cli.opt.format": ("Output: table or json", "输出格式：table 或 json"),
    "compliance.cli.header": (
        "{branch}: {year} as of {as_of}, {count} finding(s)",
        "{branch}：{year}年（截至 {as_of}），共 {count} 项问题",
    ),
    "compliance.cli.none": (
        "{branch}: {year} as of {as_of}: no findings. Organizational life is in order.",
        "{branch}：{year}年（截至 {as_of}）未发现问题，组织生活符合要求。",
    ),
    "col.rule": ("Rule", "规则"),
    "col.period": ("Period", "期间"),
    "col.subject": ("Subject", "对象"),
    "col.severity": ("Severity", "程度"),
    "col.message": ("Finding", "问题"),
}
