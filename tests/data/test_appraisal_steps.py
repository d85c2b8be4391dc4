"""The appraisal's steps around the ballot in storage, on SQLite and PostgreSQL: grading
every proposal at once (组织评定), and what it leaves for the committee one by one."""

# ruff: noqa: F811  (``roster``, ``sid``: the fixtures of tests/data/test_appraisal.py, as parameters)

from __future__ import annotations

from dataclasses import replace

import pytest

from orglife_tui.data import appraisal as ap
from orglife_tui.data.errors import Conflict
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
