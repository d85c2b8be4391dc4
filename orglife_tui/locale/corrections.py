"""Messages of corrections: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- impossible dates
    "corrections.meeting_in_future": (
        "The meeting date {date} is after today ({today}): record a meeting once it has been "
        "held (a meeting still to come belongs in the annual plan).",
        "会议日期 {date} 晚于今天（{today}）：会议召开后再登记（尚未召开的会议请列入年度计划）。",
    ),
    "corrections.attendance_in_future": (
        "Meeting {meeting_no} is dated {date}, after today ({today}): mark attendance once it "
        "has been held.",
        "会议 {meeting_no} 的日期为 {date}，晚于今天（{today}）：会议召开后再登记出勤。",
    ),
    "corrections.entry_date_in_future": (
        "The entry date {date} is after today ({today}): book points once they are earned.",
        "积分日期 {date} 晚于今天（{today}）：积分应在取得后再登记。",
    ),
    "corrections.before_start": (
        "The date {date} is before the branch's records start ({start}). To record earlier "
        "history, move the records start back to {month} first.",
        "日期 {date} 早于本支部记录起始日（{start}）。如需补录更早的记录，"
        "请先将记录起始日前移至 {month}。",
    ),
    "corrections.member_not_joined": (
        "Member {member_no} {name} joined the Party on {joined}; {date} is before that.",
        "党员 {member_no} {name} 于 {joined} 入党，{date} 早于此日。",
    ),
    "corrections.member_not_entered": (
        "Member {member_no} {name} came into the branch on {entered}; {date} is before that.",
        "党员 {member_no} {name} 于 {entered} 转入本支部，{date} 早于此日。",
    ),
    "corrections.member_left": (
        "Member {member_no} {name} left the branch on {left}; nothing is recorded for them "
        "on {date}.",
        "党员 {member_no} {name} 已于 {left} 离开本支部，{date} 不再为其登记。",
    ),
    # --- voided meetings
    "corrections.meeting_voided": (
        "Meeting {meeting_no} was voided on {on} ({reason}); it takes no attendance or changes.",
        "会议 {meeting_no} 已于 {on} 作废（{reason}），不再登记出勤或修改。",
    ),
    "corrections.meeting_already_voided": (
        "Meeting {meeting_no} is already voided (on {on}: {reason}).",
        "会议 {meeting_no} 已作废（{on}：{reason}）。",
    ),
    "corrections.void_reason_required": (
        "Say why the meeting is voided (a reason is required).",
        "请说明作废原因（原因为必填项）。",
    ),
    "corrections.void_reason_too_long": (
        "The reason is too long (at most {limit} characters).",
        "原因过长（最多 {limit} 个字）。",
    ),
    "corrections.note.meeting_voided": ("meeting voided", "会议已作废"),
    # --- records start
    "corrections.start_in_future": (
        "The records start {date} is after today ({today}).",
        "记录起始日 {date} 晚于今天（{today}）。",
    ),
    "corrections.start_after_records": (
        "The branch has records from {first}; the records start cannot be later than that "
        "(asked: {date}).",
        "本支部已有自 {first} 起的记录，记录起始日不能晚于该日（所填：{date}）。",
    ),
    # --- command line
    "corrections.cli.members_add.help": (
        "Add a member (the same checks as the form).",
        "新增党员（与表单相同的检查）。",
    ),
    "corrections.cli.meetings_add.help": (
        "Record a meeting that has been held (the same checks as the form).",
        "登记已召开的会议（与表单相同的检查）。",
    ),
    "corrections.cli.meetings_edit.help": (
        "Correct a meeting: date, types, title …; its points are re-derived.",
        "更正会议的日期、类型、主题等；相关积分随之重新计算。",
    ),
    "corrections.cli.meetings_void.help": (
        "Void a meeting recorded by mistake (nothing is deleted; its points are reversed).",
        "作废误登记的会议（不删除记录；其积分予以冲正）。",
    ),
    "corrections.cli.attendance.help": (
        "Attendance marks, one at a time.",
        "逐条登记出勤。",
    ),
    "corrections.cli.attendance_set.help": (
        "Mark a member at a meeting: present, leave (with --reason) or absent; --clear "
        "removes the mark.",
        "登记党员在某次会议的出勤：出席、请假（须 --reason）或缺席；--clear 清除登记。",
    ),
    "corrections.cli.branch_set_start.help": (
        "Set the branch's records start: every period from that day on is judged.",
        "设置本支部记录起始日：自该日起的每个周期都纳入检查。",
    ),
    "corrections.cli.branch_show.help": (
        "Show the selected branch and its records start.",
        "显示所选党支部及其记录起始日。",
    ),
    "corrections.cli.arg.member_no": ("The member's number.", "党员编号。"),
    "corrections.cli.arg.meeting_no": ("The meeting's number.", "会议编号。"),
    "corrections.cli.arg.mark": (
        "present, leave or absent (出席/请假/缺席).",
        "出席、请假或缺席（present/leave/absent）。",
    ),
    "corrections.cli.arg.start": ("The first day of the records.", "记录起始日。"),
    "corrections.cli.opt.name": ("The member's name.", "姓名。"),
    "corrections.cli.opt.status": (
        "full or probationary (正式/预备).",
        "正式或预备（full/probationary）。",
    ),
    "corrections.cli.opt.gender": ("male or female (男/女).", "男或女（male/female）。"),
    "corrections.cli.opt.birth_date": ("Date of birth.", "出生日期。"),
    "corrections.cli.opt.join_date": ("Date of joining the Party.", "入党日期。"),
    "corrections.cli.opt.full_date": ("Date of becoming a full member.", "转正日期。"),
    "corrections.cli.opt.group": ("The party group.", "所在党小组。"),
    "corrections.cli.opt.post": ("The committee post, if any.", "支委职务（如有）。"),
    "corrections.cli.opt.phone": ("Phone number.", "联系电话。"),
    "corrections.cli.opt.date": ("The meeting's date.", "会议日期。"),
    "corrections.cli.opt.type": (
        "The meeting's types, separated by ';' (themed_day;party_lecture, 主题党日;党课).",
        "会议类型，多个以“;”分隔（如 主题党日;党课）。",
    ),
    "corrections.cli.opt.title": ("The meeting's title or topic.", "会议主题。"),
    "corrections.cli.opt.meeting_group": (
        "The party group holding it (none: the whole branch).",
        "召开会议的党小组（不填为全支部）。",
    ),
    "corrections.cli.opt.place": ("Where it was held.", "地点。"),
    "corrections.cli.opt.host": ("Who chaired it.", "主持人。"),
    "corrections.cli.opt.recorder": ("Who took the minutes.", "记录人。"),
    "corrections.cli.opt.lecturer": ("Who gave the lecture.", "授课人。"),
    "corrections.cli.opt.minutes": ("The minutes.", "会议记录。"),
    "corrections.cli.opt.no": (
        "The meeting's number (default: YEAR-NNN).",
        "会议编号（默认：年份-序号）。",
    ),
    "corrections.cli.opt.new_no": ("A new number for the meeting.", "新的会议编号。"),
    "corrections.cli.opt.reason": (
        "Why (required for a void and a leave).",
        "原因（作废和请假必填）。",
    ),
    "corrections.cli.opt.clear": ("Remove the mark.", "清除该登记。"),
    "corrections.cli.opt.voided": (
        "List the voided meetings instead, with when and why.",
        "改为列出已作废的会议及作废时间、原因。",
    ),
    "corrections.cli.nothing_to_change": (
        "Nothing to change: give at least one of --date, --type, --title …",
        "没有要更改的内容：请至少给出 --date、--type、--title 等之一。",
    ),
    "corrections.cli.mark_or_clear": (
        "Give a mark (present, leave, absent) or --clear, not both.",
        "请给出出勤状态（出席、请假、缺席）或 --clear，二者只能取其一。",
    ),
    "corrections.member_added": (
        "Added member {member_no} {name} ({status}{group}{post}).",
        "已新增党员 {member_no} {name}（{status}{group}{post}）。",
    ),
    "corrections.meeting_added": (
        "Recorded meeting {meeting_no} on {date}: {types} — {title}.",
        "已登记会议 {meeting_no}（{date}）：{types}——{title}。",
    ),
    "corrections.meeting_updated": (
        "Corrected meeting {meeting_no} on {date}: {types} — {title}.",
        "已更正会议 {meeting_no}（{date}）：{types}——{title}。",
    ),
    "corrections.meeting_unchanged": (
        "Meeting {meeting_no} already reads so; nothing changed.",
        "会议 {meeting_no} 内容相同，未作更改。",
    ),
    "corrections.meeting_voided_done": (
        "Voided meeting {meeting_no} of {date} ({title}): {reason}.",
        "已作废会议 {meeting_no}（{date}，{title}）：{reason}。",
    ),
    "corrections.mark_set": (
        "Marked {member_no} {name} {mark} at meeting {meeting_no} ({date} {title}).",
        "已登记 {member_no} {name} 于会议 {meeting_no}（{date} {title}）{mark}。",
    ),
    "corrections.mark_reason": ("reason: {reason}", "原因：{reason}"),
    "corrections.mark_cleared": (
        "Cleared the mark of {member_no} {name} at meeting {meeting_no} ({date} {title}).",
        "已清除 {member_no} {name} 在会议 {meeting_no}（{date} {title}）的出勤登记。",
    ),
    "corrections.start_moved": (
        "The branch's records now start on {start}, the first day of the earliest meeting's month.",
        "本支部记录起始日已前移至 {start}（最早会议所在月的第一天）。",
    ),
    "corrections.start_set": (
        "Records of {branch} start on {start}: every period from that day on is judged.",
        "“{branch}”的记录起始日为 {start}：自该日起的每个周期都纳入检查。",
    ),
    "corrections.branch_show": (
        "Branch: {branch}\nRecords start: {start}\nMembers: {members}\nMeetings: {meetings} "
        "(voided: {voided})",
        "党支部：{branch}\n记录起始日：{start}\n党员：{members} 名\n会议：{meetings} 次"
        "（已作废：{voided} 次）",
    ),
    "corrections.points_failed": (
        "Saved, but the points were not updated: {message}. Sync the points once that is solved.",
        "已保存，但积分未更新：{message}。问题解决后请同步积分。",
    ),
    "corrections.no_start": ("not set", "未设置"),
    "corrections.col.meeting_no": ("No.", "编号"),
    "corrections.col.date": ("Date", "日期"),
    "corrections.col.types": ("Types", "类型"),
    "corrections.col.title": ("Title", "主题"),
    "corrections.col.voided_on": ("Voided", "作废日期"),
    "corrections.col.void_reason": ("Reason", "作废原因"),
    "corrections.no_voided": ("No voided meetings.", "没有已作废的会议。"),
    # --- terminal UI
    "corrections.key.void": ("Void", "作废"),
    "corrections.void.title": ("Void meeting {meeting_no}", "作废会议 {meeting_no}"),
    "corrections.void.what": (
        "{date} {types} — {title}\nMarks: {present} present, {leave} on leave, {absent} absent."
        "\nThe meeting leaves every list, sheet and check; the points its attendance earned "
        "are reversed. Nothing is deleted.",
        "{date} {types}——{title}\n出勤：出席 {present}，请假 {leave}，缺席 {absent}。"
        "\n作废后该会议不再出现在任何列表、登记表和检查中，其出勤所得积分予以冲正；记录不删除。",
    ),
    "corrections.void.hint": ("why it is voided", "作废原因"),
    "corrections.void.done": (
        "Voided meeting {meeting_no}: {reason}",
        "已作废会议 {meeting_no}：{reason}",
    ),
    "corrections.void.points": (
        "Points reversed: {reversed}.",
        "已冲正积分 {reversed} 条。",
    ),
}
