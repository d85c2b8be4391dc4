"""Messages: heart-to-heart talk records (谈心谈话). (English, Chinese).

Keys start with ``talks.``; the ``field.*`` labels of the talk form's own fields live here
too (the form and ``FieldErrors`` look fields up as ``field.<name>``; ``date``, ``type``,
``member_no``, ``place`` and ``recorder`` come from ``core``).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- form fields (the ones core does not already name)
    "field.form": ("form", "谈话形式"),
    "field.talkers": ("talker(s)", "谈话人"),
    "field.trigger": ("reason for the talk", "谈话缘由"),
    "field.content": ("content", "谈话内容"),
    "field.problems": ("problems found", "发现的问题"),
    "field.difficulties": ("difficulties and requests", "困难和诉求"),
    "field.opinions": ("opinions on the branch", "对支部的意见建议"),
    "field.actions": ("agreed actions", "商定的改进措施"),
    "field.action_deadline": ("deadline of the actions", "整改时限"),
    "field.follow_up_date": ("follow-up date", "回访日期"),
    "field.follow_up_result": ("follow-up result", "回访结果"),
    "field.confidential": ("confidential", "保密"),
    "field.absence_from": ("absence case from (YYYY-MM)", "缺勤起始月份（YYYY-MM）"),
    "field.absence_step": ("ladder step answered", "处置步骤"),
    # --- problems in typed fields
    "talks.problem.unknown_type": (
        "unknown talk type {value!r} ({accepted})",
        "无法识别谈话类型“{value}”（应为 {accepted}）",
    ),
    "talks.problem.unknown_form": (
        "unknown talk form {value!r} ({accepted})",
        "无法识别谈话形式“{value}”（应为 {accepted}）",
    ),
    "talks.problem.no_name": (
        "a talker written name/post needs a name before the slash ({value!r})",
        "“姓名/职务”格式的谈话人须在斜杠前写姓名（“{value}”）",
    ),
    "talks.problem.before_talk": ("lies before the talk", "早于谈话日期"),
    "talks.problem.bad_flag": (
        "cannot read {value!r} as yes or no",
        "无法识别“{value}”（应为 是/否）",
    ),
    "talks.problem.unknown_step": (
        "unknown ladder step {value!r} ({accepted})",
        "无法识别处置步骤“{value}”（应为 {accepted}）",
    ),
    "talks.problem.step_without_case": (
        "a ladder step needs the month the absence began",
        "填写处置步骤时须同时填写缺勤起始月份",
    ),
    # --- refused operations
    "talks.unknown_member": (
        "No member with number {member_no}: a talk is held with a member of the branch.",
        "没有编号为 {member_no} 的党员：谈话对象须为本支部党员。",
    ),
    "talks.unknown_talker": (
        "No member with number {member_no} to be the talker; write someone from outside the "
        "branch as name/post (e.g. 张三/上级党委).",
        "没有编号为 {member_no} 的党员可作谈话人；支部外人员请写作“姓名/职务”（如 张三/上级党委）。",
    ),
    "talks.date_in_future": (
        "The talk date {date} lies in the future; record a talk once it was held.",
        "谈话日期 {date} 晚于今天；请在谈话后再登记。",
    ),
    "talks.deadline_before_talk": (
        "The deadline of the actions ({deadline}) lies before the talk ({date}).",
        "整改时限（{deadline}）早于谈话日期（{date}）。",
    ),
    "talks.follow_up_before_talk": (
        "The follow-up date ({follow_up}) lies before the talk ({date}).",
        "回访日期（{follow_up}）早于谈话日期（{date}）。",
    ),
    "talks.follow_up_in_future": (
        "The follow-up date {date} lies in the future; record the result once it is known.",
        "回访日期 {date} 晚于今天；请在回访后再登记结果。",
    ),
    "talks.follow_up_result_required": (
        "A follow-up needs its result.",
        "登记回访须填写回访结果。",
    ),
    "talks.follow_up_recorded": (
        "Talk {id} already has a follow-up result; edit the talk to correct it.",
        "谈话 {id} 已登记回访结果；如需更正请修改该谈话记录。",
    ),
    "talks.no_talker": (
        "A talk needs at least one talker: a member number (003) or a name and post "
        "(张三/上级党委).",
        "谈话记录至少须有一名谈话人：党员编号（如 003）或姓名/职务（如 张三/上级党委）。",
    ),
    "talks.talker_without_name": (
        "Talker {position} has neither a member number nor a name.",
        "第 {position} 名谈话人既无党员编号也无姓名。",
    ),
    "talks.talker_is_member": (
        "Member {member_no} cannot be both the talker and the member talked to.",
        "党员 {member_no} 不能既是谈话人又是谈话对象。",
    ),
    "talks.bad_absence_from": (
        "The absence case month {value!r} is not a month written YYYY-MM.",
        "缺勤起始月份“{value}”不是 YYYY-MM 格式的月份。",
    ),
    "talks.bad_absence_step": (
        "Unknown ladder step {value!r}; use one of {known}.",
        "未知处置步骤“{value}”，可用：{known}。",
    ),
    "talks.step_without_case": (
        "A ladder step needs the month the absence began (YYYY-MM).",
        "填写处置步骤时须同时填写缺勤起始月份（YYYY-MM）。",
    ),
    "talks.too_long": (
        "The {field} is longer than {limit} characters.",
        "“{field}”超过 {limit} 个字符。",
    ),
    "talks.not_found": ("No talk {id} in this branch.", "本支部没有编号为 {id} 的谈话记录。"),
    # --- command line
    "talks.cli.help": (
        "Heart-to-heart talk records (谈心谈话).",
        "谈心谈话记录。",
    ),
    "talks.cli.add.help": (
        "Record a talk with a member (all of it at once, or nothing).",
        "登记一次与党员的谈心谈话（全部写入或全部不写入）。",
    ),
    "talks.cli.list.help": (
        "List talks, newest first; confidential content only with --include-confidential.",
        "按时间倒序列出谈话；保密内容仅在指定 --include-confidential 时显示。",
    ),
    "talks.cli.show.help": (
        "Show one talk in full; confidential content only with --include-confidential.",
        "显示一次谈话的全部内容；保密内容仅在指定 --include-confidential 时显示。",
    ),
    "talks.cli.follow_up.help": (
        "Record the follow-up of a talk: when it happened and its result.",
        "登记谈话的回访：回访日期和结果。",
    ),
    "talks.cli.arg.id": ("The talk's number (from talks list).", "谈话编号（见 talks list）。"),
    "talks.cli.opt.member": ("Number of the member talked to.", "谈话对象的党员编号。"),
    "talks.cli.opt.date": ("Date of the talk (default: today).", "谈话日期（默认今天）。"),
    "talks.cli.opt.type": (
        "Type: routine, pre_life_meeting, political_birthday, encouragement, care, reminder, "
        "warning, lagging_help, admonition (or the Chinese name). Default routine.",
        "谈话类型：日常谈心、会前谈心、政治生日、勉励、关怀帮扶、谈话提醒、警示告诫、帮教、诫勉"
        "（或英文代码），默认日常谈心。",
    ),
    "talks.cli.opt.form": (
        "Form: one_to_one (default), group or online.",
        "谈话形式：个别谈话（默认）、集体谈话或网上谈话。",
    ),
    "talks.cli.opt.talker": (
        "A talker: a member number (003) or name/post for someone outside the branch "
        "(张三/上级党委). Repeat for several.",
        "谈话人：党员编号（003），或支部外人员的“姓名/职务”（张三/上级党委）。可重复。",
    ),
    "talks.cli.opt.place": ("Where the talk was held.", "谈话地点。"),
    "talks.cli.opt.recorder": ("Who wrote the record.", "记录人。"),
    "talks.cli.opt.trigger": ("Why the talk was held.", "谈话缘由。"),
    "talks.cli.opt.content": ("What was talked about.", "谈话内容。"),
    "talks.cli.opt.problems": ("Problems found.", "发现的问题。"),
    "talks.cli.opt.difficulties": (
        "The member's difficulties and requests.",
        "党员的困难和诉求。",
    ),
    "talks.cli.opt.opinions": ("The member's opinions on the branch.", "对支部的意见建议。"),
    "talks.cli.opt.actions": ("Agreed actions.", "商定的改进措施。"),
    "talks.cli.opt.deadline": ("Deadline of the agreed actions.", "改进措施的完成时限。"),
    "talks.cli.opt.follow_up": ("Date of the planned follow-up.", "计划回访日期。"),
    "talks.cli.opt.follow_up_result": ("Result of the follow-up.", "回访结果。"),
    "talks.cli.opt.confidential": (
        "Keep the content out of listings and exports unless asked for.",
        "保密：内容不出现在列表和导出中，除非明确要求。",
    ),
    "talks.cli.opt.absence_from": (
        "The absence case this talk answers: first month of the streak (YYYY-MM).",
        "本次谈话回应的缺勤情况：连续缺勤的起始月份（YYYY-MM）。",
    ),
    "talks.cli.opt.absence_step": (
        "The ladder step the talk answers: reminder_talk, warning_notice or general_meeting_case.",
        "本次谈话对应的处置步骤：谈话提醒、警示告诫或提交党员大会处置。",
    ),
    "talks.cli.opt.year": ("Only talks of this year.", "仅此年度的谈话。"),
    "talks.cli.opt.member_filter": ("Only talks with this member.", "仅与此党员的谈话。"),
    "talks.cli.opt.type_filter": ("Only talks of this type.", "仅此类型的谈话。"),
    "talks.cli.opt.search": (
        "Only talks whose member, talkers, place, reason or (non-confidential) texts contain this.",
        "仅党员、谈话人、地点、缘由或（非保密）内容中包含此文字的谈话。",
    ),
    "talks.cli.opt.include_confidential": (
        "Include the content of confidential talks (written to the audit log).",
        "包含保密谈话的内容（将记入审计日志）。",
    ),
    "talks.cli.opt.limit": ("At most this many talks.", "最多列出的条数。"),
    "talks.cli.opt.follow_up_on": ("Date of the follow-up.", "回访日期。"),
    "talks.cli.opt.result": ("What came of the follow-up.", "回访结果。"),
    "talks.bad_type_option": (
        "--type: unknown talk type {value!r} ({accepted}).",
        "--type：无法识别谈话类型“{value}”（应为 {accepted}）。",
    ),
    "talks.added": (
        "Recorded talk {id}: {date}, {type} with {member_no} {name}.",
        "已登记谈话 {id}：{date}，与 {member_no} {name} 的{type}。",
    ),
    "talks.followed_up": (
        "Recorded the follow-up of talk {id} ({member_no} {name}) on {date}.",
        "已登记谈话 {id}（{member_no} {name}）于 {date} 的回访。",
    ),
    "talks.none": ("No talks recorded.", "尚无谈话记录。"),
    "talks.redacted": (
        "(confidential; shown only with --include-confidential)",
        "（保密内容；仅在指定 --include-confidential 时显示）",
    ),
    "talks.redacted_short": ("(confidential)", "（保密）"),
    "talks.confidential_mark": ("[confidential]", "【保密】"),
    "talks.yes": ("yes", "是"),
    "talks.no": ("no", "否"),
    "talks.show.separator": (": ", "："),
    # --- columns (CLI table and the XLSX legend)
    "talks.col.id": ("No.", "编号"),
    "talks.col.date": ("Date", "谈话日期"),
    "talks.col.member": ("Member", "谈话对象"),
    "talks.col.member_no": ("Member no.", "党员编号"),
    "talks.col.member_name": ("Member", "谈话对象"),
    "talks.col.type": ("Type", "谈话类型"),
    "talks.col.form": ("Form", "谈话形式"),
    "talks.col.talkers": ("Talker(s)", "谈话人"),
    "talks.col.place": ("Place", "地点"),
    "talks.col.recorder": ("Recorder", "记录人"),
    "talks.col.trigger": ("Reason for the talk", "谈话缘由"),
    "talks.col.content": ("Content", "谈话内容"),
    "talks.col.problems": ("Problems found", "发现的问题"),
    "talks.col.difficulties": ("Difficulties and requests", "困难和诉求"),
    "talks.col.opinions": ("Opinions on the branch", "对支部的意见建议"),
    "talks.col.actions": ("Agreed actions", "商定的改进措施"),
    "talks.col.action_deadline": ("Deadline of the actions", "整改时限"),
    "talks.col.follow_up_date": ("Follow-up date", "回访日期"),
    "talks.col.follow_up_result": ("Follow-up result", "回访结果"),
    "talks.col.confidential": ("Confidential", "保密"),
    "talks.col.absence_from": ("Absence case from", "缺勤起始月份"),
    "talks.col.absence_step": ("Ladder step answered", "处置步骤"),
    "talks.col.redacted": ("Confidential content left out", "保密内容未导出"),
    # --- export
    "talks.export.help": (
        "Talk records for the higher committee (csv, xlsx, json, md); confidential content "
        "only with --include-confidential.",
        "导出谈心谈话记录（csv、xlsx、json、md）；保密内容仅在指定 --include-confidential 时导出。",
    ),
    "talks.export.year": (
        "Only talks of this year (default: all).",
        "仅此年度的谈话（默认全部）。",
    ),
    "talks.export.md.title": (
        "Heart-to-heart talks of {branch}, {year}",
        "{branch}{year}年谈心谈话记录",
    ),
    "talks.export.md.title_all": (
        "Heart-to-heart talks of {branch}",
        "{branch}谈心谈话记录",
    ),
    "talks.export.md.heading": (
        "{id}. {date} · {member_no} {name} · {type}",
        "{id}. {date} · {member_no} {name} · {type}",
    ),
    "talks.export.md.count": ("Talks: {count}.", "共 {count} 次谈话。"),
    "talks.export.md.confidential_included": (
        "{count} of them confidential, included on request (recorded in the audit log).",
        "其中保密谈话 {count} 次，应要求包含其内容（已记入审计日志）。",
    ),
    "talks.export.md.confidential_left_out": (
        "{count} of them confidential: their content is left out.",
        "其中保密谈话 {count} 次，其内容未导出。",
    ),
    "talks.export.md.absence_case": ("Absence case", "回应缺勤情况"),
    "talks.export.md.generated": ("Generated on {date}.", "生成日期：{date}。"),
}
