"""Points benchmark (issue 3): a script that prints ratios; never collected as a test.

In one run it builds (or reuses) a demo branch of 10,000 members with about 1,000,000
ledger entries and measures, against the same database:

1. ``orglife-tui export scores --year Y`` against a bare SQLite ``GROUP BY`` over the same
   entries (the year's ledger, grouped by member and item): the export's work inside its
   process (open the store, read the scheme, aggregate, write the CSV) against the bare
   query inside a plain ``python -c "import sqlite3 …"`` process; and, for the record,
   both whole processes from fork to exit (the export's Python imports included);
2. the export process's peak memory (``ru_maxrss`` of that child, from ``os.wait4``);
3. the ledger screen's open time on that database against a database of about 1,000
   entries: Textual's headless ``run_test`` with ``OrglifeApp``, a ``LedgerScreen``
   pushed for a member with a typical number of entries, timed until its first page
   is on the table.

Every figure is the median of ``--repeat`` runs, interleaved so that a busy machine
slows both sides alike. Usage (see benchmarks/README.md)::

    python benchmarks/points_benchmark.py                 # builds in a temporary folder
    python benchmarks/points_benchmark.py --db big.db     # reuses (or builds) big.db
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_EXPORT_RATIO = 2.0
TARGET_PEAK_MB = 250
TARGET_SCREEN_RATIO = 1.5

# The bare aggregation the export is measured against: the same entries (the branch's
# ledger dated in the year), the same grouping (per member and item), nothing else.
BARE_SQL = (
    "SELECT member_id, item_code, SUM(points) FROM ledger_entry "
    "WHERE branch_id = ? AND entry_date >= ? AND entry_date < ? "
    "GROUP BY member_id, item_code"
)

BARE_CHILD = """
import sqlite3, sys, time, json
t0 = time.perf_counter()
con = sqlite3.connect(sys.argv[1])
rows = con.execute(sys.argv[2], (int(sys.argv[3]), sys.argv[4], sys.argv[5])).fetchall()
con.close()
print(json.dumps({"work": time.perf_counter() - t0, "groups": len(rows)}))
"""

# The export exactly as `orglife-tui` runs it (cli.main), timing apart the imports (the CLI
# and the modules the command imports when it runs: SQLAlchemy, the tables, Typer's
# pydantic, the scheme's checker …) and the work (open the store, read the scheme,
# aggregate, write the file). Since issue 11 most of these are imported only when the
# command runs: they are imported here first, so that "work" stays work.
EXPORT_CHILD = """
import sys, time, json
t0 = time.perf_counter()
import orglife_tui.cli.main as cli
import orglife_tui.data.scores, orglife_tui.data.schemes, orglife_tui.export.scores
import typer._adapters  # Typer's option parsing loads pydantic when the command runs
import orglife_tui.scoring.scheme.checker, orglife_tui.scoring.scheme.build  # (pydantic too)
try:  # the Typer app: cli/app.py since issue 11, part of cli/main.py before
    import orglife_tui.cli.app, orglife_tui.cli.commands.export
except ImportError:
    pass
t1 = time.perf_counter()
sys.argv = ["orglife-tui", *sys.argv[2:]]
try:
    cli.main()
except SystemExit as exc:
    if exc.code:
        raise
t2 = time.perf_counter()
with open(__import__("os").environ["BENCH_REPORT"], "w") as f:
    json.dump({"imports": t1 - t0, "work": t2 - t1}, f)
