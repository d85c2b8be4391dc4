"""The audit log is a hash chain, frozen by triggers, and survives the upgrade from 0001."""

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from orglife_tui.data.chain import GENESIS, canonical, link_hash
from orglife_tui.data.engine import make_engine
from orglife_tui.data.migrate import _config
from orglife_tui.data.models import audit_t
from orglife_tui.data.store import Store, audit_fields
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput


def chain_breaks(store: Store) -> list[int]:
    """Ids of audit rows whose stored hashes do not follow from the rows before them."""
    broken, prev = [], GENESIS
    with store.read_connection() as conn:
        for r in conn.execute(select(audit_t).order_by(audit_t.c.id)):
            expected = link_hash(
                prev, audit_fields(r.branch_id, r.at, r.operator, r.action, r.detail)
            )
            if r.prev_hash != prev or r.hash != expected:
                broken.append(r.id)
            prev = r.hash
    return broken


def test_canonical_spellings_do_not_depend_on_the_backend():
    from datetime import datetime, timedelta, timezone

    aware = datetime(2026, 1, 2, 11, 0, tzinfo=timezone(timedelta(hours=8)))
    assert canonical(aware) == canonical(datetime(2026, 1, 2, 3, 0)) == "2026-01-02T03:00:00.000000"
    # hundredths keep their two-decimal spelling (the chains written so far stay valid);
    # anything finer is spelled exactly, so that it never hashes like the hundredth
    assert canonical(2.0) == canonical(2.00) == "2.00"
    assert (canonical(1.5), canonical(-0.25), canonical(0.1 + 0.2)) == (
        "1.50",
        "-0.25",
        "0.30000000000000004",
    )
    assert canonical(2.004) == "2.004" and canonical(1.001) != canonical(1.0)
    assert link_hash(GENESIS, ["ab", "c"]) != link_hash(GENESIS, ["a", "bc"])


def test_every_write_extends_the_audit_chain(store, branch):
    store.add_member(branch.id, MemberInput("001", "甲", MemberStatus.full))
    store.rename_branch(branch.id, "新名")
    assert len(store.audit_entries()) == 3
    assert chain_breaks(store) == []


def test_the_audit_log_refuses_update_and_delete(store, branch):
    for sql in ("UPDATE audit_log SET operator = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), store.write_transaction() as conn:
            conn.execute(text(sql))
    assert len(store.audit_entries()) == 1


def test_upgrading_a_0001_database_hashes_its_existing_audit_rows(fresh_db_url):
    db_url = fresh_db_url
    engine = make_engine(db_url)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    from datetime import datetime, timezone

    with engine.begin() as conn:  # rows as version 0.1 wrote them: no hashes
        conn.execute(
            text("INSERT INTO branch (name, created_at) VALUES ('支部', :at)"),
            {"at": datetime.now(timezone.utc)},
        )
        for action in ("branch.create", "member.add"):
            conn.execute(
                text(
                    "INSERT INTO audit_log (branch_id, at, operator, action, detail) "
                    "VALUES (NULL, :at, 'old', :action, '{}')"
                ),
                {"at": datetime.now(timezone.utc), "action": action},
            )
    engine.dispose()
    store = Store.open(db_url, operator="tester")
    try:
        b = store.resolve_branch(None)
        store.add_member(b.id, MemberInput("001", "甲", MemberStatus.full))
        assert len(store.audit_entries()) == 3
        assert chain_breaks(store) == []
        assert store.audit_entries()[-1]["prev_hash"] == GENESIS
    finally:
        store.close()
