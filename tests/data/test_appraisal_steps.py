"""The appraisal's steps around the ballot in storage, on SQLite and PostgreSQL: the
self-assessment (个人自评), the peer comments with no author (党员互评), grading every
proposal at once (组织评定) and what it leaves for the committee one by one."""

# ruff: noqa: F811  (``roster``, ``sid``: the fixtures of tests/data/test_appraisal.py, as parameters)

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from orglife_tui.data import appraisal as ap
from orglife_tui.data.errors import Conflict, StoreError
from orglife_tui.data.models import peer_comment_t
from orglife_tui.domain import MemberStatus
from orglife_tui.scoring.appraisal import GRADES, Counts
from orglife_tui.scoring.model import Grade
from tests.data.test_appraisal import (  # noqa: F401  (fixtures)
    FULL_NOS,
    KNOWN_BALLOTS,
    SCHEME,
    YEAR,
    audit_of,
    roster,
    sid,
)
from tests.tally_passwords import PASSWORDS, PIN

E, Q, B, U = GRADES
# 005 has three unqualified votes of four: flagged for the committee above a quarter.
FLAGGING = replace(SCHEME, appraisal=replace(SCHEME.appraisal, unqualified_vote_flag=0.25))


def closed(store, branch, session_id, scheme=SCHEME) -> dict[str, ap.TallyRow]:
    for voter, ratings in KNOWN_BALLOTS:
        ap.cast_ballot(store, session_id, voter, ratings)
    ap.close_session(store, branch.id, session_id, PIN, **PASSWORDS)
    return {r.member_no: r for r in ap.tally(store, branch.id, session_id, scheme).rows}


def finals(store, branch, session_id, scheme=SCHEME) -> dict[str, Grade | None]:
    return {r.member_no: r.final for r in ap.tally(store, branch.id, session_id, scheme).rows}


def test_all_proposed_grades_every_proposal_in_one_go(store, roster, sid):
    rows = closed(store, roster, sid)
    done = ap.grade_all_proposed(store, roster.id, sid, scheme=SCHEME)
    assert [r.member_no for r in done.graded] == list(FULL_NOS)
    assert done.left == []
    after = finals(store, roster, sid)
    assert after == {**{no: rows[no].proposed for no in FULL_NOS}, "006": None}
    events = audit_of(store, "appraisal.grade")
    assert [e["member_no"] for e in events] == list(FULL_NOS)
    assert all(e["all_proposed"] and e["final"] == e["proposed"] for e in events)
    ap.publish(store, roster.id, sid)  # nothing is missing


def test_grades_already_given_are_kept_and_a_second_run_grades_nobody(store, roster, sid):
    closed(store, roster, sid)
    ap.set_grade(store, roster.id, sid, "001", U, "长期不参加组织生活", scheme=SCHEME)
    done = ap.grade_all_proposed(store, roster.id, sid, scheme=SCHEME)
    assert [r.member_no for r in done.graded] == list(FULL_NOS[1:])
    assert finals(store, roster, sid)["001"] is U
    again = ap.grade_all_proposed(store, roster.id, sid, scheme=SCHEME)
    assert (again.graded, again.left) == ([], [])
    assert len(audit_of(store, "appraisal.grade")) == len(FULL_NOS)


def test_flagged_ballots_are_left_for_the_committee(store, roster, sid):
    rows = closed(store, roster, sid, FLAGGING)
    assert rows["005"].unqualified_flag
    done = ap.grade_all_proposed(store, roster.id, sid, scheme=FLAGGING)
    assert [(r.member_no, why) for r, why in done.left] == [("005", "appraisal_steps.left.flagged")]
    assert [r.member_no for r in done.graded] == list(FULL_NOS[:4])
    assert finals(store, roster, sid, FLAGGING)["005"] is None


def test_all_proposed_needs_a_closed_poll_and_writes_nothing_when_refused(store, roster, sid):
    with pytest.raises(Conflict) as err:
        ap.grade_all_proposed(store, roster.id, sid, scheme=SCHEME)
    assert err.value.key == "appraisal.needs_finished"
    assert audit_of(store, "appraisal.grade") == []


