"""The chains hash points exactly and can be checked against heads kept elsewhere
(issue 10 §4), on SQLite and PostgreSQL: a 0.001-point edit behind the program's back, a
deleted last audit event, a truncated or rewritten ledger."""

# ruff: noqa: F811  (``roster``: the fixture of tests/data/test_ledger.py, as a parameter)
from __future__ import annotations

import pytest
from sqlalchemy import select

from orglife_tui.data import ledger
from orglife_tui.data.anchors import Anchor, AnchorCheck, anchor_text, parse_anchor
from orglife_tui.data.chain import GENESIS, link_hash
from orglife_tui.data.errors import StoreError
from orglife_tui.data.models import audit_t, ledger_t
from tests.data.test_ledger import SCHEME, _tamper, roster  # noqa: F401


def fill(store, branch) -> list[ledger.LedgerRow]:
    ledger.sync_attendance(store, branch.id, SCHEME, None)
    a = ledger.add_entry(store, branch.id, SCHEME, None, "001", "lecture")
    ledger.reverse_entry(store, branch.id, a.id, "讲错了人")
    ledger.add_entry(store, branch.id, SCHEME, None, "002", "volunteer", hours=4)
    return list(ledger.iter_entries(store, branch.id))


def rehash_from(store, first_id: int, change: dict[int, dict[str, object]]) -> list[str]:
    """UPDATE statements that rewrite the entries from ``first_id`` on with ``change``
    applied and every hash recomputed: a forger who knows the hashing."""
    with store.read_connection() as conn:
        rows = conn.execute(
            select(ledger_t).where(ledger_t.c.id >= first_id).order_by(ledger_t.c.id)
        ).all()
    prev = rows[0].prev_hash
    statements = []
    for r in rows:
        fields = dict(r._mapping) | change.get(r.id, {})
        digest = link_hash(prev, ledger.ledger_fields(fields))
        statements.append(
            f"UPDATE ledger_entry SET points = {fields['points']!r}, prev_hash = '{prev}', "
            f"hash = '{digest}' WHERE id = {r.id}"
        )
        prev = digest
    return statements


# ---------------------------------------------------------------------------- exact points


class TestExactPoints:
    def test_a_thousandth_of_a_point_edited_behind_the_programs_back_is_named(
        self, store, roster, db_url
    ):
        rows = fill(store, roster)
        victim = rows[-1]
        _tamper(db_url, [f"UPDATE ledger_entry SET points = points + 0.001 WHERE id = {victim.id}"])
        report = ledger.verify(store)
        assert not report.ok
        assert report.first_break == ledger.ChainBreak(
            "ledger_entry", victim.id, "verify.reason.hash_mismatch", roster.id
        )

    def test_a_rehashed_chain_around_a_thousandth_is_still_named(self, store, roster, db_url):
        rows = fill(store, roster)
        victim = rows[-2]
        _tamper(
            db_url, rehash_from(store, victim.id, {victim.id: {"points": victim.points + 0.001}})
        )
        report = ledger.verify(store)
        found = [b for b in report.breaks if b.table == "ledger_entry"]
        assert found == [
            ledger.ChainBreak("ledger_entry", victim.id, "verify.reason.not_hundredths", roster.id)
        ]

    def test_chains_written_before_keep_their_hashes(self, store, roster):
        """Hundredths are spelled with two decimals as they always were: every stored
        hash recomputes from the stored values unchanged."""
        rows = fill(store, roster)
        with store.read_connection() as conn:
            for r in conn.execute(select(ledger_t).order_by(ledger_t.c.id)):
                old_spelling = [
                    f"{v:.2f}" if isinstance(v, float) else v for v in ledger.ledger_fields(r)
                ]
                assert r.hash == link_hash(r.prev_hash, old_spelling)
        assert ledger.verify(store).ok and len(rows) == 10

    @pytest.mark.parametrize(
        ("kwargs", "key"),
        [
            ({"points": 1.005}, "chain.points_too_precise"),
            ({"points": 3.001}, "chain.points_too_precise"),
            ({"hours": 1.005}, "chain.hours_too_precise"),
        ],
    )
    def test_more_than_two_decimals_typed_by_hand_are_refused(self, store, roster, kwargs, key):
        item = "volunteer" if "hours" in kwargs else "lecture"
        before = ledger.count_entries(store, roster.id)
        with pytest.raises(StoreError) as info:
            ledger.add_entry(store, roster.id, SCHEME, None, "001", item, **kwargs)
        assert info.value.key == key
        assert ledger.count_entries(store, roster.id) == before

    def test_computed_points_are_rounded_half_up_to_hundredths(self, store, roster):
        # 0.5 points an hour for 0.99 hours is 0.495: half up, 0.50 (not 0.49)
        row = ledger.add_entry(store, roster.id, SCHEME, None, "001", "volunteer", hours=0.99)
        assert (row.points, row.hours) == (0.5, 0.99)
        (stored,) = [e for e in ledger.iter_entries(store, roster.id) if e.id == row.id]
        assert stored.points == 0.5
        assert ledger.verify(store).ok


