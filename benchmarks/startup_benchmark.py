"""Start-up and terminal-stream benchmark (issue 11 §4): prints ratios; never a test.

Each orglife-tui figure is measured side by side with a bare baseline in the same run, as
child processes, the two sides interleaved, medians of ``--repeat`` runs:

1. TUI cold start to the first usable dashboard against a bare Textual app: both run in a
   pseudo-terminal of 80×24 (TERM=xterm-256color); the clock runs from the fork until the
   member-counts line (``Members: N (…``) appears in what the child wrote to the terminal.
   On the dashboard that line is drawn once the branch's data is read; the bare app
   (benchmarks/bare_app.py) reads the same counts with plain sqlite3 in ``on_mount`` and
   shows them in a Static beside a DataTable, a Header and a Footer.
2. ``orglife-tui members list --format json`` against ``sqlite-utils rows DB member``,
   whole processes (fork to exit), output to /dev/null.
3. ``orglife-tui export scores --year Y --format csv -o F`` against a bare
   ``python -c "import sqlite3 …"`` running the year's GROUP BY (points_benchmark's query),
   whole processes.
4. Bytes written to the 80×24 terminal per cursor move (down arrow) in the members list,
   against a bare DataTable holding the same rows; and bytes written in 3 s with no input.
5. The points benchmark's ratios (export work, peak memory, ledger screen big vs small),
   by points_benchmark's own functions, on this database (the 1M-entry build is
   ``points_benchmark.py --db``).

Usage (see benchmarks/README.md)::

    python benchmarks/startup_benchmark.py    # builds /tmp/orglife-bench-300k.db once
    python benchmarks/startup_benchmark.py --repeat 15 --only 1,4
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import points_benchmark as points  # noqa: E402

GOAL_TUI = 2.5
GOAL_MEMBERS = 1.5
GOAL_EXPORT = 1.5
GOAL_BYTES = 2.0
GOAL_IDLE = 0

DEFAULT_DB = Path(tempfile.gettempdir()) / "orglife-bench-300k.db"
SMALL_DB = Path(tempfile.gettempdir()) / "orglife-bench-1k.db"
# The day the demo is built for and every child runs on: the data ends in that year.
TODAY = "2025-12-31"
SIZE = (80, 24)
COUNTS = re.compile(rb"Members: \d+ \(")
DOWN = b"\x1b[B"
# Compiled modules are cached (as an installed package has them) but outside the tree: with
# PYTHONDONTWRITEBYTECODE set, every run would compile orglife-tui's modules from source
# while the baselines' come compiled from site-packages.
PYCACHE = Path(tempfile.gettempdir()) / "orglife-bench-pycache"
CTRL_Q = b"\x11"


# ---------------------------------------------------------------------------- helpers


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COLORTERM"))}
    env.update(TERM="xterm-256color", ORGLIFE_TODAY=TODAY, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.update(PYTHONPYCACHEPREFIX=str(PYCACHE))
    for name in ("ORGLIFE_DB", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def cache_bytecode() -> None:
    """This process and the children points_benchmark starts use the bytecode cache too."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(PYCACHE)


def wall(argv: list[str], env: dict[str, str]) -> float:
    """Fork to exit of a child whose output goes nowhere."""
    started = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    took = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv[:6])} … failed:\n{proc.stderr.decode(errors='replace')}")
    return took


def interleaved(sides: dict[str, list[str]], repeat: int, env: dict[str, str]) -> dict:
    """Medians of ``repeat`` runs of each side, interleaved, after one warm-up of each."""
    for argv in sides.values():
        wall(argv, env)
    runs: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, argv in sides.items():
            runs[name].append(wall(argv, env))
    return {name: statistics.median(v) for name, v in runs.items()}


