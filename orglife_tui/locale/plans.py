"""Messages: the annual plan (``plan.``) and the rectification list (``rectification.``).

Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- plan: refused
    "plan.year_out_of_range": (
        "The year {year} is outside {min}–{max}.",
        "年度 {year} 不在 {min}–{max} 之间。",
    ),
    "plan.month_out_of_range": (
        "The month {month} is not a month (1–12).",
        "月份 {month} 无效（应为 1–12）。",
    ),
    "plan.type_unknown": ("Unknown meeting type {type}.", "未知会议类型“{type}”。"),
    "plan.topic_empty": ("A plan item needs a topic.", "计划事项须填写主题。"),
    "plan.topic_too_long": (
        "The topic is longer than {limit} characters.",
        "主题超过 {limit} 个字符。",
    ),
    "plan.not_found": ("No plan item {id}.", "没有编号为 {id} 的计划事项。"),
    # --- plan: import
    "plan.field.year": ("year", "年度"),
    "plan.field.month": ("month", "月份"),
    "plan.field.type": ("type", "类型"),
    "plan.field.topic": ("topic", "主题"),
    "plan.field.note": ("note", "备注"),
    "plan.problem.bad_month": (
        "cannot read {value!r} as a month (1–12, 3月 or YYYY-MM)",
        "无法识别月份“{value}”（应为 1–12、3月 或 YYYY-MM）",
    ),
    "plan.problem.month_other_year": (
        "{value!r} is not in the year {year}",
        "“{value}”不在 {year} 年度内",
    ),
    "plan.problem.one_type": (
        "one meeting type per row, not {value!r}; write one row for each type",
        "每行只能填一种会议类型，不能是“{value}”；请每种类型各写一行",
    ),
    "plan.import.done": (
        "{file}: plan items added: {count}.",
        "{file}：已导入计划事项 {count} 条。",
    ),
    # --- plan: command line
    "plan.cli.help": (
        "The annual organizational-life plan: planned meetings and topics.",
        "年度组织生活计划：计划召开的会议与主题。",
    ),
    "plan.cli.add.help": ("Add an item to the plan.", "新增计划事项。"),
    "plan.cli.list.help": (
        "The year's plan, and which meeting carried out each item.",
        "列出年度计划，以及每项由哪次会议落实。",
    ),
    "plan.cli.edit.help": (
        "Change a plan item (options left out keep their values).",
        "修改计划事项（未给出的选项保持不变）。",
    ),
    "plan.cli.remove.help": (
        "Remove a plan item (the audit log keeps what it held).",
        "删除计划事项（审计日志保留其内容）。",
    ),
    "plan.cli.import.help": (
        "Import plan items from a CSV or XLSX file (columns year, month, type, topic, note); "
        "all rows or none.",
        "从 CSV 或 XLSX 文件导入计划事项（列：年度、月份、类型、主题、备注）；全部导入或全部不导入。",
    ),
    "plan.cli.opt.year": ("The plan's year.", "计划年度。"),
    "plan.cli.opt.list_year": ("The year (default: this year).", "年度（默认今年）。"),
    "plan.cli.opt.month": (
        "The month, 1–12 (left out: some time in the year).",
        "月份，1–12（不填：年内任意时间）。",
    ),
    "plan.cli.opt.whole_year": (
        "No particular month: some time in the year.",
        "不限月份：年内任意时间。",
    ),
    "plan.cli.opt.type": (
        "Meeting type: general_meeting, committee_meeting, party_lecture … or 党课, 主题党日 ….",
        "会议类型：支部党员大会、支部委员会、党课、主题党日等（或英文键）。",
    ),
    "plan.cli.opt.topic": ("The topic.", "主题。"),
    "plan.cli.opt.note": ("A note.", "备注。"),
    "plan.cli.opt.note_edit": ("A note (an empty text clears it).", "备注（空文本则清除）。"),
    "plan.cli.arg.id": (
        "The plan item's number (see `plan list`).",
        "计划事项编号（见 `plan list`）。",
    ),
    "plan.cli.month_and_whole_year": (
        "Give either --month or --whole-year, not both.",
        "--month 与 --whole-year 只能给出其一。",
    ),
    "plan.cli.bad_type": (
        "Unknown meeting type {value!r}; use one of {accepted}.",
        "未知会议类型“{value}”，可用：{accepted}。",
    ),
    "plan.added": (
        "Plan item {id} added: {when}, {type}: {topic}.",
        "已新增计划事项 {id}：{when}，{type}：{topic}。",
    ),
    "plan.updated": (
        "Plan item {id} is now: {when}, {type}: {topic}.",
        "计划事项 {id} 已修改为：{when}，{type}：{topic}。",
    ),
    "plan.removed": (
        "Plan item {id} removed ({when}, {type}: {topic}).",
        "已删除计划事项 {id}（{when}，{type}：{topic}）。",
    ),
    "plan.none": ("No plan items for {year}.", "{year} 年度尚无计划事项。"),
    "plan.totals": (
        "{year}: {planned} planned, {held} held.",
        "{year} 年度：计划 {planned} 项，已落实 {held} 项。",
    ),
    "plan.whole_year": ("any", "全年"),
    "plan.month": ("{month}", "{month}月"),
    "plan.when_year": ("some time in {year}", "{year}年内"),
    "plan.when_month": ("{year}-{month:02d}", "{year}年{month}月"),
    "plan.not_held": ("not yet", "未落实"),
    "plan.held_by": ("{meeting_no} ({date})", "{meeting_no}（{date}）"),
    "plan.col.id": ("No.", "序号"),
    "plan.col.month": ("Month", "月份"),
    "plan.col.meeting_type": ("Type", "类型"),
    "plan.col.topic": ("Topic", "主题"),
    "plan.col.held": ("Held", "落实情况"),
    "plan.col.note": ("Note", "备注"),
    # --- rectification: refused
    "rectification.year_out_of_range": (
        "The year {year} is outside {min}–{max}.",
        "年度 {year} 不在 {min}–{max} 之间。",
    ),
    "rectification.problem_empty": (
        "A rectification item needs the problem it puts right.",
        "整改事项须填写存在的问题。",
    ),
    "rectification.owner_empty": (
        "A rectification item needs an owner.",
        "整改事项须填写责任人。",
    ),
    "rectification.owner_too_long": (
        "The owner is longer than {limit} characters.",
        "责任人超过 {limit} 个字符。",
    ),
    "rectification.deadline_before_year": (
        "The deadline {deadline} lies before the year {year} began.",
        "整改时限 {deadline} 早于 {year} 年初。",
    ),
    "rectification.meeting_not_found": (
        "No meeting with number {meeting_no}.",
        "没有编号为 {meeting_no} 的会议。",
    ),
    "rectification.not_found": ("No rectification item {id}.", "没有编号为 {id} 的整改事项。"),
    "rectification.done_needs_note": (
        "Closing an item as done needs a note saying how it was put right.",
        "标记为已完成须填写整改情况说明。",
    ),
    "rectification.closed_in_future": (
        "The closing date {on} lies in the future.",
        "完成日期 {on} 晚于今天。",
    ),
    "rectification.closed_before_year": (
        "The closing date {on} lies before the year {year} began.",
        "完成日期 {on} 早于 {year} 年初。",
    ),
    # --- rectification: command line
    "rectification.cli.help": (
        "The rectification list: problems from the life meeting, owners, deadlines, status.",
        "整改清单：组织生活会查摆的问题、责任人、时限与整改状态。",
    ),
    "rectification.cli.add.help": ("Add a rectification item.", "新增整改事项。"),
    "rectification.cli.list.help": (
        "List rectification items, with whether each is overdue.",
        "列出整改事项及是否逾期。",
    ),
    "rectification.cli.edit.help": (
        "Change a rectification item (options left out keep their values).",
        "修改整改事项（未给出的选项保持不变）。",
    ),
    "rectification.cli.status.help": (
        "Set an item's status: open, in_progress or done (未整改、整改中、已完成).",
        "设置整改状态：未整改、整改中或已完成（open、in_progress、done）。",
    ),
    "rectification.cli.opt.year": (
        "The year of the life meeting that found the problem.",
        "查摆出问题的组织生活会所在年度。",
    ),
    "rectification.cli.opt.list_year": ("Only this year.", "仅此年度。"),
    "rectification.cli.opt.problem": ("The problem.", "存在的问题。"),
    "rectification.cli.opt.owner": ("Who is responsible.", "责任人。"),
    "rectification.cli.opt.deadline": (
        "The deadline (YYYY-MM-DD).",
        "整改时限（YYYY-MM-DD）。",
    ),
    "rectification.cli.opt.measure": ("What is to be done.", "整改措施。"),
    "rectification.cli.opt.measure_edit": (
        "What is to be done (an empty text clears it).",
        "整改措施（空文本则清除）。",
    ),
    "rectification.cli.opt.meeting": (
        "The number of the meeting that listed the problem.",
        "查摆出该问题的会议编号。",
    ),
    "rectification.cli.opt.meeting_edit": (
        "The number of the meeting that listed the problem (an empty text clears it).",
        "查摆出该问题的会议编号（空文本则清除）。",
    ),
    "rectification.cli.opt.status": ("Only items with this status.", "仅此状态的事项。"),
    "rectification.cli.opt.overdue": ("Only overdue items.", "仅逾期事项。"),
    "rectification.cli.opt.as_of": (
        "Judge overdue as of this date (default: today).",
        "按此日期判断是否逾期（默认今天）。",
    ),
    "rectification.cli.opt.note": (
        "How it was put right (required for done), or why it was reopened.",
        "整改情况说明（标记已完成时必填），或重新打开的原因。",
    ),
    "rectification.cli.opt.on": (
        "The date it was done (default: today).",
        "完成日期（默认今天）。",
    ),
    "rectification.cli.arg.id": (
        "The item's number (see `rectification list`).",
        "整改事项编号（见 `rectification list`）。",
    ),
    "rectification.cli.arg.status": (
        "open, in_progress or done (未整改、整改中、已完成).",
        "未整改、整改中或已完成（open、in_progress、done）。",
    ),
    "rectification.cli.bad_status": (
        "Unknown status {value!r}; use one of {accepted}.",
        "未知状态“{value}”，可用：{accepted}。",
    ),
    "rectification.added": (
        "Rectification item {id} added: {problem} — {owner}, by {deadline}.",
        "已新增整改事项 {id}：{problem}——责任人 {owner}，时限 {deadline}。",
    ),
    "rectification.updated": (
        "Rectification item {id} is now: {problem} — {owner}, by {deadline}.",
        "整改事项 {id} 已修改为：{problem}——责任人 {owner}，时限 {deadline}。",
    ),
    "rectification.closed": (
        "Rectification item {id}: {status} on {on}.",
        "整改事项 {id}：{on} {status}。",
    ),
    "rectification.status_set": (
        "Rectification item {id}: {status}.",
        "整改事项 {id}：{status}。",
    ),
    "rectification.overdue_mark": ("overdue", "已逾期"),
    "rectification.none": ("No rectification items.", "尚无整改事项。"),
    "rectification.col.id": ("No.", "序号"),
    "rectification.col.year": ("Year", "年度"),
    "rectification.col.problem": ("Problem", "存在的问题"),
    "rectification.col.owner": ("Owner", "责任人"),
    "rectification.col.deadline": ("Deadline", "整改时限"),
    "rectification.col.status": ("Status", "状态"),
    "rectification.col.overdue": ("Overdue", "逾期"),
    "rectification.col.closed_on": ("Done on", "完成日期"),
}
