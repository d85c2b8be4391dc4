"""Accounts enforced by PostgreSQL itself (issue 13 §2), on a real server.

Two branches share one database; each user connects as their own database role, as they
would over SSH. What a role may see and change is proved twice: through the app (a
``Store`` opened under the role, the CLI) and through ``psql`` under the same role, which
must show exactly what the app shows.
"""

from __future__ import annotations

import glob
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from orglife_tui.data import accounts
from orglife_tui.data import appraisal as ap
from orglife_tui.data.errors import NotFound, NotPermitted
from orglife_tui.data.security import CUSTOM, TABLES, all_tables
from orglife_tui.data.store import Store
from orglife_tui.data.talks import add_talk, list_talks
from orglife_tui.domain import MemberStatus, TalkType
from orglife_tui.domain.access import AccountRole
from orglife_tui.domain.records import MemberInput
from orglife_tui.domain.talks import TalkerInput, TalkInput
from tests.cli_run import invoke_cli
from tests.conftest import _pg_admin_url
from tests.pg_databases import admin_engine, new_database
from tests.points_helpers import add_entries, make_scheme
from tests.tally_passwords import PASSWORDS, PIN

pytestmark = pytest.mark.xdist_group("row_security")

TODAY = date(2026, 11, 30)
R = AccountRole


@dataclass
class Branches:
    url: str  # the owner's (a superuser's) URL
    a: int
    b: int
    session: int  # branch A's open poll, four sealed ballots in it
    roles: dict[str, str]  # "sec_a" → the role's real name

    def url_of(self, who: str) -> str:
        return make_url(self.url).set(username=self.roles[who]).render_as_string(False)

    def store(self, who: str) -> Store:
        return Store.open(self.url_of(who), today=lambda: TODAY)

    def psql(self, who: str, sql: str) -> subprocess.CompletedProcess[str]:
        u = make_url(self.url)
        return subprocess.run(
            [_psql(), "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", str(u.host), "-p", str(u.port)]
            + ["-U", self.roles[who], "-d", str(u.database), "-c", sql],
            capture_output=True,
            text=True,
            timeout=30,
        )

    def rows(self, who: str, sql: str) -> list[str]:
        done = self.psql(who, sql)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()


def _psql() -> str:
    # The server's own client (Debian's /usr/bin/psql is a Perl wrapper that warns about
    # the test's locale), else whatever psql the PATH has.
    found = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))), None) or shutil.which(
        "psql"
    )
    assert found, "psql (the PostgreSQL client) is not installed"
    return found


def _roster(prefix: str, n: int) -> list[MemberInput]:
    return [MemberInput(f"{i:03d}", f"{prefix}{i}", MemberStatus.full) for i in range(1, n + 1)]


@pytest.fixture(scope="module")
def two(_pg_template: str) -> Iterator[Branches]:
    admin = _pg_admin_url()
    assert admin
    suffix = uuid.uuid4().hex[:8]
    roles = {k: f"{k}_{suffix}" for k in ("sec_a", "sec_b", "com_a", "com2_a", "tel_a")}
    roles |= {"mem_a": f"mem_a_{suffix}", "obs": f"obs_{suffix}", "nobody": f"nobody_{suffix}"}
    databases = new_database(admin, _pg_template)
    url = next(databases)
    try:
        with Store.open(url, operator="boss", today=lambda: TODAY) as owner:
            a = owner.create_branch("第一支部").id
            b = owner.create_branch("第二支部").id
            owner.add_members(a, _roster("甲", 6))
            owner.add_members(b, _roster("乙", 6))
            add_entries(owner, a, [("001", "volunteer", 2.0, "2026-03-05")])
            add_entries(owner, b, [("001", "volunteer", 2.0, "2026-03-05")])
            for branch, confidential in ((a, True), (a, False), (b, False)):
                add_talk(
                    owner,
                    branch,
                    TalkInput(
                        date=date(2026, 5, 1),
                        member_no="002",
                        type=TalkType.routine,
                        talkers=(TalkerInput(member_no="001"),),
                        content="家里有困难" if confidential else "谈学习体会",
                        confidential=confidential,
                    ),
                )
            session = ap.new_session(owner, a, 2026).id
            ap.start_session(owner, a, session, PIN, make_scheme(), **PASSWORDS)
            cands = [c.member_no for c in ap.candidates(owner, session)]
            for voter in ("001", "002", "003", "004"):
                ap.cast_ballot(owner, session, voter, dict.fromkeys(cands, "qualified"))
            accounts.grant(owner, roles["sec_a"], a, R.SECRETARY)
            accounts.grant(owner, roles["sec_b"], b, R.SECRETARY)
            accounts.grant(owner, roles["com_a"], a, R.COMMITTEE)
            accounts.grant(owner, roles["com2_a"], a, R.COMMITTEE)
            accounts.grant(owner, roles["tel_a"], a, R.TELLER)
            accounts.grant(owner, roles["mem_a"], a, R.MEMBER, member_no="002")
            accounts.grant(owner, roles["obs"], a, R.OBSERVER)
            accounts.grant(owner, roles["obs"], b, R.OBSERVER)
            with owner.engine.begin() as conn:  # a login with no account at all
                conn.exec_driver_sql(f'CREATE ROLE "{roles["nobody"]}" LOGIN')
        yield Branches(url, a, b, session, roles)
    finally:
        databases.close()
        with admin_engine(admin).connect() as conn:
            for role in roles.values():
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if not _pg_admin_url():
        pytest.skip("PostgreSQL not configured")


