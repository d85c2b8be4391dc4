"""Messages of importing from the TUI (the import screens) and of an import's dry run:
(English, Chinese). Chinese uses full-width punctuation.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the dry run (CLI and TUI)
    "import.preview.serial": ("No.", "序号"),
    "import.dry_run.nothing_written": (
        "Dry run: the file was checked and nothing was written.",
        "试运行：文件已检查，未写入任何内容。",
    ),
    "import.cli.opt.dry_run": (
        "Check the file and tell what the import would do, writing nothing.",
        "只检查文件并说明导入会做什么，不写入任何内容。",
    ),
    # --- the import screens: choosing the kind
    "import.tui.cmd": ("Import a file", "导入文件"),
    "import.tui.cmd.help": (
        "Roster, meetings, attendance, dues, the plan or self-assessments from a CSV or XLSX file",
        "从 CSV 或 XLSX 文件导入花名册、会议、出勤、党费、年度计划或个人自评",
    ),
    "import.tui.key.go": ("Import", "导入"),
    "import.tui.title": ("Import", "导入"),
    "import.tui.help": (
        "Import records from a CSV (UTF-8 or GBK) or XLSX file, as other systems export "
        "them (title rows and a 序号 column are read past). Choose what the file holds, "
        "then the file; the preview shows how its columns were understood, its first rows "
        "and every problem before anything is written. A file with problems cannot be "
        "imported; a good one is imported whole, or not at all.",
        "从 CSV（UTF-8 或 GBK）或 XLSX 文件导入记录，支持其他系统导出的格式（标题行和“序号”列"
        "会被跳过）。先选择文件内容，再选择文件；预览会在写入前列出各列的识别结果、前几行和"
        "所有问题。有问题的文件不能导入；没有问题的文件整体导入，要么全部写入，要么都不写入。",
    ),
    "import.tui.choose_kind": ("What does the file hold?", "文件内容是什么？"),
    "import.tui.kind.members": ("Roster (花名册)", "花名册"),
    "import.tui.kind.meetings": ("Meetings", "会议"),
    "import.tui.kind.attendance": ("Attendance", "出勤"),
    "import.tui.kind.dues": ("Dues payments", "党费"),
    "import.tui.kind.plan": ("Annual plan", "年度计划"),
    "import.tui.kind.self_assessments": ("Self-assessments", "个人自评"),
    "import.tui.kind_help.members": (
        "adds new members, updates those already here",
        "新增党员，更新已有党员的信息",
    ),
    "import.tui.kind_help.meetings": ("adds the meetings held", "新增已召开的会议"),
    "import.tui.kind_help.attendance": (
        "marks who attended recorded meetings; points follow",
        "登记已录入会议的出勤，积分随之更新",
    ),
    "import.tui.kind_help.dues": (
        "records dues payments; points follow",
        "登记党费缴纳，积分随之更新",
    ),
    "import.tui.kind_help.plan": ("adds items to the annual plan", "新增年度计划条目"),
    "import.tui.kind_help.self_assessments": (
        "records members' 个人自评 for an appraisal",
        "登记民主评议中党员的个人自评",
    ),
    "import.tui.kind_line": ("{kind}: {help}", "{kind}：{help}"),
    "import.tui.key.choose": ("Choose", "选择"),
    # --- choosing the appraisal session (self-assessments)
    "import.tui.session_title": ("Import {kind}: choose the appraisal", "导入{kind}：选择评议"),
    "import.tui.choose_session": (
        "Which appraisal are the self-assessments for?",
        "个人自评属于哪次民主评议？",
    ),
    "import.tui.no_session": (
        "No appraisal takes self-assessments now: create the year's appraisal first (v on "
        "the dashboard). A published result takes none.",
        "目前没有可登记个人自评的民主评议：请先在首页按 v 新建本年度评议。"
        "已公示结果的评议不再登记。",
    ),
    "import.tui.session_line": ("Appraisal {year} ({state})", "{year} 年度民主评议（{state}）"),
    # --- choosing the file
    "import.tui.file_title": ("Import {kind}: choose a file", "导入{kind}：选择文件"),
    "import.tui.path_label": ("File:", "文件："),
    "import.tui.path_hint": (
        "a .csv or .xlsx path (~ for home)",
        ".csv 或 .xlsx 文件路径（~ 表示主目录）",
    ),
    "import.tui.file_hint": (
        "Type a path and press Enter, or pick a file below (Tab moves between them).",
        "输入路径后按回车，或在下方选择文件（Tab 键切换）。",
    ),
    "import.tui.key.focus": ("Path/list", "路径/列表"),
    "import.tui.no_path": ("Type a file's path or pick a file.", "请输入文件路径或选择文件。"),
    "import.tui.reading": ("Reading {file} …", "正在读取 {file}……"),
    # --- the preview
    "import.tui.preview_title": ("Import {kind}: preview", "导入{kind}：预览"),
    "import.tui.read_as": (
        "{file} · {encoding} · header on row {header} · {rows} row(s)",
        "{file} · {encoding} · 表头在第 {header} 行 · 共 {rows} 行",
    ),
    "import.tui.read_file": ("{file}", "{file}"),
    "import.tui.first_rows": (
        "The first {count} of {rows} row(s):",
        "前 {count} 行（共 {rows} 行）：",
    ),
    "import.tui.col.row": ("Row", "行"),
    "import.tui.would": (
        "Nothing is written yet. Importing the file would give:",
        "尚未写入任何内容。导入此文件的结果将是：",
    ),
    "import.tui.problems": (
        "{count} problem(s): the file cannot be imported (nothing was written). Correct "
        "the file and preview it again.",
        "发现 {count} 个问题：此文件不能导入（未写入任何内容）。请修改文件后重新预览。",
    ),
    "import.tui.problem_row": ("Row {row}: {reason}", "第 {row} 行：{reason}"),
    "import.tui.key.import": ("Import", "导入"),
    "import.tui.key.again": ("Read again", "重新读取"),
    "import.tui.confirm": (
        "Import {rows} row(s) of {file} into {branch}? All of them are written, or none.",
        "将 {file} 的 {rows} 行导入 {branch}？要么全部写入，要么都不写入。",
    ),
    "import.tui.cannot_import": (
        "This file has problems and cannot be imported.",
        "此文件有问题，不能导入。",
    ),
    "import.tui.changed": (
        "The file changed since its preview: it was read again and nothing was written. "
        "Check the preview, then import.",
        "预览后文件已被修改：已重新读取，未写入任何内容。请核对预览后再导入。",
    ),
    "import.tui.importing": ("Importing {file} …", "正在导入 {file}……"),
    # --- the result
    "import.tui.done_title": ("Import {kind}: done", "导入{kind}：完成"),
    "import.tui.done": ("Imported.", "导入完成。"),
    "import.tui.points_failed": (
        "The records are saved, but the points were not updated: {message}",
        "记录已保存，但积分未更新：{message}",
    ),
    "import.tui.key.open": ("Open list", "打开列表"),
    "import.tui.busy": (
        "Please wait: the file is being read or imported.",
        "请稍候：正在读取或导入文件。",
    ),
}
