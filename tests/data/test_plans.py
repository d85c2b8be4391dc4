"""The annual plan's storage: items, their match to held meetings, refusals and the trace
they leave — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from orglife_tui.data import plans
from orglife_tui.data.errors import NotFound, StoreError
from orglife_tui.data.models import plan_t
from orglife_tui.data.plans import PlanInput, PlanSummary
from orglife_tui.data.store import RowProblems
from orglife_tui.domain import MeetingType
from orglife_tui.domain.records import MeetingInput

GM = MeetingType.general_meeting
CM = MeetingType.committee_meeting
PL = MeetingType.party_lecture
TD = MeetingType.themed_day


def meeting(store, branch, no: str, when: date, *types: MeetingType) -> None:
    store.add_meeting(branch.id, MeetingInput(when, types, f"会议{no}", meeting_no=no))


def state(store, branch) -> tuple[list, int]:
    """Every plan row of the database and the branch's number of audit entries."""
    with store.read_connection() as conn:
        rows = [tuple(r) for r in conn.execute(select(plan_t).order_by(plan_t.c.id))]
    return rows, len(store.audit_entries(branch.id, limit=1_000_000))


def last_audit(store, branch) -> tuple[str, dict]:
    entry = store.audit_entries(branch.id, limit=1)[0]
    return entry["action"], json.loads(entry["detail"])


# ---------------------------------------------------------------------------- writes


def test_an_added_item_reads_back_and_is_audited(store, branch):
    row = plans.add_plan_item(
        store, branch.id, PlanInput(2026, PL, "  学习党章  ", month=3, note="书记讲")
    )
    assert (row.year, row.month, row.meeting_type, row.topic, row.note) == (
        2026,
        3,
        PL,
        "学习党章",
        "书记讲",
    )
    assert row.held_meeting_no is None and row.held_date is None and not row.held
    assert plans.get_plan_item(store, branch.id, row.id) == row
    action, detail = last_audit(store, branch)
    assert action == "plan.add"
    assert detail == {
        "id": row.id,
        "year": 2026,
        "month": 3,
        "meeting_type": "party_lecture",
        "topic": "学习党章",
        "note": "书记讲",
    }


def test_the_type_other_is_allowed(store, branch):
    row = plans.add_plan_item(store, branch.id, PlanInput(2026, MeetingType.other, "七一慰问"))
    assert row.meeting_type is MeetingType.other and row.month is None


def test_an_edit_records_the_old_and_new_values(store, branch):
    row = plans.add_plan_item(store, branch.id, PlanInput(2026, PL, "学习党章", month=3))
    edited = plans.update_plan_item(
        store, branch.id, row.id, PlanInput(2026, TD, "学习党章", month=None, note="改为主题党日")
    )
    assert (edited.meeting_type, edited.month, edited.note) == (TD, None, "改为主题党日")
    action, detail = last_audit(store, branch)
    assert action == "plan.update"
    assert detail == {
        "id": row.id,
        "changes": {
            "meeting_type": {"old": "party_lecture", "new": "themed_day"},
            "month": {"old": 3, "new": None},
            "note": {"old": None, "new": "改为主题党日"},
        },
    }


def test_an_edit_that_changes_nothing_leaves_no_trace(store, branch):
    row = plans.add_plan_item(store, branch.id, PlanInput(2026, PL, "学习党章", month=3))
    before = state(store, branch)
    assert plans.update_plan_item(store, branch.id, row.id, row.as_input()) == row
    assert state(store, branch) == before


def test_a_removal_is_audited_with_what_was_there(store, branch):
    row = plans.add_plan_item(store, branch.id, PlanInput(2026, PL, "学习党章", month=3, note="n"))
    plans.remove_plan_item(store, branch.id, row.id)
    assert plans.list_plan(store, branch.id, 2026) == []
    action, detail = last_audit(store, branch)
    assert action == "plan.remove" and detail["id"] == row.id
    old = detail["old"]
    assert (old["year"], old["month"], old["meeting_type"], old["topic"], old["note"]) == (
        2026,
        3,
        "party_lecture",
        "学习党章",
        "n",
    )
    assert old["operator"] == "tester" and old["created_at"]


# ---------------------------------------------------------------------------- refusals

BAD_ITEMS = [
    (PlanInput(2026, PL, ""), "plan.topic_empty"),
    (PlanInput(2026, PL, "   "), "plan.topic_empty"),
    (PlanInput(2026, PL, "x" * 301), "plan.topic_too_long"),
    (PlanInput(2026, PL, "t", month=0), "plan.month_out_of_range"),
    (PlanInput(2026, PL, "t", month=13), "plan.month_out_of_range"),
    (PlanInput(1899, PL, "t"), "plan.year_out_of_range"),
    (PlanInput(3000, PL, "t"), "plan.year_out_of_range"),
]


@pytest.mark.parametrize(("item", "key"), BAD_ITEMS)
def test_a_bad_item_is_refused_on_add_and_nothing_is_written(store, branch, item, key):
    before = state(store, branch)
    with pytest.raises(StoreError) as exc:
        plans.add_plan_item(store, branch.id, item)
    assert exc.value.key == key
    assert str(exc.value) != key, "the refusal has a message in the catalog"
    assert state(store, branch) == before


@pytest.mark.parametrize(("item", "key"), BAD_ITEMS)
def test_a_bad_item_is_refused_on_edit_and_nothing_is_written(store, branch, item, key):
    row = plans.add_plan_item(store, branch.id, PlanInput(2026, PL, "学习党章", month=3))
    before = state(store, branch)
    with pytest.raises(StoreError) as exc:
        plans.update_plan_item(store, branch.id, row.id, item)
    assert exc.value.key == key
    assert state(store, branch) == before


