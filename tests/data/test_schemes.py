"""Scheme versions in the database, on SQLite and PostgreSQL: every version kept with its
text and hash, the newest active, the default stored once, each use in the audit log."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, insert, select

from orglife_tui.data import schemes
from orglife_tui.data.errors import StoreError
from orglife_tui.data.models import scheme_t
from orglife_tui.data.store import Store
from orglife_tui.scoring.scheme import (
    default_scheme,
    default_scheme_text,
    parse_scheme,
    scheme_hash,
)


def edited(cap: int, version: str) -> str:
    """The default scheme text with the themed-day cap and the version changed."""
    text = default_scheme_text()
    text = text.replace('version = "2026.1"', f'version = "{version}"', 1)
    old = "cap = 12                       # 每月一次 / once a month"
    assert old in text
    return text.replace(old, f"cap = {cap}", 1)


def test_a_new_branch_has_no_scheme_and_no_versions(store, branch):
    assert schemes.active(store, branch.id) is None
    assert schemes.versions(store, branch.id) == []


def test_activate_stores_the_text_its_hash_and_who_and_audits_it(store, branch):
    text = edited(10, "2026.2")
    scheme = parse_scheme(text)
    before = datetime.now(timezone.utc)
    info = schemes.activate(store, branch.id, text, scheme)
    assert (info.name, info.version) == ("党员积分量化考评默认方案", "2026.2")
    assert info.sha256 == scheme_hash(text)
    assert info.operator == "tester"
    assert before - timedelta(seconds=1) <= info.activated_at <= datetime.now(timezone.utc)

    found = schemes.active(store, branch.id)
    assert found is not None
    stored, parsed = found
    assert stored == info
    assert parsed == scheme
    assert parsed.item("attend_themed_day").cap == 10
    assert schemes.source_of(store, branch.id, info.id) == text

    entry = store.audit_entries(branch.id, limit=1)[0]
    assert entry["action"] == "scheme.use"
    assert entry["operator"] == "tester"
    assert json.loads(entry["detail"]) == {
        "name": "党员积分量化考评默认方案",
        "version": "2026.2",
        "sha256": info.sha256,
    }


def test_every_version_is_kept_newest_first_and_the_newest_is_active(store, branch):
    texts = [edited(12, "2026.1"), edited(8, "2026.2"), edited(12, "2026.1")]
    infos = [schemes.activate(store, branch.id, t, parse_scheme(t)) for t in texts]
    listed = schemes.versions(store, branch.id)
    assert [v.id for v in listed] == [i.id for i in reversed(infos)]
    assert [v.version for v in listed] == ["2026.1", "2026.2", "2026.1"]
    assert listed[0].sha256 == listed[2].sha256 != listed[1].sha256  # going back is recorded too
    info, scheme = schemes.active(store, branch.id)
    assert info == infos[-1]
    assert scheme.item("attend_themed_day").cap == 12
    for i, t in zip(infos, texts):
        assert schemes.source_of(store, branch.id, i.id) == t
    uses = [e for e in store.audit_entries(branch.id) if e["action"] == "scheme.use"]
    assert len(uses) == 3


def test_ensure_active_stores_the_bundled_default_once(store, branch):
    info, scheme = schemes.ensure_active(store, branch.id)
    assert scheme == default_scheme()
    assert info.sha256 == scheme_hash(default_scheme_text())
    again, _ = schemes.ensure_active(store, branch.id)
    assert again == info
    assert len(schemes.versions(store, branch.id)) == 1


def test_ensure_active_keeps_a_scheme_already_in_use(store, branch):
    text = edited(5, "local")
    info = schemes.activate(store, branch.id, text, parse_scheme(text))
    found, scheme = schemes.ensure_active(store, branch.id)
    assert found == info
    assert scheme.version == "local"


def test_branches_keep_their_own_schemes(store, branch):
    other = store.create_branch("第二党支部")
    text = edited(6, "b")
    schemes.activate(store, other.id, text, parse_scheme(text))
    assert schemes.active(store, branch.id) is None
    assert schemes.active(store, other.id)[1].version == "b"
    info, _ = schemes.ensure_active(store, branch.id)
    assert info.version == "2026.1"
    with pytest.raises(StoreError) as exc:
        schemes.source_of(store, branch.id, schemes.versions(store, other.id)[0].id)
    assert exc.value.key == "scheme.version_not_found"


def test_a_stored_scheme_that_no_longer_checks_is_a_clear_error(store, branch):
    with store.write_transaction() as conn:
        conn.execute(
            insert(scheme_t).values(
                branch_id=branch.id,
                name="旧方案",
                version="0.9",
                sha256=scheme_hash("x"),
                source='[scheme]\nname = "旧方案"\n',
                activated_at=datetime.now(timezone.utc),
                operator="someone",
            )
        )
    with pytest.raises(StoreError) as exc:
        schemes.active(store, branch.id)
    assert exc.value.key == "scheme.problem.stored_invalid"
    assert "version 0.9" in str(exc.value)
    assert "required table [points] is missing" in str(exc.value)


def test_concurrent_first_uses_store_the_default_once(db_url):
    """Two sessions (two secretaries) opening a fresh branch at the same moment."""
    setup = Store.open(db_url, operator="setup")
    branch = setup.resolve_branch("第一党支部")
    setup.close()
    stores = [Store.open(db_url, operator=f"s{i}") for i in range(4)]
    barrier = threading.Barrier(len(stores))
    results, errors = [], []

    def first_use(s: Store) -> None:
        try:
            barrier.wait()
            results.append(schemes.ensure_active(s, branch.id)[0])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=first_use, args=(s,)) for s in stores]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    try:
        assert errors == []
        assert len({r.id for r in results}) == 1
        with stores[0].read_connection() as conn:
            assert conn.scalar(select(func.count()).select_from(scheme_t)) == 1
    finally:
        for s in stores:
            s.close()


def test_use_puts_a_scheme_in_use_and_resyncs_in_one_transaction(store, branch, monkeypatch):
    """Issue 10 §4: a re-sync that fails after writing leaves no scheme in use, no entry
    and no audit event; the same use run again completes; the text in use is re-synced
    only."""
    from datetime import date

    from orglife_tui.data import ledger
    from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
    from orglife_tui.domain.records import MeetingInput, MemberInput

    store.add_members(branch.id, [MemberInput("001", "张伟", MemberStatus.full)])
    store.set_records_start(branch.id, date(2026, 1, 1))
    m = store.add_meeting(
        branch.id, MeetingInput(date(2026, 3, 5), (MeetingType.themed_day,), "主题党日")
    )
    member = store.get_member(branch.id, "001")
    store.set_attendance(branch.id, m.id, member.id, AttendanceStatus.present)
    audit_before = len(store.audit_entries(limit=1000))
    text, scheme = default_scheme_text(), default_scheme()

    real = ledger.sync_attendance_in
    seen = []

    def then_fail(*args, **kwargs):
        seen.append(real(*args, **kwargs).added)
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(ledger, "sync_attendance_in", then_fail)
    with pytest.raises(RuntimeError):
        schemes.use(store, branch.id, text, scheme)
    assert seen == [1]  # one attendance entry was written before the failure …
    assert schemes.active(store, branch.id) is None  # … and undone with the scheme
    assert ledger.count_entries(store, branch.id) == 0
    assert len(store.audit_entries(limit=1000)) == audit_before

    monkeypatch.setattr(ledger, "sync_attendance_in", real)
    used = schemes.use(store, branch.id, text, scheme)
    assert (used.new, used.added, used.reversed) == (True, 1, 0)
    assert schemes.active(store, branch.id)[0] == used.info
    again = schemes.use(store, branch.id, text, scheme)
    assert (again.new, again.info, again.added) == (False, used.info, 0)
    assert ledger.verify(store).ok
