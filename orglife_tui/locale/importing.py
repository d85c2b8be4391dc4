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
        "The file is {encoding} text, which is not read (only UTF-8 and GB18030/GBK). In "
        "Excel use Save As → “CSV UTF-8 (Comma delimited)”, or save it as .xlsx.",
        "文件是 {encoding} 编码，无法读取（只支持 UTF-8 和 GB18030/GBK）。请在 Excel 中"
        "“另存为”→“CSV UTF-8（逗号分隔）”，或另存为 .xlsx 文件。",
    ),
    "import.not_text": (
        "The file is neither UTF-8 nor GB18030/GBK text: save the sheet as CSV UTF-8 or as .xlsx.",
        "文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本：请将表格另存为 CSV UTF-8 或 .xlsx 文件。",
    ),
    "import.damaged_utf8": (
        "The file is UTF-8 text with damaged bytes (line {line}); open it in Excel and save "
        "it again as CSV UTF-8 or .xlsx.",
        "文件是 UTF-8 文本，但第 {line} 行有损坏的字节；请用 Excel 打开后重新另存为 CSV UTF-8 "
        "或 .xlsx 文件。",
    ),
    "import.control_in_file": (
        "Column {column} holds a control character ({char}), which a roster or record file "
        "may not contain (only tabs and line breaks); delete it, save the file and import it "
        "again.",
        "第 {column} 列含有控制字符（{char}），党员名册和记录文件中不允许出现控制字符（制表符和换行"
        "除外）；请删除该字符，保存文件后重新导入。",
    ),
    "import.bad_csv": ("Cannot read this CSV row: {reason}.", "无法读取此 CSV 行：{reason}。"),
    "import.bad_xlsx": (
        "Not a readable Excel workbook (.xlsx); open it in Excel and save it again.",
        "不是可读取的 Excel 工作簿（.xlsx），请用 Excel 打开后重新保存。",
    ),
    "import.no_header": ("No header row found.", "找不到表头行。"),
    "import.too_large": (
        "The file is {size} MB; an import reads at most {limit} MB. Is it the right file?",
        "文件大小为 {size} MB，导入最多读取 {limit} MB。请确认选择的文件是否正确。",
    ),
    "import.unpacks_too_large": (
        "The workbook unpacks to more than {limit} MB, far more than a branch's list; "
        "open it in Excel, keep the list only and save it again.",
        "该工作簿解压后超过 {limit} MB，远大于一个支部的名单；"
        "请用 Excel 打开，只保留名单后重新保存。",
    ),
    "import.too_many_cells": (
        "The workbook holds more than {limit} cells (merged areas counted), far more than a "
        "branch's list; open it in Excel, keep the list only and save it again.",
        "该工作簿的单元格（含合并区域）超过 {limit} 个，远多于一个支部的名单；"
        "请用 Excel 打开，只保留名单后重新保存。",
    ),
    "import.sheet_too_big": (
        "The sheet reaches row {rows} or column {columns}; an import reads at most {max_rows} "
        "rows and {max_columns} columns. Delete the cells far below or right of the list "
        "(Ctrl+End shows the last one) and save again.",
        "工作表用到了第 {rows} 行或第 {columns} 列，导入最多读取 {max_rows} 行、{max_columns} "
        "列。请删除名单下方或右侧远处的单元格（Ctrl+End 可定位最后一个）后重新保存。",
    ),
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
        "Import the roster, meetings or attendance from CSV (UTF-8 or GBK) or XLSX; all rows "
        "or none.",
        "从 CSV（UTF-8 或 GBK）或 XLSX 文件导入党员名册、会议或出勤；要么全部导入，要么都不导入。",
    ),
    "import.cli.members.help": (
        "Import or update the roster: 姓名(name) 类别(status), 编号(member_no) or 序号, and "
        "optional columns; members already in the branch are updated, none is deleted.",
        "导入或更新党员名册：姓名(name)、类别(status)、编号(member_no) 或序号，及其他可选列；"
        "本支部已有的党员予以更新，不删除任何党员。",
    ),
    "import.cli.meetings.help": (
        "Import meetings: date(日期) type(类型) title(主题) and optional columns.",
        "导入会议：日期(date)、类型(type)、主题(title) 及其他可选列。",
    ),
    "import.cli.attendance.help": (
        "Import attendance: meeting_no(会议编号) member_no(编号) status(出勤) reason(原因).",
        "导入出勤：会议编号(meeting_no)、编号(member_no)、出勤(status)、原因(reason)。",
    ),
    "import.cli.arg.file": (
        "A .csv (UTF-8 or GBK) or .xlsx file.",
        "一个 .csv（UTF-8 或 GBK）或 .xlsx 文件。",
    ),
    "import.cli.opt.update": (
        "No longer needed: members already in the branch are always updated.",
        "已无需此选项：本支部已有的党员总会被更新。",
    ),
}
