"""The columns each import accepts, and how a header row is matched to them.

A header cell may hold the English key (``member_no``), the Chinese name (``编号``), a
common variant (``党员编号``, ``人员类别``, ``手机号码`` …) or both at once
(``编号(member_no)``, ``编号（member_no）``). Case, spaces, line breaks, underscores,
hyphens, a leading ``*`` (a "required" mark) and a trailing colon do not matter.

A column the import does not know is refused for meetings, attendance and the plan: it is
most often a typo there. A roster, though, comes from other systems with columns the app
does not keep (民族, 籍贯, 学历, 身份证号 …): those are skipped and named in one notice,
and their values are never read, so an ID number never reaches the database. ``strict``
refuses them as the other imports do.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from orglife_tui.importing.problems import ImportFailed, Problem
from orglife_tui.importing.reader import Sheet, column_letter
from orglife_tui.locale import t


@dataclass(frozen=True)
class Column:
    key: str  # the record field (records.py) this column fills
    zh: str  # the Chinese name, shown in messages and the docs
    required: bool = False
    aliases: tuple[str, ...] = ()  # further accepted spellings

    def label(self) -> str:
        return f"{self.key}({self.zh})"

    def names(self) -> tuple[str, ...]:
        return (self.key, self.zh, *self.aliases)


IGNORED = "_ignored"
CHECK_NAME = "name"  # in an attendance sheet: checked against the roster, not stored
# A roster's running number (序号), kept as the member number when the roster has no 编号.
SERIAL = "_serial"

# A running row number column ("序号") is in nearly every Chinese spreadsheet; it is read
# past, in every kind of import (but see SERIAL).
IGNORED_NAMES = ("序号", "seq")

# The imports whose unknown columns are skipped with a notice instead of refused.
LENIENT_KINDS = frozenset({"members"})

COLUMNS: dict[str, tuple[Column, ...]] = {
    "members": (
        Column("member_no", "编号", True, ("党员编号",)),
        Column("name", "姓名", True, ("党员姓名",)),
        Column("gender", "性别"),
        Column("birth_date", "出生日期", aliases=("出生年月",)),
        Column("join_date", "入党日期", aliases=("入党时间",)),
        Column("full_date", "转正日期", aliases=("转正时间",)),
        Column("status", "类别", True, ("人员类别", "党员类别", "党员身份")),
        Column("group", "党小组", aliases=("party_group", "所在党小组", "所属党小组")),
        Column("post", "职务", aliases=("党内职务", "支部职务")),
        Column(
            "phone",
            "联系电话",
            aliases=("电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"),
        ),
        Column("dues_paid_until", "党费交至", aliases=("党费缴至", "党费缴纳至")),
        Column("leader", "领导干部", aliases=("是否领导干部",)),
        # A member who came from another branch (组织关系转入): counts from that day on.
        Column("transfer_in_date", "转入日期", aliases=("转入时间",)),
        Column("transfer_in_from", "原所在支部", aliases=("原支部", "转出单位", "原所在党支部")),
    ),
    "meetings": (
        Column("meeting_no", "会议编号", aliases=("编号",)),
        Column("date", "日期", True, ("会议日期",)),
        Column("type", "类型", True, ("会议类型", "types")),
        Column("title", "主题", True, ("会议主题", "标题")),
        Column("group", "党小组", aliases=("party_group",)),
        Column("place", "地点", aliases=("会议地点",)),
        Column("host", "主持人"),
        Column("recorder", "记录人"),
        Column("lecturer", "授课人", aliases=("主讲人",)),
        Column("minutes", "会议记录", aliases=("会议纪要",)),
        Column("meeting_form", "形式", aliases=("会议形式", "开展形式")),
    ),
    "attendance": (
        Column("meeting_no", "会议编号", True),
        Column("member_no", "编号", True, ("党员编号",)),
        Column("status", "出勤", True, ("出勤情况", "状态", "attendance")),
        Column("reason", "原因", aliases=("请假原因", "缺席原因")),
        Column(CHECK_NAME, "姓名", aliases=("党员姓名",)),
    ),
    "plan": (  # the annual plan: importing/plans.py
        Column("year", "年度", True, ("年份",)),
        Column("month", "月份", aliases=("月", "计划月份")),
        Column("type", "类型", True, ("会议类型",)),
        Column("topic", "主题", True, ("内容", "计划内容", "议题", "会议主题")),
        Column("note", "备注", aliases=("说明",)),
    ),
    "dues": (  # dues payments: importing/dues.py
        Column("member_no", "编号", True, ("党员编号",)),
        Column("name", "姓名", aliases=("党员姓名",)),  # checked against the roster
        Column(
            "paid_on",
            "缴纳日期",
            True,
            ("交纳日期", "缴费日期", "交费日期", "缴纳时间", "交纳时间", "日期"),
        ),
        Column(
            "from_month",
            "起始月份",
            True,
            ("起始月", "开始月份", "缴纳起始月份", "月份", "缴纳月份", "所属月份"),
        ),
        Column("to_month", "截止月份", aliases=("截止月", "结束月份", "缴至", "交至", "终止月份")),
        Column(
            "amount",
            "金额",
            True,
            ("缴纳金额", "交纳金额", "实缴金额", "实交金额", "党费金额", "缴费金额"),
        ),
        Column("note", "备注", aliases=("说明",)),
    ),
    "self_assessments": (  # 个人自评 of an appraisal session: importing/self_assessments.py
        Column("member_no", "编号", True, ("党员编号",)),
        Column("name", "姓名", aliases=("党员姓名",)),  # checked against the roster
        Column("text", "个人自评", True, ("自评", "自评内容", "自我评价", "内容")),
        Column("given_on", "日期", aliases=("提交日期", "自评日期")),
    ),
}

# The imports of one appraisal session's records (``appraisal import-self-assessments``):
# they need the session besides the branch (``import_table``'s ``session_id``), so they
# are not among the kinds of ``orglife-tui import``.
SESSION_KINDS = ("self_assessments",)
# The imports of a branch's records (``import_table``).
KINDS = tuple(k for k in COLUMNS if k not in SESSION_KINDS)

_DROP = re.compile(r"[\s_\-*:]+")
# The member columns that are no field of the member record (records.MemberInput): the
# roster import reads them itself, for the transfer-in event of a new member.
TRANSFER_KEYS = ("transfer_in_date", "transfer_in_from")
_COMBINED = re.compile(r"^(.+?)\s*[(\[【〔](.+?)[)\]】〕]$")


def normalise(text: str) -> str:
    """A header as compared: NFKC (full-width to half-width), case-folded, no separators."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def _lookup(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for col in COLUMNS[kind]:
        for name in col.names():
            table[normalise(name)] = col.key
    for name in IGNORED_NAMES:
        table[normalise(name)] = IGNORED
    return table


