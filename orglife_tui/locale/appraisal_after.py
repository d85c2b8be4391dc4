"""Messages of the appraisal after the committee's decision (issue 12 §3): the notice window
(公示), objections (异议), follow-ups (结果运用) and the commendation register (评先评优).
(English, Chinese); Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- fields
    "field.objection": ("objection", "异议内容"),
    "field.raised_by": ("raised by", "提出人"),
    "field.answer": ("answer", "答复"),
    "field.award": ("award", "表彰名称"),
    # --- the notice window and objections
    "appraisal.needs_published": (
        "Session {id} is {state}: objections are recorded only on a published result.",
        "第 {id} 号评议{state}：只有已公布的结果才能登记异议。",
    ),
    "notice.end_before_start": (
        "The notice window cannot end ({end}) before it starts ({start}).",
        "公示结束日期（{end}）不能早于开始日期（{start}）。",
    ),
    "notice.not_published": (
        "Session {id} is not published: it has no notice window yet.",
        "第 {id} 号评议尚未公布，还没有公示期。",
    ),
    "notice.no_window": (
        "Session {id} was published before notice windows were kept: no objection can be "
        "recorded against it.",
        "第 {id} 号评议公布时尚未记录公示期，无法登记异议。",
    ),
    "notice.outside_window": (
        "{date} is outside the notice window {start} to {end}.",
        "{date} 不在公示期（{start} 至 {end}）内。",
    ),
    "notice.date_in_future": ("{date} is in the future.", "{date} 晚于今天。"),
    "notice.content_empty": ("Say what the objection is.", "请填写异议内容。"),
    "notice.answer_empty": ("Write the answer.", "请填写答复内容。"),
    "notice.text_too_long": (
        "The text is too long (at most {limit} characters).",
        "内容过长（最多 {limit} 个字）。",
    ),
    "notice.member_not_graded": (
        "Member {member_no} was not graded in this appraisal.",
        "编号 {member_no} 的党员不在本次评定等次之列。",
    ),
    "notice.objection_not_found": (
        "No objection {id} in this branch.",
        "本支部没有编号为 {id} 的异议。",
    ),
    "notice.already_answered": (
        "Objection {id} was answered on {date}; an answer is given once.",
        "第 {id} 号异议已于 {date} 答复，答复不能更改。",
    ),
    "notice.answer_before_raised": (
        "The answer ({date}) cannot precede the objection ({raised}).",
        "答复日期（{date}）不能早于异议提出日期（{raised}）。",
    ),
    "notice.change_needs_grade": (
        "A changed outcome needs the new grade.",
        "结论为改变时，须填写改变后的等次。",
    ),
    "notice.change_needs_reason": (
        "A changed grade needs a reason.",
        "改变等次须写明理由。",
    ),
    "notice.grade_only_when_changed": (
        "A new grade is given only when the outcome is changed.",
        "只有结论为改变时才填写新的等次。",
    ),
    "notice.same_grade": (
        "The member already has this grade; a change needs another one.",
        "该党员已是此等次；改变须选择其他等次。",
    ),
    "notice.not_final.in_notice": (
        "The result of session {id} is still in its notice window (until {end}).",
        "第 {id} 号评议结果仍在公示期内（至 {end}）。",
    ),
    "notice.not_final.objections_pending": (
        "The result of session {id} has {count} objection(s) still to be answered.",
        "第 {id} 号评议结果尚有 {count} 条异议待答复。",
    ),
    # --- follow-ups
    "follow_up.not_found": (
        "No follow-up {id} in this branch.",
        "本支部没有编号为 {id} 的结果运用记录。",
    ),
    "follow_up.talk_not_found": (
        "No talk {id} with this member.",
        "没有与该党员的第 {id} 号谈话记录。",
    ),
    "follow_up.note_too_long": (
        "The note is too long (at most {limit} characters).",
        "备注过长（最多 {limit} 个字）。",
    ),
    "follow_up.rectify_needs_deadline": (
        "A rectification within a time limit needs its deadline.",
        "限期改正须填写期限。",
    ),
    "follow_up.disposal_needs_decision": (
        "Say which decision: persuade to withdraw (劝退) or remove (除名).",
        "请写明处置决定：劝退或除名。",
    ),
    "follow_up.disposal_needs_date": (
        "A decision needs the date it takes effect.",
        "处置决定须填写生效日期。",
    ),
    "follow_up.decision_only_disposal": (
        "A decision and its date belong to a disposal only.",
        "只有组织处置才填写处置决定和生效日期。",
    ),
    "follow_up.talk_only_talk": (
        "Only a talk follow-up is linked to a talk.",
        "只有谈话类的结果运用才关联谈话记录。",
    ),
    "follow_up.grade_needs_none": (
        "Member {member_no} is graded {grade}: follow-ups are for 基本合格 and 不合格.",
        "编号 {member_no} 的党员评定为{grade}；结果运用只针对基本合格和不合格。",
    ),
    "follow_up.not_yet_effective": (
        "The decision takes effect on {date}; carry it out on or after that day.",
        "处置决定于 {date} 生效，请在当日或之后执行。",
    ),
    "follow_up.date_in_future": ("{date} is in the future.", "{date} 晚于今天。"),
    "follow_up.already_done": (
        "Follow-up {id} was done on {date}.",
        "第 {id} 号结果运用已于 {date} 完成。",
    ),
    "follow_up.removal_reason.remove": (
        "Removed (除名) after the democratic appraisal of {year} (session {session}).",
        "{year} 年度民主评议（第 {session} 号）后组织处置：除名。",
    ),
    "follow_up.removal_reason.persuade": (
        "Persuaded to withdraw (劝退) after the democratic appraisal of {year} "
        "(session {session}).",
        "{year} 年度民主评议（第 {session} 号）后组织处置：劝退。",
    ),
    # --- commendations
    "commendation.award_too_long": (
        "The award is too long (at most {limit} characters).",
        "表彰名称过长（最多 {limit} 个字）。",
    ),
    "commendation.not_in_register": (
        "Member {member_no} is not in the commendation register of {year} (graded 优秀 in "
        "a final result).",
        "编号 {member_no} 的党员不在 {year} 年度评先评优名册中（须在已确定的结果中评为优秀）。",
    ),
    # --- command line: notice and objections
    "notice.cli.opt.from": (
        "First day of the notice window (公示); default: today.",
        "公示开始日期，默认为今天。",
    ),
    "notice.cli.opt.to": (
        "Last day of the notice window; default: five working days after its first day.",
        "公示结束日期，默认为开始日期后第五个工作日。",
    ),
    "notice.cli.opt.date": ("The date (default: today).", "日期（默认为今天）。"),
    "notice.cli.objection.help": (
        "Objections (异议) to a published result during its notice window.",
        "公示期内对评议结果提出的异议。",
    ),
    "notice.cli.objection.add.help": (
        "Record an objection about a graded member (the person raising it is optional).",
        "登记对某位党员评定等次的异议（提出人可不填，即匿名）。",
    ),
    "notice.cli.objection.answer.help": (
        "Answer an objection once: maintained (维持) or changed (改变, with the new grade "
        "and a reason).",
        "答复异议（只能答复一次）：维持，或改变（须填写新等次和理由）。",
    ),
    "notice.cli.objection.list.help": (
        "The notice window, where the result stands, and its objections.",
        "公示期、结果状态及异议列表。",
    ),
    "notice.cli.arg.objection": ("The objection's number.", "异议编号。"),
    "notice.cli.opt.content": ("What the objection says.", "异议内容。"),
    "notice.cli.opt.by": ("Who raised it (leave out: anonymous).", "提出人（不填即匿名）。"),
    "notice.cli.opt.answer": ("The answer given.", "答复内容。"),
    "notice.cli.opt.outcome": ("maintained/维持 or changed/改变.", "维持或改变。"),
    "notice.cli.opt.grade": ("The new grade when changed.", "改变后的等次。"),
    "notice.cli.bad_outcome": (
        "Unknown outcome {value!r}; use one of: {accepted}.",
        "无法识别的结论“{value}”；可用：{accepted}。",
    ),
    "notice.objection_added": (
        "Objection {id} about member {member_no} recorded.",
        "已登记第 {id} 号异议（涉及编号 {member_no}）。",
    ),
    "notice.objection_answered": (
        "Objection {id} answered: {outcome}.",
        "第 {id} 号异议已答复：{outcome}。",
    ),
    "notice.state_line": (
        "Notice window {start} to {end}: {status}; objections {count}, unanswered {open}.",
        "公示期 {start} 至 {end}：{status}；异议 {count} 条，待答复 {open} 条。",
    ),
    "notice.anonymous": ("anonymous", "匿名"),
    "notice.unanswered": ("unanswered", "待答复"),
    "notice.no_objections": ("No objections.", "没有异议。"),
    "notice.col.id": ("No.", "编号"),
    "notice.col.member_no": ("Member no.", "党员编号"),
    "notice.col.name": ("Name", "姓名"),
    "notice.col.raised_on": ("Raised", "提出日期"),
    "notice.col.raised_by": ("Raised by", "提出人"),
    "notice.col.content": ("Objection", "异议内容"),
    "notice.col.answered_on": ("Answered", "答复日期"),
    "notice.col.outcome": ("Outcome", "结论"),
    # --- command line: follow-ups
    "follow_up.cli.help": (
        "Follow-ups (结果运用) of members graded 基本合格 or 不合格 in a final result.",
        "对评定为基本合格、不合格党员的结果运用（组织处理）。",
    ),
    "follow_up.cli.add.help": (
        "Record a follow-up: rectify (限期改正, --deadline), talk (谈话, --talk), or "
        "disposal (组织处置, --decision 劝退|除名 --effective DATE).",
        "登记结果运用：限期改正（--deadline）、谈话（--talk）或组织处置"
        "（--decision 劝退|除名 --effective 生效日期）。",
    ),
    "follow_up.cli.done.help": (
        "Mark a follow-up done; a disposal carried out ends the membership through the "
        "member events.",
        "标记结果运用已完成；执行组织处置即通过党员变动记录终止其党籍关系。",
    ),
    "follow_up.cli.list.help": (
        "The follow-ups with their status (open, done, overdue).",
        "结果运用列表及其状态（进行中、已完成、已逾期）。",
    ),
    "follow_up.cli.arg.id": ("The follow-up's number.", "结果运用编号。"),
    "follow_up.cli.opt.measure": (
        "rectify/限期改正, talk/谈话 or disposal/组织处置.",
        "限期改正、谈话或组织处置。",
    ),
    "follow_up.cli.opt.deadline": ("The deadline.", "期限。"),
    "follow_up.cli.opt.talk": ("The talk record's number.", "谈话记录编号。"),
    "follow_up.cli.opt.decision": ("persuade/劝退 or remove/除名.", "劝退或除名。"),
    "follow_up.cli.opt.effective": ("The date the decision takes effect.", "处置生效日期。"),
    "follow_up.cli.opt.note": ("A note.", "备注。"),
    "follow_up.cli.opt.year": ("Only this year's appraisal.", "只列出该年度的评议。"),
    "follow_up.cli.opt.overdue": ("Only the overdue ones.", "只列出已逾期的。"),
    "follow_up.cli.bad_measure": (
        "Unknown measure {value!r}; use one of: {accepted}.",
        "无法识别的措施“{value}”；可用：{accepted}。",
    ),
    "follow_up.cli.bad_decision": (
        "Unknown decision {value!r}; use one of: {accepted}.",
        "无法识别的处置决定“{value}”；可用：{accepted}。",
    ),
    "follow_up.added": (
        "Follow-up {id} recorded for member {member_no}.",
        "已为编号 {member_no} 的党员登记第 {id} 号结果运用。",
    ),
    "follow_up.done": ("Follow-up {id} done on {date}.", "第 {id} 号结果运用已于 {date} 完成。"),
    "follow_up.removed": (
        "Member {member_no} leaves the branch on {date} (除名/出党 recorded in the member events).",
        "编号 {member_no} 的党员自 {date} 起离开本支部（已记入党员变动：除名/出党）。",
    ),
    "follow_up.none": ("No follow-ups.", "没有结果运用记录。"),
    "follow_up.col.id": ("No.", "编号"),
    "follow_up.col.member_no": ("Member no.", "党员编号"),
    "follow_up.col.name": ("Name", "姓名"),
    "follow_up.col.grade": ("Grade", "评定等次"),
    "follow_up.col.measure": ("Measure", "措施"),
    "follow_up.col.due": ("Due", "期限"),
    "follow_up.col.status": ("Status", "状态"),
    "follow_up.col.done_on": ("Done", "完成日期"),
    # --- command line: commendations
    "commendation.cli.help": (
        "The commendation register (评先评优): members graded 优秀 in a final result.",
        "评先评优名册：在已确定的评议结果中评为优秀的党员。",
    ),
    "commendation.cli.list.help": ("The year's register.", "列出年度名册。"),
    "commendation.cli.set.help": (
        "Set the award and note of a member in the year's register.",
        "填写名册中某位党员的表彰名称和备注。",
    ),
    "commendation.cli.opt.year": ("The year (default: this year).", "年度（默认为今年）。"),
    "commendation.cli.opt.award": (
        "The award (e.g. 优秀共产党员).",
        "表彰名称（如优秀共产党员）。",
    ),
    "commendation.saved": (
        "Commendation of member {member_no} for {year} saved.",
        "已保存编号 {member_no} 党员 {year} 年度的表彰信息。",
    ),
    "commendation.none": (
        "No member graded 优秀 in a final result of that year.",
        "该年度已确定的评议结果中没有评为优秀的党员。",
    ),
    "commendation.col.year": ("Year", "年度"),
    "commendation.col.session": ("Appraisal", "评议编号"),
    "commendation.col.member_no": ("Member no.", "党员编号"),
    "commendation.col.name": ("Name", "姓名"),
    "commendation.col.award": ("Award", "表彰名称"),
    "commendation.col.note": ("Note", "备注"),
    # --- the watch
    "compliance.rule.follow_up_overdue": ("Follow-up overdue", "结果运用逾期"),
    "compliance.finding.follow_up": (
        "Follow-up {id} of {name} ({member_no}), {measure}, was due on {due} and is not done.",
        "{name}（{member_no}）的第 {id} 号结果运用（{measure}）应于 {due} 前完成，尚未完成。",
    ),
    "scheme.policy.summary.follow_up": (
        "appraisal follow-ups past their deadline and not done",
        "评议结果运用逾期未完成",
    ),
    # --- the screens
    "tui.after.key.objections": ("Objections", "异议"),
    "tui.after.key.add_objection": ("Add", "登记"),
    "tui.after.key.answer": ("Answer", "答复"),
    "tui.after.key.add_follow_up": ("Add", "登记"),
    "tui.after.key.done": ("Done", "完成"),
    "tui.after.key.award": ("Award", "表彰"),
    "tui.after.key.go": ("Follow-ups", "结果运用"),
    "tui.after.cmd.follow_ups": ("Go to appraisal follow-ups", "转到：评议结果运用"),
    "tui.after.cmd.follow_ups.help": (
        "Members graded 基本合格 or 不合格: rectification, talks, disposal; overdue ones",
        "基本合格、不合格党员的限期改正、谈话、组织处置，及逾期情况",
    ),
    "tui.after.cmd.commendations": ("Go to commendation register", "转到：评先评优名册"),
    "tui.after.cmd.commendations.help": (
        "Members graded 优秀 in the year's final appraisal results, with their awards",
        "年度评议结果中评为优秀的党员及表彰情况",
    ),
    "tui.after.objections_title": ("Objections", "公示异议"),
    "tui.after.objections_sub": ("Appraisal {id} of {year}", "{year} 年度第 {id} 号评议"),
    "tui.after.follow_ups_title": ("Follow-ups", "结果运用"),
    "tui.after.commendations_title": ("Commendations", "评先评优"),
    "tui.after.nothing_selected": ("Nothing is highlighted.", "没有选中的行。"),
    "tui.after.col.raised_on": ("Raised", "提出日期"),
    "tui.after.col.member": ("Member", "党员"),
    "tui.after.col.by": ("By", "提出人"),
    "tui.after.col.outcome": ("Outcome", "结论"),
    "tui.after.col.content": ("Objection", "异议内容"),
    "tui.after.col.grade": ("Grade", "等次"),
    "tui.after.col.measure": ("Measure", "措施"),
    "tui.after.col.due": ("Due", "期限"),
    "tui.after.col.status": ("Status", "状态"),
    "tui.after.col.done": ("Done", "完成日期"),
    "tui.after.col.session": ("Appr.", "评议"),
    "tui.after.col.award": ("Award", "表彰名称"),
    "tui.after.col.note": ("Note", "备注"),
    "tui.after.field.member_no": ("Member no.", "党员编号"),
    "tui.after.field.raised_on": ("Raised on", "提出日期"),
    "tui.after.field.content": ("Objection", "异议内容"),
    "tui.after.field.raised_by": ("Raised by", "提出人"),
    "tui.after.field.answer": ("Answer", "答复内容"),
    "tui.after.field.answered_on": ("Answered on", "答复日期"),
    "tui.after.field.outcome": ("Outcome", "结论"),
    "tui.after.field.grade": ("New grade", "改变后等次"),
    "tui.after.field.reason": ("Reason", "理由"),
    "tui.after.field.session": ("Appraisal", "评议"),
    "tui.after.field.measure": ("Measure", "措施"),
    "tui.after.field.deadline": ("Deadline", "期限"),
    "tui.after.field.talk": ("Talk no.", "谈话记录号"),
    "tui.after.field.decision": ("Decision", "处置决定"),
    "tui.after.field.effective_on": ("Takes effect", "生效日期"),
    "tui.after.field.note": ("Note", "备注"),
    "tui.after.field.done_on": ("Done on", "完成日期"),
    "tui.after.field.award": ("Award", "表彰名称"),
    "tui.after.field.notice_from": ("Notice from", "公示开始"),
    "tui.after.field.notice_to": ("Notice until", "公示结束"),
    "tui.after.anonymous_hint": ("empty: anonymous", "不填即匿名"),
    "tui.after.grade_blank": ("(only when changed)", "（仅改变时填写）"),
    "tui.after.reason_hint": ("needed when changed", "改变时必填"),
    "tui.after.talk_hint": ("the talk record's number", "谈话记录编号"),
    "tui.after.decision_blank": ("(disposal only)", "（仅组织处置）"),
    "tui.after.award_hint": ("e.g. 优秀共产党员", "如：优秀共产党员"),
    "tui.after.answer_detail": ("Answered {date}: {answer}", "{date} 答复：{answer}"),
    "tui.after.objection_saved": ("Objection {id} saved.", "第 {id} 号异议已保存。"),
    "tui.after.objection_form_title": ("Record an objection", "登记异议"),
    "tui.after.answer_title": ("Answer objection {id} ({name})", "答复第 {id} 号异议（{name}）"),
    "tui.after.follow_up_counts": (
        "Follow-ups: {total}, done {done}, overdue {overdue}",
        "结果运用 {total} 项，已完成 {done} 项，逾期 {overdue} 项",
    ),
    "tui.after.waiting": (
        "Waiting for a follow-up ({count}): {names}",
        "尚未登记结果运用（{count} 人）：{names}",
    ),
    "tui.after.follow_up_of": ("Appraisal {session} of {year}", "{year} 年度第 {session} 号评议"),
    "tui.after.talk_no": ("talk no. {id}", "谈话记录第 {id} 号"),
    "tui.after.no_final_result": (
        "No appraisal result is final yet: the notice window must have ended and every "
        "objection been answered.",
        "尚无已确定的评议结果：须公示期满且异议均已答复。",
    ),
    "tui.after.follow_up_saved": (
        "Follow-up {id} of member {member_no} saved.",
        "编号 {member_no} 党员的第 {id} 号结果运用已保存。",
    ),
    "tui.after.follow_up_form_title": ("Record a follow-up", "登记结果运用"),
    "tui.after.session_option": ("Appraisal {id}", "第 {id} 号评议"),
    "tui.after.problem.talk_number": (
        "{value!r} is not a talk record's number",
        "“{value}”不是谈话记录编号",
    ),
    "tui.after.done_title": ("Follow-up {id} of {name} done", "完成第 {id} 号结果运用（{name}）"),
    "tui.after.carry_out": (
        "{what}: carrying it out records the member's removal (除名/出党) in the member events.",
        "{what}：执行后将在党员变动中记录除名/出党。",
    ),
    "tui.after.commendation_heading": (
        "{year}: {count} member(s) graded 优秀 in a final result",
        "{year} 年度：已确定结果中评为优秀的党员 {count} 名",
    ),
    "tui.after.award_title": ("Commendation of {name}, {year}", "{name} {year} 年度表彰"),
    "tui.after.publish_title": ("Publish the result", "公布评议结果"),
    "tui.after.help_publish": (
        "Publishing freezes the committee's grades and opens the notice window (公示): by "
        "default from today for five working days (Monday to Friday; lengthen it by hand "
        "when a public holiday falls in it). Objections can be recorded during the window; "
        "the result is final once it has ended and every objection is answered. Ctrl+S "
        "publishes, Escape leaves.",
        "公布后评定等次即固定，并开始公示：默认自今日起五个工作日（周一至周五；遇法定节假日请手动延长）。"
        "公示期内可登记异议；公示期满且异议均已答复后结果方为确定。Ctrl+S 公布，Esc 返回。",
    ),
    "tui.after.help_objections": (
        "The notice window of a published result, where it stands (in notice, objections "
        "to answer, final) and the objections raised. a records an objection (anonymous when "
        "no one is named); w or Enter answers the highlighted one, once: maintained, or "
        "changed with the new grade and a reason — the change is recorded beside the "
        "published result, which stays as published.",
        "已公布结果的公示期、结果状态（公示中、待答复异议、已确定）及所提异议。按 a 登记异议"
        "（不填提出人即匿名）；按 w 或 Enter 答复选中的异议（只能答复一次）：维持，或改变并填写"
        "新等次和理由——改变记录在公布结果之外，公布内容保持原样。",
    ),
    "tui.after.help_objection_form": (
        "The member concerned, the day the objection was raised (within the notice window) "
        "and what it says are required; who raised it may be left empty. Ctrl+S saves.",
        "须填写涉及的党员编号、提出日期（须在公示期内）和异议内容；提出人可不填。Ctrl+S 保存。",
    ),
    "tui.after.help_answer_form": (
        "An answer is given once. Maintained keeps the grade; changed needs the new grade and "
        "a reason. Ctrl+S saves.",
        "答复只能一次。维持即保持原等次；改变须选择新等次并写明理由。Ctrl+S 保存。",
    ),
    "tui.after.help_follow_ups": (
        "Follow-ups of members graded 基本合格 or 不合格 once the result is final, with their "
        "status today; overdue ones are red, and the compliance findings list them too. The "
        "line above names members who still wait for one. a records a follow-up; d or Enter "
        "marks the highlighted one done (a disposal carried out records the removal in the "
        "member events).",
        "评议结果确定后，对基本合格、不合格党员的结果运用及其当前状态；逾期的以红色显示，"
        "合规检查也会列出。上方一行列出尚未登记结果运用的党员。按 a 登记；按 d 或 Enter 标记"
        "选中项完成（执行组织处置即在党员变动中记录除名/出党）。",
    ),
    "tui.after.help_follow_up_form": (
        "Rectify (限期改正) needs a deadline; a talk may name its record's number; a disposal "
        "needs the decision (劝退 or 除名) and the date it takes effect — a 除名 already in "
        "effect ends the membership at once. Ctrl+S saves.",
        "限期改正须填写期限；谈话可填写谈话记录编号；组织处置须填写处置决定（劝退或除名）和生效日期"
        "——已生效的除名即时终止党籍关系。Ctrl+S 保存。",
    ),
    "tui.after.help_done_form": (
        "The day it was done; for a talk, the talk record's number (then the talk's date "
        "counts). Ctrl+S saves.",
        "完成日期；谈话类可填写谈话记录编号（以谈话日期为准）。Ctrl+S 保存。",
    ),
    "tui.after.help_commendations": (
        "The year's commendation register (评先评优): members graded 优秀 in a final result "
        "of the year. a or Enter sets the award and a note; [ and ] step the year.",
        "年度评先评优名册：在已确定的评议结果中评为优秀的党员。按 a 或 Enter 填写表彰名称和备注；"
        "按 [ 和 ] 切换年度。",
    ),
    "tui.after.help_award_form": (
        "The award given (e.g. 优秀共产党员) and a note. Ctrl+S saves.",
        "表彰名称（如优秀共产党员）和备注。Ctrl+S 保存。",
    ),
    # --- export
    "commendation.export.help": (
        "The year's commendation register (评先评优): members graded 优秀 in a final "
        "appraisal result, with their awards (csv, xlsx, json).",
        "导出年度评先评优名册：在已确定的评议结果中评为优秀的党员及表彰情况（csv、xlsx、json）。",
    ),
    "commendation.export.title": (
        "{branch}: commendation register of {year}",
        "{branch} {year} 年度评先评优名册",
    ),
    # --- the year report
    "report.section.appraisal_after": (
        "11. Appraisal results: notice, objections, follow-ups, commendations",
        "十一、民主评议结果公示与运用",
    ),
    "report.after.notice": ("Notice windows (公示)", "结果公示"),
    "report.after.objections": ("Objections", "公示异议"),
    "report.after.follow_ups": ("Follow-ups (结果运用)", "结果运用"),
    "report.after.commendations": ("Commendation register (评先评优)", "评先评优"),
    "report.after.no_results": (
        "No appraisal result of {year} was published.",
        "{year} 年度没有公布的民主评议结果。",
    ),
    "report.sheet.notice": ("Notice", "结果公示"),
    "report.sheet.objections": ("Objections", "公示异议"),
    "report.sheet.follow_up_counts": ("Follow-ups by measure", "结果运用统计"),
    "report.sheet.follow_ups": ("Follow-ups", "结果运用明细"),
    "report.sheet.commendations": ("Commendations", "评先评优"),
    "report.col.session": ("Appraisal", "评议编号"),
    "report.col.notice_from": ("Notice from", "公示开始"),
    "report.col.notice_to": ("Notice until", "公示结束"),
    "report.col.result": ("Result", "结果状态"),
    "report.col.objections": ("Objections", "异议"),
    "report.col.unanswered": ("Unanswered", "待答复"),
    "report.col.raised_on": ("Raised", "提出日期"),
    "report.col.raised_by": ("Raised by", "提出人"),
    "report.col.objection": ("Objection", "异议内容"),
    "report.col.outcome": ("Outcome", "答复结论"),
    "report.col.action": ("Measure", "措施"),
    "report.col.open": ("Open", "进行中"),
    "report.col.done": ("Done", "已完成"),
    "report.col.grade": ("Grade", "评定等次"),
    "report.col.due": ("Due", "期限"),
    "report.col.done_on": ("Done on", "完成日期"),
    "report.col.award": ("Award", "表彰名称"),
    "report.col.note": ("Note", "备注"),
}
