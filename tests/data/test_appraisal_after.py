"""After the committee's decision (issue 12 §3): publication opens a notice window;
objections raised in it are answered once, a changed grade is a correction beside the
published record; the result is final once the window has ended and every objection is
answered; follow-ups of 基本合格/不合格 end a membership only through the member events;
优秀 in a final result feeds the commendation register. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from orglife_tui.data import appraisal as data
from orglife_tui.data import publications
from orglife_tui.data.appraisal import commendations, follow_ups, notice
from orglife_tui.data.appraisal.follow_ups import FollowUpInput
from orglife_tui.data.errors import StoreError
from orglife_tui.data.membership import member_events
from orglife_tui.data.models import correction_t, objection_t
from orglife_tui.domain import (
    Disposal,
    FollowUpMeasure,
    FollowUpStatus,
    MemberEventKind,
    ObjectionOutcome,
    ResultStatus,
    SessionState,
)
from orglife_tui.scoring.model import Grade
from tests import appraisal_after as my

E, Q, U = Grade.excellent, Grade.qualified, Grade.unqualified
AFTER = date(2025, 12, 18)  # the day after the default window


@pytest.fixture
def built(db_url, prebuilt):
    session_id = prebuilt(db_url, my.build, my.open_store)
    store = my.open_store(db_url, my.PUBLISHED_ON)
    yield store, my.branch_id(store), session_id
    store.close()


def _publish(store, branch_id, session_id, **window):
    data.publish(store, branch_id, session_id, **window)


# ---------------------------------------------------------------------------- the window


def test_publication_opens_five_working_days_of_notice_from_the_day(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    record = publications.session_publication(store, branch_id, session_id)
    assert record is not None
    assert (record.window_start, record.window_end) == (my.PUBLISHED_ON, my.DEFAULT_END)
    during = notice.result_state(store, branch_id, session_id, my.DEFAULT_END)
    assert during.status is ResultStatus.in_notice and not during.final
    after = notice.result_state(store, branch_id, session_id, AFTER)
    assert after.status is ResultStatus.final and after.final


def test_the_window_is_set_at_publication_and_cannot_end_before_it_starts(built):
    store, branch_id, session_id = built
    with pytest.raises(StoreError) as refused:
        _publish(
            store,
            branch_id,
            session_id,
            notice_from=date(2025, 12, 12),
            notice_to=date(2025, 12, 11),
        )
    assert refused.value.key == "notice.end_before_start"
    assert data.get_session(store, branch_id, session_id).state is SessionState.finished
    _publish(
        store, branch_id, session_id, notice_from=date(2025, 12, 11), notice_to=date(2025, 12, 20)
    )
    state = notice.result_state(store, branch_id, session_id, date(2025, 12, 20))
    assert (state.window_start, state.window_end) == (date(2025, 12, 11), date(2025, 12, 20))
    assert state.status is ResultStatus.in_notice


def test_an_unpublished_session_has_no_result_state(built):
    store, branch_id, session_id = built
    with pytest.raises(StoreError) as refused:
        notice.result_state(store, branch_id, session_id)
    assert refused.value.key == "notice.not_published"


# ---------------------------------------------------------------------------- objections


def test_objections_are_raised_in_the_window_and_hold_the_result_until_answered(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    my.move(store, date(2025, 12, 12))
    for day in (date(2025, 12, 9), date(2025, 12, 13)):
        with pytest.raises(StoreError) as refused:
            notice.add_objection(store, branch_id, session_id, "004", day, "评定过严")
        assert refused.value.key in ("notice.outside_window", "notice.date_in_future")
    with pytest.raises(StoreError) as refused:
        notice.add_objection(store, branch_id, session_id, "006", date(2025, 12, 11), "x")
    assert refused.value.key == "notice.member_not_graded"
    anonymous = notice.add_objection(
        store, branch_id, session_id, "004", date(2025, 12, 11), "长期在外务工，已请假"
    )
    assert anonymous.raised_by is None and not anonymous.answered
    named = notice.add_objection(
        store, branch_id, session_id, "001", date(2025, 12, 12), "有异议", raised_by="王群众"
    )
    assert named.raised_by == "王群众"
    my.move(store, AFTER)
    state = notice.result_state(store, branch_id, session_id)
    assert state.status is ResultStatus.objections_pending
    assert (state.objections, state.open_objections) == (2, 2)
    answered = notice.answer_objection(
        store, branch_id, named.id, "经核实，评定无误", AFTER, ObjectionOutcome.maintained
    )
    assert answered.outcome is ObjectionOutcome.maintained and answered.corrected_to is None
    assert not notice.result_state(store, branch_id, session_id).final
    notice.answer_objection(
        store,
        branch_id,
        anonymous.id,
        "情况属实，予以改变",
        AFTER,
        ObjectionOutcome.changed,
        grade=Q,
        reason="请假手续齐全",
    )
    assert notice.result_state(store, branch_id, session_id).final
    listed = notice.list_objections(store, branch_id, session_id)
    assert [(o.member_no, o.outcome, o.corrected_to) for o in listed] == [
        ("004", ObjectionOutcome.changed, Q),
        ("001", ObjectionOutcome.maintained, None),
    ]


def test_a_changed_grade_is_a_correction_beside_what_was_published(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    before = publications.session_publication(store, branch_id, session_id)
    objection = notice.add_objection(
        store, branch_id, session_id, "004", my.PUBLISHED_ON, "请假未计入"
    )
    with pytest.raises(StoreError) as refused:
        notice.answer_objection(
            store, branch_id, objection.id, "改", my.PUBLISHED_ON, ObjectionOutcome.changed, grade=Q
        )
    assert refused.value.key == "notice.change_needs_reason"
    with pytest.raises(StoreError) as refused:
        notice.answer_objection(
            store,
            branch_id,
            objection.id,
            "改",
            my.PUBLISHED_ON,
            ObjectionOutcome.changed,
            grade=U,
            reason="同",
        )
    assert refused.value.key == "notice.same_grade"
    notice.answer_objection(
        store,
        branch_id,
        objection.id,
        "改为合格",
        my.PUBLISHED_ON,
        ObjectionOutcome.changed,
        grade=Q,
        reason="请假手续齐全",
    )
    with store.read_connection() as conn:
        grades = {
            g.member_no: (g.grade, g.corrected) for g in notice.final_grades(conn, session_id)
        }
    assert grades["004"] == (Q, True) and grades["001"] == (E, False)
    after = publications.session_publication(store, branch_id, session_id)
    assert after == before  # the publication stays as published
    tallied = data.tally(store, branch_id, session_id, None)  # type: ignore[arg-type]
    assert next(r for r in tallied.rows if r.member_no == "004").final is U
    with pytest.raises(StoreError) as refused:
        notice.answer_objection(
            store, branch_id, objection.id, "再答", my.PUBLISHED_ON, ObjectionOutcome.maintained
        )
    assert refused.value.key == "notice.already_answered"


def test_objections_and_corrections_cannot_be_rewritten_behind_the_program(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    objection = notice.add_objection(store, branch_id, session_id, "004", my.PUBLISHED_ON, "异议")
    notice.answer_objection(
        store,
        branch_id,
        objection.id,
        "改",
        my.PUBLISHED_ON,
        ObjectionOutcome.changed,
        grade=Q,
        reason="理由",
    )
    for statement in (
        update(objection_t).values(answer="另一个答复"),
        update(objection_t).values(content="另一个异议"),
        delete(objection_t),
        update(correction_t).values(final="excellent"),
        delete(correction_t),
    ):
        with pytest.raises(DBAPIError), store.engine.begin() as conn:
            conn.execute(statement)
    with store.read_connection() as conn:
        assert conn.scalar(select(correction_t.c.final)) == "qualified"


# ---------------------------------------------------------------------------- follow-ups


def test_follow_ups_wait_for_a_final_result_and_are_for_the_two_lower_grades(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    rectify = FollowUpInput("004", FollowUpMeasure.rectify, deadline=date(2026, 3, 31))
    with pytest.raises(StoreError) as refused:
        follow_ups.add_follow_up(store, branch_id, session_id, rectify)
    assert refused.value.key == "notice.not_final.in_notice"
    assert follow_ups.pending(store, branch_id, session_id) == []
    my.move(store, AFTER)
    with store.read_connection() as conn:
        lower = [
            g.member_no
            for g in notice.final_grades(conn, session_id)
            if g.grade in follow_ups.NEEDS_FOLLOW_UP
        ]
    assert "004" in lower and "001" not in lower
    assert [p.member_no for p in follow_ups.pending(store, branch_id, session_id)] == lower
    with pytest.raises(StoreError) as refused:
        follow_ups.add_follow_up(
            store, branch_id, session_id, FollowUpInput("001", FollowUpMeasure.talk)
        )
    assert refused.value.key == "follow_up.grade_needs_none"
    with pytest.raises(StoreError) as refused:
        follow_ups.add_follow_up(
            store, branch_id, session_id, FollowUpInput("004", FollowUpMeasure.rectify)
        )
    assert refused.value.key == "follow_up.rectify_needs_deadline"
    row = follow_ups.add_follow_up(store, branch_id, session_id, rectify)
    assert row.grade is U
    assert "004" not in [p.member_no for p in follow_ups.pending(store, branch_id, session_id)]
    assert row.status(date(2026, 3, 31)) is FollowUpStatus.open
    assert row.status(date(2026, 4, 1)) is FollowUpStatus.overdue
    assert [f.id for f in follow_ups.overdue_follow_ups(store, branch_id, date(2026, 4, 1))] == [
        row.id
    ]
    my.move(store, date(2026, 4, 2))
    done = follow_ups.complete_follow_up(store, branch_id, row.id, date(2026, 4, 2), "已改正")
    assert done.status(date(2026, 4, 2)) is FollowUpStatus.done
    assert done.status(date(2026, 4, 1)) is FollowUpStatus.overdue  # as it stood then
    assert follow_ups.overdue_follow_ups(store, branch_id, date(2026, 4, 3)) == []


def test_a_removal_ends_the_membership_through_the_member_events(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    my.move(store, date(2026, 1, 10))
    later = FollowUpInput(
        "004", FollowUpMeasure.disposal, disposal=Disposal.remove, effective_on=date(2026, 1, 20)
    )
    row = follow_ups.add_follow_up(store, branch_id, session_id, later)
    assert row.event_id is None and row.status(date(2026, 1, 10)) is FollowUpStatus.open
    with pytest.raises(StoreError) as refused:
        follow_ups.complete_follow_up(store, branch_id, row.id, date(2026, 1, 10))
    assert refused.value.key == "follow_up.not_yet_effective"
    my.move(store, date(2026, 1, 25))
    done = follow_ups.complete_follow_up(store, branch_id, row.id, date(2026, 1, 25))
    assert done.done_on == date(2026, 1, 20) and done.event_id is not None
    events = member_events(store, branch_id, "004")
    removed = [e for e in events if e.kind is MemberEventKind.removed]
    assert [(e.id, e.date) for e in removed] == [(done.event_id, date(2026, 1, 20))]
    assert "除名" in (removed[0].reason or "") or "Removed" in (removed[0].reason or "")


def test_a_removal_already_in_effect_is_carried_out_when_recorded(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    my.move(store, date(2026, 1, 10))
    row = follow_ups.add_follow_up(
        store,
        branch_id,
        session_id,
        FollowUpInput(
            "004", FollowUpMeasure.disposal, disposal=Disposal.remove, effective_on=AFTER
        ),
    )
    assert row.done_on == AFTER and row.event_id is not None
    member = store.get_member(branch_id, "004")
    assert member.left_on == AFTER


def test_persuasion_carried_out_ends_the_membership_on_that_day(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    my.move(store, date(2026, 2, 1))
    row = follow_ups.add_follow_up(
        store,
        branch_id,
        session_id,
        FollowUpInput(
            "004",
            FollowUpMeasure.disposal,
            disposal=Disposal.persuade,
            effective_on=date(2026, 1, 15),
            note="本人同意退党",
        ),
    )
    assert row.event_id is None
    done = follow_ups.complete_follow_up(store, branch_id, row.id, date(2026, 1, 30))
    assert done.done_on == date(2026, 1, 30)
    assert store.get_member(branch_id, "004").left_on == date(2026, 1, 30)


# ---------------------------------------------------------------------------- commendations


def test_excellent_in_a_final_result_feeds_the_commendation_register(built):
    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    assert commendations.register(store, branch_id, 2025) == []  # still in notice
    objection = notice.add_objection(store, branch_id, session_id, "002", my.PUBLISHED_ON, "异议")
    my.move(store, AFTER)
    assert commendations.register(store, branch_id, 2025) == []  # an objection open
    notice.answer_objection(
        store,
        branch_id,
        objection.id,
        "改为合格",
        AFTER,
        ObjectionOutcome.changed,
        grade=Q,
        reason="群众意见较多",
    )
    register = commendations.register(store, branch_id, 2025)
    assert [(c.member_no, c.award) for c in register] == [("001", None)]
    with pytest.raises(StoreError) as refused:
        commendations.annotate(store, branch_id, 2025, "002", "优秀共产党员", None)
    assert refused.value.key == "commendation.not_in_register"
    commendations.annotate(store, branch_id, 2025, "001", "优秀共产党员", "推荐上报")
    commendations.annotate(store, branch_id, 2025, "001", "优秀党员", None)
    assert [
        (c.member_no, c.award, c.note) for c in commendations.register(store, branch_id, 2025)
    ] == [("001", "优秀党员", None)]


def test_the_watch_names_an_overdue_follow_up_until_it_is_done(built):
    from orglife_tui.services.watch import check

    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    my.move(store, AFTER)
    row = follow_ups.add_follow_up(
        store,
        branch_id,
        session_id,
        FollowUpInput("004", FollowUpMeasure.rectify, deadline=date(2026, 3, 31)),
    )

    def watched(as_of):
        return [
            (f.subject, f.params["id"])
            for f in check(store, branch_id, as_of.year, as_of)
            if f.rule == "follow_up_overdue"
        ]

    assert watched(date(2026, 3, 31)) == []
    assert watched(date(2026, 4, 1)) == [("004", row.id)]
    my.move(store, date(2026, 4, 2))
    follow_ups.complete_follow_up(store, branch_id, row.id, date(2026, 4, 2))
    assert watched(date(2026, 4, 2)) == []


def test_a_talk_follow_up_is_done_on_the_day_of_the_talk_it_names(built):
    from orglife_tui.data.talks import add_talk
    from orglife_tui.domain import TalkForm, TalkType
    from orglife_tui.domain.talks import TalkerInput, TalkInput

    store, branch_id, session_id = built
    _publish(store, branch_id, session_id)
    my.move(store, date(2026, 1, 10))
    talk = add_talk(
        store,
        branch_id,
        TalkInput(
            member_no="004",
            date=date(2026, 1, 8),
            form=TalkForm.one_to_one,
            type=TalkType.lagging_help,
            talkers=(TalkerInput(member_no="001"),),
        ),
    )
    row = follow_ups.add_follow_up(
        store,
        branch_id,
        session_id,
        FollowUpInput("004", FollowUpMeasure.talk, deadline=date(2026, 1, 31)),
    )
    assert row.status(date(2026, 1, 10)) is FollowUpStatus.open
    with pytest.raises(StoreError) as refused:
        follow_ups.complete_follow_up(store, branch_id, row.id, date(2026, 1, 10), talk_id=999)
    assert refused.value.key == "follow_up.talk_not_found"
    done = follow_ups.complete_follow_up(
        store, branch_id, row.id, date(2026, 1, 10), talk_id=talk.id
    )
    assert (done.talk_id, done.done_on) == (talk.id, date(2026, 1, 8))


def test_objections_wait_for_publication(built):
    store, branch_id, session_id = built
    with pytest.raises(StoreError) as refused:
        notice.add_objection(store, branch_id, session_id, "004", my.PUBLISHED_ON, "异议")
    assert refused.value.key == "appraisal.needs_published"
    with store.read_connection() as conn:
        assert conn.scalar(select(objection_t.c.id)) is None


def test_a_result_published_before_windows_were_kept_is_past_its_window():
    assert notice.status_of(None, 0, my.PUBLISHED_ON) is ResultStatus.final
    assert notice.status_of(None, 1, my.PUBLISHED_ON) is ResultStatus.objections_pending
    assert notice.status_of(my.DEFAULT_END, 0, my.DEFAULT_END) is ResultStatus.in_notice
