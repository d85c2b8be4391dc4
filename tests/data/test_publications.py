"""Published means frozen: a publication stores what its reports show with the heads it was
made from, later entries and membership events change none of it, and the row itself can be
neither updated nor deleted. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from orglife_tui.data import appraisal as data
from orglife_tui.data import ledger, publications
from orglife_tui.data.chain import GENESIS
from orglife_tui.data.errors import StoreError
from orglife_tui.data.membership import record_event
from orglife_tui.data.models import publication_t
from orglife_tui.data.schemes import activate, ensure_active
from orglife_tui.data.scores import scoreboard
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberEventKind, MemberStatus, SessionState
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme
from tests.export import appraisal_session as session

# The branch is set up in January (its records start then); the committee publishes in
# December; every later change is dated December too.
SET_UP = date(2025, 1, 10)
TODAY = date(2025, 12, 20)
YEAR = session.YEAR


@pytest.fixture
def clocked(db_url):
    today = {"value": SET_UP}
    store = Store.open(db_url, operator="tester", today=lambda: today["value"])
    store.clock = today  # type: ignore[attr-defined]
    yield store
    store.close()


def _entries(store: Store, branch_id: int) -> dict[str, int]:
    """Points entered before the appraisal: they count in the published points."""
    info, scheme = ensure_active(store, branch_id)
    ids = {}
    for no, code, day in (
        ("001", "give_party_lecture", date(YEAR, 3, 1)),
        ("002", "commitment_broken", date(YEAR, 4, 1)),
        ("003", "give_party_lecture", date(YEAR, 5, 1)),
    ):
        row = ledger.add_entry(store, branch_id, scheme, info.id, no, code, entry_date=day)
        ids[no] = row.id
    return ids


def _ready(store: Store) -> tuple[int, int, dict[str, int]]:
    """A graded, not yet published session (appraisal_session) with points entered."""
    sid = session.build(store, publish=False)
    branch = store.resolve_branch(session.BRANCH)
    store.clock["value"] = TODAY  # type: ignore[attr-defined]
    ids = _entries(store, branch.id)  # dated in the year: booked once earned
    return branch.id, sid, ids


def _later_changes(store: Store, branch_id: int, entry_ids: dict[str, int]) -> None:
    """Everything that would move a computed tally: points added, reversed and back-dated,
    a member transferred out, a probationary member converted, a new scheme."""
    info, scheme = ensure_active(store, branch_id)
    ledger.add_entry(
        store, branch_id, scheme, info.id, "002", "give_party_lecture", entry_date=TODAY
    )
    ledger.reverse_entry(store, branch_id, entry_ids["001"], "录入有误")
    ledger.add_entry(
        store, branch_id, scheme, info.id, "004", "commitment_broken", entry_date=date(YEAR, 2, 3)
    )
    record_event(
        store, branch_id, "003", MemberEventKind.transfer_out, date(YEAR, 12, 10), place="外单位"
    )
    record_event(store, branch_id, "006", MemberEventKind.conversion, date(YEAR, 12, 12))
    heavier = default_scheme_text().replace("points_weight = 0.4", "points_weight = 0.9")
    activate(store, branch_id, heavier, parse_scheme(heavier))


def test_publishing_stores_what_the_reports_show_with_its_heads(clocked):
    branch_id, sid, _ = _ready(clocked)
    info, scheme = ensure_active(clocked, branch_id)
    shown = data.tally(clocked, branch_id, sid, scheme)
    assert shown.publication is None and shown.session.state is SessionState.finished

    published = data.publish(clocked, branch_id, sid)
    assert published.state is SessionState.published

    result = data.tally(clocked, branch_id, sid, scheme)
    record = result.publication
    assert record is not None
    assert (record.kind, record.session_id, record.year, record.as_of) == (
        "appraisal",
        sid,
        YEAR,
        TODAY,
    )
    assert record.operator == "tester"
    # the notice window it opens (data.appraisal.notice): from the day, five working days
    assert (record.window_start, record.window_end) == (TODAY, date(2025, 12, 26))
    # everything the reports show, as they showed it before publishing
    assert result.rows == shown.rows
    assert result.turnout == shown.turnout and result.graded == shown.graded
    assert result.excellent_warning == shown.excellent_warning is True
    assert result.excellent_share == shown.excellent_share
    assert result.branch == session.BRANCH
    assert result.scheme == data.SchemeUsed.of(scheme, info.sha256)
    assert result.session.published_at == published.published_at
    by_no = {r.member_no: r for r in result.rows}
    assert by_no["001"].points == 63 and by_no["002"].points == 57
    assert (by_no["002"].final, by_no["002"].reason) == (
        session.FINAL["002"],
        session.REASONS["002"],
    )
    assert by_no["006"].graded is False and by_no["006"].status is MemberStatus.probationary
    stored = record.data
    assert stored["rows"][1]["departs"] is True and stored["scheme"]["points_weight"] == 0.4
    # the heads are the chains' heads at that moment: verify prints the same
    report = ledger.verify(clocked)
    assert report.ok, report.breaks
    assert (
        record.ledger_head == report.ledger_heads[branch_id] == ledger.head_hash(clocked, branch_id)
    )
    assert record.audit_head == report.audit_head != GENESIS
    # one audit event names the session, the ledger head and the digest of the stored data
    with clocked.read_connection() as conn:
        detail = json.loads(
            conn.scalar(text("SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1"))
        )
        action = conn.scalar(text("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"))
    assert action == "appraisal.publish"
    assert detail["session"] == sid and detail["ledger_head"] == record.ledger_head
    assert detail["sha256"] == record.sha256
    finals = [r.final.value for r in result.rows if r.final is not None]
    assert detail["grades"] == {g: finals.count(g) for g in detail["grades"]}
    assert sum(detail["grades"].values()) == 5


def test_later_entries_and_events_change_nothing_published(clocked):
    branch_id, sid, ids = _ready(clocked)
    data.publish(clocked, branch_id, sid)
    _, scheme = ensure_active(clocked, branch_id)
    before = data.tally(clocked, branch_id, sid, scheme)
    board_before = {r.member_no: r.total for r in scoreboard(clocked, branch_id, YEAR, scheme)}

    _later_changes(clocked, branch_id, ids)

    _, newer = ensure_active(clocked, branch_id)
    board_after = {r.member_no: r.total for r in scoreboard(clocked, branch_id, YEAR, newer)}
    assert board_after != board_before  # the changes are real ...
    after = data.tally(clocked, branch_id, sid, newer)
    assert after == before  # ... and the published tally does not see them
    assert after.scheme is not None and after.scheme.points_weight == 0.4
    assert ledger.verify(clocked).ok


def test_an_unpublished_session_keeps_computing_live(clocked):
    branch_id, sid, ids = _ready(clocked)
    info, scheme = ensure_active(clocked, branch_id)
    before = {r.member_no: r.points for r in data.tally(clocked, branch_id, sid, scheme).rows}
    ledger.reverse_entry(clocked, branch_id, ids["001"], "录入有误")
    after = {r.member_no: r.points for r in data.tally(clocked, branch_id, sid, scheme).rows}
    assert (before["001"], after["001"]) == (63, 60)
    with clocked.read_connection() as conn:
        assert conn.scalar(select(publication_t.c.id)) is None


def test_a_publication_can_be_neither_updated_nor_deleted(clocked):
    branch_id, sid, _ = _ready(clocked)
    data.publish(clocked, branch_id, sid)
    for statement in (
        "UPDATE publication SET data = '{}'",
        "UPDATE publication SET ledger_head = 'x'",
        "DELETE FROM publication",
    ):
        with pytest.raises(DBAPIError), clocked.write_transaction() as conn:
            conn.execute(text(statement))
    with clocked.read_connection() as conn:
        assert conn.scalar(select(publication_t.c.session_id)) == sid


def test_a_failed_publish_stores_no_publication(clocked):
    branch_id, sid, _ = _ready(clocked)
    with clocked.write_transaction() as conn:  # undo one grade behind the program's back
        conn.execute(
            text(
                "DELETE FROM appraisal_decision WHERE member_id IN "
                "(SELECT id FROM member WHERE member_no = '003')"
            )
        )
    with pytest.raises(StoreError) as err:
        data.publish(clocked, branch_id, sid)
    assert err.value.key == "appraisal.grades_missing"
    with clocked.read_connection() as conn:
        assert conn.scalar(select(publication_t.c.id)) is None
    assert data.get_session(clocked, branch_id, sid).state is SessionState.finished


def _publicity(store: Store, branch_id: int, start: date, end: date):
    info, scheme = ensure_active(store, branch_id)

    def content():
        rows = scoreboard(store, branch_id, YEAR, scheme)
        return {
            "format": publications.DATA_FORMAT,
            "kind": "publicity",
            "rows": [{"member_no": r.member_no, "total": r.total} for r in rows],
        }

    return publications.record_publicity(
        store, branch_id, year=YEAR, window_start=start, window_end=end, content=content
    )


def test_a_publicity_is_recorded_once_per_notice_and_again_when_the_numbers_move(clocked):
    _, _, ids = _ready(clocked)
    branch = clocked.resolve_branch(session.BRANCH)
    start, end = date(2025, 12, 22), date(2025, 12, 28)

    first, new = _publicity(clocked, branch.id, start, end)
    assert new and (first.kind, first.window_start, first.window_end) == ("publicity", start, end)
    assert first.as_of == TODAY and first.data["as_of"] == TODAY.isoformat()
    report = ledger.verify(clocked)
    assert report.ok
    assert first.ledger_head == report.ledger_heads[branch.id]
    assert first.audit_head == report.audit_head

    again, new = _publicity(clocked, branch.id, start, end)
    assert not new and again == first  # the same notice: nothing recorded twice

    ledger.reverse_entry(clocked, branch.id, ids["003"], "录入有误")
    changed, new = _publicity(clocked, branch.id, start, end)
    assert new and changed.id != first.id and changed.ledger_head != first.ledger_head
    assert [p.id for p in publications.list_publications(clocked, branch.id)] == [
        changed.id,
        first.id,
    ]
    assert publications.get_publication(clocked, branch.id, first.id) == first
    assert ledger.verify(clocked).ok


def test_a_publication_row_has_one_field_per_column_and_its_digest():
    # The row returned by a write and the row read back are both built from the table's
    # columns: a column added to one and not the other cannot go unnoticed.
    named = {f.name for f in fields(publications.PublicationRow)}
    assert named == set(publication_t.c.keys()) | {"sha256"}


def _copy(conn, record: publications.PublicationRow, **values) -> None:
    """A publication row written straight into the table, not by the program."""
    row = {
        "branch_id": record.branch_id,
        "kind": record.kind,
        "year": record.year,
        "as_of": record.as_of,
        "window_start": record.window_start,
        "window_end": record.window_end,
        "ledger_head": record.ledger_head,
        "audit_head": record.audit_head,
        "data": publications.data_text(record.data),
        "operator": "intruder",
        "created_at": record.created_at,
    }
    conn.execute(insert(publication_t).values(**{**row, **values}))


def test_verify_names_a_publication_that_is_not_intact(clocked):
    branch_id, sid, _ = _ready(clocked)
    data.publish(clocked, branch_id, sid)
    appraisal = publications.list_publications(clocked, branch_id)[0]
    notice, _ = _publicity(clocked, branch_id, date(2025, 12, 22), date(2025, 12, 28))
    assert ledger.verify(clocked).ok
    with clocked.write_transaction() as conn:
        _copy(conn, notice, data="not json")
        _copy(conn, notice, data=publications.data_text({**notice.data, "year": 2024}))
        _copy(conn, notice, data=publications.data_text(appraisal.data))  # not a publicity
        _copy(conn, notice, ledger_head="e" * 64)
        _copy(conn, notice, audit_head="d" * 64)
        _copy(conn, appraisal, kind="publicity")
    report = ledger.verify(clocked)
    assert not report.ok
    assert [(b.table, b.reason) for b in report.breaks] == [
        ("publication", "publication.verify.bad_data"),
        ("publication", "publication.verify.digest_unknown"),
        ("publication", "publication.verify.bad_data"),
        ("publication", "publication.verify.ledger_head_unknown"),
        ("publication", "publication.verify.audit_head_unknown"),
        ("publication", "publication.verify.bad_data"),
    ]


def test_verify_names_an_appraisal_publication_of_no_published_session(clocked):
    branch_id, sid, _ = _ready(clocked)
    data.publish(clocked, branch_id, sid)
    record = publications.list_publications(clocked, branch_id)[0]
    other = data.new_session(clocked, branch_id, YEAR)  # created, never published
    with clocked.write_transaction() as conn:
        _copy(conn, record, session_id=other.id)
    breaks = ledger.verify(clocked).breaks
    assert [(b.table, b.reason) for b in breaks] == [
        ("publication", "publication.verify.not_published")
    ]
