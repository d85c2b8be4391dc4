"""Messages of dues: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    "dues.list_sep": ("; ", "；"),
    # --- amounts, months (problems of a typed value)
    "dues.problem.bad_amount": (
        "cannot read {value!r} as an amount in yuan (e.g. 12.50)",
        "无法识别金额“{value}”（应为以元为单位的金额，如 12.50）",
    ),
    "dues.problem.negative_amount": (
        "{value!r}: an amount cannot be negative",
        "“{value}”：金额不能为负数",
    ),
    "dues.problem.amount_precision": (
        "{value!r}: at most two decimals (fen)",
        "“{value}”：金额最多两位小数（精确到分）",
    ),
    "dues.problem.amount_too_large": (
        "{value!r}: more than 1,000,000 yuan",
        "“{value}”：金额超过 100 万元",
    ),
    "dues.problem.bad_months": (
        "cannot read {value!r} as months (use YYYY-MM or YYYY-MM..YYYY-MM)",
        "无法识别月份“{value}”（应为 YYYY-MM 或 YYYY-MM..YYYY-MM）",
    ),
    "dues.problem.bad_month_cell": (
        "cannot read {value!r} as a month (use YYYY-MM, 2026年3月 or a date)",
        "无法识别月份“{value}”（应为 YYYY-MM、2026年3月 或日期）",
    ),
    "dues.problem.two_ends": (
        "{value!r} differs from the end of the range given in 起始月份 ({last})",
        "“{value}”与起始月份中给出的截止月份（{last}）不一致",
    ),
    # --- refusals
    "dues.bad_month": (
        "Cannot read {value!r} as a month (use YYYY-MM).",
        "无法识别月份“{value}”（应为 YYYY-MM）。",
    ),
    "dues.negative_standard": (
        "A dues standard cannot be negative (0 means exempt).",
        "党费标准不能为负数（0 表示免交）。",
    ),
    "dues.amount_too_large": (
        "The amount is more than 1,000,000 yuan.",
        "金额超过 100 万元。",
    ),
    "dues.member_left": (
        "Member {member_no} left the branch on {date}; no dues are kept for later months.",
        "党员 {member_no} 已于 {date} 离开本支部，之后的月份不再记录党费。",
    ),
    "dues.paid_in_future": (
        "The payment date {date} lies in the future.",
        "交纳日期 {date} 晚于今天。",
    ),
    "dues.months_reversed": (
        "The months run backwards: {first} is after {last}.",
        "月份起止颠倒：{first} 晚于 {last}。",
    ),
    "dues.too_many_months": (
        "One payment covers {count} months; at most 120.",
        "一笔交纳涵盖 {count} 个月，最多 120 个月。",
    ),
    "dues.month_too_early": (
        "{month} is before the Party was founded.",
        "{month} 早于建党时间。",
    ),
    "dues.months_too_far_ahead": (
        "{month} is more than two years ahead (at most {limit}).",
        "{month} 超前两年以上（最晚 {limit}）。",
    ),
    "dues.amount_not_positive": (
        "A payment must be more than 0 yuan.",
        "交纳金额必须大于 0 元。",
    ),
    "dues.note_too_long": (
        "The note is longer than {limit} characters.",
        "备注超过 {limit} 个字符。",
    ),
    "dues.paid_before_joined": (
        "Member {member_no} joined the Party on {date}; a payment cannot be earlier.",
        "党员 {member_no} 于 {date} 入党，交纳日期不能早于入党日期。",
    ),
    "dues.months_before_joined": (
        "Member {member_no} joined the Party on {date}; no dues are owed for earlier months.",
        "党员 {member_no} 于 {date} 入党，此前的月份不应交纳党费。",
    ),
    "dues.months_already_paid": (
        "{member_no}: {month} is already paid (payment #{by}); void that payment first to "
        "correct it.",
        "{member_no}：{month} 已交纳（第 {by} 笔）；如需更正，请先作废该笔记录。",
    ),
    "dues.months_paid_in_file": (
        "{member_no}: {month} is also paid in row {row} of this file.",
        "{member_no}：{month} 在本文件第 {row} 行也已交纳。",
    ),
    "dues.unsafe_text": (
        "The text holds control or direction-changing characters; type it again.",
        "文字中含有控制字符或改变文字方向的字符，请重新输入。",
    ),
    "dues.void_reason_required": (
        "Voiding a payment needs a reason.",
        "作废交纳记录须填写原因。",
    ),
    "dues.reason_too_long": (
        "The reason is longer than {limit} characters.",
        "原因超过 {limit} 个字符。",
    ),
    "dues.payment_not_found": (
        "No dues payment #{id} in this branch.",
        "本支部没有第 {id} 笔党费交纳记录。",
    ),
    "dues.already_voided": (
        "Payment #{id} is already voided.",
        "第 {id} 笔交纳记录已作废。",
    ),
    "dues.as_of_future": (
        "--as-of {date} lies in the future.",
        "--as-of {date} 晚于今天。",
    ),
    # --- the ledger and the scheme
    "dues.ledger.item_derived": (
        "Item {item} is scored from the dues records; record the dues payments instead of "
        "adding an entry.",
        "项目“{item}”由党费交纳记录自动计分，请登记党费交纳，不要手工录入。",
    ),
    "dues.ledger.note_changed": ("dues records changed", "党费记录变更"),
    "ledger.source.dues": ("dues", "党费"),
    "tui.source.dues": ("dues", "党费"),
    "dues.scheme.problem.deduction_only": (
        "an item derived from the dues must be a deduction",
        "由党费记录计分的项目必须是扣分项",
    ),
    "dues.scheme.summary": (
        "auto from the dues: each month unpaid {grace} month(s) after it",
        "由党费记录自动计分：每月党费逾期 {grace} 个月仍未交纳计一次",
    ),
    "dues.tui.scheme_derive": (
        "from the dues: each month still unpaid {grace} month(s) after it",
        "由党费记录自动计分：某月党费逾期 {grace} 个月仍未交纳计一次",
    ),
    # --- the compliance watch
    "compliance.rule.dues_arrears": ("Dues in arrears", "欠缴党费"),
    "dues.finding.arrears": (
        "{name} ({member_no}) has not paid Party dues for {count} month(s) in a row "
        "({months}); step reached ({step_months} months): {action}",
        "{name}（{member_no}）连续 {count} 个月未交纳党费（{months}），"
        "已达 {step_months} 个月一档：{action}",
    ),
    "dues.finding.case": (
        "{name} ({member_no}) has not paid Party dues for {count} months in a row "
        "({months}): under Article 38 of the Party Constitution this counts as leaving the "
        "Party — {action}",
        "{name}（{member_no}）连续 {count} 个月不交纳党费（{months}），"
        "依照党章第三十八条视为自行脱党：{action}",
    ),
    # --- import
    "dues.field.member_no": ("member number", "编号"),
    "dues.field.paid_on": ("date paid", "缴纳日期"),
    "dues.field.from_month": ("first month", "起始月份"),
    "dues.field.to_month": ("last month", "截止月份"),
    "dues.field.amount": ("amount", "金额"),
    "dues.import.done": (
        "{file}: dues payments recorded: {count}, {amount} yuan in all.",
        "{file}：已导入党费交纳记录 {count} 笔，共 {amount} 元。",
    ),
    # --- command line
    "dues.cli.help": (
        "Party dues: monthly standards, payments, arrears.",
        "党费：月交纳标准、交纳记录、欠缴情况。",
    ),
    "dues.cli.standard.help": (
        "Set a member's monthly dues (in yuan) from a month on; 0 means exempt.",
        "设定党员自某月起的月交纳党费标准（元）；0 表示免交。",
    ),
    "dues.cli.standards.help": (
        "List the dues standards.",
        "列出党费标准。",
    ),
    "dues.cli.pay.help": (
        "Record a dues payment covering some months.",
        "登记一笔党费交纳（涵盖若干月份）。",
    ),
    "dues.cli.void.help": (
        "Void a payment recorded by mistake (it is kept, with the reason).",
        "作废误登记的交纳记录（记录保留并注明原因）。",
    ),
    "dues.cli.list.help": ("List the dues payments.", "列出党费交纳记录。"),
    "dues.cli.status.help": (
        "Each member's dues: standard, paid until, months in arrears, amount owed.",
        "每名党员的党费情况：标准、交至月份、欠缴月数、欠缴金额。",
    ),
    "dues.cli.import.help": (
        "Import dues payments from CSV/XLSX (columns 编号, 姓名, 缴纳日期, 起始月份, 截止月份, "
        "金额, 备注): all rows or none.",
        "从 CSV/XLSX 导入党费交纳记录（列：编号、姓名、缴纳日期、起始月份、截止月份、金额、"
        "备注），全部成功或全部不导入。",
    ),
    "dues.cli.arg.member": ("Member number", "党员编号"),
    "dues.cli.arg.amount": ("Amount a month, in yuan (e.g. 12.50)", "每月金额（元），如 12.50"),
    "dues.cli.arg.id": ("Payment number (see dues list)", "交纳记录编号（见 dues list）"),
    "dues.cli.opt.from": ("First month of the standard, YYYY-MM", "标准起始月份，YYYY-MM"),
    "dues.cli.opt.member": ("Only this member", "只列此党员"),
    "dues.cli.opt.months": (
        "Months paid: YYYY-MM or YYYY-MM..YYYY-MM",
        "交纳的月份：YYYY-MM 或 YYYY-MM..YYYY-MM",
    ),
    "dues.cli.opt.amount": ("Amount paid, in yuan (e.g. 75.00)", "交纳金额（元），如 75.00"),
    "dues.cli.opt.on": (
        "Date paid, YYYY-MM-DD (default: today)",
        "交纳日期，YYYY-MM-DD（默认今天）",
    ),
    "dues.cli.opt.note": ("A note", "备注"),
    "dues.cli.opt.reason": ("Why the payment is voided", "作废原因"),
    "dues.cli.opt.year": (
        "Only payments covering a month of this year",
        "只列涵盖该年度月份的交纳记录",
    ),
    "dues.cli.opt.as_of": (
        "As of this date, YYYY-MM-DD (default: today)",
        "截至日期，YYYY-MM-DD（默认今天）",
    ),
    "dues.standard_set": (
        "Dues of {member_no} {name} from {month}: {amount} yuan a month.",
        "{member_no} {name} 自 {month} 起每月交纳党费 {amount} 元。",
    ),
    "dues.paid": (
        "Payment #{id}: {member_no} {name} paid {amount} yuan for {months} on {date}.",
        "第 {id} 笔：{member_no} {name} 于 {date} 交纳 {months} 党费 {amount} 元。",
    ),
    "dues.amount_differs": (
        "Note: the standard for these months comes to {expected} yuan; {amount} was paid.",
        "提示：按标准这些月份应交 {expected} 元，实交 {amount} 元。",
    ),
    "dues.voided": (
        "Payment #{id} ({member_no} {name}, {amount} yuan for {months}) voided.",
        "第 {id} 笔（{member_no} {name}，{months}，{amount} 元）已作废。",
    ),
    "dues.voided_note": ("VOIDED: {reason}", "已作废：{reason}"),
    "dues.no_payments": ("No dues payments.", "没有党费交纳记录。"),
    "dues.no_standards": ("No dues standards set.", "尚未设定党费标准。"),
    "dues.list_total": (
        "{count} payment(s), {amount} yuan; {voided} voided.",
        "共 {count} 笔，{amount} 元；已作废 {voided} 笔。",
    ),
    "dues.status_header": (
        "{branch}: Party dues as of {date}",
        "{branch}：党费交纳情况（截至 {date}）",
    ),
    "dues.status_total": (
        "{behind} member(s) in arrears, {owed} yuan owed.",
        "欠缴党员 {behind} 名，欠缴金额 {owed} 元。",
    ),
    "dues.note.no_standard": ("no standard set", "未设标准"),
    "dues.note.away": ("away", "流动在外"),
    "dues.points_not_updated": (
        "Dues saved, but the points were not updated: {message}. Sync the points once that "
        "is solved.",
        "党费记录已保存，但积分未更新：{message}。问题解决后请同步积分。",
    ),
    "dues.col.id": ("No.", "序号"),
    "dues.col.member_no": ("Member", "编号"),
    "dues.col.name": ("Name", "姓名"),
    "dues.col.paid_on": ("Paid on", "交纳日期"),
    "dues.col.months": ("Months", "月份"),
    "dues.col.from_month": ("From", "起始月份"),
    "dues.col.amount": ("Amount", "金额"),
    "dues.col.note": ("Note", "备注"),
    "dues.col.operator": ("Operator", "操作人"),
    "dues.col.standard": ("Standard", "月标准"),
    "dues.col.paid_until": ("Paid until", "交至"),
    "dues.col.arrears_months": ("Months owed", "欠缴月数"),
    "dues.col.owed": ("Owed", "欠缴金额"),
    # --- terminal UI
    "dues.tui.title": ("Party dues", "党费"),
    "dues.tui.cmd.go": ("Party dues", "党费"),
    "dues.tui.cmd.go.help": (
        "Each member's dues: paid until, months in arrears; record payments",
        "党员党费交纳情况：交至月份、欠缴月数；登记交纳",
    ),
    "dues.tui.key.go": ("Dues", "党费"),
    "dues.tui.key.pay": ("Pay", "交纳"),
    "dues.tui.key.standard": ("Standard", "标准"),
    "dues.tui.key.payments": ("Payments", "明细"),
    "dues.tui.key.void": ("Void", "作废"),
    "dues.tui.help": (
        "Party dues as of today: each member's monthly standard, the month paid until, the "
        "months in arrears and the amount owed. Dues for a month are paid within that month, "
        "so the current month is never in arrears; months away are not counted. Three months "
        "in arrears call for a reminder talk; six in a row are a case under Article 38 of the "
        "Party Constitution. p records a payment of the highlighted member, s sets their "
        "monthly standard, Enter or l lists their payments (x voids one recorded by mistake).",
        "截至今天的党费交纳情况：每名党员的月交纳标准、交至月份、欠缴月数和欠缴金额。"
        "当月党费当月交纳，当月不算欠缴；流动在外的月份不计。欠缴满三个月应谈话提醒；"
        "连续六个月不交纳党费依照党章第三十八条视为自行脱党。按 p 登记所选党员的交纳，"
        "按 s 设定其月交纳标准，按 Enter 或 l 查看其交纳明细（按 x 作废误登记的记录）。",
    ),
    "dues.tui.help_payments": (
        "The member's dues payments, newest first. p records a payment; x voids the "
        "highlighted one (it stays on the list, struck through, with the reason).",
        "该党员的党费交纳记录，最新的在前。按 p 登记交纳；按 x 作废所选记录"
        "（记录保留，划线显示并注明原因）。",
    ),
    "dues.tui.help_pay": (
        "A dues payment: the date paid (not after today), the months it covers and the "
        "amount in yuan (at most two decimals). Months already paid are refused: void that "
        "payment first. Ctrl+S saves, Escape cancels.",
        "登记党费交纳：交纳日期（不能晚于今天）、涵盖的月份和金额（元，最多两位小数）。"
        "已交纳的月份不能重复登记，须先作废原记录。Ctrl+S 保存，Esc 取消。",
    ),
    "dues.tui.help_standard": (
        "The member's monthly dues from a month on, in yuan (0: exempt). A standard already "
        "set from that month is replaced. Ctrl+S saves, Escape cancels.",
        "设定党员自某月起的月交纳党费标准（元；0 表示免交）。同一起始月份已有标准的，"
        "以新标准为准。Ctrl+S 保存，Esc 取消。",
    ),
    "dues.tui.help_void": (
        "Void a payment recorded by mistake: it is kept with the reason and no longer "
        "counts. Ctrl+S voids, Escape cancels.",
        "作废误登记的交纳记录：记录保留并注明原因，不再计入。Ctrl+S 确认作废，Esc 取消。",
    ),
    "dues.tui.summary": (
        "As of {date}: {members} member(s), {behind} in arrears, {owed} yuan owed",
        "截至 {date}：党员 {members} 名，欠缴 {behind} 名，欠缴金额 {owed} 元",
    ),
    "dues.tui.empty": ("No members in the branch.", "本支部暂无党员。"),
    "dues.tui.since": ("since {month}", "自 {month} 起"),
    "dues.tui.nothing_selected": ("Highlight a line first.", "请先选中一行。"),
    "dues.tui.col.member_no": ("No.", "编号"),
    "dues.tui.col.name": ("Name", "姓名"),
    "dues.tui.col.standard": ("Monthly", "月标准"),
    "dues.tui.col.paid_until": ("Paid until", "交至"),
    "dues.tui.col.months": ("Months", "欠缴月数"),
    "dues.tui.col.owed": ("Owed", "欠缴金额"),
    "dues.tui.col.note": ("Note", "备注"),
    "dues.tui.col.id": ("#", "序号"),
    "dues.tui.col.paid_on": ("Paid on", "交纳日期"),
    "dues.tui.col.period": ("Months", "月份"),
    "dues.tui.col.amount": ("Amount", "金额"),
    "dues.tui.field.paid_on": ("Date paid", "交纳日期"),
    "dues.tui.field.from_month": ("First month", "起始月份"),
    "dues.tui.field.to_month": ("Last month", "截止月份"),
    "dues.tui.field.amount": ("Amount (yuan)", "金额（元）"),
    "dues.tui.field.standard": ("Monthly (yuan)", "每月（元）"),
    "dues.tui.field.note": ("Note", "备注"),
    "dues.tui.field.reason": ("Reason", "作废原因"),
    "dues.tui.what": (
        "{member_no} {name} · {standard} a month · paid until {paid_until}",
        "{member_no} {name}　月标准 {standard}　交至 {paid_until}",
    ),
    "dues.tui.pay_title": ("Dues payment: {name}", "登记党费交纳：{name}"),
    "dues.tui.standard_title": ("Monthly dues: {name}", "党费标准：{name}"),
    "dues.tui.void_title": ("Void payment #{id}", "作废第 {id} 笔交纳记录"),
    "dues.tui.void_what": (
        "#{id} of {date}: {name}, {months}, {amount} yuan",
        "第 {id} 笔（{date}）：{name}，{months}，{amount} 元",
    ),
    "dues.tui.paid": (
        "{name}: {amount} yuan for {months} recorded.",
        "已登记 {name} 交纳 {months} 党费 {amount} 元。",
    ),
    "dues.tui.voided": (
        "{name}: the payment of {amount} yuan for {months} is voided.",
        "已作废 {name} {months} 的交纳记录（{amount} 元）。",
    ),
    "dues.tui.payments_title": ("Dues payments: {name}", "党费交纳明细：{name}"),
    "dues.tui.payments_summary": (
        "{member_no} {name}: paid until {paid_until}, {months} month(s) in arrears, "
        "{owed} yuan owed",
        "{member_no} {name}：交至 {paid_until}，欠缴 {months} 个月，{owed} 元",
    ),
    "dues.tui.no_payments": ("No payments of {name} recorded.", "尚无 {name} 的交纳记录。"),
    # --- export dues
    "dues.export.help": (
        "The dues register of a year for the higher committee: each member's standard, "
        "what was paid for each month, paid until, arrears.",
        "导出年度党费收缴台账（报上级党委）：每名党员的标准、各月交纳金额、交至月份、欠缴情况。",
    ),
    "dues.export.year": (
        "Year of the register (default: this year)",
        "台账年度（默认今年）",
    ),
    "dues.export.year_future": (
        "{year} has not begun yet; there is no register for it.",
        "{year}年尚未开始，没有台账可导出。",
    ),
    "dues.export.col.member_no": ("member number", "编号"),
    "dues.export.col.name": ("name", "姓名"),
    "dues.export.col.standard": ("monthly standard, yuan", "月交纳标准（元）"),
    "dues.export.col.month": (
        "paid for month {month}, yuan (payments split evenly over their months)",
        "{month}月交纳金额（元；跨月交纳按月平均分摊）",
    ),
    "dues.export.col.total": ("paid for the year's months, yuan", "本年度各月交纳合计（元）"),
    "dues.export.col.paid_until": ("paid until (YYYY-MM)", "交至（年月）"),
    "dues.export.col.arrears_months": ("months in arrears", "欠缴月数"),
    "dues.export.col.owed": ("amount owed, yuan", "欠缴金额（元）"),
    "dues.export.col.arrears": ("the months in arrears", "欠缴月份"),
    "dues.export.md.title": (
        "{branch}: Party dues register {year}",
        "{branch}{year}年党费收缴台账",
    ),
    "dues.export.md.as_of": ("As of {date}.", "截至{date}。"),
    "dues.export.md.member_no": ("No.", "编号"),
    "dues.export.md.name": ("Name", "姓名"),
    "dues.export.md.standard": ("Monthly", "月标准"),
    "dues.export.md.month": ("M{month}", "{month}月"),
    "dues.export.md.total": ("Total", "合计"),
    "dues.export.md.paid_until": ("Paid until", "交至"),
    "dues.export.md.arrears": ("Arrears", "欠缴"),
    "dues.export.md.arrears_cell": ("{months} mo., {owed}", "{months}个月，{owed}元"),
    "dues.export.md.owed": ("owed", "欠"),
    "dues.export.md.empty": ("No members in the branch that year.", "该年度本支部无党员。"),
    "dues.export.md.totals": (
        "{members} member(s); {paid} yuan paid for the year's months; {behind} member(s) "
        "in arrears, {owed} yuan owed.",
        "党员 {members} 名；本年度各月共交纳 {paid} 元；欠缴党员 {behind} 名，欠缴 {owed} 元。",
    ),
    "dues.export.md.rule": (
        "Dues for a month are paid within that month: the current month is not in arrears. "
        "“—”: nothing owed that month (not in the branch, away, exempt, or no standard).",
        "党费按月交纳，当月党费当月交清，当月不计欠缴。“—”表示该月无须交纳"
        "（不在本支部、流动在外、免交或未设标准）。",
    ),
    "dues.export.md.generated": ("Generated on {date}.", "生成日期：{date}。"),
}
