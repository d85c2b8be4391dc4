"""The rectification list's storage: items, status changes, overdue, refusals and the trace
they leave — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from orglife_tui.data import rectification as rect
from orglife_tui.data.errors import NotFound, StoreError
from orglife_tui.data.models import rect_t
from orglife_tui.data.rectification import RectificationInput, RectificationRow
from orglife_tui.domain import MeetingType
from orglife_tui.domain import RectificationStatus as S
from orglife_tui.domain.records import MeetingInput

ITEM = RectificationInput(
    year=2025,
    problem="理论学习不够深入",
    owner="张建国",
    deadline=date(2026, 3, 31),
    measure="每月集中学习一次",
)


@pytest.fixture
def life_meeting(store, branch) -> str:
    store.add_meeting(
        branch.id,
        MeetingInput(date(2025, 12, 20), (MeetingType.life_meeting,), "组织生活会", "2025-020"),
    )
    return "2025-020"


def state(store, branch) -> tuple[list, int]:
    """Every rectification row of the database and the branch's number of audit entries."""
    with store.read_connection() as conn:
        rows = [tuple(r) for r in conn.execute(select(rect_t).order_by(rect_t.c.id))]
    return rows, len(store.audit_entries(branch.id, limit=1_000_000))


def last_audit(store, branch) -> tuple[str, dict]:
    entry = store.audit_entries(branch.id, limit=1)[0]
    return entry["action"], json.loads(entry["detail"])


def row(deadline: date, status: S = S.open, closed_on: date | None = None) -> RectificationRow:
    return RectificationRow(1, 2025, "p", None, "o", deadline, status, closed_on, None, None)


# ---------------------------------------------------------------------------- overdue


def test_overdue_is_past_the_deadline_and_not_closed_by_then():
    deadline = date(2026, 3, 31)
    assert not row(deadline).overdue(deadline)  # the deadline day itself is still in time
    assert row(deadline).overdue(deadline + timedelta(days=1))
    assert row(deadline, S.in_progress).overdue(date(2026, 4, 1))
    done_in_time = row(deadline, S.done, closed_on=date(2026, 3, 30))
    assert not done_in_time.overdue(date(2026, 6, 1))
    done_late = row(deadline, S.done, closed_on=date(2026, 5, 1))
    assert done_late.overdue(date(2026, 4, 15))  # as of then it was still open
    assert not done_late.overdue(date(2026, 5, 1))


# ---------------------------------------------------------------------------- writes


def test_an_added_item_is_open_and_audited(store, branch, life_meeting):
    added = rect.add_item(
        store, branch.id, RectificationInput(**{**vars(ITEM), "meeting_no": life_meeting})
    )
    assert (added.status, added.closed_on, added.closing_note, added.meeting_no) == (
        S.open,
        None,
        None,
        life_meeting,
    )
    assert rect.get_item(store, branch.id, added.id) == added
    assert added.as_input() == RectificationInput(**{**vars(ITEM), "meeting_no": life_meeting})
    action, detail = last_audit(store, branch)
    assert action == "rectification.add"
    assert detail == {
        "id": added.id,
        "year": 2025,
        "problem": "理论学习不够深入",
        "measure": "每月集中学习一次",
        "owner": "张建国",
        "deadline": "2026-03-31",
        "meeting_no": life_meeting,
    }


def test_an_edit_records_the_old_and_new_values(store, branch, life_meeting):
    added = rect.add_item(store, branch.id, ITEM)
    changed = RectificationInput(
        **{
            **vars(ITEM),
            "owner": "李秀英",
            "deadline": date(2026, 6, 30),
            "meeting_no": life_meeting,
        }
    )
    edited = rect.update_item(store, branch.id, added.id, changed)
    assert (edited.owner, edited.deadline, edited.meeting_no) == (
        "李秀英",
        date(2026, 6, 30),
        life_meeting,
    )
    action, detail = last_audit(store, branch)
    assert action == "rectification.update"
    assert detail == {
        "id": added.id,
        "changes": {
            "owner": {"old": "张建国", "new": "李秀英"},
            "deadline": {"old": "2026-03-31", "new": "2026-06-30"},
            "meeting_no": {"old": None, "new": life_meeting},
        },
    }
    before = state(store, branch)
    rect.update_item(store, branch.id, added.id, changed)  # no change: no trace
    assert state(store, branch) == before


