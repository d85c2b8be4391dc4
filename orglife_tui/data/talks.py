# Over 600 lines: talks, follow-ups and the coverage matrix share one set of row readers.
"""Heart-to-heart talks (谈心谈话): storage, listings, coverage and follow-ups.

Every write runs in one transaction with its audit-log row, and is checked inside that
transaction before anything is inserted: a refused talk leaves no trace but the refusal.
A talker given by member number takes name and post from the roster (the post is the
member's committee post key, when the member holds one).

The texts of a talk (``CONFIDENTIAL_FIELDS``) live in ``talk_text``, one row per talk,
written with the talk in one transaction and read through a LEFT OUTER JOIN: on
PostgreSQL, row-level security may hide that row from a reader, and a talk whose text row
is not there is read with ``texts_hidden`` (never as a talk with empty texts), and cannot
be changed by that reader.

Confidential talks keep their texts out of every read unless ``include_confidential`` is
asked for; the texts are then not even selected. A caller that shows or exports them
calls ``note_confidential_read`` first, which leaves the audit event. Searches never look
into confidential texts, so a search cannot tell what they say.

Reads are Core selects returning frozen dataclasses; lists page in SQL; counts and the
coverage matrix are SQL ``GROUP BY``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import (
    Connection,
    and_,
    case,
    delete,
    exists,
    false,
    func,
    insert,
    null,
    or_,
    select,
    true,
    update,
)

from orglife_tui.data.errors import Conflict, NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.membership import in_branch_on
from orglife_tui.data.models import (
    inserted_id,
    member_t,
    talk_t,
    talk_text_t,
    talker_t,
)
from orglife_tui.data.rows import MEMBERSHIP_COLUMNS, member_join
from orglife_tui.data.store import Store, membership_problem, records_start_of, start_problem
from orglife_tui.domain import (
    COMMITTEE_POST_ORDER,
    COMMITTEE_POSTS,
    CommitteePost,
    LadderAction,
    TalkForm,
    TalkType,
    natural_key,
    stripped_or_none,
)
from orglife_tui.domain.talks import (
    CONFIDENTIAL_FIELDS,
    LONG_TEXT_FIELDS,
    TalkerInput,
    TalkerRow,
    TalkInput,
    TalkRow,
)

# Column limits of the talk tables (models.py), checked before writing.
_LIMITS = {"place": 200, "recorder": 100, "trigger": 500}
_TALKER_NAME_LIMIT = 100
_TALKER_POST_LIMIT = 50
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# Talk ids per IN list when fetching the talkers of a page.
_CHUNK = 500


@dataclass(frozen=True)
class Coverage:
    """Who on the committee talked with whom in a year (the talks screen's matrix)."""

    talkers: list[tuple[str, str, CommitteePost]]  # committee members: (member_no, name, post)
    members: list[tuple[str, str]]  # the members in the branch on ``on``: (member_no, name)
    counts: dict[tuple[str, str], int]  # (talker's member_no, member_no) -> talks
    totals: dict[str, int]  # member_no -> talks in the year (any talker)
    on: date | None = None  # the day the roster is taken on (see ``coverage``)


# ---------------------------------------------------------------------------- checks


def _member(conn: Connection, branch_id: int, member_no: str, key: str):
    row = conn.execute(
        select(
            member_t.c.id,
            *MEMBERSHIP_COLUMNS,
            member_t.c.post,
        ).where(
            member_t.c.branch_id == branch_id, member_t.c.member_no == (member_no or "").strip()
        )
    ).first()
    if row is None:
        raise NotFound(key, member_no=member_no)
    return row


def _check_dates(talk: TalkInput, today: date) -> None:
    if talk.date > today:
        raise StoreError("talks.date_in_future", date=talk.date.isoformat())
    if talk.action_deadline is not None and talk.action_deadline < talk.date:
        raise StoreError(
            "talks.deadline_before_talk",
            deadline=talk.action_deadline.isoformat(),
            date=talk.date.isoformat(),
        )
    if talk.follow_up_date is not None and talk.follow_up_date < talk.date:
        raise StoreError(
            "talks.follow_up_before_talk",
            follow_up=talk.follow_up_date.isoformat(),
            date=talk.date.isoformat(),
        )


def _check_case(talk: TalkInput) -> None:
    if talk.absence_from is not None and not _MONTH.match(talk.absence_from):
        raise StoreError("talks.bad_absence_from", value=talk.absence_from)
    if talk.absence_step is not None:
        if talk.absence_step not in {a.value for a in LadderAction}:
            raise StoreError(
                "talks.bad_absence_step",
                value=talk.absence_step,
                known=", ".join(a.value for a in LadderAction),
            )
        if talk.absence_from is None:
            raise StoreError("talks.step_without_case")


def _field(name: str) -> str:
    from orglife_tui.locale import t

    return t(f"field.{name}")


def _check_lengths(talk: TalkInput) -> None:
    for name, limit in _LIMITS.items():
        value = getattr(talk, name)
        if value is not None and len(value) > limit:
            raise StoreError("talks.too_long", field=_field(name), limit=limit)
        refuse_unsafe_text(f"field.{name}", value)
    for name in sorted(LONG_TEXT_FIELDS):
        refuse_unsafe_text(f"field.{name}", getattr(talk, name), multiline=True)
    for k in talk.talkers:
        for value in (k.name, k.post, k.member_no):
            refuse_unsafe_text("field.talkers", value)


def _talker_values(
    conn: Connection, branch_id: int, talk: TalkInput, member_id: int
) -> list[dict[str, object]]:
    """The ``talk_talker`` rows of a talk (without ``talk_id``), names and posts of branch
    members taken from the roster."""
    if not talk.talkers:
        raise StoreError("talks.no_talker")
    rows: list[dict[str, object]] = []
    for position, k in enumerate(talk.talkers, start=1):
        if stripped_or_none(k.member_no):
            m = _member(conn, branch_id, k.member_no or "", "talks.unknown_talker")
            if m.id == member_id:
                raise StoreError("talks.talker_is_member", member_no=m.member_no)
            rows.append(
                {
                    "position": position,
                    "member_id": m.id,
                    "name": m.name,
                    "post": m.post or stripped_or_none(k.post),
                }
            )
            continue
        name = stripped_or_none(k.name)
        if name is None:
            raise StoreError("talks.talker_without_name", position=position)
        post = stripped_or_none(k.post)
        if len(name) > _TALKER_NAME_LIMIT:
            raise StoreError("talks.too_long", field=_field("talkers"), limit=_TALKER_NAME_LIMIT)
        if post is not None and len(post) > _TALKER_POST_LIMIT:
            raise StoreError("talks.too_long", field=_field("talkers"), limit=_TALKER_POST_LIMIT)
        rows.append({"position": position, "member_id": None, "name": name, "post": post})
    return rows


def _check_record_date(conn: Connection, branch_id: int, member, on: date) -> None:
    """A talk lies within the branch's records, with a member of the branch that day."""
    problem = start_problem(on, records_start_of(conn, branch_id))
    problem = problem or membership_problem(member, on)
    if problem is not None:
        key, params = problem
        raise StoreError(key, **params)


def _validated(conn: Connection, branch_id: int, talk: TalkInput, today: date):
    """(the member talked to, the talker rows) or a refusal; nothing written yet."""
    member = _member(conn, branch_id, talk.member_no, "talks.unknown_member")
    _check_dates(talk, today)
    _check_record_date(conn, branch_id, member, talk.date)
    _check_case(talk)
    _check_lengths(talk)
    return member, _talker_values(conn, branch_id, talk, member.id)


def talk_values(talk: TalkInput) -> tuple[dict[str, object], dict[str, object]]:
    """The columns of a talk's ``talk`` row and of its ``talk_text`` row (without ids)."""
    texts: dict[str, object] = {
        name: stripped_or_none(getattr(talk, name)) for name in CONFIDENTIAL_FIELDS
    }
    values: dict[str, object] = {
        "date": talk.date,
        "place": stripped_or_none(talk.place),
        "form": TalkForm(talk.form).value,
        "type": TalkType(talk.type).value,
        "recorder": stripped_or_none(talk.recorder),
        "trigger": stripped_or_none(talk.trigger),
        "action_deadline": talk.action_deadline,
        "follow_up_date": talk.follow_up_date,
        "follow_up_done": texts["follow_up_result"] is not None,
        "confidential": bool(talk.confidential),
        "absence_from": talk.absence_from,
        "absence_step": talk.absence_step,
    }
    return values, texts


def _text_join(table=None):
    """``table`` (by default the talks joined to their members) with each talk's text row,
    when the reader can see it."""
    base = member_join(talk_t) if table is None else table
    return base.outerjoin(talk_text_t, talk_text_t.c.talk_id == talk_t.c.id)


def _existing(conn: Connection, branch_id: int, talk_id: int):
    """The talk with its texts; refused when the talk is not there or its texts are hidden
    from this reader (a change would overwrite texts they never saw)."""
    row = conn.execute(
        select(
            talk_t,
            *(talk_text_t.c[name] for name in CONFIDENTIAL_FIELDS),
            talk_text_t.c.talk_id.label("text_row"),
        )
        .select_from(_text_join(talk_t))
        .where(talk_t.c.id == talk_id, talk_t.c.branch_id == branch_id)
    ).first()
    if row is None:
        raise NotFound("talks.not_found", id=talk_id)
    if row.text_row is None:
        raise StoreError("talk_text.hidden_unchanged", id=talk_id)
    return row


# ---------------------------------------------------------------------------- writing


def add_talk(store: Store, branch_id: int, talk: TalkInput) -> TalkRow:
    """Record a talk. Refused (nothing written) for an unknown member or talker, a talk in
    the future, a deadline or follow-up before the talk, no talker, a bad absence case."""
    with store.write_transaction() as conn:
        member, talkers = _validated(conn, branch_id, talk, store.today())
        values, texts = talk_values(talk)
        talk_id = inserted_id(
            conn.execute(
                insert(talk_t).values(
                    branch_id=branch_id,
                    member_id=member.id,
                    operator=store.operator,
                    created_at=datetime.now(timezone.utc),
                    **values,
                )
            )
        )
        conn.execute(insert(talk_text_t).values(talk_id=talk_id, **texts))
        conn.execute(insert(talker_t), [{"talk_id": talk_id, **k} for k in talkers])
        store.audit(
            conn,
            branch_id,
            "talk.add",
            talk=talk_id,
            member_no=member.member_no,
            date=talk.date.isoformat(),
            type=values["type"],
            talkers=[k["name"] for k in talkers],
            confidential=values["confidential"],
            absence_from=talk.absence_from,
        )
    return get_talk(store, branch_id, talk_id, include_confidential=True)


def _changes(old, new: dict[str, object], confidential: bool) -> dict[str, object]:
    """Old values of the changed columns for the audit log; the texts of a confidential
    talk are named, never copied into the log."""
    out: dict[str, object] = {}
    for name, value in new.items():
        before = old._mapping[name]
        if name == "confidential":
            before = bool(before)
        if before != value:
            out[name] = "…" if confidential and name in CONFIDENTIAL_FIELDS else before
    return out


def update_talk(store: Store, branch_id: int, talk_id: int, talk: TalkInput) -> TalkRow:
    """Replace a talk's fields and talkers (same refusals as ``add_talk``); the audit event
    keeps the old values of what changed."""
    with store.write_transaction() as conn:
        old = _existing(conn, branch_id, talk_id)
        member, talkers = _validated(conn, branch_id, talk, store.today())
        values, texts = talk_values(talk)
        values["member_id"] = member.id
        secret = bool(old.confidential) or bool(talk.confidential)
        changed = _changes(old, {**values, **texts}, secret)
        changed.pop("follow_up_done", None)  # follows from the result, logged as such
        old_talkers = [
            r.name
            for r in conn.execute(
                select(talker_t.c.name)
                .where(talker_t.c.talk_id == talk_id)
                .order_by(talker_t.c.position)
            )
        ]
        conn.execute(update(talk_t).where(talk_t.c.id == talk_id).values(**values))
        conn.execute(update(talk_text_t).where(talk_text_t.c.talk_id == talk_id).values(**texts))
        conn.execute(delete(talker_t).where(talker_t.c.talk_id == talk_id))
        conn.execute(insert(talker_t), [{"talk_id": talk_id, **k} for k in talkers])
        new_talkers = [k["name"] for k in talkers]
        if new_talkers != old_talkers:
            changed["talkers"] = old_talkers
        store.audit(
            conn,
            branch_id,
            "talk.update",
            talk=talk_id,
            member_no=member.member_no,
            old=changed,
        )
    return get_talk(store, branch_id, talk_id, include_confidential=True)


def record_follow_up(store: Store, branch_id: int, talk_id: int, on: date, result: str) -> TalkRow:
    """The follow-up of a talk: when it happened and what came of it (once; a correction
    goes through ``update_talk``)."""
    text = stripped_or_none(result)
    with store.write_transaction() as conn:
        old = _existing(conn, branch_id, talk_id)
        if text is None:
            raise StoreError("talks.follow_up_result_required")
        if on < old.date:
            raise StoreError(
                "talks.follow_up_before_talk", follow_up=on.isoformat(), date=old.date.isoformat()
            )
        if on > store.today():
            raise StoreError("talks.follow_up_in_future", date=on.isoformat())
        if old.follow_up_done:
            raise Conflict("talks.follow_up_recorded", id=talk_id)
        conn.execute(
            update(talk_t)
            .where(talk_t.c.id == talk_id)
            .values(follow_up_date=on, follow_up_done=True)
        )
        conn.execute(
            update(talk_text_t)
            .where(talk_text_t.c.talk_id == talk_id)
            .values(follow_up_result=text)
        )
        store.audit(
            conn,
            branch_id,
            "talk.follow_up",
            talk=talk_id,
            date=on.isoformat(),
            planned=old.follow_up_date.isoformat() if old.follow_up_date else None,
        )
    return get_talk(store, branch_id, talk_id, include_confidential=True)


def note_confidential_read(store: Store, branch_id: int, purpose: str, count: int) -> None:
    """The audit event of a listing or an export that includes confidential content."""
    with store.write_transaction() as conn:
        store.audit(conn, branch_id, "talk.confidential_read", purpose=purpose, count=count)


# ---------------------------------------------------------------------------- reading


def _select(include_confidential: bool):
    def text(name: str):
        col = talk_text_t.c[name]
        if include_confidential:
            return col
        return case((talk_t.c.confidential == true(), null()), else_=col).label(name)

    return select(
        talk_t.c.id,
        talk_t.c.date,
        member_t.c.member_no,
        member_t.c.name.label("member_name"),
        talk_t.c.type,
        talk_t.c.form,
        talk_t.c.place,
        talk_t.c.recorder,
        talk_t.c.trigger,
        *(text(name) for name in CONFIDENTIAL_FIELDS),
        talk_t.c.action_deadline,
        talk_t.c.follow_up_date,
        talk_t.c.confidential,
        talk_t.c.absence_from,
        talk_t.c.absence_step,
        talk_text_t.c.talk_id.label("text_row"),
    ).select_from(_text_join())


def _talkers(conn: Connection, talk_ids: Sequence[int]) -> dict[int, tuple[TalkerRow, ...]]:
    out: dict[int, list[TalkerRow]] = {}
    for start in range(0, len(talk_ids), _CHUNK):
        chunk = list(talk_ids[start : start + _CHUNK])
        rows = conn.execute(
            select(talker_t.c.talk_id, talker_t.c.name, talker_t.c.post, member_t.c.member_no)
            .select_from(talker_t.outerjoin(member_t, member_t.c.id == talker_t.c.member_id))
            .where(talker_t.c.talk_id.in_(chunk))
            .order_by(talker_t.c.talk_id, talker_t.c.position)
        )
        for r in rows:
            out.setdefault(r.talk_id, []).append(TalkerRow(r.name, r.post, r.member_no))
    return {k: tuple(v) for k, v in out.items()}


def _rows(conn: Connection, stmt, include_confidential: bool) -> list[TalkRow]:
    found = conn.execute(stmt).all()
    talkers = _talkers(conn, [r.id for r in found])
    out = []
    for r in found:
        secret = bool(r.confidential)
        hidden = r.text_row is None
        out.append(
            TalkRow(
                id=r.id,
                date=r.date,
                member_no=r.member_no,
                member_name=r.member_name,
                type=TalkType(r.type),
                form=TalkForm(r.form),
                talkers=talkers.get(r.id, ()),
                place=r.place,
                recorder=r.recorder,
                trigger=r.trigger,
                content=r.content,
                problems=r.problems,
                difficulties=r.difficulties,
                opinions=r.opinions,
                actions=r.actions,
                action_deadline=r.action_deadline,
                follow_up_date=r.follow_up_date,
                follow_up_result=r.follow_up_result,
                confidential=secret,
                absence_from=r.absence_from,
                absence_step=r.absence_step,
                redacted=hidden or (secret and not include_confidential),
                texts_hidden=hidden,
            )
        )
    return out


def get_talk(
    store: Store, branch_id: int, talk_id: int, include_confidential: bool = False
) -> TalkRow:
    with store.read_connection() as conn:
        rows = _rows(
            conn,
            _select(include_confidential).where(
                talk_t.c.id == talk_id, talk_t.c.branch_id == branch_id
            ),
            include_confidential,
        )
    if not rows:
        raise NotFound("talks.not_found", id=talk_id)
    return rows[0]


def _year_bounds(year: int) -> list:
    return [talk_t.c.date >= date(year, 1, 1), talk_t.c.date <= date(year, 12, 31)]


def _filters(
    conn: Connection,
    branch_id: int,
    year: int | None,
    member_no: str | None,
    type: TalkType | None,
    search: str | None,
) -> list:
    cond = [talk_t.c.branch_id == branch_id]
    if year is not None:
        cond += _year_bounds(year)
    if member_no is not None:
        cond.append(
            talk_t.c.member_id == _member(conn, branch_id, member_no, "talks.unknown_member").id
        )
    if type is not None:
        cond.append(talk_t.c.type == TalkType(type).value)
    words = (search or "").strip()
    if words:
        # Literal: a % or _ typed in the search box matches itself, not "anything".
        def like(column):
            return column.icontains(words, autoescape=True)

        # The texts a reader cannot see (no text row) never match. An alias: the listing
        # joins ``talk_text`` too, and the subquery must not correlate to that join.
        texts = talk_text_t.alias("searched_text")
        open_texts = exists().where(
            texts.c.talk_id == talk_t.c.id,
            or_(*(like(texts.c[name]) for name in CONFIDENTIAL_FIELDS)),
        )
        cond.append(
            or_(
                like(member_t.c.name),
                like(member_t.c.member_no),
                like(talk_t.c.place),
                like(talk_t.c.recorder),
                like(talk_t.c.trigger),
                exists().where(talker_t.c.talk_id == talk_t.c.id, like(talker_t.c.name)),
                and_(talk_t.c.confidential == false(), open_texts),
            )
        )
    return cond


def list_talks(
    store: Store,
    branch_id: int,
    *,
    year: int | None = None,
    member_no: str | None = None,
    type: TalkType | None = None,
    search: str | None = None,
    offset: int = 0,
    limit: int | None = None,
    include_confidential: bool = False,
) -> list[TalkRow]:
    """Talks newest first, paged in SQL. ``search`` looks in the member's name and number,
    the talkers' names, place, recorder, trigger and the texts of talks not confidential."""
    with store.read_connection() as conn:
        stmt = (
            _select(include_confidential)
            .where(*_filters(conn, branch_id, year, member_no, type, search))
            .order_by(talk_t.c.date.desc(), talk_t.c.id.desc())
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return _rows(conn, stmt, include_confidential)


def count_talks(
    store: Store,
    branch_id: int,
    *,
    year: int | None = None,
    member_no: str | None = None,
    type: TalkType | None = None,
    search: str | None = None,
) -> int:
    with store.read_connection() as conn:
        stmt = (
            select(func.count())
            .select_from(member_join(talk_t))
            .where(*_filters(conn, branch_id, year, member_no, type, search))
        )
        return int(conn.scalar(stmt) or 0)


def talk_counts(
    store: Store, branch_id: int, year: int, as_of: date | None = None
) -> dict[str, int]:
    """Every member of the branch -> talks held with them in ``year`` (up to ``as_of``)."""
    end = date(year, 12, 31)
    if as_of is not None:
        end = min(end, as_of)
    on = and_(
        talk_t.c.member_id == member_t.c.id,
        talk_t.c.date >= date(year, 1, 1),
        talk_t.c.date <= end,
    )
    with store.read_connection() as conn:
        rows = conn.execute(
            select(member_t.c.member_no, func.count(talk_t.c.id))
            .select_from(member_t.outerjoin(talk_t, on))
            .where(member_t.c.branch_id == branch_id)
            .group_by(member_t.c.member_no)
        )
        return {no: int(n) for no, n in rows}


def coverage_day(year: int, today: date) -> date:
    """The day a year's talk coverage takes its roster on: the year's last day once it is
    over, today during it (the first day of a year still to come)."""
    return min(date(year, 12, 31), max(date(year, 1, 1), today))


def coverage(store: Store, branch_id: int, year: int, on: date | None = None) -> Coverage:
    """The committee × members matrix of a year's talks.

    The members and the committee are those in the branch on ``on`` (by default
    ``coverage_day`` of the store's today): a member who left during the year needs no
    talk any more and a committee member who left talks no more; the talks held with or by
    them still count in the totals of the others.
    """
    on = on or coverage_day(year, store.today())
    talker_m = member_t.alias("talker_m")
    talked_m = member_t.alias("talked_m")
    posts = [p.value for p in COMMITTEE_POSTS]
    with store.read_connection() as conn:
        committee = conn.execute(
            select(member_t.c.member_no, member_t.c.name, member_t.c.post).where(
                member_t.c.branch_id == branch_id, member_t.c.post.in_(posts), in_branch_on(on)
            )
        ).all()
        members = conn.execute(
            select(member_t.c.member_no, member_t.c.name)
            .where(member_t.c.branch_id == branch_id, in_branch_on(on))
            .order_by(member_t.c.sort_key, member_t.c.member_no)
        ).all()
        pairs = conn.execute(
            select(
                talker_m.c.member_no.label("talker_no"),
                talked_m.c.member_no.label("member_no"),
                func.count(func.distinct(talk_t.c.id)),
            )
            .select_from(
                talk_t.join(talker_t, talker_t.c.talk_id == talk_t.c.id)
                .join(talker_m, talker_m.c.id == talker_t.c.member_id)
                .join(talked_m, talked_m.c.id == talk_t.c.member_id)
            )
            .where(talk_t.c.branch_id == branch_id, *_year_bounds(year))
            .group_by(talker_m.c.member_no, talked_m.c.member_no)
        ).all()
    rank = {p: i for i, p in enumerate(COMMITTEE_POST_ORDER)}
    talkers = sorted(
        ((r.member_no, r.name, CommitteePost(r.post)) for r in committee),
        key=lambda x: (rank.get(x[2], len(rank)), natural_key(x[0])),
    )
    return Coverage(
        talkers=talkers,
        members=[(r.member_no, r.name) for r in members],
        counts={(r.talker_no, r.member_no): int(r[2]) for r in pairs},
        totals=talk_counts(store, branch_id, year),
        on=on,
    )


def follow_ups_due(store: Store, branch_id: int, today: date, days: int = 14) -> list[TalkRow]:
    """Talks whose follow-up is planned by ``today + days`` and has no result yet (overdue
    ones included), soonest first. Confidential texts are left out."""
    with store.read_connection() as conn:
        stmt = (
            _select(False)
            .where(
                talk_t.c.branch_id == branch_id,
                talk_t.c.follow_up_date.is_not(None),
                talk_t.c.follow_up_done == false(),
                talk_t.c.follow_up_date <= today + timedelta(days=days),
            )
            .order_by(talk_t.c.follow_up_date, talk_t.c.id)
        )
        return _rows(conn, stmt, False)


def answers(store: Store, branch_id: int) -> dict[str, list[TalkRow]]:
    """member_no -> the talks that answer an absence case (``absence_from`` set), oldest
    first. Confidential texts are left out."""
    with store.read_connection() as conn:
        stmt = (
            _select(False)
            .where(talk_t.c.branch_id == branch_id, talk_t.c.absence_from.is_not(None))
            .order_by(talk_t.c.date, talk_t.c.id)
        )
        rows = _rows(conn, stmt, False)
    out: dict[str, list[TalkRow]] = {}
    for r in rows:
        out.setdefault(r.member_no, []).append(r)
    return out


__all__ = [
    "CONFIDENTIAL_FIELDS",
    "Coverage",
    "TalkInput",
    "TalkRow",
    "TalkerInput",
    "TalkerRow",
    "add_talk",
    "answers",
    "count_talks",
    "coverage",
    "coverage_day",
    "follow_ups_due",
    "get_talk",
    "list_talks",
    "note_confidential_read",
    "record_follow_up",
    "talk_counts",
    "talk_values",
    "update_talk",
]