# ---------------------------------------------------------------------------- anchors


class TestParseAnchor:
    def test_ledger_and_audit_heads_whole_or_shortened(self):
        full = "ab" * 32
        assert parse_anchor(f"{full},{'CD' * 32}") == Anchor(full, "cd" * 32)
        assert parse_anchor(" 0123456789ab ， 0123456789cd ") == Anchor(
            "0123456789ab", "0123456789cd"
        )
        assert parse_anchor("0123456789ab") == Anchor("0123456789ab", None)
        assert parse_anchor(",0123456789ab") == Anchor(None, "0123456789ab")
        assert anchor_text("a" * 64, None) == "a" * 64
        assert parse_anchor(anchor_text("a" * 64, "b" * 64)).text() == anchor_text(
            "a" * 64, "b" * 64
        )

    @pytest.mark.parametrize(
        ("text", "key"),
        [
            ("0123456789a", "verify.expect.too_short"),
            ("0123456789ag", "verify.expect.not_hex"),
            ("a" * 65, "verify.expect.not_hex"),
            ("a" * 12 + ",b" * 2, "verify.expect.too_many"),
            (",", "verify.expect.empty"),
            ("", "verify.expect.empty"),
        ],
    )
    def test_refusals(self, text, key):
        with pytest.raises(StoreError) as info:
            parse_anchor(text)
        assert info.value.key == key


class TestExpect:
    def test_heads_present_pass_and_count_what_came_after(self, store, roster):
        fill(store, roster)
        report = ledger.verify(store)
        anchor = parse_anchor(report.anchor(roster.id))
        ledger.add_entry(store, roster.id, SCHEME, None, "003", "lecture")
        later = ledger.verify(store, expect=[anchor])
        assert later.ok
        assert later.anchors == (
            AnchorCheck("ledger", anchor.ledger, True, 1, roster.id),
            AnchorCheck("audit", anchor.audit, True, 1),  # the ledger.add event
        )
        short = Anchor(anchor.ledger[:12], anchor.audit[:12])  # type: ignore[index]
        assert ledger.verify(store, expect=[short]).ok

    def test_a_deleted_last_audit_event_fails_against_its_head(self, store, roster, db_url):
        fill(store, roster)
        anchor = parse_anchor(ledger.verify(store).anchor(roster.id))
        with store.read_connection() as conn:
            last = conn.scalar(select(audit_t.c.id).order_by(audit_t.c.id.desc()).limit(1))
        _tamper(db_url, [f"DELETE FROM audit_log WHERE id = {last}"])
        plain = ledger.verify(store)
        assert plain.ok  # what is left still follows link by link: only the anchor tells
        report = ledger.verify(store, expect=[anchor])
        assert not report.ok and report.breaks == []
        assert [(a.chain, a.found) for a in report.anchors] == [("ledger", True), ("audit", False)]

    def test_a_truncated_ledger_fails_against_its_head(self, store, roster, db_url):
        rows = fill(store, roster)
        anchor = Anchor(ledger.head_hash(store, roster.id), None)
        _tamper(db_url, [f"DELETE FROM ledger_entry WHERE id >= {rows[-2].id}"])
        report = ledger.verify(store, expect=[anchor])
        assert [(a.chain, a.found) for a in report.anchors] == [("ledger", False)]
        assert not report.ok

    def test_a_ledger_rewritten_from_the_start_fails_against_its_head(self, store, roster, db_url):
        rows = fill(store, roster)
        anchor = Anchor(ledger.head_hash(store, roster.id), None)
        first = rows[0]
        _tamper(db_url, rehash_from(store, first.id, {first.id: {"points": first.points + 1}}))
        assert not any(b.table == "ledger_entry" for b in ledger.verify(store).breaks)
        report = ledger.verify(store, expect=[anchor])
        assert [(a.chain, a.found) for a in report.anchors] == [("ledger", False)]
        assert not report.ok

    def test_the_empty_chain_is_nothing_to_check(self, store, branch):
        report = ledger.verify(store, expect=[Anchor(GENESIS, None)])
        assert report.ok and report.anchors[0].empty
