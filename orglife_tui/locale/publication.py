"""Messages of publication: (English, Chinese). Chinese text uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- what a published sheet says of itself
    "publication.heads.ledger": ("Ledger head hash: {hash}", "账本头哈希：{hash}"),
    "publication.heads.audit": ("Audit log head hash: {hash}", "操作日志头哈希：{hash}"),
    "publication.scheme": (
        "Scheme used: {name}, version {version}.",
        "所用积分方案：{name}，版本 {version}。",
    ),
    "publication.appraisal.section": ("6. The published record", "六、公布记录"),
    "publication.appraisal.record": (
        "Published record no. {id} of {date} (made {when}). This is what was published: "
        "points entered, reversed or back-dated later do not change it.",
        "第 {id} 号公布记录，{date}（形成于 {when}）。以下为公布时的结果，"
        "此后录入、冲正或补记的积分不改变其内容。",
    ),
    "publication.publicity.record": (
        "Publicity record no. {id}, figures as of {date}.",
        "公示记录第 {id} 号，数据截至{date}。",
    ),
    # --- reading a publication
    "publication.not_found.any": (
        "No publication {id} in this branch.",
        "本支部没有编号为 {id} 的公布记录。",
    ),
    "publication.not_found.publicity": (
        "No recorded publicity {id} in this branch (see export publicity --list).",
        "本支部没有编号为 {id} 的公示记录（可用 export publicity --list 查看）。",
    ),
    "publication.not_found.appraisal": (
        "No published appraisal record {id} in this branch.",
        "本支部没有编号为 {id} 的民主评议公布记录。",
    ),
    "publication.unreadable": (
        "The stored record of publication {id} cannot be read; run verify.",
        "第 {id} 号公布记录无法读取，请运行 verify 检查。",
    ),
    # --- the command
    "publication.cli.publicity.help": (
        "The score table for public notice (公示), with its window and how to object, ready to "
        "print (Markdown or XLSX). Each notice is recorded with the ledger and audit heads it "
        "was made from; --list shows the recorded ones, --id N writes one again exactly as it "
        "was.",
        "用于公示的积分表，含公示期和异议反映方式，可直接打印（Markdown 或 XLSX）。"
        "每次公示连同所依据的账本头哈希和日志头哈希一并登记；--list 列出已登记的公示，"
        "--id N 按原样重新导出其中一份。",
    ),
    "publication.cli.opt.window_start": (
        "First day of the publicity window (YYYY-MM-DD; default: today).",
        "公示开始日期（YYYY-MM-DD；默认：今天）。",
    ),
    "publication.cli.opt.window_end": (
        "Last day of the publicity window (YYYY-MM-DD); instead of --days.",
        "公示结束日期（YYYY-MM-DD），与 --days 二选一。",
    ),
    "publication.cli.opt.days": (
        "Length of the publicity window in days (default: the scheme's publicity days, 7).",
        "公示天数（默认：积分方案规定的公示天数，一般为 7 天）。",
    ),
    "publication.cli.opt.id": (
        "Write the recorded publicity N again, exactly as it was recorded.",
        "按原样重新导出第 N 号公示记录。",
    ),
    "publication.cli.opt.list": (
        "List the recorded publicity notices, newest first.",
        "列出已登记的公示，最新的在前。",
    ),
    "publication.cli.days_or_end": (
        "Give either --days or --window-end, not both.",
        "--days 与 --window-end 只能指定一个。",
    ),
    "publication.cli.window_backwards": (
        "The publicity window ends ({end}) before it starts ({start}).",
        "公示结束日期（{end}）早于开始日期（{start}）。",
    ),
    "publication.cli.window_too_long": (
        "A publicity window is at most {days} days.",
        "公示期最长 {days} 天。",
    ),
    "publication.cli.id_alone": (
        "--id writes a recorded publicity as it was: --year, --window-start, --window-end "
        "and --days do not apply to it.",
        "--id 按原样导出已登记的公示，不能再指定 --year、--window-start、--window-end 或 --days。",
    ),
    "publication.cli.list_alone": (
        "--list takes only --year.",
        "--list 只能与 --year 一起使用。",
    ),
    "publication.cli.recorded": (
        "Recorded as publicity no. {id} (ledger head {head}).",
        "已登记为第 {id} 号公示（账本头哈希 {head}）。",
    ),
    "publication.cli.same_as": (
        "Same notice as the recorded publicity no. {id} (ledger head {head}); nothing new "
        "recorded.",
        "与已登记的第 {id} 号公示相同（账本头哈希 {head}），未重复登记。",
    ),
    "publication.cli.none": ("No publicity recorded yet.", "尚未登记公示。"),
    "publication.cli.list_row": (
        "No. {id}  {year}  {start} – {end}  as of {as_of}  {members} member(s)  "
        "ledger head {head}…  by {operator}",
        "第 {id} 号  {year}年度  {start}至{end}  数据截至{as_of}  {members} 人  "
        "账本头哈希 {head}…  登记人 {operator}",
    ),
    # --- verify
    "publication.verify.audit_head": ("Audit log head: {hash}", "操作日志末条哈希：{hash}"),
    "verify.table.publication": ("publication", "公布记录"),
    "publication.verify.bad_data": (
        "its stored rows are not readable",
        "所存内容无法读取",
    ),
    "publication.verify.not_published": (
        "its appraisal session is not a published session of its branch",
        "对应的民主评议不是本支部已公布的评议",
    ),
    "publication.verify.digest_unknown": (
        "its stored rows are not the ones the audit log recorded",
        "所存内容与操作日志记录的不一致",
    ),
    "publication.verify.ledger_head_unknown": (
        "the ledger head it names is not in the branch's ledger",
        "所记账本头哈希不在本支部积分台账中",
    ),
    "publication.verify.audit_head_unknown": (
        "the audit head it names is not in the audit log",
        "所记日志头哈希不在操作日志中",
    ),
    # --- the TUI
    "publication.tui.record": (
        "Published record no. {id} of {date} · ledger head {hash}",
        "第 {id} 号公布记录（{date}）　账本头哈希 {hash}",
    ),
    "publication.tui.record_note": (
        "These are the results as published; later entries do not change them.",
        "以下为公布时的结果，此后录入的积分不改变其内容。",
    ),
}