def _row(no: str, proposed: Grade | None, *, graded=True, final=None, flag=False) -> ap.TallyRow:
    return ap.TallyRow(
        member_no=no,
        name=f"党员{no}",
        status=MemberStatus.full if graded else MemberStatus.probationary,
        graded=graded,
        counts=Counts(),
        points=None,
        proposed=proposed,
        final=final,
        reason=None,
        unqualified_flag=flag,
    )


def test_split_proposed_says_who_is_left_and_why():
    rows = [
        _row("1", Q),
        _row("2", None),
        _row("3", B, flag=True),
        _row("4", U, flag=True),  # flagged, even where the figures say unqualified
        _row("5", Q, final=E),  # graded already
        _row("6", None, graded=False),  # probationary: never graded
    ]
    plan = ap.split_proposed(rows)
    assert [r.member_no for r in plan.graded] == ["1"]
    assert [(r.member_no, why) for r, why in plan.left] == [
        ("2", "appraisal_steps.left.no_proposal"),
        ("3", "appraisal_steps.left.flagged"),
        ("4", "appraisal_steps.left.flagged"),
    ]


# ---------------------------------------------------------------------------- 个人自评


def test_self_assessments_before_the_poll_cover_the_members_the_start_will_rate(store, roster):
    session = ap.new_session(store, roster.id, YEAR)
    people = ap.appraised(store, roster.id, session.id, scheme=SCHEME)
    assert [(p.member_no, p.graded) for p in people] == [
        *((no, True) for no in FULL_NOS),
        ("006", False),  # probationary: takes part, never graded
    ]
    row = ap.record_self_assessment(
        store, roster.id, session.id, " 001 ", "  认真学习，按时交纳党费。\n不足：联系群众不够。 "
    )
    assert (row.text, row.late, row.given_on) == (
        "认真学习，按时交纳党费。\n不足：联系群众不够。",
        False,
        store.today(),
    )
    ap.record_self_assessment(store, roster.id, session.id, "001", "重写的自评")
    stored = ap.self_assessments(store, roster.id, session.id)
    assert list(stored) == ["001"] and stored["001"].text == "重写的自评"
    events = audit_of(store, "appraisal.self_assessment")
    assert [(e["member_no"], e["replaced"], e["late"]) for e in events] == [
        ("001", False, False),
        ("001", True, False),
    ]
    assert all("text" not in e for e in events)
    # the start keeps it: the snapshot is of the same members
    ap.start_session(store, roster.id, session.id, PIN, SCHEME, **PASSWORDS)
    people = {p.member_no: p for p in ap.appraised(store, roster.id, session.id, scheme=SCHEME)}
    assert people["001"].self_assessed and not people["001"].late
    assert not people["002"].self_assessed


def test_a_self_assessment_after_the_poll_opened_is_late_and_refused_once_graded(
    store, roster, sid
):
    ap.record_self_assessment(store, roster.id, sid, "002", "会后补交")
    assert ap.self_assessments(store, roster.id, sid)["002"].late
    closed(store, roster, sid)
    ap.set_grade(store, roster.id, sid, "003", Q, "—", scheme=SCHEME)
    with pytest.raises(StoreError) as err:
        ap.record_self_assessment(store, roster.id, sid, "003", "太晚了")
    assert err.value.key == "appraisal_steps.already_graded"
    assert "003" not in ap.self_assessments(store, roster.id, sid)


@pytest.mark.parametrize(
    ("member_no", "text", "key"),
    [
        ("001", "   ", "appraisal_steps.text_empty"),
        ("001", "长" * 5001, "appraisal_steps.text_too_long"),
        ("001", "正常\x1b[31m红字", "text.control_chars"),
        ("999", "没有这个人", "appraisal_steps.not_appraised"),
    ],
)
def test_a_bad_self_assessment_is_refused_and_the_batch_writes_nothing(
    store, roster, sid, member_no, text, key
):
    with pytest.raises(StoreError) as err:
        ap.record_self_assessments(
            store,
            roster.id,
            sid,
            [("002", "好的一份", None), (member_no, text, None)],
            scheme=SCHEME,
        )
    assert err.value.key == key
    assert ap.self_assessments(store, roster.id, sid) == {}
    assert audit_of(store, "appraisal.self_assessment") == []


def test_a_self_assessment_dated_after_today_is_refused(store, roster, sid):
    with pytest.raises(StoreError) as err:
        ap.record_self_assessment(
            store, roster.id, sid, "001", "x", store.today() + timedelta(days=1)
        )
    assert err.value.key == "appraisal_steps.given_in_future"


