"""Messages of the talks, coverage, plan and rectification screens: (English, Chinese).

Chinese uses full-width punctuation. Key descriptions are short: they share one Footer
line of an 80-column terminal with the app's own keys.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- talks: list
    "tui.talks.title": ("Talks", "谈心谈话"),
    "tui.talks.key.go": ("Talks", "谈话"),
    "tui.talks.key.search": ("Find", "搜索"),
    "tui.talks.key.add": ("Add", "新增"),
    "tui.talks.key.open": ("Open", "查看"),
    "tui.talks.key.follow_up": ("Follow-up", "回访"),
    "tui.talks.key.coverage": ("Matrix", "覆盖"),
    "tui.talks.key.type": ("Type", "类型"),
    "tui.talks.col.date": ("Date", "日期"),
    "tui.talks.col.member": ("Member", "谈话对象"),
    "tui.talks.col.type": ("Type", "类型"),
    "tui.talks.col.form": ("Form", "形式"),
    "tui.talks.col.talkers": ("Talkers", "谈话人"),
    "tui.talks.col.follow_up": ("Follow", "回访"),
    "tui.talks.col.content": ("Content", "谈话内容"),
    # short labels for the list's narrow columns
    "tui.talks.type_short.routine": ("routine", "日常谈心"),
    "tui.talks.type_short.pre_life_meeting": ("pre-meeting", "会前谈心"),
    "tui.talks.type_short.political_birthday": ("birthday", "政治生日"),
    "tui.talks.type_short.encouragement": ("encourage", "勉励"),
    "tui.talks.type_short.care": ("care", "关怀帮扶"),
    "tui.talks.type_short.reminder": ("reminder", "谈话提醒"),
    "tui.talks.type_short.warning": ("warning", "警示告诫"),
    "tui.talks.type_short.lagging_help": ("lag help", "帮教"),
    "tui.talks.type_short.admonition": ("admonition", "诫勉"),
    "tui.talks.form_short.one_to_one": ("1:1", "个别"),
    "tui.talks.form_short.group": ("group", "集体"),
    "tui.talks.form_short.online": ("online", "网上"),
    "tui.talks.search_label": ("Search", "搜索"),
    "tui.talks.search_hint": (
        "member, talker, place, trigger or text — press / to search",
        "对象、谈话人、地点、缘由或内容，按 / 开始搜索",
    ),
    "tui.talks.filter_year": ("{year}", "{year}年"),
    "tui.talks.filter_type": ("type: {type} (t)", "类型：{type}（t）"),
    "tui.talks.filter_member": ("member {member_no}", "对象 {member_no}"),
    "tui.talks.filter_sep": (" · ", "　"),
    "tui.talks.all_types": ("all", "全部"),
    "tui.talks.count": ("{count} talk(s)", "{count} 次谈话"),
    "tui.talks.confidential": ("confidential", "保密"),
    "tui.talks.follow_up_done": ("{date} ✓", "{date} ✓"),
    "tui.talks.follow_up_late": ("{date} !", "{date} !"),
    "tui.talks.detail": ("{name} ({member_no}) ← ", "{name}（{member_no}）← "),
    "tui.talks.answers_case": (
        "answers the absence since {month}",
        "针对自{month}起的缺席",
    ),
    "tui.talks.empty": (
        "No talks recorded in {year}.\nPress a to record the first talk: the member talked to,\n"
        "who talked, the type and what was said. [ and ] step through the years.",
        "{year}年还没有谈心谈话记录。\n按 a 记录第一次谈话：谈话对象、谈话人、类型和谈话内容。\n"
        "按 [ 和 ] 切换年份。",
    ),
    "tui.talks.none_filtered": (
        "No talks of this kind in {year}. Press t to change the type shown.",
        "{year}年没有这类谈话。按 t 切换显示的类型。",
    ),
    "tui.talks.no_match": (
        "No talk matches “{search}”. Press Escape to clear the search.",
        "没有与“{search}”匹配的谈话。按 Esc 清除搜索。",
    ),
    "tui.talks.nothing_selected": ("No talk selected.", "未选中谈话记录。"),
    "tui.talks.saved": ("Saved the talk with {name} of {date}.", "已保存：{date}与{name}的谈话。"),
    "tui.talks.open_confidential": (
        "The talk with {name} is confidential. Open it? Reading it is written to the audit log.",
        "与{name}的谈话已设为保密。确定查看吗？查看将记入审计日志。",
    ),
    "tui.talks.follow_up_already": (
        "The follow-up of this talk is already recorded; open the talk (e) to correct it.",
        "该谈话的回访已记录；如需更正，请按 e 打开谈话记录。",
    ),
    # --- talks: form
    "tui.talks.form_new": ("New talk", "新增谈心谈话记录"),
    "tui.talks.form_edit": ("Talk with {name} of {date}", "{date}与{name}的谈话"),
    "tui.talks.field.member_no": ("member", "谈话对象"),
    "tui.talks.field.date": ("date", "谈话日期"),
    "tui.talks.field.type": ("type", "谈话类型"),
    "tui.talks.field.form": ("form", "谈话形式"),
    "tui.talks.field.talkers": ("talkers", "谈话人"),
    "tui.talks.field.other_talkers": ("other talkers", "其他谈话人"),
    "tui.talks.field.place": ("place", "地点"),
    "tui.talks.field.recorder": ("recorder", "记录人"),
    "tui.talks.field.trigger": ("trigger", "谈话缘由"),
    "tui.talks.field.content": ("content", "谈话内容"),
    "tui.talks.field.problems": ("problems found", "发现的问题"),
    "tui.talks.field.difficulties": ("difficulties", "困难和诉求"),
    "tui.talks.field.opinions": ("opinions", "对支部的意见"),
    "tui.talks.field.actions": ("agreed actions", "商定的措施"),
    "tui.talks.field.action_deadline": ("actions by", "措施期限"),
    "tui.talks.field.follow_up_date": ("follow-up date", "回访日期"),
    "tui.talks.field.follow_up_result": ("follow-up result", "回访结果"),
    "tui.talks.field.confidential": ("confidential", "保密"),
    "tui.talks.field.absence_from": ("absence since", "缺席起始月"),
    "tui.talks.field.absence_step": ("ladder step", "处置步骤"),
    "tui.talks.member_hint": ("number or name", "编号或姓名"),
    "tui.talks.member_found": ("→ {name} ({member_no})", "→ {name}（{member_no}）"),
    "tui.talks.member_unknown": (
        "no member numbered or named “{value}”",
        "没有编号或姓名为“{value}”的党员",
    ),
    "tui.talks.other_talkers_hint": ("003; 李明/上级党委", "003；李明/上级党委"),
    "tui.talks.confidential_box": (
        "keep the texts out of lists and exports",
        "列表和导出中不显示谈话内容",
    ),
    "tui.talks.no_step": ("(none)", "（无）"),
    # --- talks: follow-up
    "tui.talks.follow_up_title": ("Record the follow-up", "记录回访"),
    "tui.talks.follow_up_what": (
        "Talk with {name} of {date} ({type})",
        "{date}与{name}的谈话（{type}）",
    ),
    "tui.talks.follow_up_actions": ("Agreed: {actions}", "商定措施：{actions}"),
    # --- talks: help
    "tui.talks.help": (
        "The heart-to-heart talks of a year, newest first. [ and ] (or Shift+←/→) step through "
        "the years, t cycles the type shown, / searches (Escape clears). a records a talk; "
        "e or Enter opens the highlighted one; f records its follow-up; c shows the coverage "
        "matrix of committee members × members. A confidential talk is listed without its "
        "texts; opening it asks first and is written to the audit log. In the Follow column "
        "✓ means recorded, ! overdue.",
        "按年列出谈心谈话记录，最新的在前。按 [ 和 ]（或 Shift+左右方向键）切换年份，按 t 切换显示的"
        "谈话类型，按 / 搜索（Esc 清除）。按 a 新增谈话；按 e 或 Enter 打开选中的谈话；按 f 记录回访；"
        "按 c 查看支委与党员的谈话覆盖情况。保密谈话在列表中不显示内容；打开前会先确认，并记入审计日志。"
        "“回访”一栏中 ✓ 表示已回访，! 表示已逾期。",
    ),
    "tui.talks.help_form": (
        "The member (number or name; → takes the suggestion), the date, the type and at least "
        "one talker are required. Tick the committee members who talked (Space); anyone else "
        "goes under other talkers: 003 for a member by number, name/post for someone from "
        "outside, separated by ;. Dates are YYYY-MM-DD, the absence month YYYY-MM. Ctrl+S "
        "saves, Escape leaves.",
        "谈话对象（编号或姓名，按右方向键采用提示）、日期、类型和至少一名谈话人为必填。"
        "用空格勾选参加谈话的支委；其他谈话人填在“其他谈话人”中：党员填编号（如 003），"
        "支部以外的人填“姓名/职务”，多人用；分隔。日期格式为 YYYY-MM-DD，缺席起始月为 YYYY-MM。"
        "Ctrl+S 保存，Esc 离开。",
    ),
    "tui.talks.help_follow_up": (
        "When the follow-up took place and what came of it; both are required. "
        "Ctrl+S saves, Escape leaves.",
        "填写回访日期和回访结果，两项均为必填。Ctrl+S 保存，Esc 离开。",
    ),
    # --- coverage
    "tui.coverage.title": ("Talk coverage", "谈话覆盖"),
    "tui.coverage.key.talks": ("Talks", "谈话"),
    "tui.coverage.key.add": ("Add talk", "新增谈话"),
    "tui.coverage.col.member_no": ("No.", "编号"),
    "tui.coverage.col.name": ("Member", "党员"),
    "tui.coverage.col.total": ("Total", "合计"),
    "tui.coverage.sum": ("Σ", "合计"),
    "tui.coverage.post_short.secretary": ("secr.", "书记"),
    "tui.coverage.post_short.deputy_secretary": ("deputy", "副书记"),
    "tui.coverage.post_short.organization": ("org.", "组织"),
    "tui.coverage.post_short.publicity": ("publ.", "宣传"),
    "tui.coverage.post_short.discipline": ("disc.", "纪检"),
    "tui.coverage.post_short.committee_member": ("member", "委员"),
    "tui.coverage.post_short.group_leader": ("group", "组长"),
    "tui.coverage.year": (
        "{year}: {members} members, {below} with fewer than {required} talk(s)",
        "{year}年：党员 {members} 名，其中 {below} 名谈话少于 {required} 次",
    ),
    "tui.coverage.note": (
        "Red: fewer than {required} talk(s) this year. ←/→ scroll the committee columns.",
        "红色：本年谈话少于 {required} 次。左右方向键滚动支委各列。",
    ),
    "tui.coverage.no_committee": (
        "No committee members: give members a committee post in the roster to see who talked.",
        "没有支委：请在党员名册中为委员填写职务，才能看到谁与谁谈过话。",
    ),
    "tui.coverage.no_members": ("No members yet.", "还没有党员。"),
    "tui.coverage.nothing_selected": ("No member selected.", "未选中党员。"),
    "tui.coverage.help": (
        "Who on the committee talked with whom in a year: one row per member, one column per "
        "committee member, the number of talks in each cell (— the member themself). Total "
        "counts talks by anyone. Members with fewer talks than the policy asks are red. "
        "←/→ scroll a large committee sideways; [ and ] step through the years. Enter or e "
        "lists the highlighted member's talks, a records a talk with them.",
        "一年中支委与党员的谈话情况：每行一名党员，每列一名支委，格中为谈话次数（— 为本人）。"
        "“合计”包括任何人的谈话。谈话次数少于要求的党员以红色标出。支委较多时用左右方向键横向滚动；"
        "按 [ 和 ] 切换年份。按 Enter 或 e 列出选中党员的谈话，按 a 新增与其的谈话。",
    ),
    # --- plan
    "tui.plan.title": ("Annual plan", "年度计划"),
    "tui.plan.key.go": ("Plan", "计划"),
    "tui.plan.key.add": ("Add", "新增"),
    "tui.plan.key.remove": ("Remove", "删除"),
    "tui.plan.col.month": ("Month", "月份"),
    "tui.plan.col.type": ("Type", "类型"),
    "tui.plan.col.topic": ("Topic", "主题"),
    "tui.plan.col.held": ("Held", "落实情况"),
    "tui.plan.month_short": (
        "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
        "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月",
    ),
    "tui.plan.any_month": ("any", "全年"),
    "tui.plan.held": ("{date} {no}", "{date} {no}"),
    "tui.plan.not_held": ("not yet held", "尚未召开"),
    "tui.plan.year": (
        "Plan for {year}: {planned} item(s), {held} held",
        "{year}年计划：{planned} 项，已落实 {held} 项",
    ),
    "tui.plan.per_type": ("{type} {held}/{planned}", "{type} {held}/{planned}"),
    "tui.plan.summary_sep": (" · ", "　"),
    "tui.plan.empty": (
        "Nothing planned for {year} yet.\nPress a to add the first item: a meeting type, "
        "a month and a topic.\n[ and ] step through the years.",
        "{year}年还没有计划。\n按 a 新增第一项：会议类型、月份和主题。\n按 [ 和 ] 切换年份。",
    ),
    "tui.plan.nothing_selected": ("No plan item selected.", "未选中计划项。"),
    "tui.plan.saved": ("Saved the plan item “{topic}”.", "已保存计划项“{topic}”。"),
    "tui.plan.removed": ("Removed the plan item “{topic}”.", "已删除计划项“{topic}”。"),
    "tui.plan.remove_question": (
        "Remove the plan item {type} “{topic}”? (The removal is kept in the audit log.)",
        "删除计划项：{type}“{topic}”吗？（删除操作会记入审计日志。）",
    ),
    "tui.plan.form_new": ("New plan item for {year}", "新增{year}年计划项"),
    "tui.plan.form_edit": ("Plan item for {year}: {topic}", "{year}年计划项：{topic}"),
    "tui.plan.field.meeting_type": ("type", "会议类型"),
    "tui.plan.field.month": ("month", "月份"),
    "tui.plan.field.topic": ("topic", "主题"),
    "tui.plan.field.note": ("note", "备注"),
    "tui.plan.pick_type": ("(choose a type)", "（请选择类型）"),
    "tui.plan.any_time": ("(any time in the year)", "（全年任意时间）"),
    "tui.plan.help": (
        "The year's organizational-life plan. Each item shows the meeting that carried it out "
        "(date and number) or “not yet held” (red once its month is over); the line at the top "
        "counts held of planned per type. [ and ] (or Shift+←/→) step through the years. "
        "a adds an item, e or Enter edits the highlighted one, d removes it (after asking).",
        "本年度组织生活计划。每项显示落实它的会议（日期和编号），或“尚未召开”（月份已过时显示为红色）；"
        "顶部按类型统计已落实/计划数。按 [ 和 ]（或 Shift+左右方向键）切换年份。"
        "按 a 新增计划项，按 e 或 Enter 编辑选中的一项，按 d 删除（会先确认）。",
    ),
    "tui.plan.help_form": (
        "The meeting type and the topic are required; leave the month at “any time” for an item "
        "that may be held in any month of the year. Ctrl+S saves, Escape leaves.",
        "会议类型和主题为必填；全年任意时间召开的会议，月份选“全年任意时间”。Ctrl+S 保存，Esc 离开。",
    ),
    # --- rectification
    "tui.rect.title": ("Rectification list", "整改清单"),
    "tui.rect.key.go": ("Rectify", "整改"),
    "tui.rect.key.add": ("Add", "新增"),
    "tui.rect.key.status": ("Status", "状态"),
    "tui.rect.key.filter": ("Open/all", "未完成/全部"),
    "tui.rect.col.year": ("Year", "年度"),
    "tui.rect.col.deadline": ("Deadline", "整改期限"),
    "tui.rect.col.status": ("Status", "状态"),
    "tui.rect.col.owner": ("Owner", "责任人"),
    "tui.rect.col.problem": ("Problem", "问题"),
    "tui.rect.showing_open": ("Open items", "未完成事项"),
    "tui.rect.showing_all": ("All items", "全部事项"),
    "tui.rect.counts": (
        "{which} · {total} listed, {open} open, {overdue} overdue",
        "{which}　共 {total} 项，未完成 {open} 项，逾期 {overdue} 项",
    ),
    "tui.rect.empty": (
        "No problems listed yet.\nPress a to add a problem found at the life meeting,\n"
        "with its owner and deadline.",
        "整改清单还是空的。\n按 a 新增组织生活会上查摆出的问题，并填写责任人和整改期限。",
    ),
    "tui.rect.none_open": (
        "Every item is done. Press o to show all items.",
        "所有事项均已整改完成。按 o 显示全部事项。",
    ),
    "tui.rect.detail_sep": ("; ", "；"),
    "tui.rect.detail_measure": ("Measure: {measure}", "整改措施：{measure}"),
    "tui.rect.detail_closed": ("done on {on}: {note}", "{on}完成：{note}"),
    "tui.rect.detail_meeting": ("from meeting {no}", "来自会议 {no}"),
    "tui.rect.nothing_selected": ("No item selected.", "未选中整改事项。"),
    "tui.rect.saved": ("Saved “{problem}” ({status}).", "已保存“{problem}”（{status}）。"),
    "tui.rect.form_new": ("New rectification item", "新增整改事项"),
    "tui.rect.form_edit": ("Rectification item: {problem}", "整改事项：{problem}"),
    "tui.rect.field.problem": ("problem", "问题"),
    "tui.rect.field.measure": ("measure", "整改措施"),
    "tui.rect.field.owner": ("owner", "责任人"),
    "tui.rect.field.deadline": ("deadline", "整改期限"),
    "tui.rect.field.year": ("year", "年度"),
    "tui.rect.field.meeting_no": ("meeting", "来源会议"),
    "tui.rect.field.status": ("status", "状态"),
    "tui.rect.field.closed_on": ("done on", "完成日期"),
    "tui.rect.field.closing_note": ("note", "说明"),
    "tui.rect.meeting_hint": (
        "number of the life meeting, e.g. 2026-011",
        "组织生活会编号，如 2026-011",
    ),
    "tui.rect.status_title": ("Change the status", "更改整改状态"),
    "tui.rect.status_what": ("{problem} — {owner}", "{problem}（责任人：{owner}）"),
    "tui.rect.problem.bad_year": (
        "“{value}” is not a year (e.g. 2026)",
        "“{value}”不是年份（如 2026）",
    ),
    "tui.rect.problem.note_required": (
        "say how it was put right (required to mark it done)",
        "请说明整改情况（标记为已完成时必填）",
    ),
    "tui.rect.help": (
        "The problems found at the life meeting, with owner, deadline and status; an item past "
        "its deadline and not done is marked overdue (red). o switches between open items and "
        "all items. a adds an item, e or Enter edits the highlighted one, s changes its status "
        "(done needs a note on how it was put right). The line at the bottom shows the measure "
        "and the closing note.",
        "组织生活会查摆的问题，含责任人、整改期限和状态；超过期限仍未完成的事项标为逾期（红色）。"
        "按 o 在未完成事项和全部事项之间切换。按 a 新增，按 e 或 Enter 编辑选中的事项，按 s 更改状态"
        "（标记为已完成须说明整改情况）。底部一行显示整改措施和完成说明。",
    ),
    "tui.rect.help_form": (
        "Problem, owner, deadline (YYYY-MM-DD) and year are required; the meeting is the number "
        "of the life meeting that found the problem. Ctrl+S saves, Escape leaves.",
        "问题、责任人、整改期限（YYYY-MM-DD）和年度为必填；来源会议填查摆出该问题的组织生活会编号。"
        "Ctrl+S 保存，Esc 离开。",
    ),
    "tui.rect.help_status": (
        "Choose the new status. Marking an item done needs a note on how it was put right and "
        "the date; reopening clears them (the note then says why, in the audit log). "
        "Ctrl+S saves, Escape leaves.",
        "选择新的状态。标记为已完成须填写整改情况说明和完成日期；重新打开会清除这两项"
        "（此时说明记入审计日志，写明原因）。Ctrl+S 保存，Esc 离开。",
    ),
    # --- navigation (dashboard keys, command palette)
    "tui.talks.cmd.go": ("Go to talks", "转到：谈心谈话"),
    "tui.talks.cmd.go.help": (
        "Heart-to-heart talks: list, record, follow-ups",
        "谈心谈话记录：列表、新增、回访",
    ),
    "tui.talks.cmd.new": ("New talk", "新增谈心谈话"),
    "tui.talks.cmd.new.help": ("Record a heart-to-heart talk", "记录一次谈心谈话"),
    "tui.coverage.cmd.go": ("Go to talk coverage", "转到：谈话覆盖"),
    "tui.coverage.cmd.go.help": (
        "Committee members × members: who talked with whom this year",
        "支委与党员谈话覆盖情况（本年）",
    ),
    "tui.plan.cmd.go": ("Go to annual plan", "转到：年度计划"),
    "tui.plan.cmd.go.help": (
        "The year's planned meetings and whether they were held",
        "本年度组织生活计划及落实情况",
    ),
    "tui.rect.cmd.go": ("Go to rectification list", "转到：整改清单"),
    "tui.rect.cmd.go.help": (
        "Problems from the life meeting: owner, deadline, status",
        "组织生活会查摆问题：责任人、期限、状态",
    ),
}
