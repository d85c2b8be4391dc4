"""A talk's texts live in ``talk_text`` (0012): moved there by the upgrade with nothing lost,
written with the talk in one transaction, and a talk whose text row a reader cannot see
(PostgreSQL's row-level security) is read with its texts hidden, never as empty texts."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from alembic import command
from sqlalchemy import delete, func, select, text

from orglife_tui.data import talks
from orglife_tui.data.engine import make_engine
from orglife_tui.data.errors import StoreError
from orglife_tui.data.migrate import _config
from orglife_tui.data.models import talk_t, talk_text_t, talker_t
from orglife_tui.data.store import Store
from orglife_tui.data.talks import TalkerInput, TalkInput
from orglife_tui.domain import MemberStatus, TalkType
from orglife_tui.domain.records import MemberInput

TODAY = date(2026, 12, 5)
ON = date(2026, 3, 2)
TEXTS = {
    "content": "谈了学习情况",
    "problems": "学习不够深入",
    "difficulties": "家中老人生病",
    "opinions": "希望多组织实践活动",
    "actions": "每周自学两小时",
    "follow_up_result": "已落实",
}


def _at_0010(db_url: str) -> None:
    """A database at 0010 with one branch, two members and two talks as 0010 stored them:
    texts in ``talk`` itself, one confidential with a follow-up result, one without."""
    engine = make_engine(db_url)
    cfg = _config()
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO branch (id, name, created_at) VALUES (1, '第一党支部', :at)"),
            {"at": now},
        )
        for member_id, no, name in ((1, "001", "朱海波"), (2, "003", "赵志远")):
            conn.execute(
                text(
                    "INSERT INTO member (id, branch_id, member_no, name, status) "
                    "VALUES (:id, 1, :no, :name, 'full')"
                ),
                {"id": member_id, "no": no, "name": name},
            )
        conn.execute(
            text(
                "INSERT INTO talk (id, branch_id, member_id, date, form, type, trigger, "
                "content, problems, difficulties, opinions, actions, follow_up_date, "
                "follow_up_result, confidential, operator, created_at) VALUES (7, 1, 2, :on, "
                "'one_to_one', 'routine', '例行谈话', :content, :problems, :difficulties, "
                ":opinions, :actions, :on, :follow_up_result, TRUE, 'old', :at)"
            ),
            {"on": ON, "at": now, **TEXTS},
        )
        conn.execute(
            text(
                "INSERT INTO talk (id, branch_id, member_id, date, form, type, "
                "follow_up_date, confidential, operator, created_at) "
                "VALUES (8, 1, 2, :on, 'one_to_one', 'routine', :on, FALSE, 'old', :at)"
            ),
            {"on": ON, "at": now},
        )
        for talk_id in (7, 8):
            conn.execute(
                text(
                    "INSERT INTO talk_talker (talk_id, position, member_id, name) "
                    "VALUES (:id, 1, 1, '朱海波')"
                ),
                {"id": talk_id},
            )
    engine.dispose()


def _upgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()


def test_the_upgrade_moves_every_talks_texts_and_keeps_its_talkers(fresh_db_url):
    _at_0010(fresh_db_url)
    _upgrade(fresh_db_url)
    store = Store.open(fresh_db_url, operator="tester")
    try:
        store.today = lambda: TODAY  # type: ignore[method-assign]
        row = talks.get_talk(store, 1, 7, include_confidential=True)
        assert {name: getattr(row, name) for name in TEXTS} == TEXTS
        assert (row.trigger, row.confidential, row.texts_hidden) == ("例行谈话", True, False)
        assert [k.name for k in row.talkers] == ["朱海波"]
        plain = talks.get_talk(store, 1, 8)
        assert plain.content is None and not plain.texts_hidden and not plain.redacted
        with store.read_connection() as conn:
            assert conn.scalar(select(func.count()).select_from(talker_t)) == 2
            assert conn.scalar(select(func.count()).select_from(talk_text_t)) == 2
            done = dict(conn.execute(select(talk_t.c.id, talk_t.c.follow_up_done)).all())
        assert done == {7: True, 8: False}
        # the follow-up recorded before the upgrade is no longer due; the other one is
        assert [t.id for t in talks.follow_ups_due(store, 1, TODAY)] == [8]
    finally:
        store.close()


def test_a_downgrade_puts_the_texts_back_into_the_talk(fresh_db_url):
    _at_0010(fresh_db_url)
    _upgrade(fresh_db_url)
    engine = make_engine(fresh_db_url)
    cfg = _config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0010")
        with engine.connect() as conn:
            row = conn.execute(text(f"SELECT {', '.join(TEXTS)} FROM talk WHERE id = 7")).one()
            assert dict(zip(TEXTS, row)) == TEXTS
            assert conn.execute(text("SELECT content FROM talk WHERE id = 8")).scalar() is None
            assert conn.execute(text("SELECT count(*) FROM talk_talker")).scalar() == 2
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------- hidden texts


@pytest.fixture
def secretary_talk(store, branch):
    """A non-confidential talk with texts, with secretary 001 and member 003."""
    store.today = lambda: TODAY  # type: ignore[method-assign]
    store.add_members(
        branch.id,
        [
            MemberInput("001", "朱海波", MemberStatus.full),
            MemberInput("003", "赵志远", MemberStatus.full),
        ],
    )
    store.set_records_start(branch.id, date(2026, 1, 1))
    return talks.add_talk(
        store,
        branch.id,
        TalkInput(
            date=ON,
            member_no="003",
            type=TalkType.routine,
            talkers=(TalkerInput(member_no="001"),),
            trigger="例行谈话",
            follow_up_date=ON,
            **TEXTS,
        ),
    )


def _hide_texts(store: Store, talk_id: int) -> None:
    """What row-level security does for a reader not allowed the texts: no text row."""
    with store.write_transaction() as conn:
        conn.execute(delete(talk_text_t).where(talk_text_t.c.talk_id == talk_id))


def test_a_talk_and_its_texts_are_written_together(store, branch, secretary_talk):
    with store.read_connection() as conn:
        stored = conn.execute(
            select(talk_text_t).where(talk_text_t.c.talk_id == secretary_talk.id)
        ).one()
    assert {name: stored._mapping[name] for name in TEXTS} == TEXTS


def test_a_talk_whose_text_row_is_not_visible_is_read_as_hidden(store, branch, secretary_talk):
    _hide_texts(store, secretary_talk.id)
    for row in (
        talks.get_talk(store, branch.id, secretary_talk.id, include_confidential=True),
        *talks.list_talks(store, branch.id, year=ON.year, include_confidential=True),
    ):
        assert row.texts_hidden and row.redacted
        assert all(getattr(row, name) is None for name in TEXTS)
        # what the talk table holds stays readable
        assert (row.date, row.trigger, row.member_no) == (ON, "例行谈话", "003")
        with pytest.raises(ValueError):  # editing it would wipe texts the reader never saw
            row.as_input()
    assert talks.count_talks(store, branch.id, year=ON.year) == 1


def test_a_hidden_talks_recorded_follow_up_is_not_shown_as_due(store, branch, secretary_talk):
    _hide_texts(store, secretary_talk.id)
    # the result is hidden with the texts; that it was recorded is in the talk itself
    assert talks.follow_ups_due(store, branch.id, TODAY) == []


def test_a_hidden_talk_cannot_be_changed_by_its_reader(store, branch, secretary_talk):
    full = secretary_talk.as_input()
    _hide_texts(store, secretary_talk.id)
    with pytest.raises(StoreError) as refused:
        talks.update_talk(store, branch.id, secretary_talk.id, full)
    assert refused.value.key == "talk_text.hidden_unchanged"
    with pytest.raises(StoreError):
        talks.record_follow_up(store, branch.id, secretary_talk.id, TODAY, "再次回访")
    with store.read_connection() as conn:
        assert conn.scalar(select(func.count()).select_from(talk_text_t)) == 0


def test_a_search_never_matches_texts_it_cannot_see(store, branch, secretary_talk):
    assert talks.count_talks(store, branch.id, search="老人生病") == 1
    _hide_texts(store, secretary_talk.id)
    assert talks.count_talks(store, branch.id, search="老人生病") == 0
    assert talks.count_talks(store, branch.id, search="例行") == 1
