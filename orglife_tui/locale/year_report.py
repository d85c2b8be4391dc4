"""Messages of the year-end report: ``orglife-tui export report`` and its sections."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- command
    "report.cli.help": (
        "Write the year-end report (plan, meetings against policy, attendance, absence cases,"
        " talks, rectification, findings, points) as Markdown or XLSX.",
        "导出年度组织生活落实情况报告（计划执行、会议频次、出勤、连续缺席处置、谈心谈话、"
        "整改、问题清单、积分），格式为 Markdown 或 XLSX。",
    ),
    "report.cli.opt.year": (
        "Year to report (default: this year).",
        "报告年度（默认：本年）。",
    ),
    "report.cli.opt.as_of": (
        "Count up to this day, YYYY-MM-DD (default: 31 December of a past year, today for "
        "this year).",
        "统计截至日期 YYYY-MM-DD（默认：往年为 12 月 31 日，本年为今天）。",
    ),
    "report.written": (
        "Wrote the {year} report of {branch} to {file} ({findings} finding(s)).",
        "已将{branch}{year}年度报告写入 {file}（发现问题 {findings} 项）。",
    ),
    "report.no_records": (
        "{branch} has no records for {year}: no meeting, plan item, talk or rectification "
        "item. Nothing to report.",
        "{branch}{year}年没有任何记录（会议、计划、谈心谈话、整改事项均无），无法生成报告。",
    ),
    # -- header
    "report.title": (
        "{branch}: year-end report on organizational life, {year}",
        "{branch}{year}年度组织生活落实情况报告",
    ),
    "report.meta.line": ("- **{key}**: {value}", "- **{key}**：{value}"),
    "report.meta.item": ("Item", "项目"),
    "report.meta.value": ("Value", "内容"),
    "report.meta.branch": ("Branch", "党支部"),
    "report.meta.year": ("Year", "年度"),
    "report.meta.as_of": ("As of", "统计截至"),
    "report.meta.scheme": ("Points scheme", "积分方案"),
    "report.meta.scheme_value": ("{name}, version {version}", "{name}（版本 {version}）"),
    "report.meta.no_scheme": ("none active", "未启用"),
    "report.meta.generated": ("Generated", "生成日期"),
    "report.meta.operator": ("Prepared by", "制表人"),
    "report.meta.findings": ("Findings", "发现问题"),
    # -- sheets (at most 31 characters each)
    "report.sheet.summary": ("Summary", "概况"),
    "report.sheet.totals": ("Findings by rule", "问题统计"),
    "report.sheet.plan": ("Plan", "计划执行"),
    "report.sheet.plan_items": ("Plan items", "计划明细"),
    "report.sheet.meetings": ("Meetings", "会议频次"),
    "report.sheet.groups": ("Group meetings", "党小组会"),
    "report.sheet.attendance": ("Attendance", "出勤情况"),
    "report.sheet.absences": ("Absence cases", "连续缺席"),
    "report.sheet.talks": ("Talks", "谈心谈话"),
    "report.sheet.talk_gaps": ("Talks missing", "谈话未覆盖"),
    "report.sheet.rectification": ("Rectification", "整改清单"),
    "report.sheet.findings": ("Findings", "问题清单"),
    "report.sheet.points": ("Points", "积分情况"),
    # -- 1. summary
    "report.section.totals": ("1. Summary", "一、总体情况"),
    "report.totals.intro": (
        "Findings of the compliance check for {year} as of {as_of}, per rule (the same as "
        "`orglife-tui check --year {year} --as-of {as_of_iso}`).",
        "截至{as_of}，{year}年度合规检查发现的问题按规则统计如下（与 "
        "`orglife-tui check --year {year} --as-of {as_of_iso}` 一致）。",
    ),
    "report.col.rule": ("Rule", "检查项目"),
    "report.col.rule_id": ("Rule id", "规则编号"),
    "report.col.findings": ("Findings", "问题数"),
    "report.total": ("Total", "合计"),
    # -- 2. plan
    "report.section.plan": ("2. Plan against what was held", "二、年度计划执行情况"),
    "report.col.meeting_type": ("Meeting type", "会议类型"),
    "report.col.planned": ("Planned", "计划"),
    "report.col.held_per_plan": ("Held per plan", "按计划召开"),
    "report.col.not_held": ("Not held", "未召开"),
    "report.plan.items": ("Plan items", "计划明细"),
    "report.col.month": ("Month", "月份"),
    "report.col.topic": ("Topic", "主题"),
    "report.col.held_meeting": ("Held as meeting", "对应会议"),
    "report.col.held_date": ("Date held", "召开日期"),
    "report.plan.month": ("{month}", "{month}月"),
    "report.plan.whole_year": ("any time", "全年"),
    "report.plan.not_held": ("not held", "未召开"),
    "report.plan.not_due": ("not yet due", "未到期"),
    "report.plan.empty": ("No plan was entered for {year}.", "{year}年未录入组织生活计划。"),
    # -- 3. meetings against policy
    "report.section.meetings": ("3. Meetings against the policy", "三、组织生活会议开展情况"),
    "report.col.required": ("Required", "规定频次"),
    "report.col.held_in_year": ("Held in the year", "本年召开"),
    "report.col.judged": ("Periods judged", "已到期周期"),
    "report.col.met": ("Met", "达标"),
    "report.col.missed": ("Missed", "未达标"),
    "report.col.not_due": ("Not yet due", "未到期"),
    "report.col.not_applicable": ("Not applicable", "不适用"),
    "report.required.month": ("{times} a month", "每月 {times} 次"),
    "report.required.quarter": ("{times} a quarter", "每季度 {times} 次"),
    "report.required.year": ("{times} a year", "每年 {times} 次"),
    "report.required.per_group": ("{text} per group", "每个党小组{text}"),
    "report.meetings.note": (
        "A period is judged once it has ended (or once the rule is met in it). Meetings held"
        " count from 1 January to the as-of date; a meeting that counts as several types"
        " counts under each. Not applicable: periods before the branch's first recorded"
        " meeting, committee meetings of a branch without a committee, group meetings of a"
        " branch without groups.",
        "周期结束（或已达标）后方予判定。本年召开次数统计自 1 月 1 日至统计截至日；"
        "一次会议兼具多种类型的，分别计入。不适用：支部首次记录会议之前的周期、"
        "未设支委会的支部的支委会、未设党小组的支部的党小组会。",
    ),
    "report.groups.title": ("Group meetings per party group", "各党小组会开展情况"),
    "report.col.group": ("Party group", "党小组"),
    "report.meetings.empty": (
        "The policy checks no meeting frequency.",
        "积分方案未设定会议频次要求。",
    ),
    # -- 4. attendance
    "report.section.attendance": ("4. Attendance", "四、党员参加组织生活情况"),
    "report.col.present": ("Present", "出席"),
    "report.col.leave": ("Leave", "请假"),
    "report.col.absent": ("Absent", "缺席"),
    "report.col.marks": ("Marks", "应到人次"),
    "report.col.rate": ("Attendance rate", "出席率"),
    "report.attendance.all": ("All meetings", "全部会议"),
    "report.attendance.note": (
        "Rate = present ÷ all marks. A meeting that counts as several types counts under"
        " each type; the last row counts every mark once.",
        "出席率 = 出席人次 ÷ 应到人次。一次会议兼具多种类型的，分别计入各类型；"
        "最后一行每条考勤只计一次。",
    ),
    "report.attendance.empty": (
        "No attendance was recorded in {year}.",
        "{year}年无考勤记录。",
    ),
    # -- 5. absence cases
    "report.section.absences": ("5. Absence cases and what was done", "五、连续缺席党员及处置情况"),
    "report.col.member_no": ("Member no.", "党员编号"),
    "report.col.name": ("Name", "姓名"),
    "report.col.months": ("Months missed", "缺席月份"),
    "report.col.count": ("Months", "月数"),
    "report.col.step": ("Step reached", "达到档次"),
    "report.col.streak": ("Streak", "状态"),
    "report.col.answered": ("Talks in answer", "谈话处置"),
    "report.absences.step": ("{months} months: {action}", "{months} 个月：{action}"),
    "report.absences.ongoing": ("still absent", "仍未恢复"),
    "report.absences.ended": ("back", "已恢复"),
    "report.absences.talk": ("{date} {type} by {talkers}", "{date} {talkers}{type}"),
    "report.list_sep": ("; ", "；"),
    "report.absences.none_answered": ("none recorded", "未记录"),
    "report.absences.empty": (
        "No member reached a step of the absence ladder in {year}.",
        "{year}年无党员连续缺席达到处置档次。",
    ),
    # -- 6. talks
    "report.section.talks": ("6. Heart-to-heart talks", "六、谈心谈话开展情况"),
    "report.talks.required": ("Talks required per member", "每名党员应谈次数"),
    "report.talks.due": ("Members due", "应谈党员"),
    "report.talks.covered": ("Members covered", "已谈党员"),
    "report.talks.not_covered": ("Members not covered", "未谈党员"),
    "report.talks.held": ("Talks held", "谈话总次数"),
    "report.talks.by_type": ("Talks held: {type}", "谈话次数：{type}"),
    "report.talks.gaps": ("Members not covered", "未达要求的党员"),
    "report.col.talks_held": ("Talks held", "已谈次数"),
    "report.talks.open_year": (
        "The year is not over on the as-of date: these members can still be talked with.",
        "截至统计日本年度尚未结束，以下党员仍可安排谈话。",
    ),
    "report.talks.off": (
        "The policy does not require talks with every member.",
        "积分方案未设定谈心谈话覆盖要求。",
    ),
    "report.talks.all_covered": (
        "Every member due was talked with.",
        "应谈党员均已谈话。",
    ),
    # -- 7. rectification
    "report.section.rectification": ("7. Rectification items", "七、整改落实情况"),
    "report.col.id": ("No.", "序号"),
    "report.col.year": ("Year", "年度"),
    "report.col.problem": ("Problem", "问题"),
    "report.col.measure": ("Measure", "整改措施"),
    "report.col.owner": ("Owner", "责任人"),
    "report.col.deadline": ("Deadline", "整改时限"),
    "report.col.status": ("Status", "状态"),
    "report.col.closed_on": ("Closed on", "完成日期"),
    "report.col.closing_note": ("Closing note", "完成情况"),
    "report.col.overdue": ("Overdue", "逾期"),
    "report.rectification.overdue": ("overdue", "已逾期"),
    "report.rectification.empty": (
        "No rectification item for {year}.",
        "{year}年无整改事项。",
    ),
    "report.rectification.note": (
        "Items listed in {year}, and older items still overdue in it.",
        "含{year}年列出的整改事项，以及往年列出、本年仍逾期的事项。",
    ),
    # -- 8. findings
    "report.section.findings": ("8. Findings", "八、问题清单"),
    "report.col.period": ("Period", "期间"),
    "report.col.subject": ("Subject", "对象"),
    "report.col.severity": ("Severity", "性质"),
    "report.col.message": ("Finding", "问题"),
    "report.findings.empty": ("No findings.", "未发现问题。"),
    # -- 9. points
    "report.section.points": ("9. Points summary", "九、党员积分情况"),
    "report.points.scored": ("Members scored", "参评党员"),
    "report.points.average": ("Average", "平均分"),
    "report.points.min": ("Lowest", "最低分"),
    "report.points.max": ("Highest", "最高分"),
    "report.points.grade": ("Points band: {grade}", "积分档次：{grade}"),
    "report.points.ungraded": ("no points band", "不评积分档次"),
    "report.points.none": (
        "No points scheme is active for the branch: no points summary.",
        "本支部未启用积分方案，无积分情况。",
    ),
    "report.points.empty": ("No member is scored.", "无参评党员。"),
}