class PtyChild:
    """A child process on the slave side of a pseudo-terminal of 80×24; we read the master."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        cols, rows = SIZE
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.fd = master
        self.seen = bytearray()

    def _read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # the child closed the terminal
            data = b""
        if not data:
            raise EOFError
        self.seen += data
        return data

    def wait_for(self, pattern: re.Pattern[bytes], timeout: float = 120) -> float:
        """Seconds from the fork until ``pattern`` is in what the child wrote."""
        deadline = time.perf_counter() + timeout
        while not pattern.search(self.seen):
            if time.perf_counter() > deadline:
                tail = bytes(self.seen[-400:])
                raise SystemExit(f"no {pattern.pattern!r} within {timeout} s: {tail!r}")
            try:
                self._read(deadline - time.perf_counter())
            except EOFError:
                raise SystemExit(f"the child ended: {bytes(self.seen[-800:])!r}") from None
        return time.perf_counter() - self.started

    def settle(self, quiet: float, timeout: float = 120) -> int:
        """Read until nothing came for ``quiet`` seconds; the bytes read."""
        total = 0
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            data = self._read(quiet)
            if not data:
                return total
            total += len(data)
        return total

    def count_for(self, seconds: float) -> int:
        """Bytes written in the next ``seconds``."""
        total = 0
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            total += len(self._read(left))
        return total

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def close(self) -> None:
        try:
            self.send(CTRL_Q)
            deadline = time.perf_counter() + 10
            while self.proc.poll() is None and time.perf_counter() < deadline:
                try:
                    self._read(0.05)
                except EOFError:
                    break
        except OSError:
            pass
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        os.close(self.fd)


def orglife(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "orglife_tui", "--db", str(db), "--lang", "en", *args]


def bare(kind: str, db: Path, *extra: str) -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py"), kind, str(db), *extra]


def ensure_db(db: Path, members: int, years: int, entries: int) -> str:
    if db.exists() and points.ledger_count(db) > 0:
        return f"reused {db}"
    print(f"building {db} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run(
        orglife(db, "demo", "--members", str(members), "--years", str(years),
                "--ledger-entries", str(entries)),
        check=True, stdout=subprocess.DEVNULL, env=child_env(),
    )  # fmt: skip
    return f"built {db} in {time.perf_counter() - started:.0f} s"


# ---------------------------------------------------------------------------- 1: TUI start

# What an orglife-tui process imports before it does anything of its own: a command, Typer
# (whose option parsing builds pydantic adapters) and SQLAlchemy; the UI (which starts
# without Typer) SQLAlchemy and Textual.
FLOOR_CLI = "import typer, typer._adapters, sqlalchemy"
FLOOR_TUI = "import sqlalchemy, textual.app"


def floor(imports: str) -> list[str]:
    return [sys.executable, "-c", imports]


def first_paint(argv: list[str], env: dict[str, str]) -> float:
    child = PtyChild(argv, env)
    try:
        return child.wait_for(COUNTS)
    finally:
        child.close()


def measure_tui(db: Path, repeat: int) -> dict:
    env = child_env()
    sides = {"orglife": orglife(db), "bare": bare("dashboard", db)}
    for argv in sides.values():
        first_paint(argv, env)
    runs: dict[str, list[float]] = {k: [] for k in (*sides, "floor")}
    for _ in range(repeat):
        for name, argv in sides.items():
            runs[name].append(first_paint(argv, env))
        runs["floor"].append(wall(floor(FLOOR_TUI), env))
    m = {k: statistics.median(v) for k, v in runs.items()}
    return {**m, "ratio": m["orglife"] / m["bare"]}


# ---------------------------------------------------------------------------- 2 + 3


def measure_members(db: Path, repeat: int) -> dict:
    sqlite_utils = shutil.which("sqlite-utils") or str(
        Path(sys.executable).with_name("sqlite-utils")
    )
    if not Path(sqlite_utils).exists():
        raise SystemExit("sqlite-utils is not installed: pip install -e '.[bench]'")
    sides = {
        "orglife": orglife(db, "members", "list", "--format", "json"),
        "bare": [sqlite_utils, "rows", str(db), "member"],
        "floor": floor(FLOOR_CLI),
    }
    m = interleaved(sides, repeat, child_env())
    return {**m, "ratio": m["orglife"] / m["bare"]}


BARE_EXPORT = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
rows = con.execute(sys.argv[2], (int(sys.argv[3]), sys.argv[4], sys.argv[5])).fetchall()
con.close()
"""


