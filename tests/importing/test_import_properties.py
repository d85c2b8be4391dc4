"""Property tests of the parsers of user input: whatever a file holds, an import either
writes every row or reports problems, and never fails with an exception of its own."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from import_helpers import snapshot, write_xlsx

from orglife_tui.domain import parse_date
from orglife_tui.importing import COLUMNS, KINDS, ImportFailed, cell_text, column_key, import_file
from orglife_tui.importing.columns import IGNORED, normalise

DB_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

dates = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(dates)
def test_dates_round_trip_in_every_accepted_spelling(d):
    for text in (
        d.isoformat(),
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}/{d.month:02d}/{d.day:02d}",
        f"{d.year}年{d.month}月{d.day}日",
        f"  {d.isoformat()} 00:00:00 ",
    ):
        assert parse_date(text) == d, text


@given(dates)
def test_date_cells_become_text_that_parses_back(d):
    assert parse_date(cell_text(d)) == d
    assert parse_date(cell_text(datetime(d.year, d.month, d.day))) == d


@given(st.integers(min_value=0, max_value=10**15))
def test_number_cells_keep_every_digit(n):
    assert cell_text(n) == str(n)
    assert cell_text(float(n)) == str(n)


@given(st.one_of(st.floats(), st.integers(), st.text(), st.booleans(), st.none(), st.datetimes()))
def test_any_cell_value_becomes_text(value):
    assert isinstance(cell_text(value), str)


@given(st.sampled_from(KINDS), st.text())
def test_header_mapping_never_crashes(kind, header):
    try:
        key = column_key(kind, header)
    except ValueError:  # "编号(name)": two halves naming different columns
        return
    assert key is None or key == IGNORED or key in {c.key for c in COLUMNS[kind]}


@st.composite
def decorated_names(draw):
    kind = draw(st.sampled_from(KINDS))
    column = draw(st.sampled_from(COLUMNS[kind]))
    name = draw(st.sampled_from(column.names()))
    name = "".join(draw(st.sampled_from([c, c.upper(), c.lower()])) for c in name)
    pad = st.text(alphabet=" \t_-", max_size=2)
    return kind, column.key, draw(pad) + name + draw(pad)


@given(decorated_names())
def test_every_accepted_name_is_found_whatever_its_case_and_padding(case):
    kind, key, header = case
    assert column_key(kind, header) == key
    assert normalise(header) == normalise(normalise(header))


# ---------------------------------------------------------------------------- whole files

SAMPLE_CELLS = [
    "001", "002", "003", "099", "张伟", "李娜", "正式党员", "预备", "full", "团员", "男", "女",
    "出席", "请假", "缺席", "迟到", "2026-001", "2026-03-05", "2026/2/30", "1990年5月6日",
    "党课;主题党日", "支委会", "茶话会", "第一党小组", "书记", "13800138000", "电话", "2026-06",
    "x" * 120, "", " ",
]  # fmt: skip
HEADER_NAMES = sorted({n for cols in COLUMNS.values() for c in cols for n in c.names()}) + [
    "序号",
    "备注",
]

cell = st.one_of(st.sampled_from(SAMPLE_CELLS), st.text(max_size=10))
header_cell = st.one_of(st.sampled_from(HEADER_NAMES), st.text(max_size=6))


fresh_no = st.integers(10, 99999).map(lambda n: f"{n:05d}")

# Per column: values that are fine, and values that are wrong (a row is refused for them).
POOLS = {
    ("members", "member_no"): (fresh_no, ["001", "002", "x" * 60]),
    ("attendance", "member_no"): (st.sampled_from(["001", "002", "003"]), ["099", "1"]),
    ("meetings", "meeting_no"): (fresh_no.map(lambda n: f"M-{n}"), ["2026-001"]),
    ("attendance", "meeting_no"): (st.just("2026-001"), ["2026-099"]),
    "name": (st.sampled_from(["张伟", "李娜", "王芳", "赵 磊"]), [""]),
    ("members", "status"): (st.sampled_from(["正式党员", "正式", "full"]), ["团员"]),
    ("attendance", "status"): (
        st.sampled_from(["出席", "缺席", "absent", "present"]),
        ["迟到", "请假"],
    ),
    "gender": (st.sampled_from(["男", "女", "m"]), ["人"]),
    "birth_date": (st.sampled_from(["1970-01-02", "1975/1/2", "1972年3月4日"]), ["1990-02-30"]),
    "join_date": (
        st.sampled_from(["2001-07-01", "2001/7/1", "2001年7月1日"]),
        ["2001.07", "2099-01-01"],
    ),
    "full_date": (st.sampled_from(["2002-07-01", ""]), ["1999-01-01"]),
    "date": (dates.map(lambda d: d.isoformat()), ["2026-13-01"]),
    "type": (st.sampled_from(["党课", "主题党日；党课", "支委会", "general_meeting"]), ["茶话会"]),
    "title": (st.sampled_from(["学习党章", "清明祭英烈"]), ["x" * 301]),
    "group": (st.sampled_from(["第一党小组", "第二党小组", ""]), ["x" * 101]),
    "post": (st.sampled_from(["书记", "组织委员", ""]), ["班长"]),
    "phone": (st.sampled_from(["13800138000", "0571-8888 1234", ""]), ["电话"]),
    "dues_paid_until": (st.sampled_from(["2026-06", "2026-06-01", "2026/6"]), ["2026-13"]),
    "reason": (st.sampled_from(["出差", "病假", ""]), ["x" * 501]),
}


@st.composite
def spreadsheets(draw, kind):
    """A sheet for ``kind``: mostly its own columns in any order, values mostly plausible."""
    columns = list(COLUMNS[kind])
    chosen = draw(st.lists(st.sampled_from(columns), unique=True, min_size=1))
    if draw(st.integers(0, 4)):
        chosen = [c for c in columns if c.required] + [c for c in chosen if not c.required]
        chosen = draw(st.permutations(chosen))
    header = [draw(st.sampled_from(c.names())) for c in chosen]
    keys = [c.key for c in chosen]
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(header)))
        header.insert(at, draw(header_cell))
        keys.insert(at, "?")

    def value(i):
        key = keys[i] if i < len(keys) else None
        good, bad = POOLS.get((kind, key)) or POOLS.get(key) or (cell, SAMPLE_CELLS)
        return st.integers(0, 99).flatmap(
            lambda n: good if n < 96 else st.sampled_from(bad) if n < 99 else cell
        )

    widths = st.integers(0, 9).flatmap(
        lambda n: st.just(len(header)) if n < 8 else st.integers(0, len(header) + 1)
    )
    rows = draw(
        st.lists(
            widths.flatmap(lambda n: st.tuples(*(value(i) for i in range(n))).map(list)),
            max_size=6,
        )
    )
    return [header, *rows]


def check_import(store, branch, kind, path):
    before = snapshot(store, branch.id)
    try:
        summary = import_file(store, branch.id, kind, path)
    except ImportFailed as exc:
        event(f"refused: {exc.problems[0].key}")
        assert exc.problems, "a refused import names at least one problem"
        for line in exc.lines():
            assert line.startswith(str(path)) and "\n" not in line.strip()
        assert snapshot(store, branch.id) == before, "a refused import changed the database"
    else:
        event("imported")
        assert summary.rows >= 1


@DB_SETTINGS
@given(data=st.data(), kind=st.sampled_from(KINDS), bom=st.booleans())
def test_any_csv_imports_or_yields_problems(seeded, tmp_path, data, kind, bom):
    store, branch = seeded
    table = data.draw(spreadsheets(kind))
    buf = io.StringIO()
    csv.writer(buf).writerows(table)
    data = buf.getvalue().encode("utf-8", "surrogatepass")
    path = tmp_path / "any.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    check_import(store, branch, kind, path)


@DB_SETTINGS
@given(kind=st.sampled_from(KINDS), text=st.text(max_size=200))
def test_any_text_file_imports_or_yields_problems(seeded, tmp_path, kind, text):
    store, branch = seeded
    path = tmp_path / "any.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    check_import(store, branch, kind, path)


@DB_SETTINGS
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=200))
def test_any_bytes_import_or_yield_problems(seeded, tmp_path, kind, data):
    store, branch = seeded
    for name in ("any.csv", "any.xlsx"):
        path = tmp_path / name
        path.write_bytes(data)
        check_import(store, branch, kind, path)


def _xlsx_safe(v):
    """A value openpyxl can write: no control characters, no formulas."""
    if isinstance(v, str):
        v = "".join(c for c in v if c >= " " or c in "\t\n\r").lstrip("=")
    return v


xlsx_cell = st.one_of(
    cell.map(_xlsx_safe),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 1, 1)),
    st.none(),
)


@DB_SETTINGS
@given(data=st.data(), kind=st.sampled_from(KINDS))
def test_any_workbook_imports_or_yields_problems(seeded, tmp_path, data, kind):
    store, branch = seeded
    table = data.draw(spreadsheets(kind))
    # Some cells become numbers and dates, as a workbook stores them.
    table[1:] = [
        [data.draw(xlsx_cell) if data.draw(st.integers(0, 9)) == 0 else v for v in row]
        for row in table[1:]
    ]
    path = write_xlsx(tmp_path / "any.xlsx", [[_xlsx_safe(v) for v in r] for r in table])
    check_import(store, branch, kind, path)