_LOOKUPS = {kind: _lookup(kind) for kind in COLUMNS}


def column_key(kind: str, header: str) -> str | None:
    """The key a header cell names for this kind of import, ``IGNORED``, or None if unknown.

    Raises ValueError when the two halves of ``编号(name)`` name different columns.
    """
    lookup = _LOOKUPS[kind]
    text = unicodedata.normalize("NFKC", header).strip()
    whole = lookup.get(normalise(text))
    if whole:
        return whole
    m = _COMBINED.match(text)
    if not m:
        return None
    found = {f for part in m.groups() if (f := lookup.get(normalise(part))) is not None}
    if len(found) > 1:
        raise ValueError(sorted(found))
    return found.pop() if found else None


def accepted(kind: str) -> str:
    """The accepted columns, as a message lists them: ``member_no(编号), name(姓名), …``."""
    return t("import.list_sep").join(col.label() for col in COLUMNS[kind])


@dataclass(frozen=True)
class Row:
    number: int  # the spreadsheet row
    values: dict[str, str]  # column key -> cell text (only the columns in the file)

    def text(self, key: str) -> str:
        """The cell of column ``key`` with full-width letters and digits made plain and
        the spaces around it stripped ("" when the file has no such column)."""
        return unicodedata.normalize("NFKC", self.values.get(key, "")).strip()


@dataclass(frozen=True)
class Table:
    """A file's rows, keyed by column, ready for the records of one kind."""

    kind: str
    file: str
    keys: tuple[str, ...]  # the columns present, in file order
    rows: list[Row]
    problems: list[Problem]  # row-level problems found while reading (values past the header)
    skipped: tuple[str, ...] = ()  # headers of the columns not kept (a lenient import)

    def readable_rows(self) -> tuple[list[Row], list[Problem]]:
        """The rows to read, and the problems so far: the file's, and one for each row that
        holds a NUL character (refused whole: none of its cells is read)."""
        rows: list[Row] = []
        problems = list(self.problems)
        for row in self.rows:
            if any("\x00" in v for v in row.values.values()):
                problems.append(Problem(self.file, row.number, "import.control_character"))
            else:
                rows.append(row)
        return rows, problems


