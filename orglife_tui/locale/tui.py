"""Messages of the terminal UI: (English, Chinese).

Chinese uses full-width punctuation. Key descriptions are short: they share one Footer
line of an 80-column terminal.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- general
    "tui.list_sep": (", ", "、"),
    "tui.month_names": (
        "January,February,March,April,May,June,July,August,September,October,November,December",
        "一月,二月,三月,四月,五月,六月,七月,八月,九月,十月,十一月,十二月",
    ),
    "tui.month_title": ("{name} {year}", "{year}年{month}月"),
    "tui.quit_hint": ("Press q or Ctrl+Q to quit.", "按 q 或 Ctrl+Q 退出。"),
    "tui.palette.placeholder": (
        "Type a command: members, meetings, new member …",
        "输入命令：党员、会议、新增党员等",
    ),
    # --- keys (Footer and F1 help)
    "tui.key.help": ("Help", "帮助"),
    "tui.key.palette": ("Commands", "命令"),
    "tui.key.back": ("Back", "返回"),
    "tui.key.quit": ("Quit", "退出"),
    "tui.key.members": ("Members", "党员"),
    "tui.key.meetings": ("Meetings", "会议"),
    "tui.key.search": ("Search", "搜索"),
    "tui.key.new": ("New", "新增"),
    "tui.key.edit": ("Edit", "编辑"),
    "tui.key.save": ("Save", "保存"),
    "tui.key.cancel": ("Cancel", "取消"),
    "tui.key.close": ("Close", "关闭"),
    "tui.key.yes": ("Yes", "是"),
    "tui.key.no": ("No", "否"),
    "tui.key.prev_month": ("Prev", "上月"),
    "tui.key.next_month": ("Next", "下月"),
    "tui.key.month": ("Month", "月份"),
    "tui.key.this_month": ("This month", "本月"),
    "tui.key.attendance": ("Attendance", "出勤"),
    "tui.key.present": ("Present", "出席"),
    "tui.key.leave": ("Leave", "请假"),
    "tui.key.absent": ("Absent", "缺席"),
    "tui.key.clear": ("Clear", "清除"),
    "tui.key.all_present": ("All present", "全部出席"),
    # --- command palette
    "tui.cmd.dashboard": ("Go to overview", "转到：概览"),
    "tui.cmd.dashboard.help": ("The branch at a glance (dashboard)", "党支部概况（首页）"),
    "tui.cmd.members": ("Go to members", "转到：党员名册"),
    "tui.cmd.members.help": ("The roster: search, add, edit", "党员名册：搜索、新增、编辑"),
    "tui.cmd.meetings": ("Go to meetings", "转到：会议"),
    "tui.cmd.meetings.help": ("Meetings by month and attendance", "按月查看会议，登记出勤"),
    "tui.cmd.new_member": ("New member", "新增党员"),
    "tui.cmd.new_member.help": ("Add a member to the roster", "在名册中新增一名党员"),
    "tui.cmd.new_meeting": ("New meeting", "新建会议"),
    "tui.cmd.new_meeting.help": ("Record a meeting", "记录一次会议"),
    "tui.cmd.help": ("Help: keys of this screen", "帮助：本屏按键"),
    "tui.cmd.help.help": ("What this screen is for and its keys (F1)", "本屏用途与按键（F1）"),
    "tui.cmd.quit": ("Quit", "退出"),
    "tui.cmd.quit.help": (
        "Leave orglife-tui (everything is already saved)",
        "退出程序（所有内容均已保存）",
    ),
    # --- table headings
    "tui.col.pla": ("P/L/A", "到/假/缺"),
    "tui.col.mark": ("Mark", "出勤"),
    "tui.col.reason": ("Reason", "原因"),
    # --- dashboard
    "tui.dashboard.title": ("Overview", "概览"),
    "tui.dashboard.counts": (
        "Members: {total} ({full} full, {probationary} probationary) · Party groups: {groups}",
        "党员 {total} 名（正式党员 {full} 名，预备党员 {probationary} 名），党小组 {groups} 个",
    ),
    "tui.dashboard.year": ("Meetings in {year}: {count}", "{year}年已开会议：{count} 次"),
    "tui.dashboard.month": ("This month ({month})", "本月会议（{month}）"),
    "tui.dashboard.no_members": (
        "No members yet.\nPress m to open the roster, then n to add the first member;\n"
        "or import a roster file from the command palette (Ctrl+P).",
        "还没有党员。\n按 m 打开党员名册，再按 n 新增第一名党员；\n"
        "或从命令面板（Ctrl+P）导入名册文件。",
    ),
    "tui.dashboard.no_meetings": (
        "No meetings recorded this month.\nPress g to open the meetings, then n to record one.",
        "本月尚未记录会议。\n按 g 打开会议，再按 n 记录一次会议。",
    ),
    # --- members
    "tui.members.title": ("Members", "党员名册"),
    "tui.members.search_label": ("Search", "搜索"),
    "tui.members.search_hint": (
        "name, number or phone — press / to search",
        "姓名、编号或电话，按 / 开始搜索",
    ),
    "tui.members.count": ("{total} members", "共 {total} 名党员"),
    "tui.members.count_search": (
        "{found} of {total} members match",
        "找到 {found} 名（共 {total} 名）",
    ),
    "tui.members.empty": (
        "No members yet.\nPress n to add the first member,\n"
        "or import a roster file from the command palette (Ctrl+P).",
        "还没有党员。\n按 n 新增第一名党员，\n或从命令面板（Ctrl+P）导入名册文件。",
    ),
    "tui.members.no_match": (
        "No member matches “{search}”. Press Escape to clear the search.",
        "没有与“{search}”匹配的党员。按 Esc 清除搜索。",
    ),
    "tui.members.nothing_to_edit": ("No member selected.", "未选中党员。"),
    "tui.member.saved": ("Saved {name} ({member_no}).", "已保存：{name}（{member_no}）。"),
    # --- forms
    "tui.member_form.new": ("New member", "新增党员"),
    "tui.member_form.edit": ("Edit member {name} ({member_no})", "编辑党员：{name}（{member_no}）"),
    "tui.meeting_form.new": ("New meeting", "新建会议"),
    "tui.meeting_form.edit": ("Edit meeting {meeting_no}", "编辑会议 {meeting_no}"),
    "tui.form.save": ("Save  Ctrl+S", "保存  Ctrl+S"),
    "tui.form.cancel": ("Cancel  Esc", "取消  Esc"),
    "tui.form.date_hint": ("YYYY-MM-DD", "YYYY-MM-DD"),
    "tui.form.month_hint": ("YYYY-MM", "YYYY-MM"),
    "tui.form.blank": ("(not given)", "（未填）"),
    "tui.form.no_post": ("(none)", "（无）"),
    "tui.form.group_hint": ("type; → takes the suggestion", "可直接输入，按右方向键采用提示"),
    "tui.form.whole_branch": ("(the whole branch)", "（全支部）"),
    "tui.form.fix": (
        "Not saved: correct the {count} marked problem(s).",
        "未保存：请更正标出的 {count} 处问题。",
    ),
    "tui.form.discard": ("Discard the changes in this form?", "放弃本表单中的修改吗？"),
    "tui.confirm.yes": ("Yes  y", "是  y"),
    "tui.confirm.no": ("No  n", "否  n"),
    # --- meetings
    "tui.meetings.title": ("Meetings", "会议"),
    "tui.meetings.month": ("{month}: {count} meeting(s)", "{month}：{count} 次会议"),
    "tui.meetings.empty": (
        "No meetings in {month}.\nPress n to record one; [ and ] step through the months,\n"
        "t comes back to this month.",
        "{month}没有会议记录。\n按 n 记录一次会议；按 [ 和 ] 切换月份，按 t 回到本月。",
    ),
    "tui.meetings.other_months": ("Months with meetings: {months}", "有会议的月份：{months}"),
    "tui.meetings.nothing_selected": ("No meeting selected.", "未选中会议。"),
    "tui.meeting.saved": (
        "Saved meeting {meeting_no}: {title}.",
        "已保存会议 {meeting_no}：{title}。",
    ),
    # --- attendance
    "tui.attendance.title": ("Attendance", "出勤登记"),
    "tui.attendance.meeting": (
        "{meeting_no} · {date} · {types} · {title}",
        "{meeting_no}　{date}　{types}　{title}",
    ),
    "tui.attendance.tally": (
        "Present {present} · Leave {leave} · Absent {absent} · Unmarked {unmarked} (of {total})",
        "出席 {present}　请假 {leave}　缺席 {absent}　未登记 {unmarked}（共 {total} 人）",
    ),
    "tui.attendance.unmarked": ("-", "-"),
    "tui.attendance.empty": (
        "No members to mark: add members to the roster first.",
        "没有可登记的党员：请先在党员名册中添加党员。",
    ),
    "tui.attendance.none_unmarked": ("Every member is already marked.", "所有党员均已登记。"),
    "tui.attendance.confirm_all": (
        "Mark the {count} unmarked member(s) present?",
        "将 {count} 名未登记的党员全部登记为出席吗？",
    ),
    "tui.attendance.all_marked": (
        "Marked {count} member(s) present.",
        "已将 {count} 名党员登记为出席。",
    ),
    "tui.leave.title": ("Leave for {name}: the reason", "{name} 请假原因"),
    "tui.leave.hint": ("e.g. business trip, illness", "例如：出差、生病"),
    "tui.leave.keys": ("Enter saves · Esc cancels", "Enter 确定　Esc 取消"),
    # --- points: keys
    "tui.key.scoreboard": ("Scores", "积分"),
    "tui.key.scheme": ("Scheme", "方案"),
    "tui.key.points": ("Points", "积分"),
    "tui.key.year": ("Year", "年份"),
    "tui.key.prev_year": ("Prev", "上年"),
    "tui.key.next_year": ("Next", "下年"),
    "tui.key.new_entry": ("New entry", "记分"),
    "tui.key.reverse": ("Reverse", "冲正"),
    "tui.key.group_filter": ("Group", "党小组"),
    "tui.key.status_filter": ("Status", "类别"),
    "tui.key.ledger": ("Ledger", "明细"),
    # --- points: palette
    "tui.cmd.scoreboard": ("Go to scoreboard", "转到：积分排名"),
    "tui.cmd.scoreboard.help": (
        "Members' points for a year: totals, points bands, ranks",
        "党员年度积分：总分、积分档次、排名",
    ),
    "tui.cmd.scheme": ("Go to scoring scheme", "转到：积分方案"),
    "tui.cmd.scheme.help": (
        "The active scheme's items and caps (read-only)",
        "当前积分方案的项目与上限（只读）",
    ),
    # --- points: values
    "tui.grade.none": ("—", "—"),
    "tui.grade.excellent": ("excellent", "优秀"),
    "tui.grade.qualified": ("qualified", "合格"),
    "tui.grade.basically_qualified": ("basically qualified", "基本合格"),
    "tui.grade.unqualified": ("unqualified", "不合格"),
    "tui.grade_short.excellent": ("Excellent", "优秀"),
    "tui.grade_short.qualified": ("Qualified", "合格"),
    "tui.grade_short.basically_qualified": ("Basic qual.", "基本合格"),
    "tui.grade_short.unqualified": ("Unqualified", "不合格"),
    "tui.status_short.full": ("full", "正式"),
    "tui.status_short.probationary": ("prob.", "预备"),
    "tui.category.duty": ("duty", "基本职责"),
    "tui.category.bonus": ("bonus", "加分"),
    "tui.category.deduction": ("deduction", "扣分"),
    "tui.category.veto": ("veto", "一票否决"),
    "tui.per_occurrence": ("{points}", "{points}/次"),
    "tui.per_hour": ("{points}/h", "{points}/小时"),
    "tui.cap": ("≤{cap}", "≤{cap}"),
    "tui.no_cap": ("—", "—"),
    "tui.source.manual": ("hand", "手工"),
    "tui.source.attendance": ("auto", "出勤"),
    # --- points: table headings
    "tui.col.entry_id": ("#", "序号"),
    "tui.col.item": ("Item", "项目"),
    "tui.col.points": ("Pts", "分值"),
    "tui.col.hours": ("Hrs", "时数"),
    "tui.col.running": ("Σ", "累计"),
    "tui.col.source": ("Src", "来源"),
    "tui.col.remark": ("Remark", "说明"),
    "tui.col.rank": ("#", "名次"),
    "tui.col.base": ("Base", "基础"),
    "tui.col.duty": ("Duty", "职责"),
    "tui.col.bonus": ("Bonus", "加分"),
    "tui.col.deduction": ("Ded.", "扣分"),
    "tui.col.total": ("Total", "总分"),
    "tui.col.grade": ("Band", "积分档次"),
    "tui.col.code": ("Code", "代码"),
    "tui.col.category": ("Category", "类别"),
    "tui.col.per_unit": ("Points", "分值"),
    "tui.col.cap": ("Cap", "上限"),
    "tui.col.auto": ("Auto", "自动"),
    # --- ledger
    "tui.ledger.title": ("Points ledger", "积分明细"),
    "tui.ledger.member": (
        "{member_no} {name} · {year} · {status} · points entered this year: {sum}",
        "{member_no} {name}　{status}　{year}年　本年记分合计 {sum}",
    ),
    "tui.ledger.monthly": ("Monthly", "每月积分"),
    "tui.ledger.months_best": ("best: {points} in month {month}", "最高：{month}月 {points}"),
    "tui.ledger.months_none": ("no points this year", "本年尚无积分"),
    "tui.ledger.reverses": ("reverses #{id}", "冲正 #{id}"),
    "tui.ledger.reversed_by": ("reversed by #{id}", "已被 #{id} 冲正"),
    "tui.ledger.head": ("Ledger head: {hash}", "账本链头：{hash}"),
    "tui.ledger.no_head": ("Ledger head: — (no entries yet)", "账本链头：—（尚无记录）"),
    "tui.ledger.empty": (
        "No entries for {name} in {year}.\nPress n to add one; [ and ] step through the years.",
        "{name} {year}年没有积分记录。\n按 n 新增一条；按 [ 和 ] 切换年份。",
    ),
    "tui.ledger.added": (
        "Added entry #{id}: {item} {points}.",
        "已新增记录 #{id}：{item} {points}。",
    ),
    "tui.ledger.reversed": (
        "Entry #{id} reversed by #{new_id}.",
        "记录 #{id} 已由 #{new_id} 冲正。",
    ),
    "tui.ledger.nothing_selected": ("No entry selected.", "未选中记录。"),
    # --- ledger entry and reversal dialogs
    "tui.entry_form.title": (
        "New points entry for {name} ({member_no})",
        "为 {name}（{member_no}）新增积分记录",
    ),
    "tui.field.item": ("item", "积分项目"),
    "tui.field.hours": ("hours", "时数"),
    "tui.field.points": ("points", "分值"),
    "tui.field.entry_date": ("date", "日期"),
    "tui.field.note": ("note", "备注"),
    "tui.field.reason": ("reason", "冲正原因"),
    "tui.entry.pick_item": ("(pick an item)", "（选择积分项目）"),
    "tui.entry.hours_hint": ("for items scored per hour", "按小时计分的项目填写时数"),
    "tui.entry.points_hint": ("blank: the item's points", "留空则按项目分值"),
    "tui.entry.note_hint": ("evidence, what was done", "依据、事由"),
    "tui.entry.needs_hours": ("enter the hours", "须填写时数"),
    "tui.problem.hours_required": (
        "{item} is scored per hour: enter the hours",
        "“{item}”按小时计分，请填写时数",
    ),
    "tui.problem.not_a_number": ("{value!r} is not a number", "“{value}”不是数字"),
    "tui.reverse.title": ("Reverse entry #{id}", "冲正记录 #{id}"),
    "tui.reverse.entry": ("#{id}  {date}  {item}  {points}", "#{id}　{date}　{item}　{points}"),
    "tui.reverse.hint": ("why the entry is wrong", "说明为何冲正"),
    # --- scoreboard
    "tui.scoreboard.title": ("Scoreboard", "积分排名"),
    "tui.scoreboard.filters": (
        "{year} · group: {group} · status: {status} · {count} member(s)",
        "{year}年　党小组：{group}　类别：{status}　共 {count} 人",
    ),
    "tui.scoreboard.all": ("all", "全部"),
    "tui.scoreboard.scheme": (
        "Scheme: {name} {version} ({hash})",
        "积分方案：{name} {version}（{hash}）",
    ),
    "tui.scoreboard.no_match": (
        "No member matches these filters. g and s change them.",
        "没有符合筛选条件的党员。按 g 和 s 更改筛选。",
    ),
    "tui.scoreboard.no_members": (
        "No members yet: add them in the roster (m on the overview), then score them here.",
        "还没有党员：请先在党员名册中添加（在概览按 m），再来查看积分。",
    ),
    "tui.scoreboard.none_scored": (
        "No member is scored under the active scheme (see the scheme: c on the overview).",
        "按当前积分方案没有需要计分的党员（在概览按 c 查看积分方案）。",
    ),
    "tui.scoreboard.no_entries": (
        "No points recorded in {year} yet: every total is the base points. "
        "Enter opens a member's ledger, n there adds an entry.",
        "{year}年尚无积分记录，总分均为基础分。按 Enter 打开党员的积分明细，在那里按 n 记分。",
    ),
    "tui.scoreboard.nothing_selected": ("No member selected.", "未选中党员。"),
    # --- scheme
    "tui.scheme.title": ("Scoring scheme", "积分方案"),
    "tui.scheme.identity": (
        "{name} · version {version} · in force since {at} ({operator}) · {kept} version(s) kept",
        "{name}　版本 {version}　{at} 起施行（{operator}）　共保存 {kept} 个版本",
    ),
    "tui.scheme.hash": ("SHA-256: {hash}", "SHA-256：{hash}"),
    "tui.scheme.limits": (
        "Base points {base} · total between {floor} and {ceiling} · per calendar year",
        "基础分 {base}　总分下限 {floor}、上限 {ceiling}　按自然年计分",
    ),
    "tui.scheme.cutoffs": (
        "{status}: excellent ≥{excellent}, qualified ≥{qualified}, basic ≥{basic}, else unqualified",
        "{status}：优秀 ≥{excellent}，合格 ≥{qualified}，基本合格 ≥{basic}，以下为不合格",
    ),
    "tui.scheme.cutoffs_ungraded": (
        "{status}: scored, no points band",
        "{status}：计分，不评定积分档次",
    ),
    "tui.scheme.manual": ("entered by hand", "手工录入"),
    "tui.scheme.derive": (
        "from attendance: {attendance} at {types}",
        "由出勤自动计分：{types}，{attendance}",
    ),
    "tui.scheme.auto": ("✓", "✓"),
    "tui.scheme.detail": ("{name} — {how}", "{name}：{how}"),
    "tui.scheme.hint": (
        "Read-only. A new scheme is a checked TOML file put in use (docs/scheme.md).",
        "只读。更换方案须先校验新的 TOML 方案文件再启用（见 docs/scheme.md）。",
    ),
    # --- help (F1)
    "tui.help.title": ("Help", "帮助"),
    "tui.help.close": ("Esc or F1 closes this help.", "按 Esc 或 F1 关闭帮助。"),
    "tui.help.col_key": ("Key", "按键"),
    "tui.help.col_action": ("Action", "功能"),
    "tui.help.meetings": (
        "Meetings of one month. [ and ] (or Shift+←/→) step through the months, t returns to "
        "this month. n records a meeting, e edits the highlighted one (date and types too: the points "
        "follow), v voids a meeting recorded by mistake (asks the reason), Enter opens its attendance sheet.",
        "按月查看会议。按 [ 和 ]（或 Shift+左右方向键）切换月份，按 t 回到本月。"
        "按 n 记录会议，按 e 编辑选中的会议（日期和类型也可改，积分随之调整），"
        "按 v 作废误录的会议（须填写原因），按 Enter 打开出勤登记。",
    ),
    "tui.help.attendance": (
        "Mark the highlighted member and move on to the next: p present, l leave (asks the "
        "reason), a absent without reason, x clears. P marks everyone still unmarked present. "
        "Every mark is saved at once.",
        "为选中的党员登记并自动移到下一位：p 出席，l 请假（需填写原因），a 无故缺席，x 清除。"
        "P 将所有未登记的党员登记为出席。每次登记立即保存。",
    ),
    "tui.help.form": (
        "Tab or Enter moves to the next field. Ctrl+S saves; a value that cannot be accepted is "
        "marked under its field and nothing is saved. Escape leaves (asking first if you changed anything).",
        "Tab 或 Enter 移到下一项。Ctrl+S 保存；无法接受的内容会在该项下方标出，且不会保存。"
        "Esc 离开（如有修改会先确认）。",
    ),
    "tui.help.member_form": (
        "Member number and name are required. Dates are YYYY-MM-DD, dues paid until is YYYY-MM. "
        "Enter opens a choice list; → takes the suggested party group. Ctrl+S saves, Escape leaves.",
        "编号和姓名为必填。日期格式为 YYYY-MM-DD，党费交至格式为 YYYY-MM。"
        "在选择项上按 Enter 展开选项；按右方向键采用提示的党小组。Ctrl+S 保存，Esc 离开。",
    ),
    "tui.help.meeting_form": (
        "Date, at least one type and a title are required. Space ticks a type (a themed Party day "
        "can also be a Party lecture). A group's meeting names its party group (Enter opens the "
        "list); leave it at “the whole branch” otherwise. Ctrl+S saves, Escape leaves.",
        "日期、至少一种类型和主题为必填。按空格勾选类型（主题党日可同时算作党课）。"
        "党小组会请选择党小组（按 Enter 展开列表），全支部的会议选“全支部”。Ctrl+S 保存，Esc 离开。",
    ),
    "tui.help.confirm": ("y answers yes, n or Escape answers no.", "按 y 确认，按 n 或 Esc 取消。"),
    "tui.help.leave_reason": (
        "Type the reason for the leave and press Enter; Escape changes nothing.",
        "输入请假原因后按 Enter；按 Esc 不做任何修改。",
    ),
    "tui.help.ledger": (
        "One member's points entries of a year in the order they were booked, with the running total (Σ); "
        "Src tells an entry made by hand from one derived from attendance (auto). "
        "The sparkline shows the points month by month. [ and ] (or Shift+←/→) step through "
        "the years. n adds an entry from the scheme's items; r reverses the highlighted entry "
        "(a reason is required; nothing is ever deleted, the reversal is a new entry). "
        "The ledger head at the bottom is the hash of the branch's newest entry: write it "
        "in the minutes.",
        "一名党员一年的积分记录，按记账先后排列，“累计”为逐条累计。火花线显示每月积分。"
        "按 [ 和 ]（或 Shift+左右方向键）切换年份。按 n 从积分方案的项目中新增记录；"
        "按 r 冲正选中的记录（须填写原因；记录从不删除，冲正是一条新记录）。"
        "底部的账本链头是本支部最新一条记录的哈希值，可抄入会议记录。",
    ),
    "tui.help.scoreboard": (
        "Every scored member's points for a year, by rank. g cycles the party group shown, "
        "s the status (full / probationary); [ and ] step through the years. Enter opens the "
        "highlighted member's ledger. A status the scheme scores without a band shows —. "
        "Before the year ends the totals are the points to the day in the title and no band "
        "is given; p shows provisional bands.",
        "按名次列出计分党员的年度积分。按 g 切换党小组，按 s 切换类别（正式/预备）；"
        "按 [ 和 ] 切换年份。按 Enter 打开选中党员的积分明细。方案只计分不评定积分档次的党员显示为“—”。"
        "年度结束前，总分为截至标题所示日期的积分，不评定积分档次；按 p 显示暂定积分档次。",
    ),
    "tui.help.scheme": (
        "The scoring scheme in force: base points, floor and ceiling, points band cut-offs and every "
        "item with its points, yearly cap and whether it comes from attendance. A new scheme is "
        "a TOML file, checked and then put in use (docs/scheme.md).",
        "当前施行的积分方案：基础分、总分上下限、积分档次分数线，以及每个项目的分值、年度上限和是否由出勤自动计分。"
        "更换方案须先校验新的 TOML 方案文件，再启用（见 docs/scheme.md）。",
    ),
    "tui.help.entry_form": (
        "Pick the item (Enter opens the list; each line shows its points and yearly cap). "
        "Items scored per hour need the hours. Leave the points blank to use the item's; "
        "the date defaults to today. Ctrl+S saves, Escape leaves.",
        "选择积分项目（按 Enter 展开列表，每行显示分值和年度上限）。按小时计分的项目须填写时数。"
        "分值留空则按项目分值计；日期默认为今天。Ctrl+S 保存，Esc 离开。",
    ),
    "tui.help.reverse": (
        "Type why the entry is reversed and press Enter. An entry can be reversed once, and a "
        "reversal cannot be reversed. Escape changes nothing.",
        "输入冲正原因后按 Enter。每条记录只能冲正一次，冲正记录本身不能再冲正。按 Esc 不做任何修改。",
    ),
}