def test_unknown_items_are_not_found_and_nothing_is_written(store, branch):
    other = store.create_branch("第二党支部")
    foreign = plans.add_plan_item(store, other.id, PlanInput(2026, PL, "别的支部"))
    before = state(store, branch)
    for missing in (999_999, foreign.id):
        with pytest.raises(NotFound) as exc:
            plans.update_plan_item(store, branch.id, missing, PlanInput(2026, PL, "t"))
        assert exc.value.key == "plan.not_found"
        with pytest.raises(NotFound):
            plans.remove_plan_item(store, branch.id, missing)
        with pytest.raises(NotFound):
            plans.get_plan_item(store, branch.id, missing)
    assert state(store, branch) == before
    assert plans.list_plan(store, branch.id, 2026) == []


def test_a_batch_is_written_whole_or_not_at_all(store, branch):
    good = PlanInput(2026, PL, "学习党章", month=3)
    before = state(store, branch)
    with pytest.raises(RowProblems) as exc:
        plans.add_plan_items(
            store, branch.id, [good, PlanInput(2026, PL, "", month=13), good], source="p.csv"
        )
    assert exc.value.problems == [
        (1, "plan.month_out_of_range", {"month": 13}),
        (1, "plan.topic_empty", {}),
    ]
    assert state(store, branch) == before

    ids = plans.add_plan_items(store, branch.id, [good, good], source="p.csv")
    assert [r.id for r in plans.list_plan(store, branch.id, 2026)] == ids
    action, detail = last_audit(store, branch)
    assert action == "plan.import"
    assert detail == {"added": 2, "ids": ids, "source": "p.csv"}


# ---------------------------------------------------------------------------- the match


def test_the_plan_is_ordered_by_month_then_type_year_wide_items_last(store, branch):
    for item in (
        PlanInput(2026, PL, "全年党课"),
        PlanInput(2026, PL, "三月党课", month=3),
        PlanInput(2026, GM, "三月大会", month=3),
        PlanInput(2026, CM, "一月支委会", month=1),
        PlanInput(2027, CM, "明年", month=1),
    ):
        plans.add_plan_item(store, branch.id, item)
    assert [r.topic for r in plans.list_plan(store, branch.id, 2026)] == [
        "一月支委会",
        "三月大会",
        "三月党课",
        "全年党课",
    ]


def test_items_are_matched_one_to_one_to_held_meetings(store, branch):
    store.set_records_start(branch.id, date(2025, 1, 1))  # meetings are added out of order
    meeting(store, branch, "M1", date(2026, 3, 5), TD, PL)  # a themed day that is a lecture
    meeting(store, branch, "M2", date(2026, 3, 20), PL)
    meeting(store, branch, "M3", date(2026, 6, 10), PL)
    meeting(store, branch, "M0", date(2025, 3, 10), PL)  # last year's: never counts
    meeting(store, branch, "C1", date(2026, 4, 1), CM)
    add = lambda item: plans.add_plan_item(store, branch.id, item).id  # noqa: E731
    year_wide = add(PlanInput(2026, PL, "全年党课"))  # added first, matched last
    march_a = add(PlanInput(2026, PL, "三月党课甲", month=3))
    march_b = add(PlanInput(2026, PL, "三月党课乙", month=3))
    march_c = add(PlanInput(2026, PL, "三月党课丙", month=3))  # only two lectures in March
    themed = add(PlanInput(2026, TD, "三月主题党日", month=3))
    may_committee = add(PlanInput(2026, CM, "五月支委会", month=5))  # held in April: not May's
    held = {r.id: (r.held_meeting_no, r.held_date) for r in plans.list_plan(store, branch.id, 2026)}
    assert held == {
        march_a: ("M1", date(2026, 3, 5)),
        march_b: ("M2", date(2026, 3, 20)),
        march_c: (None, None),
        themed: ("M1", date(2026, 3, 5)),  # the same meeting, as the other type it counts as
        year_wide: ("M3", date(2026, 6, 10)),  # what the monthly items left
        may_committee: (None, None),
    }
    assert plans.plan_summary(store, branch.id, 2026) == {
        CM: PlanSummary(planned=1, held=0),
        PL: PlanSummary(planned=4, held=3),
        TD: PlanSummary(planned=1, held=1),
    }
    assert plans.plan_summary(store, branch.id, 2024) == {}


def test_matching_picks_the_earliest_meeting_and_ignores_other_branches(store, branch):
    other = store.create_branch("第二党支部")
    store.add_meeting(other.id, MeetingInput(date(2026, 1, 2), (GM,), "别的支部", meeting_no="X"))
    store.set_records_start(branch.id, date(2026, 1, 1))  # the later meeting is added first
    meeting(store, branch, "G2", date(2026, 9, 1), GM)
    meeting(store, branch, "G1", date(2026, 2, 1), GM)
    row = plans.add_plan_item(store, branch.id, PlanInput(2026, GM, "大会"))
    assert (row.held_meeting_no, row.held_date) == ("G1", date(2026, 2, 1))


def test_match_items_is_greedy_months_first():
    when = date(2026, 3, 1)
    meetings = [(PL, (when, "A", 1)), (PL, (date(2026, 3, 9), "B", 2))]
    items = [(1, PL, None), (2, PL, 3), (3, PL, 3), (4, GM, None)]
    assert plans.match_items(items, meetings) == {2: ("A", when), 3: ("B", date(2026, 3, 9))}
