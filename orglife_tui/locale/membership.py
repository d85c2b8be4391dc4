"""Messages of membership events: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the dashboard's reminder of the conversion watch (w on the members screen)
    "tui.compliance.probation": ("Probation ends: {items}", "预备期将满：{items}"),
    "tui.compliance.probation_item": ("{name} {date}", "{name} {date}"),
    "tui.compliance.probation_overdue": ("{name} overdue", "{name} 已逾期"),
    "tui.compliance.no_probation": (
        "No probation ends within {days} days.",
        "{days} 天内没有预备期期满的党员。",
    ),
    "tui.attendance.away": ("away", "流动"),
    # Membership on its dates, as the sheets, scoreboards and exports show it.
    "membership.left_short.transfer_out": ("out", "转出"),
    "membership.left_short.deceased": ("died", "去世"),
    "membership.left_short.removed": ("struck", "除名"),
    "export.col.left_on": ("Left the branch on (during the year)", "年内离开本支部日期"),
    "export.col.left_kind": (
        "How the member left: transfer_out, deceased, removed",
        "离开方式（转出、去世、除名/出党）",
    ),
    # --- refusals of the data layer (data/membership.py)
    "event_in_future": (
        "The date {date} is in the future; record an event once it has happened.",
        "日期 {date} 尚未到来；请在事情发生后再登记。",
    ),
    "event_end_before_start": (
        "The end date {end} is before the start date {date}.",
        "结束日期 {end} 早于开始日期 {date}。",
    ),
    "event_end_only_away": (
        "Only a period away (流动) or an extended probation has an end date.",
        "只有流动外出和延长预备期才有结束日期。",
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
    "membership.already_entered": (
        "Member {member_no} already came into the branch on {date}.",
        "党员 {member_no} 已于 {date} 转入本支部。",
    ),
    "membership.convert_before_end": (
        "Member {member_no}'s probation only ends on {date}; convert them from that day on.",
        "党员 {member_no} 的预备期到 {date} 才满，转正日期不能早于该日。",
    ),
    "membership.extend_needs_until": (
        "An extended probation needs the day it ends.",
        "延长预备期须填写延长至哪一天。",
    ),
    "membership.extend_not_later": (
        "Member {member_no}'s probation already runs until {date}; an extension ends later.",
        "党员 {member_no} 的预备期已到 {date}，延长后的日期须晚于该日。",
    ),
    "membership.extend_too_long": (
        "A probation can be extended by at most one year: until {date} for member {member_no}.",
        "延长预备期不能超过一年：党员 {member_no} 最迟延长至 {date}。",
    ),
    "membership.remove_needs_reason": (
        "A removal (除名/出党/停止党籍) needs a reason.",
        "除名、出党或停止党籍须填写原因。",
    ),
    "membership.transfer_in_needs_from": (
        "A transfer in needs the branch the member comes from.",
        "组织关系转入须填写原所在党组织。",
    ),
    "membership.transfer_out_needs_to": (
        "A transfer out needs the Party organization the member goes to.",
        "组织关系转出须填写转往的党组织。",
    ),
    "membership.away_needs_where": (
        "A period away needs the place where the member takes part in organizational life.",
        "流动外出须填写外出地点或参加组织生活的党组织。",
    ),
    "membership.not_away": (
        "Member {member_no} has no period away open on {date}.",
        "党员 {member_no} 在 {date} 没有未结束的流动外出记录。",
    ),
    "membership.void_needs_reason": (
        "Voiding an event needs a reason.",
        "作废记录须填写原因。",
    ),
    "membership.event_not_found": (
        "No membership event {id} in this branch.",
        "本支部没有编号为 {id} 的党员变动记录。",
    ),
    "membership.event_already_voided": (
        "Event {id} is already void.",
        "记录 {id} 已作废。",
    ),
    # --- the command line
    "membership.cli.transfer_out.help": (
        "Record that a member's Party membership is transferred out (组织关系转出).",
        "登记党员组织关系转出。",
    ),
    "membership.cli.transfer_in.help": (
        "Add a member who comes from another branch (组织关系转入), keeping their original "
        "join date.",
        "登记组织关系转入的党员（保留原入党日期）。",
    ),
    "membership.cli.convert.help": (
        "Convert a probationary member to full membership (转正) on --date; with --extend "
        "--until, record an extended probation (延长预备期) instead.",
        "预备党员转正（--date 为转正日期）；加 --extend --until 则登记延长预备期。",
    ),
    "membership.cli.away.help": (
        "Record a period away (流动党员: organizational life elsewhere).",
        "登记流动党员外出（在外地参加组织生活）。",
    ),
    "membership.cli.back.help": (
        "Record that a member away is back: the period away ends the day before --date.",
        "登记流动党员返回：外出期到 --date 前一天结束。",
    ),
    "membership.cli.deceased.help": ("Record a member's death (去世).", "登记党员去世。"),
    "membership.cli.remove.help": (
        "Record a removal from the Party (除名/出党/停止党籍), with its reason.",
        "登记除名、出党或停止党籍（须填写原因）。",
    ),
    "membership.cli.history.help": (
        "List a member's dated events, voided ones included.",
        "列出党员的变动记录（含已作废的）。",
    ),
    "membership.cli.void.help": (
        "Void an event recorded by mistake (it is kept, marked void, with the reason).",
        "作废误登的变动记录（记录保留并注明作废原因）。",
    ),
    "membership.cli.probation.help": (
        "The conversion watch: probationary members whose year ends soon or has passed.",
        "转正提醒：预备期即将期满或已期满的预备党员。",
    ),
    "membership.cli.arg.no": ("The member's number.", "党员编号。"),
    "membership.cli.arg.id": (
        "The event's number (the Id column of members history).",
        "记录编号（members history 的“记录”列）。",
    ),
    "membership.cli.opt.date": ("The day it happened (YYYY-MM-DD).", "发生日期（YYYY-MM-DD）。"),
    "membership.cli.opt.date_in": (
        "The day the member came into this branch.",
        "转入本支部的日期。",
    ),
    "membership.cli.opt.date_convert": (
        "The day of conversion (for --extend: the day it was decided; today if left out).",
        "转正日期（加 --extend 时为作出决定的日期，默认今天）。",
    ),
    "membership.cli.opt.date_back": (
        "The day the member is back.",
        "返回的日期。",
    ),
    "membership.cli.opt.to": (
        "The Party organization the member goes to.",
        "转往的党组织。",
    ),
    "membership.cli.opt.from": (
        "The branch the member comes from.",
        "原所在党组织。",
    ),
    "membership.cli.opt.name": ("The member's name.", "姓名。"),
    "membership.cli.opt.join": (
        "The original date of joining the Party.",
        "原入党日期。",
    ),
    "membership.cli.opt.full": ("The full-member date.", "转正日期。"),
    "membership.cli.opt.status": (
        "full or probationary (default full).",
        "正式党员或预备党员（默认正式党员）。",
    ),
    "membership.cli.opt.gender": ("male or female.", "男或女。"),
    "membership.cli.opt.birth": ("The birth date.", "出生日期。"),
    "membership.cli.opt.group": ("The Party group.", "所在党小组。"),
    "membership.cli.opt.phone": ("The phone number.", "联系电话。"),
    "membership.cli.opt.note": ("A note kept with the event.", "备注。"),
    "membership.cli.opt.extend": (
        "Extend the probation instead of converting.",
        "延长预备期，而不是转正。",
    ),
    "membership.cli.opt.until": (
        "The new end of probation (with --extend).",
        "延长至哪一天（与 --extend 一起使用）。",
    ),
    "membership.cli.opt.reason": ("The reason.", "原因。"),
    "membership.cli.opt.away_from": ("The first day away.", "外出开始日期。"),
    "membership.cli.opt.away_to": (
        "The last day away (leave out while still away).",
        "外出结束日期（尚未返回可不填）。",
    ),
    "membership.cli.opt.where": (
        "Where the member takes part in organizational life.",
        "外出地点或参加组织生活的党组织。",
    ),
    "membership.cli.opt.remove_reason": (
        "Why (除名, 出党 or 停止党籍, and the decision).",
        "原因（除名、出党或停止党籍，及其决定）。",
    ),
    "membership.cli.opt.void_reason": ("Why the event is void.", "作废原因。"),
    "membership.cli.opt.within": (
        "List probations that end within this many days (and those overdue).",
        "列出在多少天内期满（及已期满）的预备党员。",
    ),
    "membership.cli.opt.archived": (
        "List the members who have left (历史党员): transferred out, deceased, removed.",
        "列出历史党员（已转出、去世、除名等）。",
    ),
    "membership.cli.opt.all": (
        "List everyone: the members in the branch today and those who have left.",
        "列出全部党员（现有党员和历史党员）。",
    ),
    "membership.cli.archived_or_all": (
        "Give --archived or --all, not both.",
        "--archived 和 --all 只能选一个。",
    ),
    "membership.cli.no_archived": (
        "No member has left the branch.",
        "没有历史党员。",
    ),
    "membership.cli.bad_date": (
        "{option}: cannot read the date {value!r} (use YYYY-MM-DD).",
        "{option}：无法识别日期“{value}”（请用 YYYY-MM-DD）。",
    ),
    "membership.cli.convert_needs_date": (
        "Give the day of conversion with --date (or --extend --until to extend the probation).",
        "请用 --date 指定转正日期（或用 --extend --until 延长预备期）。",
    ),
    "membership.cli.until_without_extend": (
        "--until goes with --extend.",
        "--until 须与 --extend 一起使用。",
    ),
    "membership.cli.recorded": (
        "Recorded for {name} ({member_no}): {kind} on {date} (event {id}).",
        "已登记：{name}（{member_no}）{date} {kind}（记录 {id}）。",
    ),
    "membership.cli.recorded_to": (
        "Recorded for {name} ({member_no}): {kind} on {date}, to {place} (event {id}).",
        "已登记：{name}（{member_no}）{date} {kind}，转往{place}（记录 {id}）。",
    ),
    "membership.cli.recorded_away": (
        "Recorded {name} ({member_no}) away from {date} to {end} at {place} (event {id}).",
        "已登记：{name}（{member_no}）{date} 至 {end} 流动外出，地点：{place}（记录 {id}）。",
    ),
    "membership.cli.recorded_away_open": (
        "Recorded {name} ({member_no}) away from {date} at {place} (event {id}).",
        "已登记：{name}（{member_no}）自 {date} 起流动外出，地点：{place}（记录 {id}）。",
    ),
    "membership.cli.recorded_until": (
        "Recorded for {name} ({member_no}): {kind} until {end}, decided on {date} (event {id}).",
        "已登记：{name}（{member_no}）{kind}至 {end}，{date} 决定（记录 {id}）。",
    ),
    "membership.cli.transferred_in": (
        "Added {name} ({member_no}, {status}), transferred in on {date} from {place}.",
        "已登记转入：{name}（{member_no}，{status}），{date} 自{place}转入。",
    ),
    "membership.cli.back_done": (
        "{name} ({member_no}) is back on {date}: away from {start} to {end}.",
        "{name}（{member_no}）已于 {date} 返回：流动外出 {start} 至 {end}。",
    ),
    "membership.cli.voided_done": (
        "Voided event {id} of {name} ({member_no}): {kind} on {date}.",
        "已作废记录 {id}：{name}（{member_no}）{date} {kind}。",
    ),
    "membership.cli.voided": ("void: {reason}", "已作废：{reason}"),
    "membership.cli.no_events": (
        "No events recorded for member {member_no}.",
        "党员 {member_no} 没有变动记录。",
    ),
    "membership.cli.probation_none": (
        "No probationary member's year ends within {days} days or has passed.",
        "没有在 {days} 天内期满或已期满的预备党员。",
    ),
    "membership.probation.unknown": ("join date unknown", "入党日期不详"),
    "membership.probation.extended": ("{date} (extended)", "{date}（已延长）"),
    "membership.probation.overdue": ("{days} days overdue", "已超期 {days} 天"),
    "membership.probation.today": ("ends today", "今天期满"),
    "membership.probation.left": ("{days} days left", "还有 {days} 天"),
    # column headings of the CLI tables and the TUI lists
    "membership.col.id": ("Id", "记录"),
    "membership.col.member_no": ("No.", "编号"),
    "membership.col.name": ("Name", "姓名"),
    "membership.col.status": ("Status", "类别"),
    "membership.col.group": ("Group", "党小组"),
    "membership.col.join_date": ("Joined", "入党日期"),
    "membership.col.date": ("Date", "日期"),
    "membership.col.kind": ("Event", "事项"),
    "membership.col.end_date": ("Until", "截至"),
    "membership.col.place": ("To/from/at", "去向/来源/地点"),
    "membership.col.reason": ("Reason", "原因"),
    "membership.col.operator": ("By", "登记人"),
    "membership.col.voided": ("Void", "作废"),
    "membership.col.entered_on": ("Came in", "转入日期"),
    "membership.col.left_on": ("Left", "离开日期"),
    "membership.col.left_kind": ("How", "离开方式"),
    "membership.col.ends_on": ("Probation ends", "预备期满"),
    "membership.col.extended": ("Extended", "已延长"),
    "membership.col.days_left": ("Days", "天数"),
    # --- the terminal UI
    "membership.tui.key.event": ("Event", "变动"),
    "membership.tui.key.archive": ("Archived", "历史党员"),
    "membership.tui.key.void": ("Void", "作废"),
    "membership.tui.key.convert": ("Convert", "转正"),
    "membership.tui.key.extend": ("Extend", "延长预备期"),
    "membership.tui.key.history": ("History", "变动记录"),
    "membership.tui.do.transfer_out": ("Transfer out (组织关系转出)", "组织关系转出"),
    "membership.tui.do.conversion": ("Convert to full member (转正)", "预备党员转正"),
    "membership.tui.do.probation_extended": ("Extend the probation", "延长预备期"),
    "membership.tui.do.away": ("Away (流动党员)", "流动外出"),
    "membership.tui.do.back": ("Back from away", "流动返回"),
    "membership.tui.do.deceased": ("Deceased (去世)", "去世"),
    "membership.tui.do.removed": ("Removed (除名/出党)", "除名/出党/停止党籍"),
    "membership.tui.do.history": ("History of the member", "变动记录"),
    "membership.tui.do.transfer_in": ("New member transferred in", "组织关系转入（新党员）"),
    "membership.tui.do.watch": ("Conversion watch", "转正提醒"),
    "membership.tui.menu_title": ("Events of {name} ({member_no})", "{name}（{member_no}）的变动"),
    "membership.tui.menu_title_none": ("Member events", "党员变动"),
    "membership.tui.menu_hint": (
        "A letter, or ↑/↓ and Enter · Esc cancels",
        "按字母，或 ↑/↓ 加 Enter · Esc 取消",
    ),
    "membership.tui.title.transfer_out": (
        "Transfer out: {name} ({member_no})",
        "组织关系转出：{name}（{member_no}）",
    ),
    "membership.tui.title.conversion": (
        "Conversion to full member: {name} ({member_no})",
        "预备党员转正：{name}（{member_no}）",
    ),
    "membership.tui.title.probation_extended": (
        "Extended probation: {name} ({member_no})",
        "延长预备期：{name}（{member_no}）",
    ),
    "membership.tui.title.away": ("Away: {name} ({member_no})", "流动外出：{name}（{member_no}）"),
    "membership.tui.title.back": (
        "Back from away: {name} ({member_no})",
        "流动返回：{name}（{member_no}）",
    ),
    "membership.tui.title.deceased": (
        "Deceased: {name} ({member_no})",
        "去世：{name}（{member_no}）",
    ),
    "membership.tui.title.removed": (
        "Removal: {name} ({member_no})",
        "除名/出党/停止党籍：{name}（{member_no}）",
    ),
    "membership.tui.title.void": ("Void an event", "作废变动记录"),
    "membership.tui.title.transfer_in": (
        "A member transferred in from another branch",
        "组织关系转入",
    ),
    "membership.tui.member_line": (
        "{name} ({member_no}), {status}",
        "{name}（{member_no}），{status}",
    ),
    "membership.tui.member_line_joined": (
        "{name} ({member_no}), {status}, joined {joined}",
        "{name}（{member_no}），{status}，{joined} 入党",
    ),
    "membership.tui.left_on": (" · left on {date} ({kind})", " · {date} {kind}"),
    "membership.tui.entered_on": (" · came in on {date}", " · {date} 转入"),
    "membership.tui.void_what": (
        "{kind} of {name} ({member_no}) on {date}: it stays in the history, marked void.",
        "{name}（{member_no}）{date} {kind}：作废后仍保留在变动记录中。",
    ),
    "membership.tui.saved": (
        "Recorded: {kind}, {name} ({member_no}), {date}.",
        "已登记：{name}（{member_no}）{date} {kind}。",
    ),
    "membership.tui.transferred_in": (
        "Added {name} ({member_no}), transferred in.",
        "已登记转入：{name}（{member_no}）。",
    ),
    "membership.tui.voided_done": ("Voided: {kind} on {date}.", "已作废：{date} {kind}。"),
    "membership.tui.no_event": ("No event selected.", "未选中记录。"),
    "membership.tui.note": ("Note: {note}", "备注：{note}"),
    "membership.tui.voided": ("Void: {reason}", "已作废：{reason}"),
    "membership.tui.history_title": ("Member history", "党员变动记录"),
    "membership.tui.history_empty": (
        "No events recorded. Press r to record one.",
        "没有变动记录。按 r 登记。",
    ),
    "membership.tui.archive_title": ("Archived members (历史党员)", "历史党员"),
    "membership.tui.archive_empty": (
        "No member has left the branch. Press v to return to the roster.",
        "没有历史党员。按 v 返回党员名册。",
    ),
    "membership.tui.archive_count": (
        "{total} archived members (left the branch) · v: the roster",
        "历史党员 {total} 名 · 按 v 返回党员名册",
    ),
    "membership.tui.archive_count_search": (
        "{found} of {total} archived members match · v: the roster",
        "找到 {found} 名（历史党员共 {total} 名）· 按 v 返回党员名册",
    ),
    "membership.tui.watch_title": ("Conversion watch", "转正提醒"),
    "membership.tui.watch_about": (
        "Probationary members whose year ends within {days} days of {today}, or has passed.",
        "预备期在 {today} 起 {days} 天内期满或已期满的预备党员。",
    ),
    "membership.tui.cmd.watch": ("Conversion watch", "转正提醒"),
    "membership.tui.cmd.watch.help": (
        "Probationary members due for conversion (转正) within 30 days or overdue",
        "30 天内预备期满或已超期、待转正的预备党员",
    ),
    "membership.tui.cmd.archive": ("Archived members", "历史党员"),
    "membership.tui.cmd.archive.help": (
        "Members who have left: transferred out, deceased, removed (历史党员)",
        "已转出、去世、除名等离开本支部的党员",
    ),
    "membership.tui.cmd.transfer_in": ("Member transferred in", "组织关系转入"),
    "membership.tui.cmd.transfer_in.help": (
        "Add a member who comes from another branch (组织关系转入)",
        "登记从其他党组织转入的党员",
    ),
    # form fields
    "membership.field.date": ("date", "日期"),
    "membership.field.place": ("place", "地点"),
    "membership.field.note": ("note", "备注"),
    "membership.field.reason": ("reason", "原因"),
    "membership.field.until": ("extended until", "延长至"),
    "membership.field.end": ("away until", "外出截止日期"),
    "membership.field.transfer_out.date": ("out on", "转出日期"),
    "membership.field.transfer_out.place": ("to", "转往党组织"),
    "membership.field.conversion.date": ("full from", "转正日期"),
    "membership.field.probation_extended.date": ("decided on", "决定日期"),
    "membership.field.away.date": ("away from", "外出日期"),
    "membership.field.away.place": ("where", "外出地点"),
    "membership.field.back.date": ("back on", "返回日期"),
    "membership.field.deceased.date": ("died on", "去世日期"),
    "membership.field.removed.date": ("removed on", "除名/出党日期"),
    "membership.field.transfer_in.date": ("came in on", "转入日期"),
    "membership.field.transfer_in.place": ("from", "原所在党组织"),
    # F1 help
    "membership.tui.help.members": (
        "The members in the branch today. / searches by name, number or phone (Enter returns "
        "to the list, Escape clears the search). n adds a member; Enter or e edits the "
        "highlighted one; p opens their points ledger. r opens the menu of the member's "
        "events; each has its own key too: o transfer out, c convert, t extend the "
        "probation, a away, b back, d deceased, x removed, h history, i a member transferred "
        "in, w the conversion watch. v shows the members who have left (历史党员) and back.",
        "本支部现有党员。按 / 按姓名、编号或电话搜索（Enter 回到列表，Esc 清除搜索）。"
        "按 n 新增党员；按 Enter 或 e 编辑选中的党员；按 p 打开其积分明细。"
        "按 r 打开党员变动菜单，也可直接按键：o 组织关系转出，c 转正，t 延长预备期，"
        "a 流动外出，b 流动返回，d 去世，x 除名/出党，h 变动记录，i 组织关系转入，w 转正提醒。"
        "按 v 查看历史党员，再按 v 返回。",
    ),
    "membership.tui.help.menu": (
        "Choose what happened to the member: press its letter, or move with ↑/↓ and press "
        "Enter. Escape closes the menu.",
        "选择党员发生的变动：按对应字母，或用 ↑/↓ 选择后按 Enter。按 Esc 关闭菜单。",
    ),
    "membership.tui.help.form": (
        "Record one event of the member. Dates are YYYY-MM-DD and cannot lie in the future, "
        "before the member joined or came in, or after they left. Ctrl+S saves; Escape "
        "cancels. A refusal is shown under the field and nothing is saved.",
        "登记党员的一项变动。日期格式为 YYYY-MM-DD，不能晚于今天，不能早于入党或转入日期，"
        "也不能晚于离开日期。Ctrl+S 保存，Esc 取消；不合要求时在字段下方说明，不作保存。",
    ),
    "membership.tui.help.void": (
        "Void an event recorded by mistake: it stays in the history, marked void with the "
        "reason, and the member's state is worked out again from the other events. Ctrl+S "
        "voids; Escape cancels.",
        "作废误登的变动记录：记录仍保留并注明作废原因，党员状态按其余记录重新确定。"
        "Ctrl+S 作废，Esc 取消。",
    ),
    "membership.tui.help.transfer_in": (
        "A member who comes from another branch: their number and name, the day they came "
        "in and the branch they come from, and their original join and full-member dates. "
        "Ctrl+S saves; Escape cancels.",
        "从其他党组织转入的党员：编号、姓名、转入日期、原所在党组织，以及原入党和转正日期。"
        "Ctrl+S 保存，Esc 取消。",
    ),
    "membership.tui.help.history": (
        "The member's events, oldest first; voided ones are struck through. r records an "
        "event; x voids the highlighted one (with a reason). Escape goes back.",
        "党员的变动记录，按日期排列；已作废的以删除线显示。按 r 登记变动；"
        "按 x 作废选中的记录（须填写原因）。按 Esc 返回。",
    ),
    "membership.tui.help.watch": (
        "Probationary members whose probation (a year after joining, or the extended date) "
        "ends within 30 days or has passed, soonest first. c or Enter converts the "
        "highlighted member; t extends the probation; h shows the history.",
        "预备期（入党满一年或延长后的日期）在 30 天内期满或已期满的预备党员，按期满日期排列。"
        "按 c 或 Enter 办理转正；按 t 延长预备期；按 h 查看变动记录。",
    ),
}