def test_closing_needs_a_note_and_reopening_clears_the_closing(store, branch):
    added = rect.add_item(store, branch.id, ITEM)
    started = rect.set_status(store, branch.id, added.id, S.in_progress)
    assert started.status is S.in_progress and started.closed_on is None
    done = rect.set_status(
        store, branch.id, added.id, S.done, note="已建立学习制度", on=date(2026, 3, 30)
    )
    assert (done.status, done.closed_on, done.closing_note) == (
        S.done,
        date(2026, 3, 30),
        "已建立学习制度",
    )
    assert not done.overdue(date(2026, 12, 31))
    action, detail = last_audit(store, branch)
    assert action == "rectification.status"
    assert detail["changes"] == {
        "status": {"old": "in_progress", "new": "done"},
        "closed_on": {"old": None, "new": "2026-03-30"},
        "closing_note": {"old": None, "new": "已建立学习制度"},
    }

    reopened = rect.set_status(store, branch.id, added.id, S.open, note="复查仍未落实")
    assert (reopened.status, reopened.closed_on, reopened.closing_note) == (S.open, None, None)
    action, detail = last_audit(store, branch)
    assert detail["note"] == "复查仍未落实"
    assert detail["changes"]["closing_note"] == {"old": "已建立学习制度", "new": None}

    today = rect.set_status(store, branch.id, added.id, S.done, note="整改完成")
    assert today.closed_on == store.today()


def test_items_are_listed_by_year_and_deadline_and_filtered(store, branch):
    late = rect.add_item(store, branch.id, ITEM)
    early = rect.add_item(
        store, branch.id, RectificationInput(2025, "组织生活不经常", "李秀英", date(2026, 1, 31))
    )
    newer = rect.add_item(
        store, branch.id, RectificationInput(2026, "台账不规范", "杨丽", date(2026, 2, 28))
    )
    rect.set_status(store, branch.id, early.id, S.done, note="已按月召开", on=date(2026, 1, 30))
    assert [r.id for r in rect.list_items(store, branch.id)] == [early.id, late.id, newer.id]
    assert [r.id for r in rect.list_items(store, branch.id, year=2025)] == [early.id, late.id]
    assert [r.id for r in rect.list_items(store, branch.id, status=S.open)] == [late.id, newer.id]
    assert rect.list_items(store, branch.id, year=2024) == []


# ---------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"problem": ""}, "rectification.problem_empty"),
        ({"problem": "  "}, "rectification.problem_empty"),
        ({"owner": ""}, "rectification.owner_empty"),
        ({"owner": "x" * 101}, "rectification.owner_too_long"),
        ({"year": 1899}, "rectification.year_out_of_range"),
        ({"year": 3000}, "rectification.year_out_of_range"),
        ({"deadline": date(2024, 12, 31)}, "rectification.deadline_before_year"),
        ({"meeting_no": "2099-001"}, "rectification.meeting_not_found"),
    ],
)
def test_a_bad_item_is_refused_and_nothing_is_written(store, branch, changes, key):
    existing = rect.add_item(store, branch.id, ITEM)
    bad = RectificationInput(**{**vars(ITEM), **changes})
    before = state(store, branch)
    for attempt in (
        lambda: rect.add_item(store, branch.id, bad),
        lambda: rect.update_item(store, branch.id, existing.id, bad),
    ):
        with pytest.raises(StoreError) as exc:
            attempt()
        assert exc.value.key == key
        assert str(exc.value) != key, "the refusal has a message in the catalog"
        assert state(store, branch) == before


@pytest.mark.parametrize(
    ("note", "on", "key"),
    [
        (None, None, "rectification.done_needs_note"),
        ("  ", None, "rectification.done_needs_note"),
        ("done", "tomorrow", "rectification.closed_in_future"),  # by the store's clock
        ("done", date(2024, 12, 31), "rectification.closed_before_year"),
    ],
)
def test_a_bad_closing_is_refused_and_nothing_is_written(store, branch, note, on, key):
    if on == "tomorrow":
        on = store.today() + timedelta(days=1)
    added = rect.add_item(store, branch.id, ITEM)
    before = state(store, branch)
    with pytest.raises(StoreError) as exc:
        rect.set_status(store, branch.id, added.id, S.done, note=note, on=on)
    assert exc.value.key == key
    assert state(store, branch) == before


def test_unknown_items_are_not_found_and_nothing_is_written(store, branch):
    other = store.create_branch("第二党支部")
    foreign = rect.add_item(store, other.id, ITEM)
    before = state(store, branch)
    for missing in (999_999, foreign.id):
        for attempt in (
            lambda item_id: rect.get_item(store, branch.id, item_id),
            lambda item_id: rect.update_item(store, branch.id, item_id, ITEM),
            lambda item_id: rect.set_status(store, branch.id, item_id, S.done, note="x"),
        ):
            with pytest.raises(NotFound) as exc:
                attempt(missing)
            assert exc.value.key == "rectification.not_found"
    assert state(store, branch) == before
    assert rect.list_items(store, branch.id) == []
