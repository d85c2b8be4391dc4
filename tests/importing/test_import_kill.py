"""kill -9 in the middle of a large import leaves a sound database with all rows or none."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from orglife_tui.data.store import Store
from orglife_tui.domain import MeetingType, MemberStatus
from orglife_tui.domain.records import MeetingInput, MemberInput

ROOT = Path(__file__).resolve().parents[2]
# 60,000 marks: enough that SQLite spills uncommitted pages into the WAL before the commit.
MEMBERS, MEETINGS = 400, 150

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def writer_active(db: Path) -> bool:
    """True while another connection holds the database's write lock (BEGIN IMMEDIATE)."""
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        raise
    finally:
        probe.close()


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def wal_size(db: Path) -> int:
    try:
        return (db.parent / (db.name + "-wal")).stat().st_size
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize(
    "moment",
    [
        "transaction_open",  # the writer has just taken the lock, nothing written yet
        "pages_in_wal",  # uncommitted pages already sit in the WAL file
    ],
)
@pytest.mark.slow
def test_kill_9_during_an_attendance_import(tmp_path, moment):
    db = tmp_path / "branch.db"
    store = Store.open(f"sqlite:///{db}", operator="tester")
    branch = store.resolve_branch("第一党支部")
    store.add_members(
        branch.id, [MemberInput(f"{i:04d}", f"党员{i}", MemberStatus.full) for i in range(MEMBERS)]
    )
    store.add_meetings(
        branch.id,
        [
            MeetingInput(
                date(2020, 1, 1) + timedelta(days=7 * i),
                (MeetingType.party_lecture,),
                f"党课{i}",
                meeting_no=f"M{i:03d}",
            )
            for i in range(MEETINGS)
        ],
    )
    store.close()
    csv_path = tmp_path / "attendance.csv"
    with open(csv_path, "w", encoding="utf-8") as fh:
        fh.write("会议编号,编号,出勤,原因\n")
        for m in range(MEETINGS):
            for p in range(MEMBERS):
                fh.write(f"M{m:03d},{p:04d},{'请假,出差' if p % 9 == 0 else '出席,'}\n")
    total = MEETINGS * MEMBERS

    cmd = [
        sys.executable,
        "-m",
        "orglife_tui",
        "--db",
        str(db),
        "import",
        "attendance",
        str(csv_path),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed_while_writing = False
    deadline = time.monotonic() + 60  # a loaded machine may take long to start the child
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if moment == "pages_in_wal" and wal_size(db) <= 32:  # 32: the WAL header alone
                time.sleep(0.001)
                continue
            if writer_active(db):
                proc.send_signal(signal.SIGKILL)
                killed_while_writing = True
                break
            time.sleep(0.002)
    finally:
        if proc.poll() is None and not killed_while_writing:
            proc.kill()
        proc.wait(timeout=10)

    assert killed_while_writing, proc.stderr.read().decode()
    assert proc.returncode == -signal.SIGKILL
    if moment == "pages_in_wal":
        assert wal_size(db) > 32

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    marks = count(db, "SELECT count(*) FROM attendance")
    logged = count(db, "SELECT count(*) FROM audit_log WHERE action = 'attendance.import'")
    assert (marks, logged) in {(0, 0), (total, 1)}  # every row and its trace, or nothing

    # The database is usable afterwards: no lock is left behind, a write goes through.
    store = Store.open(f"sqlite:///{db}", operator="tester")
    store.add_member(branch.id, MemberInput("9999", "新党员", MemberStatus.probationary))
    assert store.count_members(branch.id) == MEMBERS + 1
    store.close()
