"""Messages of the hash chains and their anchors (issue 10 §4): (English, Chinese).
Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- amounts typed by hand
    "chain.points_too_precise": (
        "Points {value}: at most two decimals (hundredths) are kept; enter e.g. 1.5 or 1.25.",
        "积分 {value}：最多保留两位小数；请填写如 1.5 或 1.25 的数值。",
    ),
    "chain.hours_too_precise": (
        "Hours {value}: at most two decimals (hundredths) are kept; enter e.g. 1.5 or 1.25.",
        "时长 {value}：最多保留两位小数；请填写如 1.5 或 1.25 的数值。",
    ),
    # --- verify: values the app never writes
    "verify.reason.not_hundredths": (
        "its points or hours are not a whole number of hundredths "
        "(written outside the program, the chain rehashed around it)",
        "其积分或时长不是整百分之一的数值（被程序外写入，且哈希链被重算）",
    ),
    # --- verify --expect
    "verify.cli.opt.expect": (
        "A ledger head and audit head recorded elsewhere, as LEDGER,AUDIT (as printed on "
        "a sheet; either may be left out, each may be shortened to its first 12 characters). "
        "Fails when a head is no longer in its chain. May be given several times.",
        "在别处记下的积分台账末条哈希和操作日志末条哈希，写作“台账哈希,日志哈希”（与打印的表格一致；"
        "可只写其一，每个哈希可只写前 12 位）。哈希已不在链中时校验不通过。可多次给出。",
    ),
    "verify.anchor": (
        "To check later against what is now: orglife-tui verify --expect {anchor}",
        "日后据此核验：orglife-tui verify --expect {anchor}",
    ),
    "verify.expect.not_hex": (
        "--expect {anchor}: {value} is not a hash (hexadecimal digits 0-9 and a-f, at most 64).",
        "--expect {anchor}：{value} 不是哈希值（应为 0-9、a-f 的十六进制数字，最多 64 位）。",
    ),
    "verify.expect.too_short": (
        "--expect {anchor}: {value} is too short; give at least the first {min} characters "
        "of the head.",
        "--expect {anchor}：{value} 太短，请至少写出哈希的前 {min} 位。",
    ),
    "verify.expect.too_many": (
        "--expect {anchor}: give at most two heads, the ledger head and the audit head, "
        "separated by a comma.",
        "--expect {anchor}：最多两个哈希，即台账哈希和日志哈希，以逗号分隔。",
    ),
    "verify.expect.empty": (
        "--expect: give a ledger head, an audit head, or both as LEDGER,AUDIT.",
        "--expect：请给出台账哈希、日志哈希，或写作“台账哈希,日志哈希”。",
    ),
    "verify.expect.found.ledger": (
        "Expected ledger head {expected}: present in the ledger of {branch}; "
        "{after} entries were added after it.",
        "预期台账哈希 {expected}：在 {branch} 的积分台账中；其后又新增 {after} 条记录。",
    ),
    "verify.expect.found.audit": (
        "Expected audit head {expected}: present in the audit log; "
        "{after} events were logged after it.",
        "预期日志哈希 {expected}：在操作日志中；其后又记录 {after} 条操作。",
    ),
    "verify.expect.empty_chain.ledger": (
        "Expected ledger head {expected}: the head of an empty ledger; nothing to check.",
        "预期台账哈希 {expected}：为空台账的起始值，无需核对。",
    ),
    "verify.expect.empty_chain.audit": (
        "Expected audit head {expected}: the head of an empty audit log; nothing to check.",
        "预期日志哈希 {expected}：为空日志的起始值，无需核对。",
    ),
    "verify.expect.missing.ledger": (
        "Expected ledger head {expected} is NOT in any ledger: entries were deleted or the "
        "ledger was rewritten since that head was recorded. The ledger heads now: {found}.",
        "预期台账哈希 {expected} 不在任何积分台账中：自记下该哈希以来，有记录被删除或台账被重写。"
        "现在的台账末条哈希：{found}。",
    ),
    "verify.expect.missing.audit": (
        "Expected audit head {expected} is NOT in the audit log: events were deleted or the "
        "log was rewritten since that head was recorded. The audit head now: {found} "
        "({count} events).",
        "预期日志哈希 {expected} 不在操作日志中：自记下该哈希以来，有操作记录被删除或日志被重写。"
        "现在的日志末条哈希：{found}（共 {count} 条）。",
    ),
    "verify.expect.ambiguous.ledger": (
        "Expected ledger head {expected}: more than one entry's hash starts so; give more "
        "characters of it.",
        "预期台账哈希 {expected}：有不止一条记录的哈希以此开头，请多写几位。",
    ),
    "verify.expect.ambiguous.audit": (
        "Expected audit head {expected}: more than one event's hash starts so; give more "
        "characters of it.",
        "预期日志哈希 {expected}：有不止一条操作记录的哈希以此开头，请多写几位。",
    ),
    "verify.expect.none": ("(none)", "（无）"),
    # --- the heads a sheet was made from
    "chain.sheet.anchor": (
        "Check later: orglife-tui verify --expect {anchor}",
        "日后核验：orglife-tui verify --expect {anchor}",
    ),
    "chain.sheet.label.ledger_head": ("Ledger head hash", "积分台账末条哈希"),
    "chain.sheet.label.audit_head": ("Audit log head hash", "操作日志末条哈希"),
    "chain.sheet.label.anchor": ("To check later", "日后核验"),
}