def measure_export(db: Path, year: int, repeat: int, out: Path) -> dict:
    branch_id = sqlite3.connect(db).execute("SELECT min(id) FROM branch").fetchone()[0]
    span = (str(branch_id), f"{year}-01-01", f"{year + 1}-01-01")
    sides = {
        "orglife": orglife(
            db, "export", "scores", "--year", str(year), "--format", "csv", "-o", str(out)
        ),
        "bare": [sys.executable, "-c", BARE_EXPORT, str(db), points.BARE_SQL, *span],
        "floor": floor(FLOOR_CLI),
    }
    m = interleaved(sides, repeat, child_env())
    return {**m, "ratio": m["orglife"] / m["bare"]}


# ---------------------------------------------------------------------------- 4: the stream


def stream(argv: list[str], open_keys: bytes, moves: int, quiet: float, idle: float) -> dict:
    """Bytes per cursor move once the screen is settled, and bytes while idle."""
    child = PtyChild(argv, child_env())
    try:
        if open_keys:  # orglife-tui: from the dashboard to the list
            child.wait_for(COUNTS)
            child.settle(quiet * 4)
            child.send(open_keys)
        child.settle(max(quiet * 4, 1.0))
        per_move = []
        for _ in range(moves):
            child.send(DOWN)
            per_move.append(child.settle(quiet))
        child.settle(quiet * 4)
        return {"per_move": per_move, "idle": child.count_for(idle)}
    finally:
        child.close()


def measure_stream(db: Path, moves: int, quiet: float, idle: float, repeat: int) -> dict:
    sides = {
        "orglife": (orglife(db), b"m"),
        "bare": (bare("table", db, "cell"), b""),
        "bare_row": (bare("table", db, "row"), b""),
    }
    out: dict[str, dict] = {k: {"per_move": [], "idle": []} for k in sides}
    for _ in range(repeat):
        for name, (argv, keys) in sides.items():
            r = stream(argv, keys, moves, quiet, idle)
            out[name]["per_move"] += r["per_move"]
            out[name]["idle"].append(r["idle"])
    res: dict = {}
    for name, r in out.items():
        res[name] = {
            "median": statistics.median(r["per_move"]),
            "mean": sum(r["per_move"]) / len(r["per_move"]),
            "idle": max(r["idle"]),
        }
    res["ratio"] = res["orglife"]["median"] / res["bare"]["median"]
    return res


# ---------------------------------------------------------------------------- report


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def times(title: str, r: dict, ours: str, base: str, floor_what: str, goal: float) -> None:
    print(title)
    print(f"   {ours:<24}{ms(r['orglife'])}")
    print(f"   {base:<24}{ms(r['bare'])}")
    print(f"   ratio                   {r['ratio']:7.2f}  {verdict(r['ratio'], goal)}")
    print(
        f"   (floor: {floor_what} alone take {ms(r['floor']).strip()}, "
        f"{r['floor'] / r['bare']:.2f}× the baseline)\n"
    )


def report_stream(r: dict, idle: float) -> None:
    print("4. bytes to an 80×24 terminal per cursor move (down arrow), and while idle")
    rows = (
        ("members list", "orglife", ""),
        ("bare DataTable", "bare", "  (Textual's default cell cursor)"),
        ("bare, row cursor", "bare_row", "  (cursor_type='row', for comparison)"),
    )
    for label, key, note in rows:
        x = r[key]
        print(
            f"   {label:<18}{x['median']:7.0f} B per move (mean {x['mean']:.0f}), "
            f"idle {idle:.0f} s: {x['idle']} B{note}"
        )
    print(f"   ratio             {r['ratio']:7.2f}  {verdict(r['ratio'], GOAL_BYTES)}")
    quiet = r["orglife"]["idle"]
    print(
        f"   idle              {quiet:7d} B  goal {GOAL_IDLE} B  {pass_fail(quiet <= GOAL_IDLE)}\n"
    )