# ---------------------------------------------------------------------------- 党员互评


def test_peer_comments_have_no_author_and_are_listed_per_member(store, roster, sid, db_url):
    first = ap.add_peer_comment(store, roster.id, sid, "003", "工作积极，但发言不多。")
    ap.add_peer_comment(store, roster.id, sid, "001", "带头作用明显。")
    ap.add_peer_comment(store, roster.id, sid, "003", "希望多联系群众。")
    assert [c.text for c in ap.peer_comments(store, roster.id, sid, "003")] == [
        "工作积极，但发言不多。",
        "希望多联系群众。",
    ]
    assert [c.member_no for c in ap.peer_comments(store, roster.id, sid)] == ["001", "003", "003"]
    people = {p.member_no: p.comments for p in ap.appraised(store, roster.id, sid)}
    assert (people["003"], people["001"], people["002"]) == (2, 1, 0)
    # the table holds no author, not even the operator who typed it
    with store.read_connection() as conn:
        columns = set(conn.execute(select(peer_comment_t)).keys())
    assert columns == {"id", "session_id", "member_id", "text", "recorded_at"}
    assert [e["member_no"] for e in audit_of(store, "appraisal.peer_comment")] == [
        "003",
        "001",
        "003",
    ]
    ap.remove_peer_comment(store, roster.id, sid, first.id)
    assert len(ap.peer_comments(store, roster.id, sid, "003")) == 1
    with pytest.raises(StoreError) as err:
        ap.remove_peer_comment(store, roster.id, sid, first.id)
    assert err.value.key == "appraisal_steps.comment_unknown"


def test_after_publication_the_steps_are_frozen_by_the_store_and_the_database(store, roster, sid):
    closed(store, roster, sid)
    ap.add_peer_comment(store, roster.id, sid, "001", "意见")
    ap.grade_all_proposed(store, roster.id, sid, scheme=SCHEME)
    ap.publish(store, roster.id, sid)
    with pytest.raises(StoreError) as err:
        ap.add_peer_comment(store, roster.id, sid, "001", "再加一条")
    assert err.value.key == "appraisal_steps.published"
    with pytest.raises(StoreError):
        ap.record_self_assessment(store, roster.id, sid, "006", "预备党员自评")
    for sql in (
        "DELETE FROM appraisal_peer_comment",
        "UPDATE appraisal_peer_comment SET text = 'x'",
    ):
        with pytest.raises(DBAPIError), store.write_transaction() as conn:
            conn.execute(text(sql))
    assert [c.text for c in ap.peer_comments(store, roster.id, sid)] == ["意见"]


# ---------------------------------------------------------------------------- who gets no grade


def test_a_scheme_that_does_not_rate_probationary_members_leaves_them_out(store, roster):
    full_only = replace(SCHEME, scored_statuses=frozenset({MemberStatus.full}))
    session = ap.new_session(store, roster.id, YEAR)
    assert [p.member_no for p in ap.appraised(store, roster.id, session.id, scheme=full_only)] == (
        list(FULL_NOS)
    )
    assert [
        (m.member_no, m.status) for m in ap.left_out(store, roster.id, session.id, scheme=full_only)
    ] == [("006", MemberStatus.probationary)]
    with pytest.raises(StoreError) as err:
        ap.add_peer_comment(store, roster.id, session.id, "006", "意见", scheme=full_only)
    assert err.value.key == "appraisal_steps.not_appraised"
    ap.start_session(store, roster.id, session.id, PIN, full_only, **PASSWORDS)
    assert [m.member_no for m in ap.left_out(store, roster.id, session.id, scheme=SCHEME)] == [
        "006"
    ]  # from the start on, the snapshot decides


def test_why_a_member_gets_no_grade():
    from orglife_tui.scoring.appraisal import why_not_graded

    assert why_not_graded(MemberStatus.full, True) is None
    assert why_not_graded(MemberStatus.probationary, False) == "appraisal_steps.why.probationary"
    assert why_not_graded(MemberStatus.full, False) == "appraisal_steps.why.not_graded"
    assert why_not_graded(MemberStatus.probationary, False, rated=False) == (
        "appraisal_steps.why.not_rated"
    )