def looks_like_header(kind: str, cells: list[str]) -> bool:
    """A row that names at least two columns of ``kind``, one of them required (a roster's
    姓名 and one more): the header below a sheet's title rows."""
    required = {c.key for c in COLUMNS[kind] if c.required}
    found: set[str] = set()
    for text in cells:
        if not text:
            continue
        try:
            key = column_key(kind, text)
        except ValueError:
            continue
        if key and key != IGNORED:
            found.add(key)
    return len(found) >= 2 and bool(found & required)


def _required(kind: str, key: str) -> bool:
    return any(c.key == key and c.required for c in COLUMNS[kind])


def _is_serial(header: str) -> bool:
    return normalise(unicodedata.normalize("NFKC", header).strip()) in {
        normalise(n) for n in IGNORED_NAMES
    }


def map_sheet(sheet: Sheet, kind: str, *, strict: bool = False) -> Table:
    """Match the header to the columns of ``kind``; raises ImportFailed for a bad header.

    In a lenient import (a roster, unless ``strict``) an unknown column is skipped and
    named in ``Table.skipped``; otherwise it is refused.
    """
    if kind not in COLUMNS:
        raise ValueError(f"unknown import kind {kind!r}")
    lenient = kind in LENIENT_KINDS and not strict
    file, hrow = sheet.file, sheet.header_row
    problems: list[Problem] = []
    by_index: dict[int, str] = {}
    where: dict[str, int] = {}
    blank_headers: list[int] = []
    skipped: list[str] = []
    serial_at: int | None = None
    for index, text in enumerate(sheet.header):
        if not text:
            blank_headers.append(index)
            continue
        try:
            key = column_key(kind, text)
        except ValueError as exc:
            names = t("import.list_sep").join(
                col.label() for col in COLUMNS[kind] if col.key in exc.args[0]
            )
            problems.append(
                Problem(
                    file,
                    hrow,
                    "import.ambiguous_column",
                    {"header": text, "column": column_letter(index), "names": names},
                )
            )
            continue
        if key is None and lenient:
            skipped.append(" ".join(text.split()))
            continue
        if key is None:
            problems.append(
                Problem(
                    file,
                    hrow,
                    "import.unknown_column",
                    {"header": text, "column": column_letter(index), "accepted": accepted(kind)},
                )
            )
            continue
        if key == IGNORED:
            if serial_at is None and _is_serial(text):
                serial_at = index
            continue
        if key in where and lenient and not _required(kind, key):
            # A roster with 手机号 and 联系电话: the first is kept, the other named as skipped.
            skipped.append(" ".join(text.split()))
            continue
        if key in where:
            problems.append(
                Problem(
                    file,
                    hrow,
                    "import.duplicate_column",
                    {
                        "header": text,
                        "column": column_letter(index),
                        "other": sheet.header[where[key]],
                        "other_column": column_letter(where[key]),
                    },
                )
            )
            continue
        where[key] = index
        by_index[index] = key
    # A roster numbered only by its 序号: the running number becomes the member number.
    if kind == "members" and "member_no" not in where and serial_at is not None:
        by_index[serial_at] = SERIAL
        where[SERIAL] = serial_at
    for col in COLUMNS[kind]:
        if col.required and col.key not in where:
            if col.key == "member_no" and SERIAL in where:
                continue
            problems.append(Problem(file, hrow, "import.missing_column", {"column": col.label()}))
    for index in blank_headers:  # a blank header over data: the data would be lost
        if any(index < len(cells) and cells[index] for _, cells in sheet.rows):
            problems.append(
                Problem(file, hrow, "import.unnamed_column", {"column": column_letter(index)})
            )
    if problems:
        raise ImportFailed(problems)
    if not sheet.rows:
        raise ImportFailed([Problem(file, None, "import.no_rows")])

    width = len(sheet.header)
    rows: list[Row] = []
    row_problems: list[Problem] = []
    for number, cells in sheet.rows:
        values = {key: (cells[i] if i < len(cells) else "") for i, key in by_index.items()}
        if not any(v for k, v in values.items() if k != SERIAL) and not any(cells[width:]):
            continue  # only ignored or skipped columns filled in (a numbered blank row)
        for i in range(width, len(cells)):
            if cells[i]:
                row_problems.append(
                    Problem(file, number, "import.value_past_header", {"column": column_letter(i)})
                )
                break
        rows.append(Row(number, values))
    keys = tuple(by_index[i] for i in sorted(by_index))
    return Table(
        kind=kind, file=file, keys=keys, rows=rows, problems=row_problems, skipped=tuple(skipped)
    )