# ------------------------------------------------------------------ the policies cover all


def test_every_table_of_the_app_has_row_level_security_and_its_policies(two):
    from orglife_tui.data.models import SQLModel

    assert set(SQLModel.metadata.tables) == set(all_tables())
    assert not set(TABLES) & set(CUSTOM)
    engine = create_engine(two.url, poolclass=NullPool)
    with engine.connect() as conn:
        unguarded = conn.scalars(
            text(
                "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = "
                "'public'::regnamespace AND NOT relrowsecurity AND relname <> 'alembic_version'"
            )
        ).all()
    engine.dispose()
    assert unguarded == []


# ------------------------------------------------------------------ two secretaries


def test_a_secretary_sees_and_changes_only_their_own_branch_in_the_app(two):
    with two.store("sec_a") as store:
        assert [br.name for br in store.branches()] == ["第一支部"]
        assert {m.name for m in store.list_members(two.a)} == {f"甲{i}" for i in range(1, 7)}
        assert store.list_members(two.b) == []
        with pytest.raises(NotPermitted):
            store.add_members(two.b, [MemberInput("099", "闯入者", MemberStatus.full)])
        with pytest.raises(NotFound):
            store.resolve_branch("第二支部")
        store.add_members(two.a, [MemberInput("050", "新党员", MemberStatus.full)])
        trace = store.audit_entries(two.a, limit=1)[0]
    assert trace["operator"] == two.roles["sec_a"]  # named by the database role
    with two.store("sec_b") as store:
        assert [br.name for br in store.branches()] == ["第二支部"]
        assert "新党员" not in {m.name for m in store.list_members(two.b)}


def test_a_secretary_sees_and_changes_only_their_own_branch_through_psql(two):
    assert two.rows("sec_a", "SELECT DISTINCT branch_id FROM member") == [str(two.a)]
    assert two.rows("sec_b", "SELECT name FROM branch") == ["第二支部"]
    assert two.rows("sec_a", f"UPDATE member SET name = 'x' WHERE branch_id = {two.b}") == [
        "UPDATE 0"
    ]
    refused = two.psql(
        "sec_a",
        "INSERT INTO member (branch_id, member_no, name, status, gender) "
        f"VALUES ({two.b}, '098', 'x', 'full', 'male')",
    )
    assert refused.returncode != 0 and "row-level security" in refused.stderr
    assert two.rows("sec_b", "SELECT count(*) FROM talk") == ["1"]
    assert two.rows("sec_b", f"SELECT count(*) FROM ledger_entry WHERE branch_id <> {two.b}") == [
        "0"
    ]
    # psql shows what the app shows
    with two.store("sec_a") as store:
        app_names = sorted(m.name for m in store.list_members(two.a))
    assert sorted(two.rows("sec_a", "SELECT name FROM member")) == app_names


def test_the_audit_log_names_the_role_that_wrote_and_cannot_be_forged(two):
    forged = two.psql(
        "sec_a",
        "INSERT INTO audit_log (branch_id, at, operator, action, detail) "
        f"VALUES ({two.a}, now(), '{two.roles['sec_b']}', 'member.add', '')",
    )
    assert forged.returncode != 0 and "row-level security" in forged.stderr
    # nobody reads another branch's traces
    assert two.rows("sec_b", f"SELECT count(*) FROM audit_log WHERE branch_id = {two.a}") == ["0"]


def test_the_cli_under_a_secretarys_role_refuses_the_other_branch_without_a_traceback(two):
    out = invoke_cli(["--db", two.url_of("sec_a"), "--branch", "第二支部", "members", "list"])
    assert out.exit_code == 1
    assert "第一支部" in out.output and "Traceback" not in out.output
    out = invoke_cli(["--db", two.url_of("nobody"), "members", "list"])
    assert out.exit_code == 1 and two.roles["nobody"] in out.output
    assert "Traceback" not in out.output


