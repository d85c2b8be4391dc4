"""Messages of the compliance screens: the dashboard's calendar, findings and reminders,
the findings list and the absence watch. (English, Chinese); Chinese uses full-width
punctuation."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- dashboard: the compliance calendar
    "tui.compliance.loading": ("Checking organizational life…", "正在检查组织生活情况……"),
    "tui.compliance.year": ("{year}", "{year}年"),
    "tui.compliance.row.general_meeting_frequency": ("General", "党员大会"),
    "tui.compliance.row.committee_meeting_frequency": ("Committee", "支委会"),
    "tui.compliance.row.group_meeting_frequency": ("Groups", "党小组会"),
    "tui.compliance.row.party_lecture_frequency": ("Lecture", "党课"),
    "tui.compliance.row.themed_day_frequency": ("Themed day", "主题党日"),
    "tui.compliance.row.life_meeting_yearly": ("Life mtg", "组织生活会"),
    "tui.compliance.row.appraisal_yearly": ("Appraisal", "民主评议"),
    "tui.compliance.state.held": ("held", "已开"),
    "tui.compliance.state.missing": ("missing", "缺开"),
    "tui.compliance.state.not_due": ("not yet due", "未到期"),
    "tui.compliance.state.not_required": ("not required", "不要求"),
    # --- dashboard: findings and reminders
    "tui.compliance.findings": (
        "Findings: {violations} violation(s), {warnings} warning(s)",
        "问题：违规 {violations} 项，提醒 {warnings} 项",
    ),
    "tui.compliance.no_findings": ("No findings so far this year.", "今年至今未发现问题。"),
    "tui.compliance.more": ("… and {count} more", "……另有 {count} 项"),
    "tui.compliance.keys": ("f findings · a absence watch", "f 问题清单　a 缺席预警"),
    "tui.compliance.birthdays": ("Political birthdays: {items}", "政治生日：{items}"),
    "tui.compliance.birthday": ("{name} {date} ({years} yrs)", "{name} {date}（{years}年）"),
    "tui.compliance.no_birthdays": (
        "No political birthday within {days} days.",
        "未来 {days} 天没有党员政治生日。",
    ),
    "tui.compliance.absence_line": (
        "{name} ({member_no}) absent {count} mo.: {step}",
        "{name}（{member_no}）缺席 {count} 个月：{step}",
    ),
    "tui.compliance.frequency_line": (
        "{period} {type}: {held} of {required} held",
        "{period} {type}：开 {held} 次，应 {required} 次",
    ),
    "tui.compliance.group_frequency_line": (
        "{period} {group}: {held}/{required} {type}",
        "{period} {group}{type}：{held}/{required} 次",
    ),
    "tui.compliance.rectification_line": (
        "Rectification #{id} overdue: {problem}",
        "整改第 {id} 项逾期：{problem}",
    ),
    "tui.compliance.sep": (" · ", "　"),
    "tui.compliance.follow_ups": ("Talk follow-ups due: {items}", "谈话回访到期：{items}"),
    "tui.compliance.follow_up": ("{name} {date}", "{name} {date}"),
    "tui.compliance.no_follow_ups": ("No talk follow-up due.", "没有到期的谈话回访。"),
    "tui.compliance.items_more": ("{total}: {items} …", "{total} 人：{items}……"),
    "tui.compliance.hint": (
        "Enter opens the attendance of a meeting · F1 every key · Ctrl+P commands",
        "Enter 登记会议出勤　F1 全部按键　Ctrl+P 命令面板",
    ),
    "tui.compliance.help_dashboard": (
        "The overview of the branch: its members, this year's compliance calendar, the open "
        "findings, reminders and this month's meetings.\n"
        "The calendar has a row for each kind of meeting the policy requires and a column for "
        "each month: ● held, ✗ missing, · not yet due, - not required (a quarter's or a "
        "year's state is shown in each of its months; this month's number is highlighted). "
        "Next to it the findings of this year so far — f lists them all, a opens the absence "
        "watch — and the reminders: political birthdays in the next 14 days, talk "
        "follow-ups due and probations ending within 30 days or passed (the conversion watch: "
        "w on the members screen).\n"
        "Enter on one of this month's meetings opens its attendance sheet. The keys below "
        "open the other screens (o: the appraisal's follow-ups); Ctrl+P opens the command "
        "palette.",
        "党支部概况：党员人数、本年度组织生活日历、尚存问题、提醒事项和本月会议。\n"
        "日历每行是制度要求的一类会议，每列是一个月：●已开，✗缺开，·未到期，-不要求"
        "（按季度或按年度要求的会议，其状态显示在该季度或年度的每个月；本月的月份数字高亮）。"
        "日历旁是今年至今发现的问题（按 f 查看全部问题，按 a 打开缺席预警）和提醒："
        "未来 14 天的党员政治生日、到期的谈话回访、30 天内期满或已期满的预备期"
        "（转正提醒：在党员名册按 w）。\n"
        "在本月会议上按 Enter 打开出勤登记。下列按键进入其他页面（o：评议结果运用）；"
        "Ctrl+P 打开命令面板。",
    ),
    # --- keys and commands
    "tui.findings.key": ("Findings", "问题清单"),
    "tui.absence.key": ("Absence watch", "缺席预警"),
    "tui.findings.cmd": ("Go to findings", "转到：问题清单"),
    "tui.findings.cmd_help": (
        "This year's compliance findings: meetings missed, absence, talks, rectification",
        "本年度组织生活检查发现的问题：缺开会议、连续缺席、谈心谈话、整改",
    ),
    "tui.absence.cmd": ("Go to absence watch", "转到：缺席预警"),
    "tui.absence.cmd_help": (
        "Members missing organizational life, their ladder step, record the answering talk",
        "连续未参加组织生活的党员、处置档次，记录相应谈话",
    ),
    # --- the findings list
    "tui.findings.title": ("Findings", "问题清单"),
    "tui.findings.loading": ("{year}: checking…", "{year}年：正在检查……"),
    "tui.findings.header": (
        "{year} as of {as_of}: {violations} violation(s), {warnings} warning(s)",
        "{year}年（截至 {as_of}）：违规 {violations} 项，提醒 {warnings} 项",
    ),
    "tui.findings.none": (
        "No findings for {year} as of {as_of}: organizational life is in order.",
        "{year}年（截至 {as_of}）未发现问题，组织生活符合要求。",
    ),
    "tui.findings.open_absence": ("Absence watch", "缺席预警"),
    "tui.findings.help": (
        "Every finding of the compliance watch for a year: meetings held less often than "
        "the policy requires, members missing organizational life, talks not held, "
        "rectification items overdue. The current year is judged as of today, a past year "
        "as of 31 December. The full text of the highlighted finding is shown under the "
        "list. [ and ] (or Shift+Left/Right) step through the years; Enter on an absence "
        "finding opens the absence watch.",
        "某一年度组织生活检查发现的全部问题：会议次数少于制度要求、党员连续未参加组织生活、"
        "谈心谈话未覆盖、整改事项逾期。当年按今天判断，往年按12月31日判断。列表下方显示所选问题"
        "的全文。按 [ 和 ]（或 Shift+左右方向键）切换年度；在连续缺席的问题上按 Enter 打开"
        "缺席预警。",
    ),
    # --- the absence watch
    "tui.absence.title": ("Absence watch", "缺席预警"),
    "tui.absence.loading": ("Checking attendance…", "正在检查出勤情况……"),
    "tui.absence.header": (
        "As of {as_of}: {count} member(s) missing organizational life, {stepped} at a step",
        "截至 {as_of}：{count} 名党员连续未参加组织生活，其中 {stepped} 名已达处置档次",
    ),
    "tui.absence.empty": (
        "No member is missing organizational life.",
        "没有党员连续未参加组织生活。",
    ),
    "tui.absence.col.months": ("Months absent", "缺席月份"),
    "tui.absence.col.step": ("Step", "处置档次"),
    "tui.absence.col.talk": ("Talk", "谈话"),
    "tui.absence.step.none": ("—", "—"),
    "tui.absence.step.reminder_talk": ("Reminder", "谈话提醒"),
    "tui.absence.step.warning_notice": ("Warning", "警示告诫"),
    "tui.absence.step.general_meeting_case": ("Gen. meeting", "提交党员大会"),
    "tui.absence.detail": (
        "{name} ({member_no}) missed {count} month(s) in a row: {months}.",
        "{name}（{member_no}）连续 {count} 个月未参加组织生活：{months}。",
    ),
    "tui.absence.detail_step": (
        "Step reached ({months} months): {action}.",
        "已达 {months} 个月一档：{action}。",
    ),
    "tui.absence.detail_no_step": (
        "No step of the ladder reached yet (the first is at {months} months).",
        "尚未达到处置档次（第一档为 {months} 个月）。",
    ),
    "tui.absence.answered": (
        "Answered: {type} talk on {date}.",
        "已谈话：{date}，{type}。",
    ),
    "tui.absence.answered_earlier": (
        "A {type} talk on {date} answered an earlier step; this step is not answered yet "
        "— t records the talk.",
        "{date}的{type}谈话针对的是前一档；本档尚未谈话，按 t 记录谈话。",
    ),
    "tui.absence.unanswered": (
        "Not answered yet — t records the talk that answers it.",
        "尚未谈话，按 t 记录相应谈话。",
    ),
    "tui.absence.trigger": (
        "Missed organizational life for {count} month(s) in a row ({months}); {action}",
        "连续 {count} 个月未参加组织生活（{months}）；{action}",
    ),
    "tui.absence.trigger_no_step": (
        "Missed organizational life for {count} month(s) in a row ({months})",
        "连续 {count} 个月未参加组织生活（{months}）",
    ),
    "tui.absence.key_talk": ("Record talk", "记录谈话"),
    "tui.absence.nothing_selected": ("No member selected.", "未选中党员。"),
    "tui.absence.help": (
        "Members who have missed organizational life without a valid reason, the longest "
        "streak first, as of today. A month counts as taken part when the member was present "
        "at any organizational-life meeting; a month with leave breaks nothing and continues "
        "nothing. The step is the highest step of the ladder the streak has reached "
        "(by default 3 months: a reminder talk, 5: a warning notice, 6: a case for the "
        "general meeting). The talk column shows the date of the talk recorded in answer "
        "to the streak. t records that talk: the talk form opens filled in with the member, "
        "the type, the case and the reason; after saving the watch shows the answer.",
        "截至今天连续无正当理由未参加组织生活的党员，连续月数多的在前。党员当月出席任一组织生活"
        "会议即算参加；请假的月份既不中断也不延续连续缺席。处置档次是连续缺席已达到的最高一档"
        "（默认：3 个月谈话提醒，5 个月警示告诫，6 个月提交支部党员大会）。“谈话”一栏显示针对"
        "这次连续缺席所记录谈话的日期。按 t 记录谈话：谈话表单打开时已填好党员、类型、所针对的"
        "缺席和谈话缘由；保存后预警列表显示谈话情况。",
    ),
}