def report_points(db: Path, notes: list[str], e: dict, s: dict) -> None:
    print(f"5. points benchmark ratios on {db.name} (the 1M-entry ones: points_benchmark.py)")
    for n in notes:
        print(f"   note: {n}")
    print(
        f"   export work vs bare GROUP BY work {e['work_ratio']:5.2f}  "
        f"goal <= {points.TARGET_EXPORT_RATIO}; 1.7 at 1M before issue 11 "
        f"(imports {ms(e['export_imports']).strip()}, work {ms(e['export_work']).strip()}, "
        f"bare work {ms(e['bare_work']).strip()})"
    )
    print(
        f"   export peak memory                {e['peak_mb']:5.0f} MB  "
        f"goal < {points.TARGET_PEAK_MB} MB; 83 MB at 1M before issue 11"
    )
    print(
        f"   ledger screen big vs small        {s['ratio']:5.2f}  "
        f"goal <= {points.TARGET_SCREEN_RATIO}; 1.3 at 1M before issue 11 "
        f"({ms(s['big']['open']).strip()} vs {ms(s['small']['open']).strip()})"
    )


def pass_fail(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def verdict(ratio: float, goal: float) -> str:
    return f"goal <= {goal}  {pass_fail(ratio <= goal)}"


# ---------------------------------------------------------------------------- main


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="demo database (built if missing)")
    p.add_argument("--small-db", type=Path, default=SMALL_DB, help="~1k entries, for 5.")
    p.add_argument("--members", type=int, default=3_000)
    p.add_argument("--years", type=int, default=2)
    p.add_argument("--entries", type=int, default=300_000)
    p.add_argument("--repeat", type=int, default=9)
    p.add_argument("--year", type=int, help="year to export (default: the busiest)")
    p.add_argument("--moves", type=int, default=15, help="cursor moves per stream run")
    p.add_argument("--quiet", type=float, default=0.4, help="seconds of silence = settled")
    p.add_argument("--idle", type=float, default=3.0, help="seconds counted while idle")
    p.add_argument("--only", default="1,2,3,4,5", help="which parts to run, e.g. 1,4")
    args = p.parse_args()
    parts = {int(x) for x in args.only.split(",")}
    cache_bytecode()

    notes = [ensure_db(args.db, args.members, args.years, args.entries)]
    year = args.year or points.busiest_year(args.db)[0]
    print(
        f"orglife-tui start-up benchmark — Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPU(s), load {os.getloadavg()[0]:.1f}"
    )
    for n in notes:
        print(f"  note: {n}")
    print(
        f"  {args.db.name}: {points.ledger_count(args.db):,} ledger entries; "
        f"medians of {args.repeat} interleaved runs\n"
    )
    if 1 in parts:
        times(
            "1. TUI cold start to the first usable dashboard (fork → counts drawn, 80×24 pty)",
            measure_tui(args.db, args.repeat),
            "orglife-tui",
            "bare Textual app",
            "the imports of SQLAlchemy and Textual",
            GOAL_TUI,
        )
    if 2 in parts:
        times(
            "2. members list --format json vs sqlite-utils rows DB member (whole processes)",
            measure_members(args.db, args.repeat),
            "orglife-tui",
            "sqlite-utils",
            "the imports of Typer and SQLAlchemy",
            GOAL_MEMBERS,
        )
    if 3 in parts:
        with tempfile.TemporaryDirectory(prefix="orglife-bench-") as tmp:
            r = measure_export(args.db, year, args.repeat, Path(tmp) / "scores.csv")
        times(
            f"3. export scores --year {year} --format csv vs python + sqlite3 GROUP BY",
            r,
            "orglife-tui",
            "python -c sqlite3",
            "the imports of Typer and SQLAlchemy",
            GOAL_EXPORT,
        )
    if 4 in parts:
        stream_runs = max(1, args.repeat // 3)
        report_stream(
            measure_stream(args.db, args.moves, args.quiet, args.idle, stream_runs), args.idle
        )
    if 5 in parts:
        notes5 = points.build(args.small_db, 30, 1, 1_000)
        with tempfile.TemporaryDirectory(prefix="orglife-bench-") as tmp:
            e = points.measure_export(args.db, year, args.repeat, Path(tmp))
        small_year = points.busiest_year(args.small_db)[0]
        s = points.measure_screen(args.db, args.small_db, year, small_year, args.repeat)
        report_points(args.db, notes5, e, s)


if __name__ == "__main__":
    main()