# ------------------------------------------------------------------ committee, teller, member


def test_a_committee_member_reads_talks_but_not_anothers_confidential_text(two):
    texts = two.rows("com_a", "SELECT content FROM talk_text ORDER BY talk_id")
    assert texts == ["谈学习体会"]  # the confidential one is neither theirs nor shown
    with two.store("com_a") as store:
        talks = list_talks(store, two.a)
    assert len(talks) == 2  # both talks are counted and listed
    assert two.rows("sec_a", "SELECT count(*) FROM talk_text") == ["2"]  # the secretary reads all


def test_a_teller_reaches_the_poll_and_nothing_else(two):
    for table in ("talk", "ledger_entry", "meeting", "dues_payment", "audit_log"):
        assert two.rows("tel_a", f"SELECT count(*) FROM {table}") == ["0"], table
    assert two.rows("tel_a", "SELECT state FROM appraisal_session") == ["started"]
    assert two.rows("tel_a", "SELECT count(*) FROM appraisal_voted") == ["4"]
    refused = two.psql("tel_a", f"UPDATE member SET name = 'x' WHERE branch_id = {two.a}")
    assert refused.stdout.strip() == "UPDATE 0"
    with two.store("tel_a") as store, pytest.raises(NotPermitted):
        ap.new_session(store, two.a, 2025)  # running a poll, never creating one


def test_no_one_reads_a_sealed_ballot_while_the_poll_is_open(two):
    for who in ("sec_a", "tel_a", "com_a", "obs"):
        assert two.rows(who, "SELECT count(*) FROM appraisal_sealed") == ["0"], who
    assert two.rows("sec_a", "DELETE FROM appraisal_sealed") == ["DELETE 0"]


def test_a_member_sees_only_their_own_records(two):
    assert two.rows("mem_a", "SELECT member_no FROM member") == ["002"]
    own_id = two.rows("mem_a", "SELECT id FROM member")[0]
    assert set(two.rows("mem_a", "SELECT DISTINCT member_id FROM ledger_entry")) <= {own_id}
    assert two.rows("mem_a", "SELECT count(*) FROM talk") == ["2"]  # both are about them
    assert two.rows("mem_a", "SELECT content FROM talk_text") == ["谈学习体会"]
    assert two.rows("mem_a", "SELECT count(*) FROM appraisal_voted") == ["0"]
    refused = two.psql("mem_a", f"UPDATE member SET phone = '1' WHERE branch_id = {two.a}")
    assert refused.stdout.strip() == "UPDATE 0"


def test_an_observer_reads_both_branches_and_writes_nothing(two):
    assert sorted(two.rows("obs", "SELECT name FROM branch")) == ["第一支部", "第二支部"]
    assert two.rows("obs", "SELECT content FROM talk_text ORDER BY talk_id") == [
        "谈学习体会",
        "谈学习体会",
    ]
    with two.store("obs") as store, pytest.raises(NotPermitted):
        store.add_members(two.a, [MemberInput("097", "x", MemberStatus.full)])


# ------------------------------------------------------------------ managing users


def test_a_member_grant_cannot_borrow_a_member_of_another_branch(two):
    other = two.rows("sec_b", "SELECT id FROM member WHERE member_no = '004'")[0]
    borrowed = two.psql(
        "sec_a",
        "INSERT INTO account_grant (account, branch_id, role, member_id, granted_at, "
        f"granted_by) VALUES ('{two.roles['com_a']}', {two.a}, 'member', {other}, now(), "
        f"'{two.roles['sec_a']}')",
    )
    assert borrowed.returncode != 0 and "row-level security" in borrowed.stderr


def test_a_secretary_grants_in_their_branch_only_and_never_the_observer_role(two):
    with two.store("sec_a") as store:
        with pytest.raises(NotPermitted):
            accounts.grant(store, two.roles["com_a"], two.b, R.COMMITTEE)
        with pytest.raises(NotPermitted):
            accounts.grant(store, two.roles["com_a"], two.a, R.OBSERVER)
        listed = {a.name for a in accounts.list_accounts(store)}
    assert two.roles["sec_b"] not in listed and two.roles["com_a"] in listed


# ------------------------------------------------------------------ member self-service