"""


# ---------------------------------------------------------------------------- helpers


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "orglife_tui", *args],
        capture_output=True,
        text=True,
        check=check,
    )


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Run a child to completion: (wall seconds, peak RSS in KiB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{argv[:4]} failed:\n{err.read().decode(errors='replace')}")
        return wall, usage.ru_maxrss, out.read().decode()


def ledger_count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


def demo_supports_ledger_entries() -> bool:
    return "--ledger-entries" in cli("demo", "--help").stdout


def build(db: Path, members: int, years: int, entries: int) -> list[str]:
    """A demo branch in ``db`` (kept when it already holds a branch); notes on what was done."""
    notes: list[str] = []
    if db.exists() and ledger_count(db) > 0:
        notes.append(f"reused {db}")
        return notes
    args = ["--db", str(db), "demo", "--members", str(members), "--years", str(years)]
    if demo_supports_ledger_entries():
        args += ["--ledger-entries", str(entries)]
    print(f"building {db.name}: orglife-tui {' '.join(args[2:])} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    cli(*args)
    seconds = time.perf_counter() - started
    notes.append(f"built with `orglife-tui demo {' '.join(args[3:])}` in {seconds:.0f} s")
    have = ledger_count(db)
    if have < entries * 0.95:
        top_up(db, entries - have)
        notes.append(
            f"the demo gave {have:,} entries; topped up to {ledger_count(db):,} by copying "
            "entries with direct INSERTs (their hashes do not chain: `verify` fails on it)"
        )
    return notes


def top_up(db: Path, missing: int) -> None:
    """Copy existing entries (same members, items, dates) until ``missing`` more exist."""
    con = sqlite3.connect(db)
    cols = (
        "branch_id, member_id, item_code, points, hours, entry_date, note, source, "
        "meeting_id, scheme_version_id, operator, created_at, prev_hash, hash"
    )
    while missing > 0:
        n = min(missing, ledger_count(db))
        con.execute(
            f"INSERT INTO ledger_entry ({cols}) SELECT branch_id, member_id, item_code, points, "
            "hours, entry_date, 'benchmark top-up', 'manual', NULL, scheme_version_id, "
            "'benchmark', created_at, hash, hash FROM ledger_entry WHERE reverses_id IS NULL "
            f"ORDER BY id LIMIT {n}"
        )
        con.commit()
        missing -= n
    con.close()


def busiest_year(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    year, count = con.execute(
        "SELECT substr(entry_date, 1, 4) y, count(*) c FROM ledger_entry "
        "GROUP BY y ORDER BY c DESC LIMIT 1"
    ).fetchone()
    con.close()
    return int(year), count


def typical_member(db: Path, year: int) -> tuple[str, int]:
    """The member whose number of entries in ``year`` is the median one."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT m.member_no, count(*) c FROM ledger_entry e JOIN member m ON m.id = e.member_id "
        "WHERE e.entry_date >= ? AND e.entry_date < ? GROUP BY m.member_no ORDER BY c, m.member_no",
        (f"{year}-01-01", f"{year + 1}-01-01"),
    ).fetchall()
    con.close()
    member_no, count = rows[len(rows) // 2]
    return member_no, count


def median(values: list[float]) -> float:
    return statistics.median(values)


# ---------------------------------------------------------------------------- 1 + 2: export


def measure_export(db: Path, year: int, repeat: int, work_dir: Path) -> dict:
    branch_id = sqlite3.connect(db).execute("SELECT min(id) FROM branch").fetchone()[0]
    span = (str(branch_id), f"{year}-01-01", f"{year + 1}-01-01")
    out = work_dir / "scores.csv"
    report = work_dir / "export-report.json"
    env = {**os.environ, "BENCH_REPORT": str(report)}
    sqlite_cli = shutil.which("sqlite3")
    bare_sql_cli = BARE_SQL.replace("?", "{}").format(span[0], f"'{span[1]}'", f"'{span[2]}'")
    export_argv = [
        sys.executable,
        "-c",
        EXPORT_CHILD,
        "-",
        "--db",
        str(db),
        "--lang",
        "zh",
        "export",
        "scores",
        "--year",
        str(year),
        "--format",
        "csv",
        "-o",
        str(out),
    ]
    runs: dict[str, list[float]] = {
        k: [] for k in ("export_wall", "export_imports", "export_work", "bare_wall", "bare_work")
    }
    runs["sqlite3_cli"] = []
    peak_kib = 0
    groups = 0
    # one warm-up of each, so that both find the file in the page cache
    run_child([sys.executable, "-c", BARE_CHILD, str(db), BARE_SQL, *span])
    run_child(export_argv, env)
    for _ in range(repeat):
        wall, rss, _ = run_child(export_argv, env)
        phases = json.loads(report.read_text())
        runs["export_wall"].append(wall)
        runs["export_imports"].append(phases["imports"])
        runs["export_work"].append(phases["work"])
        peak_kib = max(peak_kib, rss)
        wall, _, text = run_child([sys.executable, "-c", BARE_CHILD, str(db), BARE_SQL, *span])
        bare = json.loads(text)
        runs["bare_wall"].append(wall)
        runs["bare_work"].append(bare["work"])
        groups = bare["groups"]
        if sqlite_cli:
            wall, _, _ = run_child([sqlite_cli, str(db), bare_sql_cli])
            runs["sqlite3_cli"].append(wall)
    with out.open(encoding="utf-8-sig") as f:
        rows = sum(1 for _ in f) - 1
    m = {k: median(v) for k, v in runs.items() if v}
    return {
        **m,
        "groups": groups,
        "rows": rows,
        "peak_mb": peak_kib / 1024,
        "work_ratio": m["export_work"] / m["bare_work"],
        "process_ratio": m["export_wall"] / m["bare_wall"],
    }


# ---------------------------------------------------------------------------- 3: the screen


async def _screen_open_times(db: Path, member_no: str, year: int, repeat: int) -> dict:
    from orglife_tui.data.store import Store

    store = Store.open(f"sqlite:///{db}", operator="benchmark")
    branch = store.resolve_branch(None)
    member = store.get_member(branch.id, member_no)
    try:
        from orglife_tui.tui.app import OrglifeApp
        from orglife_tui.tui.screens.points.ledger import LedgerScreen
    except ImportError:
        LedgerScreen = None  # noqa: N806
    times: list[float] = []
    if LedgerScreen is None:  # the data calls the screen would make
        from orglife_tui.data import ledger

        for _ in range(repeat + 1):
            t0 = time.perf_counter()
            ledger.list_entries(store, branch.id, member_no=member_no, year=year, limit=100)
            ledger.count_entries(store, branch.id, member_no=member_no, year=year)
            times.append(time.perf_counter() - t0)
        store.close()
        return {"times": times[1:], "first": times[0], "what": "data calls (no ledger screen)"}
    app = OrglifeApp(store=store, branch=branch, lang="zh", today=date(year, 12, 31))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(repeat + 1):
            screen = LedgerScreen(app.session, member, year)
            t0 = time.perf_counter()
            await app.push_screen(screen)
            deadline = time.perf_counter() + 30
            while not screen.table.items:  # the member has entries: wait for the first page
                if time.perf_counter() > deadline:
                    raise SystemExit("the ledger screen showed no entries within 30 s")
                await pilot.pause()
            await pilot.pause()  # and let it be drawn
            times.append(time.perf_counter() - t0)
            app.pop_screen()
            await pilot.pause()
    store.close()
    return {"times": times[1:], "first": times[0], "what": "LedgerScreen via run_test"}


def measure_screen(big: Path, small: Path, year_big: int, year_small: int, repeat: int) -> dict:
    out = {}
    for name, db, year in (("big", big, year_big), ("small", small, year_small)):
        member_no, count = typical_member(db, year)
        r = asyncio.run(_screen_open_times(db, member_no, year, repeat))
        out[name] = {
            "db_entries": ledger_count(db),
            "member_no": member_no,
            "member_entries": count,
            "year": year,
            "open": median(r["times"]),
            "first": r["first"],
            "what": r["what"],
        }
    out["ratio"] = out["big"]["open"] / out["small"]["open"]
    return out


# ---------------------------------------------------------------------------- main


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", type=Path, help="the large database (built there when missing)")
    p.add_argument("--small-db", type=Path, help="the ~1,000-entry database (idem)")
    p.add_argument("--members", type=int, default=10_000)
    p.add_argument("--years", type=int, default=4)
    p.add_argument("--entries", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--year", type=int, help="year to export (default: the busiest one)")
    args = p.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="orglife-bench-"))
    try:
        big = args.db or tmp / "big.db"
        small = args.small_db or tmp / "small.db"
        notes = build(big, args.members, args.years, args.entries)
        notes += build(small, 30, 1, 1_000)
        year, year_entries = busiest_year(big) if args.year is None else (args.year, 0)
        small_year, _ = busiest_year(small)
        total = ledger_count(big)

        export = measure_export(big, year, args.repeat, tmp)
        screen = measure_screen(big, small, year, small_year, args.repeat)
        report(args, notes, total, year, year_entries, export, screen)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(args, notes, total, year, year_entries, export, screen) -> None:
    e, s = export, screen
    cpu = os.cpu_count()
    print(f"orglife-tui points benchmark — Python {sys.version.split()[0]}, {cpu} CPU(s)")
    for n in notes:
        print(f"  note: {n}")
    print(
        f"  ledger: {total:,} entries; export year {year} ({year_entries:,} entries, "
        f"{e['groups']:,} member×item groups, {e['rows']:,} members exported)"
    )
    print(f"  medians of {args.repeat} interleaved runs\n")
    print("1. export scores vs bare SQLite GROUP BY (same entries)")
    print(
        f"   export work in its process   {e['export_work']:.3f} s  "
        f"(Python imports before it: {e['export_imports']:.3f} s)"
    )
    print(f"   bare GROUP BY in its process {e['bare_work']:.3f} s")
    print(
        f"   ratio (work)                 {e['work_ratio']:.2f}  "
        f"target <= {TARGET_EXPORT_RATIO}  {verdict(e['work_ratio'] <= TARGET_EXPORT_RATIO)}"
    )
    print(
        f"   whole processes: export {e['export_wall']:.3f} s, bare python+sqlite3 "
        f"{e['bare_wall']:.3f} s, ratio {e['process_ratio']:.2f}"
    )
    if "sqlite3_cli" in e:
        print(f"   (the sqlite3 shell runs the bare query in {e['sqlite3_cli']:.3f} s)")
    print("\n2. peak memory of the export process")
    print(
        f"   {e['peak_mb']:.0f} MB  target < {TARGET_PEAK_MB} MB  "
        f"{verdict(e['peak_mb'] < TARGET_PEAK_MB)}"
    )
    print("\n3. ledger screen open time, 1M vs 1k entries")
    for name in ("big", "small"):
        x = s[name]
        print(
            f"   {x['db_entries']:>9,} entries: {x['open'] * 1000:7.1f} ms "
            f"(member {x['member_no']}, {x['member_entries']} entries in {x['year']}; "
            f"first open {x['first'] * 1000:.0f} ms) [{x['what']}]"
        )
    print(
        f"   ratio                        {s['ratio']:.2f}  "
        f"target <= {TARGET_SCREEN_RATIO}  {verdict(s['ratio'] <= TARGET_SCREEN_RATIO)}"
    )


if __name__ == "__main__":
    main()
