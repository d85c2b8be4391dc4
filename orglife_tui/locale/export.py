"""Messages of the export commands and operations: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the commands
    "export.cli.help": (
        "Write a file for the committee: the scoreboard, the points ledger, a publicity notice, "
        "talks, the year-end report, an appraisal, the dues register or the commendations.",
        "导出文件：积分表、积分台账、公示表、谈心谈话记录、年度报告、民主评议、党费台账、评先评优名册。",
    ),
    "export.cli.scores.help": (
        "The year's scoreboard: base, duty, bonus, deduction, total, points band and rank per member, "
        "one column per item (CSV with BOM, XLSX or JSON).",
        "年度积分表：每名党员一行，含总分、积分档次、排名及各项目得分（CSV、XLSX 或 JSON）。",
    ),
    "export.cli.ledger.help": (
        "The points ledger entry by entry, oldest first (CSV with BOM, XLSX or JSON).",
        "逐条导出积分台账，按时间先后排列（CSV（带 BOM）、XLSX 或 JSON）。",
    ),
    "export.cli.opt.year": ("The year (default: this year).", "年度（默认：今年）。"),
    "export.cli.opt.ledger_year": (
        "Only entries dated in this year.",
        "只导出该年度的记录。",
    ),
    "export.cli.opt.format": ("Output format: {allowed}.", "输出格式：{allowed}。"),
    "export.cli.opt.output": (
        "Write to this file (replaced at once when complete); without it, to standard output.",
        "写入此文件（写完后一次性替换）；不指定则输出到标准输出。",
    ),
    "export.cli.opt.group": ("Only this party group.", "只导出该党小组。"),
    "export.cli.opt.status": (
        "Only members of this status (full/正式党员, probationary/预备党员).",
        "只导出该类别的党员（full/正式党员，probationary/预备党员）。",
    ),
    "export.cli.opt.member": ("Only this member (member number).", "只导出该党员（党员编号）。"),
    # --- outcomes and refusals
    "export.needs_output": (
        "{fmt} is a binary format and is not written to the terminal: name the file with -o FILE.",
        "{fmt} 是二进制格式，不能输出到终端：请用 -o 文件名 指定输出文件。",
    ),
    "export.written": ("Wrote {count} row(s) to {file}.", "已写入 {count} 行：{file}"),
    "export.cannot_write": ("Cannot write {file}: {reason}.", "无法写入 {file}：{reason}。"),
    "export.is_directory": (
        "{file} is a directory; name a file to write.",
        "{file} 是一个目录，请指定要写入的文件名。",
    ),
    "export.no_folder": (
        "Cannot write {file}: the folder {folder} does not exist.",
        "无法写入 {file}：文件夹 {folder} 不存在。",
    ),
    # --- column labels (the legend of the XLSX metadata sheet)
    "export.col.member_no": ("Member no.", "党员编号"),
    "export.col.name": ("Name", "姓名"),
    "export.col.status": ("Status", "党员类别"),
    "export.col.group": ("Party group", "党小组"),
    "export.col.base": ("Base points", "基础分"),
    "export.col.duty": ("Duty points", "基本职责分"),
    "export.col.bonus": ("Bonus points", "加分"),
    "export.col.deduction": ("Deductions", "扣分"),
    "export.col.vetoed": ("Veto item recorded", "触发一票否决"),
    "export.col.total": ("Total", "总分"),
    "export.col.band": ("Points band", "积分档次"),
    "export.col.rank": ("Rank", "排名"),
    "export.col.id": ("Entry no.", "记录号"),
    "export.col.entry_date": ("Date", "日期"),
    "export.col.member_name": ("Name", "姓名"),
    "export.col.item_code": ("Item code", "项目代码"),
    "export.col.item_name": ("Item", "积分项目"),
    "export.col.points": ("Points", "分值"),
    "export.col.hours": ("Hours", "时长（小时）"),
    "export.col.source": ("Source", "来源"),
    "export.col.meeting_no": ("Meeting no.", "会议编号"),
    "export.col.note": ("Note", "备注"),
    "export.col.reverses_id": ("Reverses entry", "冲正的记录"),
    "export.col.reversed_by": ("Reversed by entry", "被冲正记录"),
    "export.col.operator": ("Operator", "操作人"),
    "export.col.hash": ("Hash", "哈希值"),
    "export.col.item": (
        "Item: {name} ({category}, cap {cap})",
        "项目：{name}（{category}，上限 {cap}）",
    ),
    "export.no_cap": ("none", "无"),
    "export.category.duty": ("duty", "基本职责"),
    "export.category.bonus": ("bonus", "加分"),
    "export.category.deduction": ("deduction", "扣分"),
    "export.category.veto": ("veto", "一票否决"),
    # --- the metadata sheet
    "export.meta.columns": ("Columns of the data sheet", "数据表各列说明"),
    "export.meta.column": ("Column", "列"),
    "export.meta.label": ("Meaning", "含义"),
    # --- grades as printed
    "export.grade.excellent": ("Excellent", "优秀"),
    "export.grade.qualified": ("Qualified", "合格"),
    "export.grade.basically_qualified": ("Basically qualified", "基本合格"),
    "export.grade.unqualified": ("Unqualified", "不合格"),
    "export.grade.none": ("—", "—"),
    # --- the publicity notice (公示)
    "export.publicity.sheet": ("Publicity", "公示"),
    "export.publicity.title": (
        "{branch}: Party members' points for {year} — public notice",
        "{branch}{year}年度党员积分情况公示",
    ),
    "export.publicity.intro": (
        "The points of the branch's Party members for {year}, scored under the scheme "
        "“{scheme}” (version {version}), are published below for the members' scrutiny.",
        "根据《{scheme}》（版本 {version}），现将本支部党员{year}年度积分情况予以公示，接受党员监督。",
    ),
    "export.publicity.window": (
        "Publicity period: {start} to {end} ({days} days).",
        "公示期：{start}至{end}（共 {days} 天）。",
    ),
    "export.publicity.objection": (
        "Anyone who objects to an entry may raise it with the branch committee (or the branch "
        "secretary), in person or in writing and under their own name, before the period ends. "
        "Every objection will be checked and answered.",
        "公示期间，如对公示内容有异议，请以书面或当面方式向支部委员会（或支部书记）反映，反映情况请署真实姓名。支部将认真核实并予以答复。",
    ),
    "export.publicity.col.rank": ("Rank", "排名"),
    "export.publicity.col.member_no": ("No.", "编号"),
    "export.publicity.col.name": ("Name", "姓名"),
    "export.publicity.col.group": ("Party group", "党小组"),
    "export.publicity.col.total": ("Points", "积分"),
    "export.publicity.col.grade": ("Points band", "积分档次"),
    "export.publicity.ungraded_note": (
        "“—”: no points band under the scheme (a status it scores without banding).",
        "注：“—”表示按积分方案该类党员参加积分但不评定积分档次。",
    ),
    "export.publicity.vetoed_note": (
        "*: a veto item is recorded for this member, so the points band is unqualified whatever the points.",
        "*：该党员有一票否决事项，无论积分多少，积分档次均为不合格。",
    ),
    "export.publicity.signature": ("{branch}", "{branch}"),
    "export.publicity.date": ("{date}", "{date}"),
    "export.publicity.trace": (
        "Scheme: {scheme}, version {version}, SHA-256 {sha256}.",
        "积分方案：{scheme}，版本 {version}，SHA-256：{sha256}。",
    ),
    "export.publicity.empty": (
        "No members are scored for this year.",
        "本年度没有参加积分的党员。",
    ),
    "export.date": ("{year:04d}-{month:02d}-{day:02d}", "{year}年{month}月{day}日"),
}
