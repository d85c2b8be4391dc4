"""Messages of the CSV/XLSX importers: (English, Chinese).

Reasons follow ``FILE:ROW: `` on a line of their own. Those about a field come after the
field's label (``status: …``) and are fragments, like the ``problem.*`` keys of core.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the file as a whole
    "import.unsupported_type": (
        "Cannot import {suffix!r} files: save the sheet as .xlsx or as CSV UTF-8 (.csv).",
        "无法导入“{suffix}”文件：请将表格另存为 .xlsx 或 CSV UTF-8（.csv）文件。",
    ),
    "import.no_such_file": ("No such file.", "文件不存在。"),
    "import.is_directory": ("This is a directory, not a file.", "这是一个目录，不是文件。"),
    "import.cannot_read": ("Cannot read the file: {reason}.", "无法读取文件：{reason}。"),
    "import.empty": ("The file (or its first sheet) is empty.", "文件（或其第一个工作表）是空的。"),
    "import.not_utf8": (
        "The file is not UTF-8 text (it looks like {encoding}). In Excel use Save As → "
        "“CSV UTF-8 (Comma delimited)”, or save it as .xlsx.",
        "文件不是 UTF-8 编码（看起来是 {encoding}）。请在 Excel 中“另存为”→"
        "“CSV UTF-8（逗号分隔）”，或另存为 .xlsx 文件。",
    ),
    "import.not_text": (
        "The file is not text: save the sheet as CSV UTF-8 or as .xlsx.",
        "文件不是文本文件：请将表格另存为 CSV UTF-8 或 .xlsx 文件。",
    ),
    "import.bad_csv": ("Cannot read this CSV row: {reason}.", "无法读取此 CSV 行：{reason}。"),
    "import.bad_xlsx": (
        "Not a readable Excel workbook (.xlsx); open it in Excel and save it again.",
        "不是可读取的 Excel 工作簿（.xlsx），请用 Excel 打开后重新保存。",
    ),
    "import.no_header": ("No header row found.", "找不到表头行。"),
    "import.no_rows": (
        "The file has a header but no data rows; nothing to import.",
        "文件只有表头，没有数据行，无可导入的内容。",
    ),
    # --- the header
    "import.list_sep": (", ", "、"),
    "import.unknown_column": (
        "Unknown column {header!r} (column {column}). Accepted columns: {accepted}.",
        "无法识别的列“{header}”（第 {column} 列）。可用的列：{accepted}。",
    ),
    "import.ambiguous_column": (
        "Column {header!r} (column {column}) names two different columns: {names}.",
        "列名“{header}”（第 {column} 列）同时指向两个不同的列：{names}。",
    ),
    "import.duplicate_column": (
        "Column {header!r} (column {column}) repeats {other!r} (column {other_column}).",
        "列“{header}”（第 {column} 列）与“{other}”（第 {other_column} 列）重复。",
    ),
    "import.missing_column": (
        "Missing required column {column}.",
        "缺少必需的列 {column}。",
    ),
    "import.unnamed_column": (
        "Column {column} holds values but has no header.",
        "第 {column} 列有数据但没有列名。",
    ),
    # --- a row
    "import.value_past_header": (
        "A value in column {column}, right of the last header.",
        "第 {column} 列有数据，超出了表头的范围。",
    ),
    "import.control_character": (
        "The row holds a NUL character; the file may be damaged.",
        "此行含有空字符（NUL），文件可能已损坏。",
    ),
    "import.duplicate_member_no": (
        "Member number {member_no} appears more than once (first on row {first}).",
        "党员编号 {member_no} 重复出现（首次出现在第 {first} 行）。",
    ),
    "import.duplicate_meeting_no": (
        "Meeting number {meeting_no} appears more than once (first on row {first}).",
        "会议编号 {meeting_no} 重复出现（首次出现在第 {first} 行）。",
    ),
    "import.duplicate_mark": (
        "Member {member_no} is marked twice for meeting {meeting_no} (first on row {first}).",
        "党员 {member_no} 在会议 {meeting_no} 中被重复登记（首次出现在第 {first} 行）。",
    ),
    "import.member_not_found_hint": (
        "No member with number {member_no} (did you mean {guess}? Excel drops leading zeros).",
        "没有编号为 {member_no} 的党员（是否应为 {guess}？Excel 会去掉编号前面的 0）。",
    ),
    "import.name_mismatch": (
        "Member {member_no} is {actual}, not {name}.",
        "编号 {member_no} 的党员是{actual}，不是{name}。",
    ),
    # --- a field (after its label)
    # --- outcome
    "import.done.members": (
        "{file}: members added: {added}, updated: {updated}.",
        "{file}：新增党员 {added} 名，更新 {updated} 名。",
    ),
    "import.done.meetings": (
        "{file}: meetings added: {added} ({numbers}).",
        "{file}：新增会议 {added} 次（{numbers}）。",
    ),
    "import.done.attendance": (
        "{file}: attendance marks recorded: {count}.",
        "{file}：已登记出勤记录 {count} 条。",
    ),
    "import.failed": (
        "Nothing was imported; problems in {file}: {count}.",
        "未导入任何数据：{file} 中有 {count} 处问题。",
    ),
    # --- command line
    "import.cli.help": (
        "Import the roster, meetings or attendance from CSV (UTF-8) or XLSX; all rows or none.",
        "从 CSV（UTF-8）或 XLSX 文件导入党员名册、会议或出勤；要么全部导入，要么都不导入。",
    ),
    "import.cli.members.help": (
        "Import members: member_no(编号) name(姓名) status(类别) and optional columns.",
        "导入党员：编号(member_no)、姓名(name)、类别(status) 及其他可选列。",
    ),
    "import.cli.meetings.help": (
        "Import meetings: date(日期) type(类型) title(主题) and optional columns.",
        "导入会议：日期(date)、类型(type)、主题(title) 及其他可选列。",
    ),
    "import.cli.attendance.help": (
        "Import attendance: meeting_no(会议编号) member_no(编号) status(出勤) reason(原因).",
        "导入出勤：会议编号(meeting_no)、编号(member_no)、出勤(status)、原因(reason)。",
    ),
    "import.cli.arg.file": ("A .csv (UTF-8) or .xlsx file.", "一个 .csv（UTF-8）或 .xlsx 文件。"),
    "import.cli.opt.update": (
        "Update members whose number is already in the branch instead of refusing them.",
        "更新本支部已有编号的党员，而不是拒绝导入。",
    ),
    "import.hint_update": (
        "To update the members already in the branch from this file, add --update.",
        "如需用此文件更新本支部已有党员的信息，请加 --update。",
    ),
}
