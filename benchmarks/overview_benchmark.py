"""Committee overview benchmark (issue 13 §4): a script that prints figures; never a test.

Builds, on PostgreSQL, a party committee's server with 500 branches × 50 members × 5
years (bulk COPY: branches, groups, members, monthly meetings with attendance, talks,
dues standards and quarterly payments, ledger entries, one published appraisal session a
year with its grades, rectification items, follow-ups) and a second database with one
such branch, then prints:

1. the build time (target: under three minutes);
2. the overview of the last year over all 500 branches (``services.overview.overview``,
   what the CLI and the screen call), target ≤ 2 s;
3. one branch's compliance check (``services.watch.check``: what its compliance screen
   runs) with 500 branches in the database against the same branch alone, target ≤ 1.5×;
4. a bare baseline: ``SELECT count(*) FROM attendance`` over the 500 branches' rows.

Usage (benchmarks/README.md)::

    ORGLIFE_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:54329/postgres \\
        python benchmarks/overview_benchmark.py [--branches 500] [--repeat 5] [--keep]

The URL names a server and a database to connect to for ``CREATE DATABASE``; the script
creates ``orglife_bench_overview`` and ``orglife_bench_overview_one`` (dropped at the end
unless ``--keep``; reused when they exist and ``--reuse`` is given).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402  (after the path: run from a checkout)

from orglife_tui.data.store import Store  # noqa: E402
from orglife_tui.scoring.scheme import default_scheme_text, scheme_hash  # noqa: E402

LAST_YEAR = 2025
YEARS = 5
MEMBERS = 50
GROUPS = 3
TARGET_OVERVIEW_S = 2.0
TARGET_BRANCH_RATIO = 1.5
TARGET_BUILD_S = 180.0
POSTS = ("secretary", "deputy_secretary", "organization", "publicity", "discipline")
GRADES = (("excellent", 0.2), ("qualified", 0.75), ("basically_qualified", 0.04))
NOW = datetime(LAST_YEAR, 12, 31, 12, tzinfo=timezone.utc)


def admin_url() -> str:
    url = os.environ.get("ORGLIFE_BENCH_PG") or os.environ.get("ORGLIFE_TEST_PG")
    if not url:
        sys.exit("set ORGLIFE_BENCH_PG (or ORGLIFE_TEST_PG) to a PostgreSQL URL")
    return url


def plain(url: str) -> str:
    """The URL psycopg takes (SQLAlchemy's names the driver)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def grant_roles(url: str, observer: str, secretary: str, branch: int) -> None:
    """``observer`` observes every branch of the database, ``secretary`` is the secretary
    of ``branch`` (written directly: hundreds of grants, no audit wanted here)."""
    with psycopg.connect(plain(url), autocommit=True) as conn:
        conn.execute(
            "INSERT INTO account (name, is_admin, created_at, created_by) "
            "VALUES (%s, false, now(), 'bench'), (%s, false, now(), 'bench')",
            (observer, secretary),
        )
        conn.execute(
            "INSERT INTO account_grant (account, branch_id, role, granted_at, granted_by) "
            "SELECT %s, id, 'observer', now(), 'bench' FROM branch",
            (observer,),
        )
        conn.execute(
            "INSERT INTO account_grant (account, branch_id, role, granted_at, granted_by) "
            "VALUES (%s, %s, 'secretary', now(), 'bench')",
            (secretary, branch),
        )


def as_role(url: str, role: str) -> str:
    """``url`` with ``role`` as its user (the test server trusts loopback)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(username=role, password=None).render_as_string(False)


def database_url(admin: str, name: str) -> str:
    return admin.rpartition("/")[0] + "/" + name


def recreate(admin: str, name: str) -> str:
    with psycopg.connect(plain(admin), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = database_url(admin, name)
    Store.open(url, operator="bench").close()  # the schema, by the app's own migrations
    return url


def exists(admin: str, name: str) -> bool:
    with psycopg.connect(plain(admin), autocommit=True) as conn:
        return bool(
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        )


def drop(admin: str, name: str) -> None:
    with psycopg.connect(plain(admin), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ----------------------------------------------------------------------------- building


class Ids:
    """Explicit keys, so that rows can refer to each other before they are written."""

    def __init__(self) -> None:
        self.next: dict[str, int] = {}

    def __call__(self, table: str) -> int:
        value = self.next.get(table, 0) + 1
        self.next[table] = value
        return value


def copy(cur, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    n = 0
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as out:
        for row in rows:
            out.write_row(row)
            n += 1
    return n


def build(url: str, branches: int, seed: int = 13) -> dict[str, int]:
    """Fill the database at ``url`` (migrated, empty); returns rows written per table."""
    rng = random.Random(seed)
    ids = Ids()
    first_year = LAST_YEAR - YEARS + 1
    tables: dict[str, list[tuple[object, ...]]] = {
        k: []
        for k in (
            "branch",
            "party_group",
            "member",
            "meeting",
            "meeting_type",
            "talk",
            "talk_text",
            "talk_talker",
            "dues_standard",
            "dues_payment",
            "ledger_entry",
            "appraisal_session",
            "appraisal_candidate",
            "appraisal_decision",
            "rectification_item",
            "appraisal_follow_up",
            "scheme_version",
        )
    }
    source = default_scheme_text()
    sha = scheme_hash(source)
    for b in range(1, branches + 1):
        branch_id = ids("branch")
        tables["branch"].append((branch_id, f"第{b:03d}党支部", NOW, date(first_year, 1, 1)))
        tables["scheme_version"].append(
            (ids("scheme_version"), branch_id, "默认方案", "1", sha, source, NOW, "bench")
        )
        groups = [ids("party_group") for _ in range(GROUPS)]
        for i, g in enumerate(groups):
            tables["party_group"].append((g, branch_id, f"第{i + 1}党小组"))
        members: list[tuple[int, int, str | None, date | None]] = []  # id, group, post, left
        for m in range(MEMBERS):
            member_id = ids("member")
            post = POSTS[m] if m < len(POSTS) else None
            group = groups[m % GROUPS]
            left = None
            if m == MEMBERS - 1 and rng.random() < 0.3:  # some transferred out
                left = date(rng.randint(first_year, LAST_YEAR), rng.randint(1, 12), 1)
            probationary = m >= MEMBERS - 2
            joined = date(LAST_YEAR - 1, 6, 1) if probationary else date(1990 + m % 30, 7, 1)
            tables["member"].append(
                (
                    member_id,
                    branch_id,
                    f"{m + 1:03d}",
                    f"党员{b:03d}{m + 1:02d}",
                    "full",
                    joined,
                    date(LAST_YEAR, 6, 1) if probationary else None,
                    group,
                    post,
                    left,
                    "transfer_out" if left else None,
                    f"{m + 1:010d}",
                )
            )
            members.append((member_id, group, post, left))
            tables["dues_standard"].append(
                (ids("dues_standard"), branch_id, member_id, f"{first_year}-01", 2000, "bench", NOW)
            )
            stops = rng.random() < 0.03  # stops paying some time in the last year
            stop_month = rng.randint(1, 12) if stops else 13
            for year in range(first_year, LAST_YEAR + 1):
                for q in range(4):
                    if year == LAST_YEAR and 3 * q + 1 >= stop_month:
                        break
                    if left and date(year, 3 * q + 1, 1) >= left:
                        break
                    tables["dues_payment"].append(
                        (
                            ids("dues_payment"),
                            branch_id,
                            member_id,
                            date(year, 3 * q + 1, rng.randint(1, 20)),
                            f"{year}-{3 * q + 1:02d}",
                            f"{year}-{3 * q + 3:02d}",
                            6000,
                            "bench",
                            NOW,
                        )
                    )
        secretary = members[0][0]
        for year in range(first_year, LAST_YEAR + 1):
            _meetings(rng, ids, tables, branch_id, year, groups)
            for member_id, _, _, left in members:
                if left and left <= date(year, 1, 1):
                    continue
                if rng.random() < 0.95:  # a few members not talked with
                    talk_id = ids("talk")
                    day = date(year, rng.randint(1, 11), rng.randint(1, 28))
                    tables["talk"].append(
                        (
                            talk_id,
                            branch_id,
                            member_id,
                            day,
                            "one_to_one",
                            "routine",
                            "bench",
                            NOW,
                        )
                    )
                    tables["talk_text"].append((talk_id, "谈心谈话内容"))
                    tables["talk_talker"].append((talk_id, 0, secretary, "书记", "secretary"))
                for _ in range(3):
                    tables["ledger_entry"].append(
                        (
                            ids("ledger_entry"),
                            branch_id,
                            member_id,
                            "volunteer",
                            2.0,
                            date(year, rng.randint(1, 12), rng.randint(1, 28)),
                            "manual",
                            "bench",
                            NOW,
                            "0" * 64,
                            f"{rng.getrandbits(256):064x}",
                        )
                    )
            _appraisal(rng, ids, tables, branch_id, year, members)
            for k in range(2):
                deadline = date(year, 10, 31)
                done = rng.random() < 0.9 or year < LAST_YEAR
                tables["rectification_item"].append(
                    (
                        ids("rectification_item"),
                        branch_id,
                        year,
                        f"问题{k + 1}",
                        "书记",
                        deadline,
                        "done" if done else "open",
                        date(year, 9, 30) if done else None,
                        "bench",
                        NOW,
                    )
                )
    return _write(url, tables)


def _meetings(rng, ids, tables, branch_id: int, year: int, groups: list[int]) -> None:
    """A year of organizational life: monthly themed day, committee and group meetings, a
    quarterly general meeting and Party lecture, the life meeting in December; about one
    meeting in thirty is missed."""
    number = 0

    def meeting(month: int, types: tuple[str, ...], group: int | None = None) -> None:
        nonlocal number
        if rng.random() < 0.03:
            return  # not held
        number += 1
        meeting_id = ids("meeting")
        day = date(year, month, rng.randint(1, 28))
        tables["meeting"].append(
            (meeting_id, branch_id, f"{year}-{number:03d}", day, "会议", group)
        )
        for t in types:
            tables["meeting_type"].append((meeting_id, t))

    for month in range(1, 13):
        lecture = month % 3 == 0
        meeting(month, ("themed_day", "party_lecture") if lecture else ("themed_day",))
        meeting(month, ("committee_meeting",))
        for g in groups:
            meeting(month, ("group_meeting",), g)
        if month % 3 == 2:
            meeting(month, ("general_meeting",))
    meeting(12, ("life_meeting", "appraisal"))


def _appraisal(rng, ids, tables, branch_id: int, year: int, members) -> None:
    """The year's appraisal, published (a few branches' last one only finished, or none)."""
    roll = rng.random()
    if year == LAST_YEAR and roll < 0.1:
        return
    state = "finished" if year == LAST_YEAR and roll < 0.2 else "published"
    session_id = ids("appraisal_session")
    tables["appraisal_session"].append(
        (session_id, branch_id, year, state, NOW, "bench", NOW if state == "published" else None)
    )
    for i, (member_id, _, _, left) in enumerate(members):
        if left and left <= date(year, 12, 1):
            continue
        no = f"{i + 1:03d}"
        tables["appraisal_candidate"].append((session_id, member_id, no, f"党员{no}", "full", True))
        grade = "unqualified"
        pick = rng.random()
        for g, share in GRADES:
            if pick < share:
                grade = g
                break
            pick -= share
        tables["appraisal_decision"].append((session_id, member_id, grade, grade, NOW, "bench"))
        if grade == "unqualified":
            done = rng.random() < 0.5
            tables["appraisal_follow_up"].append(
                (
                    ids("appraisal_follow_up"),
                    branch_id,
                    session_id,
                    member_id,
                    grade,
                    "rectify",
                    date(year + 1, 3, 31),
                    date(year + 1, 3, 1) if done else None,
                    "bench",
                    NOW,
                )
            )


COLUMNS = {
    "branch": ("id", "name", "created_at", "records_start"),
    "scheme_version": (
        "id",
        "branch_id",
        "name",
        "version",
        "sha256",
        "source",
        "activated_at",
        "operator",
    ),
    "party_group": ("id", "branch_id", "name"),
    "member": (
        "id",
        "branch_id",
        "member_no",
        "name",
        "status",
        "join_date",
        "full_date",
        "group_id",
        "post",
        "left_on",
        "left_kind",
        "sort_key",
    ),
    "meeting": ("id", "branch_id", "meeting_no", "date", "title", "group_id"),
    "meeting_type": ("meeting_id", "type"),
    "talk": (
        "id",
        "branch_id",
        "member_id",
        "date",
        "form",
        "type",
        "operator",
        "created_at",
    ),
    "talk_text": ("talk_id", "content"),
    "talk_talker": ("talk_id", "position", "member_id", "name", "post"),
    "dues_standard": (
        "id",
        "branch_id",
        "member_id",
        "from_month",
        "amount_fen",
        "operator",
        "created_at",
    ),
    "dues_payment": (
        "id",
        "branch_id",
        "member_id",
        "paid_on",
        "from_month",
        "to_month",
        "amount_fen",
        "operator",
        "created_at",
    ),
    "ledger_entry": (
        "id",
        "branch_id",
        "member_id",
        "item_code",
        "points",
        "entry_date",
        "source",
        "operator",
        "created_at",
        "prev_hash",
        "hash",
    ),
    "appraisal_session": (
        "id",
        "branch_id",
        "year",
        "state",
        "created_at",
        "operator",
        "published_at",
    ),
    "appraisal_candidate": ("session_id", "member_id", "member_no", "name", "status", "graded"),
    "appraisal_decision": (
        "session_id",
        "member_id",
        "proposed",
        "final",
        "decided_at",
        "operator",
    ),
    "rectification_item": (
        "id",
        "branch_id",
        "year",
        "problem",
        "owner",
        "deadline",
        "status",
        "closed_on",
        "operator",
        "created_at",
    ),
    "appraisal_follow_up": (
        "id",
        "branch_id",
        "session_id",
        "member_id",
        "grade",
        "measure",
        "deadline",
        "done_on",
        "operator",
        "created_at",
    ),
}

# Attendance is made by the server from the meetings and the members (4 million rows or
# so would take longer to send than to make): everyone in the branch at a branch meeting,
# the group at a group meeting, the committee at a committee meeting; mostly present.
ATTENDANCE_SQL = """
INSERT INTO attendance (meeting_id, member_id, status, reason)
SELECT meeting_id, member_id,
       CASE WHEN r < 0.92 THEN 'present' WHEN r < 0.97 THEN 'leave' ELSE 'absent' END,
       CASE WHEN r >= 0.92 AND r < 0.97 THEN '出差' END
