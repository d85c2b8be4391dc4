"""Heart-to-heart talks on SQLite and PostgreSQL: writes with their audit trace, refusals that
write nothing, confidential texts kept out unless asked for, coverage and reminders."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from orglife_tui.data import talks
from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.models import audit_t, talk_t, talker_t
from orglife_tui.data.talks import TalkerInput, TalkInput
from orglife_tui.domain import CommitteePost, MemberStatus, TalkForm, TalkType
from orglife_tui.domain.records import MemberInput

TODAY = date(2026, 12, 5)  # the store's clock in these tests (roster fixture)
YEAR = TODAY.year - 1  # a year wholly past
JAN = date(YEAR, 1, 10)


@pytest.fixture
def roster(store, branch):
    """Secretary 001 and organization member 002 on the committee; 003–005 members."""
    store.today = lambda: TODAY  # type: ignore[method-assign]
    store.add_members(
        branch.id,
        [
            MemberInput("001", "朱海波", MemberStatus.full, post=CommitteePost.secretary),
            MemberInput("002", "胡雅琴", MemberStatus.full, post=CommitteePost.organization),
            MemberInput("003", "赵志远", MemberStatus.full),
            MemberInput("004", "谭晶", MemberStatus.full, post=CommitteePost.group_leader),
            MemberInput("005", "沈晨", MemberStatus.probationary),
        ],
    )
    store.set_records_start(branch.id, date(YEAR - 1, 1, 1))  # the talks go back a year
    return branch


def talk(member_no="003", on=JAN, *talkers: TalkerInput, **kw) -> TalkInput:
    """A routine talk by the secretary (001) unless told otherwise."""
    return TalkInput(
        date=on,
        member_no=member_no,
        type=kw.pop("type", TalkType.routine),
        talkers=kw.pop("talkers", talkers or (TalkerInput(member_no="001"),)),
        **kw,
    )


def counts(store) -> tuple[int, int, int]:
    with store.read_connection() as conn:
        return tuple(  # type: ignore[return-value]
            int(conn.scalar(select(func.count()).select_from(t)) or 0)
            for t in (talk_t, talker_t, audit_t)
        )


def last_audit(store, branch) -> tuple[str, dict]:
    entry = store.audit_entries(branch.id, limit=1)[0]
    return entry["action"], json.loads(entry["detail"])


# ---------------------------------------------------------------------------- add / read


def test_a_talk_is_stored_with_its_talkers_and_leaves_a_trace(store, roster):
    row = talks.add_talk(
        store,
        roster.id,
        talk(
            "003",
            JAN,
            TalkerInput(member_no="001", post="ignored: the roster decides"),
            TalkerInput(name="王局长", post="上级党委"),
            type=TalkType.reminder,
            form=TalkForm.online,
            place=" 党员活动室 ",
            content="了解未参加组织生活的原因",
            absence_from=f"{YEAR - 1}-10",
            absence_step="reminder_talk",
        ),
    )
    assert (row.member_no, row.member_name, row.type, row.form) == (
        "003",
        "赵志远",
        TalkType.reminder,
        TalkForm.online,
    )
    assert row.talkers == (
        talks.TalkerRow("朱海波", "secretary", "001"),
        talks.TalkerRow("王局长", "上级党委", None),
    )
    assert row.place == "党员活动室" and not row.redacted
    assert talks.get_talk(store, roster.id, row.id) == row
    action, detail = last_audit(store, roster)
    assert action == "talk.add"
    assert detail["talk"] == row.id and detail["member_no"] == "003"
    assert detail["talkers"] == ["朱海波", "王局长"]
    assert "了解" not in json.dumps(detail, ensure_ascii=False)  # texts stay out of the log


def test_a_talker_from_the_roster_without_a_post_keeps_the_post_given(store, roster):
    row = talks.add_talk(
        store, roster.id, talk("005", JAN, TalkerInput(member_no="003", post="联系人"))
    )
    assert row.talkers == (talks.TalkerRow("赵志远", "联系人", "003"),)


def test_lists_are_newest_first_page_in_sql_and_filter(store, roster):
    last_year = talks.add_talk(store, roster.id, talk("003", date(YEAR - 1, 12, 30)))
    first = talks.add_talk(store, roster.id, talk("003", JAN, trigger="年初谈心"))
    second = talks.add_talk(store, roster.id, talk("004", JAN, type=TalkType.care, place="家中"))
    third = talks.add_talk(
        store,
        roster.id,
        talk("005", JAN + timedelta(days=1), TalkerInput(name="李老师", post=None)),
    )
    ids = [r.id for r in talks.list_talks(store, roster.id)]
    assert ids == [third.id, second.id, first.id, last_year.id]
    assert [r.id for r in talks.list_talks(store, roster.id, offset=1, limit=2)] == ids[1:3]
    assert [r.id for r in talks.list_talks(store, roster.id, year=YEAR)] == ids[:3]
    assert [r.id for r in talks.list_talks(store, roster.id, member_no="003")] == [
        first.id,
        last_year.id,
    ]
    assert [r.id for r in talks.list_talks(store, roster.id, type=TalkType.care)] == [second.id]
    assert [r.id for r in talks.list_talks(store, roster.id, search="家中")] == [second.id]
    assert [r.id for r in talks.list_talks(store, roster.id, search="李老师")] == [third.id]
    assert [r.id for r in talks.list_talks(store, roster.id, search="年初")] == [first.id]
    assert talks.list_talks(store, roster.id, search="%") == []  # literal, not "anything"
    assert talks.list_talks(store, roster.id, search="_") == []
    assert talks.count_talks(store, roster.id) == 4
    assert talks.count_talks(store, roster.id, year=YEAR, member_no="003") == 1
    assert talks.count_talks(store, roster.id, search="谭晶") == 1
    with pytest.raises(NotFound) as info:
        talks.list_talks(store, roster.id, member_no="999")
    assert info.value.key == "talks.unknown_member"


# ---------------------------------------------------------------------------- confidential


def test_confidential_texts_stay_out_unless_asked_for(store, roster):
    secret = talks.add_talk(
        store,
        roster.id,
        talk(
            "003",
            JAN,
            confidential=True,
            trigger="家访",
            content="家庭困难",
            problems="情绪低落",
            difficulties="母亲住院",
            opinions="希望多关心",
            actions="每月联系",
            follow_up_date=JAN,
            follow_up_result="已好转",
        ),
    )
    open_talk = talks.add_talk(store, roster.id, talk("004", JAN, content="工作顺利"))
    listed = {r.id: r for r in talks.list_talks(store, roster.id)}
    hidden = listed[secret.id]
    assert hidden.redacted and hidden.confidential
    assert all(getattr(hidden, name) is None for name in talks.CONFIDENTIAL_FIELDS)
    assert hidden.trigger == "家访" and hidden.follow_up_date == JAN  # not among the texts
    assert not listed[open_talk.id].redacted and listed[open_talk.id].content == "工作顺利"
    assert talks.get_talk(store, roster.id, secret.id).redacted
    full = talks.get_talk(store, roster.id, secret.id, include_confidential=True)
    assert (full.content, full.difficulties, full.redacted) == ("家庭困难", "母亲住院", False)
    everything = talks.list_talks(store, roster.id, include_confidential=True)
    assert {r.id: r.content for r in everything} == {
        secret.id: "家庭困难",
        open_talk.id: "工作顺利",
    }
    # a search cannot tell what a confidential talk says
    assert talks.list_talks(store, roster.id, search="母亲") == []
    assert talks.count_talks(store, roster.id, search="母亲") == 0
    assert [r.id for r in talks.list_talks(store, roster.id, search="顺利")] == [open_talk.id]


def test_reading_confidential_content_is_audited(store, roster):
    talks.note_confidential_read(store, roster.id, "talks.list", 2)
    assert last_audit(store, roster) == (
        "talk.confidential_read",
        {"count": 2, "purpose": "talks.list"},
    )


# ---------------------------------------------------------------------------- refusals


REFUSALS = [
    ("unknown member", dict(member_no="999"), NotFound, "talks.unknown_member"),
    ("date in the future", dict(on=TODAY + timedelta(days=1)), StoreError, "talks.date_in_future"),
    (
        "follow-up before the talk",
        dict(follow_up_date=JAN - timedelta(days=1)),
        StoreError,
        "talks.follow_up_before_talk",
    ),
    (
        "deadline before the talk",
        dict(action_deadline=JAN - timedelta(days=1)),
        StoreError,
        "talks.deadline_before_talk",
    ),
    ("no talker", dict(no_talkers=True), StoreError, "talks.no_talker"),
    (
        "unknown talker",
        dict(talkers=(TalkerInput(name="王局长"), TalkerInput(member_no="998"))),
        NotFound,
        "talks.unknown_talker",
    ),
    (
        "talker without a name",
        dict(talkers=(TalkerInput(post="书记"),)),
        StoreError,
        "talks.talker_without_name",
    ),
    (
        "talking with oneself",
        dict(talkers=(TalkerInput(member_no="003"),)),
        StoreError,
        "talks.talker_is_member",
    ),
    (
        "unknown ladder step",
        dict(absence_from=f"{YEAR}-01", absence_step="expel"),
        StoreError,
        "talks.bad_absence_step",
    ),
    (
        "absence month not YYYY-MM",
        dict(absence_from="2026-1"),
        StoreError,
        "talks.bad_absence_from",
    ),
    (
        "ladder step without its case",
        dict(absence_step="reminder_talk"),
        StoreError,
        "talks.step_without_case",
    ),
    ("overlong place", dict(place="地" * 201), StoreError, "talks.too_long"),
]


@pytest.mark.parametrize(("case", "change", "error", "key"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_refused_talk_writes_nothing(store, roster, case, change, error, key):
    change = dict(change)
    member_no = change.pop("member_no", "003")
    on = change.pop("on", JAN)
    no_talkers = change.pop("no_talkers", False)
    base = talk(member_no, on, **change)
    if no_talkers:
        base = replace(base, talkers=())
    before = counts(store)
    with pytest.raises(error) as info:
        talks.add_talk(store, roster.id, base)
    assert info.value.key == key
    assert str(info.value) and str(info.value) != key  # a message, not a bare key
    assert counts(store) == before


def test_a_refused_update_changes_nothing(store, roster):
    row = talks.add_talk(store, roster.id, talk("003", JAN, content="原记录"))
    before = counts(store)
    with pytest.raises(NotFound):
        talks.update_talk(
            store, roster.id, row.id, talk("003", JAN, TalkerInput(member_no="998"), content="改")
        )
    assert counts(store) == before
    assert talks.get_talk(store, roster.id, row.id) == row
    with pytest.raises(NotFound) as info:
        talks.update_talk(store, roster.id, 424242, talk())
    assert info.value.key == "talks.not_found"


# ---------------------------------------------------------------------------- update / follow-up


def test_an_update_replaces_fields_and_talkers_and_logs_the_old_values(store, roster):
    row = talks.add_talk(store, roster.id, talk("003", JAN, place="会议室"))
    new = talks.update_talk(
        store,
        roster.id,
        row.id,
        talk("003", JAN, TalkerInput(member_no="002"), place="活动室", type=TalkType.care),
    )
    assert (new.place, new.type) == ("活动室", TalkType.care)
    assert new.talkers == (talks.TalkerRow("胡雅琴", "organization", "002"),)
    action, detail = last_audit(store, roster)
    assert action == "talk.update"
    assert detail["old"] == {"place": "会议室", "type": "routine", "talkers": ["朱海波"]}


def test_an_update_of_a_confidential_talk_names_changed_texts_without_copying_them(store, roster):
    row = talks.add_talk(store, roster.id, talk("003", JAN, content="旧的秘密", confidential=True))
    talks.update_talk(
        store, roster.id, row.id, talk("003", JAN, content="新的秘密", confidential=True)
    )
    _, detail = last_audit(store, roster)
    assert detail["old"] == {"content": "…"}
    assert "秘密" not in json.dumps(detail, ensure_ascii=False)


def test_a_follow_up_is_recorded_once(store, roster):
    row = talks.add_talk(store, roster.id, talk("003", JAN, follow_up_date=JAN + timedelta(days=7)))
    done = talks.record_follow_up(store, roster.id, row.id, JAN + timedelta(days=8), " 已按时参会 ")
    assert (done.follow_up_date, done.follow_up_result) == (JAN + timedelta(days=8), "已按时参会")
    assert last_audit(store, roster)[0] == "talk.follow_up"
    before = counts(store)
    with pytest.raises(Conflict) as info:
        talks.record_follow_up(store, roster.id, row.id, JAN + timedelta(days=9), "再次")
    assert info.value.key == "talks.follow_up_recorded"
    assert counts(store) == before


@pytest.mark.parametrize(
    ("days", "result", "key"),
    [
        (-1, "结果", "talks.follow_up_before_talk"),
        (0, "  ", "talks.follow_up_result_required"),
    ],
)
def test_a_bad_follow_up_is_refused(store, roster, days, result, key):
    row = talks.add_talk(store, roster.id, talk("003", JAN))
    before = counts(store)
    with pytest.raises(StoreError) as info:
        talks.record_follow_up(store, roster.id, row.id, JAN + timedelta(days=days), result)
    assert info.value.key == key
    assert counts(store) == before
    assert talks.get_talk(store, roster.id, row.id).follow_up_result is None


def test_a_follow_up_in_the_future_or_of_no_talk_is_refused(store, roster):
    row = talks.add_talk(store, roster.id, talk("003", JAN))
    with pytest.raises(StoreError) as info:
        talks.record_follow_up(store, roster.id, row.id, TODAY + timedelta(days=1), "结果")
    assert info.value.key == "talks.follow_up_in_future"
    with pytest.raises(NotFound):
        talks.record_follow_up(store, roster.id, 424242, JAN, "结果")


# ---------------------------------------------------------------------------- aggregates


def test_talk_counts_cover_every_member_within_the_year(store, roster):
    talks.add_talk(store, roster.id, talk("003", JAN))
    talks.add_talk(store, roster.id, talk("003", date(YEAR, 1, 1)))
    talks.add_talk(store, roster.id, talk("004", date(YEAR, 1, 20)))
    talks.add_talk(store, roster.id, talk("004", date(YEAR - 1, 12, 31)))
    assert talks.talk_counts(store, roster.id, YEAR) == {
        "001": 0,
        "002": 0,
        "003": 2,
        "004": 1,
        "005": 0,
    }
    assert talks.talk_counts(store, roster.id, YEAR, as_of=date(YEAR, 1, 15))["004"] == 0
    assert talks.talk_counts(store, roster.id, YEAR - 1)["004"] == 1


def test_coverage_is_the_committee_by_members_matrix(store, roster):
    talks.add_talk(store, roster.id, talk("003", JAN, TalkerInput(member_no="001")))
    talks.add_talk(
        store,
        roster.id,
        talk("003", JAN, TalkerInput(member_no="002"), TalkerInput(member_no="001")),
    )
    talks.add_talk(store, roster.id, talk("004", JAN, TalkerInput(member_no="002")))
    talks.add_talk(store, roster.id, talk("005", JAN, TalkerInput(name="王局长", post="上级党委")))
    talks.add_talk(store, roster.id, talk("005", date(YEAR - 1, 6, 1)))  # another year
    cov = talks.coverage(store, roster.id, YEAR)
    assert cov.talkers == [
        ("001", "朱海波", CommitteePost.secretary),
        ("002", "胡雅琴", CommitteePost.organization),
    ]  # a group leader is not on the committee
    assert [no for no, _ in cov.members] == ["001", "002", "003", "004", "005"]
    assert cov.counts == {("001", "003"): 2, ("002", "003"): 1, ("002", "004"): 1}
    assert cov.totals == {"001": 0, "002": 0, "003": 2, "004": 1, "005": 1}


def test_follow_ups_due_are_the_open_ones_within_the_window(store, roster):
    def planned(member_no: str, days: int, **kw):
        return talks.add_talk(
            store,
            roster.id,
            talk(
                member_no,
                TODAY - timedelta(days=30),
                follow_up_date=TODAY + timedelta(days=days),
                **kw,
            ),
        )

    overdue = planned("003", -3)
    soon = planned("004", 14, confidential=True, content="秘密")
    later = planned("005", 15)  # beyond the default window of 14 days
    done = planned("003", -1)
    talks.record_follow_up(store, roster.id, done.id, TODAY, "已回访")
    due = talks.follow_ups_due(store, roster.id, TODAY)
    assert [r.id for r in due] == [overdue.id, soon.id]
    assert due[1].redacted and due[1].content is None
    wider = talks.follow_ups_due(store, roster.id, TODAY, days=15)
    assert [r.id for r in wider] == [overdue.id, soon.id, later.id]  # the done one never


def test_answers_are_the_talks_linked_to_absence_cases_oldest_first(store, roster):
    case = f"{YEAR - 1}-10"
    later = talks.add_talk(
        store,
        roster.id,
        talk(
            "003",
            date(YEAR, 1, 20),
            type=TalkType.warning,
            absence_from=case,
            absence_step="warning_notice",
        ),
    )
    earlier = talks.add_talk(
        store,
        roster.id,
        talk("003", JAN, type=TalkType.reminder, absence_from=case, absence_step="reminder_talk"),
    )
    talks.add_talk(store, roster.id, talk("004", JAN))  # answers nothing
    found = talks.answers(store, roster.id)
    assert list(found) == ["003"]
    assert [(r.id, r.absence_step) for r in found["003"]] == [
        (earlier.id, "reminder_talk"),
        (later.id, "warning_notice"),
    ]


def test_talks_of_another_branch_stay_apart(store, roster):
    other = store.create_branch("第二党支部")
    store.add_members(other.id, [MemberInput("003", "另一人", MemberStatus.full)])
    row = talks.add_talk(store, roster.id, talk("003", JAN))
    assert talks.list_talks(store, other.id) == []
    with pytest.raises(NotFound):
        talks.get_talk(store, other.id, row.id)
