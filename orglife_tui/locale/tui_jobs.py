"""Messages of the yearly jobs in the TUI: the export screen, the integrity check, the
year-end report view and the branches. (English, Chinese); Chinese uses full-width
punctuation."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- keys and the command palette
    "jobs.key.export": ("Export", "导出"),
    "jobs.key.verify": ("Verify", "校验"),
    "jobs.key.report": ("Year report", "年度报告"),
    "jobs.key.branches": ("Branches", "支部"),
    "jobs.key.prev_year": ("Year before", "上一年"),
    "jobs.key.next_year": ("Year after", "下一年"),
    "jobs.key.switch": ("Switch", "切换"),
    "jobs.key.add": ("New", "新建"),
    "jobs.key.rename": ("Rename", "重命名"),
    "jobs.key.again": ("Check again", "重新校验"),
    "jobs.cmd.export": ("Export a file", "导出文件"),
    "jobs.cmd.export.help": (
        "Scoreboard, ledger, publicity, talks, report, appraisal or dues register to a file",
        "积分表、积分台账、公示、谈心谈话、年度报告、民主评议或党费台账导出为文件",
    ),
    "jobs.cmd.export_dues": ("Export the dues register", "导出党费收缴台账"),
    "jobs.cmd.export_dues.help": (
        "The year's dues register as a spreadsheet or text file",
        "本年度党费收缴台账导出为表格或文本文件",
    ),
    "jobs.cmd.verify": ("Verify the records", "校验数据"),
    "jobs.cmd.verify.help": (
        "Check the hash chains of the ledger and the audit log",
        "检查积分台账与操作日志的哈希链是否完整",
    ),
    "jobs.cmd.report": ("Year-end report", "年度报告"),
    "jobs.cmd.report.help": (
        "Read the branch's year-end report on screen",
        "在屏幕上查看本支部年度报告",
    ),
    "jobs.cmd.branches": ("Branches", "支部"),
    "jobs.cmd.branches.help": (
        "Switch to another branch of the database, add or rename one",
        "切换到数据库中的其他支部，新建或重命名支部",
    ),
    # --- the export screen
    "jobs.export.title": ("Export — {branch}", "导出 — {branch}"),
    "jobs.export.field.kind": ("What", "导出内容"),
    "jobs.export.field.format": ("Format", "格式"),
    "jobs.export.field.year": ("Year", "年度"),
    "jobs.export.field.member": ("Member no.", "党员编号"),
    "jobs.export.field.notice": ("Notice", "公示"),
    "jobs.export.field.session": ("Session", "评议"),
    "jobs.export.field.feedback": ("Contents", "内容"),
    "jobs.export.field.confidential": ("Confidential", "保密内容"),
    "jobs.export.field.as_of": ("As of", "截至日期"),
    "jobs.export.field.path": ("File", "文件"),
    "jobs.export.kind.scores": ("Points scoreboard", "积分表"),
    "jobs.export.kind.ledger": ("Points ledger", "积分台账"),
    "jobs.export.kind.publicity": ("Publicity notice", "积分公示"),
    "jobs.export.kind.talks": ("Talks", "谈心谈话记录"),
    "jobs.export.kind.report": ("Year-end report", "年度报告"),
    "jobs.export.kind.appraisal": ("Democratic appraisal", "民主评议汇总"),
    "jobs.export.kind.dues": ("Dues register", "党费收缴台账"),
    "jobs.export.kind.commendations": ("Commendation register", "评先评优名册"),
    "jobs.export.format.csv": ("CSV text", "CSV 文本"),
    "jobs.export.format.xlsx": ("Excel workbook (XLSX)", "Excel 表格（XLSX）"),
    "jobs.export.format.json": ("JSON data", "JSON 数据"),
    "jobs.export.format.md": ("Markdown text", "Markdown 文本"),
    "jobs.export.run": ("Export", "导出"),
    "jobs.export.close": ("Close", "关闭"),
    "jobs.export.running": ("Exporting…", "正在导出……"),
    "jobs.export.overwrite": ("{file} exists. Replace it?", "文件 {file} 已存在，是否覆盖？"),
    "jobs.export.not_replaced": ("Nothing written: the file was kept.", "未写入：原文件保留。"),
    "jobs.export.new_notice": ("New notice, open from today", "新发布公示（自今天起）"),
    "jobs.export.notice_row": (
        "No. {id}: {year}, {start} – {end}",
        "第 {id} 号：{year}年，{start}至{end}",
    ),
    "jobs.export.session_row": ("Session {id} ({year})", "第 {id} 号评议（{year}年）"),
    "jobs.export.no_session": (
        "No appraisal session whose poll is closed",
        "没有已结束投票的民主评议",
    ),
    "jobs.export.summary_box": ("feedback notes, not the summary", "反馈意见（而非情况汇总）"),
    "jobs.export.confidential_box": ("include the confidential texts", "包含保密谈话内容"),
    "jobs.export.bad_year": ("Type a year such as {year}.", "请输入年份，例如 {year}。"),
    "jobs.export.still_open": (
        "The poll of session {id} is still open: close it on the appraisal screen first.",
        "第 {id} 号评议仍在投票：请先在民主评议界面结束投票。",
    ),
    "jobs.export.help": (
        "Choose what to export and its format; the file name is filled in for the working "
        "folder and can be changed (~ is your home folder). Ctrl+S exports: an existing "
        "file is replaced only after you confirm, and the full path of the file written is "
        "shown below. Escape closes.",
        "选择导出内容和格式；文件名已按当前目录填好，可以修改（~ 表示个人主目录）。"
        "Ctrl+S 导出：文件已存在时先询问是否覆盖，写入后在下方显示文件的完整路径。Esc 关闭。",
    ),
    # The file names offered (the format's suffix is added).
    "jobs.file.scores": ("scores-{year}", "{year}年积分表"),
    "jobs.file.ledger": ("ledger-{year}", "{year}年积分台账"),
    "jobs.file.ledger_all": ("ledger", "积分台账"),
    "jobs.file.publicity": ("publicity-{year}", "{year}年积分公示"),
    "jobs.file.talks": ("talks-{year}", "{year}年谈心谈话记录"),
    "jobs.file.talks_all": ("talks", "谈心谈话记录"),
    "jobs.file.report": ("report-{year}", "{year}年度报告"),
    "jobs.file.appraisal": ("appraisal-{year}", "{year}年民主评议汇总"),
    "jobs.file.feedback": ("appraisal-feedback-{year}", "{year}年民主评议反馈意见"),
    "jobs.file.dues": ("dues-{year}", "{year}年党费收缴台账"),
    "jobs.file.commendations": ("commendations-{year}", "{year}年评先评优名册"),
    # --- the integrity check
    "jobs.verify.title": ("Verify the records", "校验数据"),
    "jobs.verify.running": (
        "Checking the database and every hash chain…",
        "正在检查数据库和各条哈希链……",
    ),
    "jobs.verify.anchor": (
        "Write down to check later: {anchor}",
        "请记下以便日后核验：{anchor}",
    ),
    "jobs.verify.help": (
        "The same check as the command-line verification: the database's own integrity, "
        "each branch's ledger chain, the audit log, sealed appraisals and publications. "
        "A failure names the first broken record of each chain. r checks again.",
        "与命令行校验相同：检查数据库自身的完整性、各支部积分台账的哈希链、操作日志、"
        "封存的民主评议和公布记录。未通过时列出每条链上第一条异常记录。r 重新校验。",
    ),
    # --- the year-end report
    "jobs.report.title": ("Year-end report {year}", "{year}年度报告"),
    "jobs.report.loading": ("Putting the report together…", "正在生成年度报告……"),
    "jobs.report.help": (
        "The year-end report as the export writes it. The arrow keys and Page Up/Down "
        "scroll; p and n show the year before and after; e exports it to a file.",
        "与导出文件内容相同的年度报告。方向键和翻页键滚动；p、n 查看上一年、下一年；e 导出为文件。",
    ),
    # --- branches
    "jobs.branch.title": ("Branches", "支部"),
    "jobs.branch.col.name": ("Branch", "支部名称"),
    "jobs.branch.col.members": ("Members", "党员"),
    "jobs.branch.current": (" (current)", "（当前）"),
    "jobs.branch.count": ("{count} branch(es)", "共 {count} 个支部"),
    "jobs.branch.switched": ("Now working on {name}.", "已切换到{name}。"),
    "jobs.branch.added": ("Branch {name} added.", "已新建支部{name}。"),
    "jobs.branch.renamed": ("Branch renamed to {name}.", "支部已重命名为{name}。"),
    "jobs.branch.add_title": ("New branch", "新建支部"),
    "jobs.branch.rename_title": ("Rename branch {name}", "重命名支部{name}"),
    "jobs.branch.field.name": ("Name", "支部名称"),
    "jobs.branch.help": (
        "Every branch of this database. Enter works on the highlighted branch from now on: "
        "every screen then shows its records. a adds a branch; r renames the highlighted "
        "one.",
        "本数据库中的所有支部。回车切换到所选支部，此后各界面均显示该支部的记录。"
        "a 新建支部；r 重命名所选支部。",
    ),
}