FROM (
    SELECT mt.id AS meeting_id, mb.id AS member_id, random() AS r
    FROM meeting mt
    JOIN member mb ON mb.branch_id = mt.branch_id
     AND (mb.left_on IS NULL OR mb.left_on > mt.date)
     AND (mt.group_id IS NULL OR mb.group_id = mt.group_id)
     AND (mb.post IS NOT NULL OR NOT EXISTS (
          SELECT 1 FROM meeting_type t
          WHERE t.meeting_id = mt.id AND t.type = 'committee_meeting'))
) marks
"""

LEDGER_TOTALS_SQL = """
INSERT INTO ledger_total (member_id, item_code, year, branch_id, points, entries, reversals)
SELECT member_id, item_code, EXTRACT(YEAR FROM entry_date)::int, branch_id,
       SUM(points), COUNT(*), 0
FROM ledger_entry GROUP BY member_id, item_code, EXTRACT(YEAR FROM entry_date), branch_id
"""


def _write(url: str, tables: dict[str, list[tuple[object, ...]]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    with psycopg.connect(plain(url)) as conn, conn.cursor() as cur:
        # the append-only and ballot guards are triggers: a bulk load as the owner skips
        # them (and the ledger's running totals, filled in one statement after)
        cur.execute("SET session_replication_role = replica")
        for table, columns in COLUMNS.items():
            counts[table] = copy(cur, table, columns, tables[table])
            tables[table] = []
        cur.execute(ATTENDANCE_SQL)
        counts["attendance"] = cur.rowcount
        cur.execute(LEDGER_TOTALS_SQL)
        for table in COLUMNS:
            if "id" in COLUMNS[table]:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        conn.commit()
    with psycopg.connect(plain(url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return counts


# ----------------------------------------------------------------------------- timing


def median_time(work: Callable[[], object], repeat: int) -> float:
    return interleaved([work], repeat)[0]


def interleaved(works: Sequence[Callable[[], object]], repeat: int) -> list[float]:
    """The median time of each work, run in turns so that a busy machine slows all alike."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, taken in zip(works, times, strict=True):
            t0 = time.perf_counter()
            work()
            taken.append(time.perf_counter() - t0)
    return [statistics.median(taken) for taken in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--branches", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="reuse the databases if they exist")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    args = parser.parse_args()

    from orglife_tui.services import watch
    from orglife_tui.services.overview import overview

    admin = admin_url()
    big_name, one_name = "orglife_bench_overview", "orglife_bench_overview_one"
    big, one = database_url(admin, big_name), database_url(admin, one_name)
    if not (args.reuse and exists(admin, big_name) and exists(admin, one_name)):
        t0 = time.perf_counter()
        counts = build(recreate(admin, big_name), args.branches)
        built = time.perf_counter() - t0
        build(recreate(admin, one_name), 1)
        ok = "✔" if built <= TARGET_BUILD_S else "✘"
        print(
            f"build: {args.branches} branches × {MEMBERS} members × {YEARS} years in "
            f"{built:.1f} s (target < {TARGET_BUILD_S:.0f} s {ok})"
        )
        print("  rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    as_of = date(LAST_YEAR, 12, 31)
    big_store = Store.open(big, operator="bench", today=lambda: as_of)
    one_store = Store.open(one, operator="bench", today=lambda: as_of)
    try:
        seen = overview(big_store, LAST_YEAR, as_of)  # warm: imports, the scheme's parse
        taken = median_time(lambda: overview(big_store, LAST_YEAR, as_of), args.repeat)
        ok = "✔" if taken <= TARGET_OVERVIEW_S else "✘"
        print(
            f"overview {LAST_YEAR}, {len(seen.branches)} branches: {taken * 1000:.0f} ms "
            f"(target ≤ {TARGET_OVERVIEW_S:.0f} s {ok})"
        )
        branch = seen.branches[len(seen.branches) // 2].id
        alone = one_store.branches()[0].id

        def check(store: Store, branch_id: int) -> Callable[[], object]:
            return lambda: watch.check(store, branch_id, LAST_YEAR, as_of)

        check(big_store, branch)()
        check(one_store, alone)()
        many, single = interleaved(
            [check(big_store, branch), check(one_store, alone)], max(args.repeat, 9)
        )
        ratio = many / single
        ok = "✔" if ratio <= TARGET_BRANCH_RATIO else "✘"
        print(
            f"one branch's compliance check: {many * 1000:.0f} ms among "
            f"{len(seen.branches)} branches vs {single * 1000:.0f} ms alone: {ratio:.2f}× "
            f"(target ≤ {TARGET_BRANCH_RATIO}× {ok})"
        )
        # The same, as the logins that use them: row-level security on (issue 13 §2). The
        # branch's secretary is compared with the secretary of a database of one branch.
        observer, secretary = f"bench_observer_{os.getpid()}", f"bench_secretary_{os.getpid()}"
        with psycopg.connect(plain(big), autocommit=True) as conn:
            for role in (observer, secretary):
                conn.execute(f'CREATE ROLE "{role}" LOGIN')
        grant_roles(big, observer, secretary, branch)
        grant_roles(one, observer, secretary, alone)
        as_observer = Store.open(as_role(big, observer), today=lambda: as_of)
        as_secretary = Store.open(as_role(big, secretary), today=lambda: as_of)
        alone_secretary = Store.open(as_role(one, secretary), today=lambda: as_of)
        try:
            seen = overview(as_observer, LAST_YEAR, as_of)
            taken_rls = median_time(lambda: overview(as_observer, LAST_YEAR, as_of), args.repeat)
            ok = "✔" if taken_rls <= TARGET_OVERVIEW_S else "✘"
            print(
                f"overview {LAST_YEAR} as an observer of {len(seen.branches)} branches "
                f"(row-level security): {taken_rls * 1000:.0f} ms (target ≤ "
                f"{TARGET_OVERVIEW_S:.0f} s {ok}); {taken_rls / taken:.2f}× the owner's"
            )
            check(as_secretary, branch)()
            check(alone_secretary, alone)()
            mine, single = interleaved(
                [check(as_secretary, branch), check(alone_secretary, alone)],
                max(args.repeat, 9),
            )
            ratio = mine / single
            ok = "✔" if ratio <= TARGET_BRANCH_RATIO else "✘"
            print(
                f"one branch's compliance check as its secretary (row-level security): "
                f"{mine * 1000:.0f} ms among {len(seen.branches)} branches vs "
                f"{single * 1000:.0f} ms alone: {ratio:.2f}× (target ≤ {TARGET_BRANCH_RATIO}× {ok})"
            )
        finally:
            for store in (as_observer, as_secretary, alone_secretary):
                store.close()
            for url in (big, one):
                with psycopg.connect(plain(url), autocommit=True) as conn:
                    conn.execute(
                        "DELETE FROM account_grant WHERE account IN (%s, %s)", (observer, secretary)
                    )
                    conn.execute(
                        "DELETE FROM account WHERE name IN (%s, %s)", (observer, secretary)
                    )
            with psycopg.connect(plain(big), autocommit=True) as conn:
                for role in (observer, secretary):
                    conn.execute(f'DROP ROLE IF EXISTS "{role}"')
        with psycopg.connect(plain(big)) as conn:

            def bare() -> None:
                conn.execute("SELECT count(*) FROM attendance").fetchone()

            bare()
            baseline = median_time(bare, args.repeat)
            rows = conn.execute("SELECT count(*) FROM attendance").fetchone()[0]
        print(
            f"bare baseline SELECT count(*) FROM attendance ({rows:,} rows): "
            f"{baseline * 1000:.0f} ms; overview / baseline: {taken / baseline:.1f}×"
        )
    finally:
        big_store.close()
        one_store.close()
        if not args.keep:
            drop(admin, big_name)
            drop(admin, one_name)


if __name__ == "__main__":
    main()