def test_a_member_reads_their_records_and_orders_for_themselves_only(two):
    from orglife_tui.data.orders import OrderInput, list_orders
    from orglife_tui.domain import OrderKind
    from orglife_tui.services.self_service import my_records, place_my_order

    own = int(two.rows("mem_a", "SELECT id FROM member")[0])
    other = int(two.rows("sec_a", "SELECT id FROM member WHERE member_no = '003'")[0])
    with two.store("mem_a") as store:
        records = my_records(store, two.a, own, TODAY)
        assert len(records.talks) == 2
        assert all(talk.talkers for talk in records.talks)  # who talked with them
        assert sorted(str(talk.content) for talk in records.talks) == ["None", "谈学习体会"]
        order = place_my_order(store, two.a, own, OrderInput(OrderKind.topic, "学习新党章"))
        assert order.member_id == own
        with pytest.raises((NotPermitted, NotFound)):
            place_my_order(store, two.a, other, OrderInput(OrderKind.topic, "冒名点单"))
        trace = store.audit_entries(limit=1)[0]
    assert trace["operator"] == two.roles["mem_a"]
    with two.store("sec_a") as store:  # the branch sees the order to take it
        assert [o.title for o in list_orders(store, two.a)] == ["学习新党章"]
    assert two.rows("sec_b", "SELECT count(*) FROM activity_order") == ["0"]


def test_only_the_databases_owner_upgrades_its_schema(two):
    from orglife_tui.data.errors import DatabaseUnavailable
    from orglife_tui.data.migrate import HEAD_REVISION

    engine = create_engine(two.url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0013'"))  # one behind
    try:
        with pytest.raises(DatabaseUnavailable) as refused:
            two.store("sec_a")
        assert refused.value.key == "db.upgrade_by_admin"
    finally:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": HEAD_REVISION})
        engine.dispose()


def test_a_secretary_verifies_the_whole_audit_chain_without_reading_it(two):
    from orglife_tui.data import ledger

    with two.store("sec_a") as store:
        report = ledger.verify(store)
    assert report.breaks == [] and report.ok
    owner = create_engine(two.url, poolclass=NullPool)
    with owner.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    assert report.audit_entries == total  # every link counted, though most are not shown
    with owner.begin() as conn:  # someone edits a trace of the other branch
        first = conn.execute(
            text("SELECT min(id) FROM audit_log WHERE branch_id = :b"), {"b": two.b}
        ).scalar_one()
        conn.execute(text("SET LOCAL session_replication_role = replica"))  # past the guard
        conn.execute(
            text("UPDATE audit_log SET detail = detail || ' ' WHERE id = :i"), {"i": first}
        )
    try:
        with two.store("sec_a") as store:
            broken = [b for b in ledger.verify(store).breaks if b.table == "audit_log"]
        assert [(b.entry_id, b.reason) for b in broken] == [(first, "verify.reason.hash_mismatch")]
    finally:
        with owner.begin() as conn:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(
                text("UPDATE audit_log SET detail = rtrim(detail, ' ') WHERE id = :i"),
                {"i": first},
            )
        owner.dispose()


# ------------------------------------------------------------------ the poll, run by a teller
# (last: it closes the module's poll)


def test_a_teller_runs_the_kiosk_and_closes_the_poll_under_their_own_role(two):
    with two.store("tel_a") as store:
        cands = [c.member_no for c in ap.candidates(store, two.session)]
        ap.cast_ballot(store, two.session, "005", dict.fromkeys(cands, "excellent"))
        seal = ap.close_session(store, two.a, two.session, PIN, **PASSWORDS)
    assert seal.ballots == 5
    assert two.rows("sec_a", "SELECT count(*) FROM appraisal_sealed") == ["0"]
    with two.store("sec_a") as store:
        rows = ap.tally(store, two.a, two.session, make_scheme()).rows
    assert sum(r.counts.total for r in rows) == 5 * len(cands)


def test_a_login_cannot_ask_the_grant_functions_about_another(two):
    other = two.roles["sec_b"]
    assert two.rows("sec_a", f"SELECT orglife_branches('{other}', ARRAY['secretary'])") == ["{}"]
    assert two.rows("sec_a", f"SELECT orglife_is_admin('{other}')") == ["f"]
    mine = two.roles["sec_a"]
    assert two.rows("sec_a", f"SELECT orglife_branches('{mine}', ARRAY['secretary'])") == [
        f"{{{two.a}}}"
    ]


def test_every_login_given_a_role_may_connect_when_the_database_is_closed_to_others(two):
    database = make_url(two.url).database
    owner = create_engine(two.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text(f'REVOKE CONNECT ON DATABASE "{database}" FROM PUBLIC'))
    try:
        assert two.rows("sec_a", "SELECT 1") == ["1"]
        assert two.rows("mem_a", "SELECT 1") == ["1"]
        shut_out = two.psql("nobody", "SELECT 1")
        assert shut_out.returncode != 0 and "permission denied" in shut_out.stderr
    finally:
        with owner.connect() as conn:
            conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO PUBLIC'))
        owner.dispose()
