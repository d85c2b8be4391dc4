"""Messages of roster imports (issue 9 §1): (English, Chinese). Chinese text uses
full-width punctuation.

Lines starting with two spaces are the report under an import's summary line; the
``roster.*`` reasons about a field follow its label, as the ``problem.*`` keys of core do.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the report
    "roster.done": (
        "{file}: members added: {added}, updated: {updated}, unchanged: {unchanged}.",
        "{file}：新增党员 {added} 名，更新 {updated} 名，未变 {unchanged} 名。",
    ),
    "roster.added": ("  added: {members}", "  新增：{members}"),
    "roster.updated": (
        "  updated {member_no} {name}: {fields}",
        "  更新 {member_no} {name}：{fields}",
    ),
    "roster.change": ("{field} {old} → {new}", "{field} {old} → {new}"),
    "roster.change_sep": ("; ", "；"),
    "roster.blank": ("(blank)", "（空）"),
    "roster.transferred_in": (
        "  transferred in: {member_no} on {date}",
        "  组织关系转入：{member_no}，{date} 转入",
    ),
    "roster.transferred_in_from": (
        "  transferred in: {member_no} on {date} from {place}",
        "  组织关系转入：{member_no}，{date} 自{place}转入",
    ),
    "roster.not_in_file": (
        "  not in the file (kept): {members}",
        "  文件中没有（已保留）：{members}",
    ),
    # --- notices (stderr)
    "roster.skipped": (
        "{file}: columns not kept, skipped: {columns}.",
        "{file}：以下列不保存，已跳过：{columns}。",
    ),
    "roster.serial_numbers": (
        "{file}: no 编号 column; new members are numbered by their 序号 (1 → 001), members "
        "already in the branch keep their numbers.",
        "{file}：没有“编号”列，新党员按序号编号（1 → 001），本支部已有的党员保留原编号。",
    ),
    # --- a row refused
    "roster.serial_blank": (
        "序号 is blank and the file has no 编号 column: this member would have no number.",
        "序号为空，且文件没有“编号”列：该党员将没有编号。",
    ),
    "roster.serial_not_number": (
        "序号 {value!r} is not a number; add a 编号 (member number) column.",
        "序号“{value}”不是数字，请增加“编号”列。",
    ),
    "roster.serial_taken": (
        "序号 gives member number {member_no}, which is {holder} in the branch, not {name}: "
        "a running number cannot tell members apart. Add a 编号 column with each member's "
        "number.",
        "按序号得到的编号 {member_no} 在本支部是{holder}，不是{name}：序号无法区分党员。"
        "请增加“编号”列，填写每名党员的编号。",
    ),
    "roster.number_moved": (
        "Member number {member_no} is {holder} in the branch, and {name} is member {other}: "
        "the numbers seem to have changed. Correct the 编号 column, or renumber the members "
        "first.",
        "编号 {member_no} 在本支部是{holder}，而{name}的编号是 {other}：编号似乎已变动。"
        "请更正“编号”列，或先修改党员编号。",
    ),
    "roster.same_member_twice": (
        "This row is the same member as row {first} ({member_no} {name}).",
        "此行与第 {first} 行是同一名党员（{member_no} {name}）。",
    ),
    # --- a field (after its label)
    "roster.day_missing": (
        "{value!r} has no day; write the whole date (YYYY-MM-DD)",
        "“{value}”缺少日，请填写完整日期（YYYY-MM-DD）",
    ),
    "roster.phone_is_id": (
        "this looks like an ID number, not a phone number (ID numbers are not kept)",
        "这看起来是身份证号码，不是电话号码（不保存身份证号码）",
    ),
    "roster.transfer_before_join": (
        "transferred in before joining the Party",
        "转入日期早于入党日期",
    ),
    "field.transfer_in_date": ("transfer-in date", "转入日期"),
    "field.transfer_in_from": ("previous branch", "原所在支部"),
    # --- command line
    "roster.cli.opt.strict": (
        "Refuse the file if it has columns the app does not keep, instead of skipping them.",
        "文件中有本程序不保存的列时拒绝导入，而不是跳过这些列。",
    ),
}
