"""Messages of the ledger commands and operations: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # refusals
    "ledger.unknown_item": (
        "The scheme has no item {item!r}. Items entered by hand: {known}.",
        "积分方案中没有项目“{item}”。可手工录入的项目：{known}。",
    ),
    "ledger.item_derived": (
        "Item {item} is scored from attendance; mark the attendance instead of adding an entry.",
        "项目“{item}”由出勤记录自动计分，请登记出勤，不要手工录入。",
    ),
    "ledger.hours_required": (
        "Item {item} is scored per hour: give the hours.",
        "项目“{item}”按小时计分，请填写时长。",
    ),
    "ledger.hours_not_hourly": (
        "Item {item} is scored per occurrence, not per hour: leave out the hours.",
        "项目“{item}”按次计分，不按小时，请不要填写时长。",
    ),
    "ledger.bad_hours": (
        "Hours must be a number above 0 (got {value}).",
        "时长必须是大于 0 的数（现为 {value}）。",
    ),
    "ledger.bad_points": (
        "Points must be a number (got {value}).",
        "分值必须是数字（现为 {value}）。",
    ),
    "ledger.points_sign": (
        "Item {item} is worth {expected} points; {points} has the wrong sign.",
        "项目“{item}”的分值为 {expected}，{points} 的正负号不符。",
    ),
    "ledger.points_and_hours": (
        "Give either --points or --hours, not both.",
        "--points 与 --hours 只能填一个。",
    ),
    "ledger.entry_not_found": (
        "No entry {id} in this branch's ledger.",
        "本支部积分台账中没有第 {id} 条记录。",
    ),
    "ledger.reverse_reversal": (
        "Entry {id} is itself a reversal (of entry {original}); it cannot be reversed.",
        "第 {id} 条本身是冲正记录（冲正第 {original} 条），不能再冲正。",
    ),
    "ledger.already_reversed": (
        "Entry {id} was already reversed by entry {by}; an entry is reversed once only.",
        "第 {id} 条已由第 {by} 条冲正，每条记录只能冲正一次。",
    ),
    "ledger.reason_required": (
        "A reversal needs a reason.",
        "冲正必须说明理由。",
    ),
    "ledger.load_not_empty": (
        "The branch's ledger already holds entries from attendance; use `ledger sync`.",
        "本支部积分台账中已有出勤计分记录，请使用 `ledger sync`。",
    ),
    # notes written on reversals made by `ledger sync`
    "ledger.note.attendance_changed": ("attendance record changed", "出勤记录变更"),
    "ledger.note.scheme_changed": ("scheme changed", "积分方案变更"),
    "ledger.note.meeting_changed": ("meeting date changed", "会议日期变更"),
    "ledger.note.duplicate": ("booked twice", "重复计分"),
    # command line
    "ledger.cli.help": (
        "The points ledger: add, reverse, list, sync.",
        "积分台账：录入、冲正、查看、同步。",
    ),
    "ledger.cli.add.help": (
        "Add a manual entry: MEMBER_NO ITEM [--points P | --hours H] [--date D] [--note N].",
        "手工录入一条积分：党员编号 项目代码 [--points 分值 | --hours 时长] [--date 日期] [--note 说明]。",
    ),
    "ledger.cli.reverse.help": (
        "Reverse an entry with a linked correcting entry (once per entry).",
        "冲正一条记录：新增一条关联的冲正记录（每条只能冲正一次）。",
    ),
    "ledger.cli.list.help": ("List ledger entries, oldest first.", "按录入顺序列出积分记录。"),
    "ledger.cli.sync.help": (
        "Recompute the entries scored from attendance under the active scheme.",
        "按当前积分方案重新核算由出勤自动计分的记录。",
    ),
    "ledger.cli.arg.member": ("Member number.", "党员编号。"),
    "ledger.cli.arg.item": ("Item code of the scheme.", "积分方案中的项目代码。"),
    "ledger.cli.arg.entry": ("Entry number.", "记录编号。"),
    "ledger.cli.opt.points": (
        "Points (default: the item's points); keeps the item's sign.",
        "分值（默认取项目分值），正负号须与项目一致。",
    ),
    "ledger.cli.opt.hours": ("Hours, for items scored per hour.", "时长（按小时计分的项目）。"),
    "ledger.cli.opt.date": ("Date YYYY-MM-DD (default: today).", "日期 YYYY-MM-DD（默认今天）。"),
    "ledger.cli.opt.note": ("Note or evidence.", "说明或佐证材料。"),
    "ledger.cli.opt.reason": ("Why the entry is reversed.", "冲正理由。"),
    "ledger.cli.opt.member": ("Only this member.", "只列出该党员。"),
    "ledger.cli.opt.year": ("Only entries dated in this year.", "只列出该年度的记录。"),
    "ledger.cli.opt.limit": ("At most this many entries.", "最多列出的条数。"),
    "ledger.added": (
        "Entry {id}: {member_no} {name}, {item} {points} on {date}.",
        "已录入第 {id} 条：{member_no} {name}，{item} {points}，日期 {date}。",
    ),
    "ledger.reversed": (
        "Entry {id} reverses entry {original} ({points}): {reason}",
        "已录入第 {id} 条，冲正第 {original} 条（{points}）：{reason}",
    ),
    "ledger.head": ("Ledger head: {hash}", "台账末条哈希：{hash}"),
    "ledger.synced": (
        "Attendance points are up to date under {scheme} {version}: {added} added, {reversed} reversed.",
        "出勤积分已按“{scheme}”{version} 核算：新增 {added} 条，冲正 {reversed} 条。",
    ),
    "ledger.none": ("No ledger entries.", "没有积分记录。"),
    "ledger.col.id": ("No.", "序号"),
    "ledger.col.date": ("Date", "日期"),
    "ledger.col.member_no": ("Member", "编号"),
    "ledger.col.name": ("Name", "姓名"),
    "ledger.col.item": ("Item", "项目"),
    "ledger.col.points": ("Points", "分值"),
    "ledger.col.hours": ("Hours", "时长"),
    "ledger.col.running": ("Total", "累计"),
    "ledger.col.source": ("Source", "来源"),
    "ledger.col.note": ("Note", "说明"),
    "ledger.source.manual": ("manual", "手工"),
    "ledger.source.attendance": ("attendance", "出勤"),
    "ledger.marks.reverses": ("reverses {id}", "冲正第 {id} 条"),
    "ledger.marks.reversed_by": ("reversed by {id}", "已被第 {id} 条冲正"),
    "ledger.meeting": ("meeting {meeting_no}", "会议 {meeting_no}"),
    "ledger.demo.progress": ("Writing the points ledger", "正在写入积分台账"),
    "ledger.demo.done": (
        "Points ledger: {total} entries ({derived} from attendance, {manual} entered by hand, {reversed} reversals) ({seconds} s). Head: {hash}",
        "积分台账：{total} 条（出勤计分 {derived} 条，手工录入 {manual} 条，冲正 {reversed} 条）（{seconds} 秒）。末条哈希：{hash}",
    ),
    "ledger.demo.opt.entries": (
        "Top up the ledger with manual entries to about this many entries in all.",
        "补充手工积分记录，使台账总条数约达到该数。",
    ),
    "ledger.points_failed": (
        "Attendance saved, but the points were not updated: {message}. Sync the points once "
        "that is solved.",
        "出勤已保存，但积分未更新：{message}。问题解决后请同步积分。",
    ),
    "ledger.points_updated": (
        "Points: {added} entries added, {reversed} reversed.",
        "积分：新增 {added} 条，冲正 {reversed} 条。",
    ),
    # verify
    "verify.cli.help": (
        "Check the database: integrity, the ledger hash chain, the audit log.",
        "校验数据库：完整性、积分台账哈希链、操作日志。",
    ),
    "verify.integrity_ok": ("Database integrity: ok", "数据库完整性：正常"),
    "verify.integrity_skipped": (
        "Database integrity: checked by the PostgreSQL server",
        "数据库完整性：由 PostgreSQL 服务器保障",
    ),
    "verify.integrity_bad": (
        "Database integrity: FAILED: {detail}",
        "数据库完整性：异常：{detail}",
    ),
    "verify.counts": (
        "Ledger entries: {ledger}; audit log entries: {audit}",
        "积分记录：{ledger} 条；操作日志：{audit} 条",
    ),
    "verify.head": ("Ledger head of {branch}: {hash}", "{branch} 积分台账末条哈希：{hash}"),
    "verify.head_empty": ("Ledger of {branch}: no entries yet", "{branch} 积分台账：尚无记录"),
    "verify.ok": (
        "Verified: every hash chain is intact. Write the head hash in the minutes.",
        "校验通过：哈希链完整。请将末条哈希记入会议记录。",
    ),
    "verify.failed": ("Verification FAILED.", "校验未通过。"),
    "verify.break": (
        "First broken entry: {table} {id}: {reason}",
        "首个异常记录：{table} 第 {id} 条：{reason}",
    ),
    "verify.table.ledger_entry": ("ledger entry", "积分记录"),
    "verify.table.audit_log": ("audit log entry", "操作日志"),
    "verify.table.ledger_total": ("yearly total of member", "党员年度合计，党员内部编号"),
    "verify.reason.total_mismatch": (
        "it does not match the sum of that member's entries (edited outside the program)",
        "与该党员的积分记录之和不符（被程序外修改）",
    ),
    "verify.reason.hash_mismatch": (
        "its contents do not match its hash (edited outside the program)",
        "内容与哈希不符（被程序外修改）",
    ),
    "verify.reason.prev_mismatch": (
        "it does not follow the entry before it (an entry was removed, inserted or rewritten)",
        "与前一条记录不衔接（有记录被删除、插入或改写）",
    ),
    "verify.reason.bad_reversal": (
        "it reverses an entry that is not an earlier entry of the same member and item with the opposite points",
        "所冲正的记录不是同一党员、同一项目、分值相反的在先记录",
    ),
    "verify.reason.reversed_twice": (
        "it reverses an entry that was already reversed",
        "所冲正的记录已被冲正过",
    ),
}
