"""Attendance points kept in line with the marks: the entries wanted under the scheme, the
differences from those written, and the sync that adds and reverses to match."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import (
    Connection,
    Date,
    Float,
    Integer,
    RowMapping,
    String,
    cast,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)

from orglife_tui.data.ledger.common import _MAX_IN, ATTENDANCE, SyncResult
from orglife_tui.data.ledger.entries import _reversal_of
from orglife_tui.data.ledger.links import _amount, _as_date, _Chain
from orglife_tui.data.membership import member_away
from orglife_tui.data.models import attendance_t, ledger_t, meeting_t, mtype_t
from orglife_tui.data.store import Store
from orglife_tui.domain import AttendanceStatus, MeetingType
from orglife_tui.scoring.model import Register, Scheme


def _desired_select(
    branch_id: int,
    scheme: Scheme,
    meeting_ids: Sequence[int] | None = None,
    member_ids: Sequence[int] | None = None,
    start: date | None = None,
    end: date | None = None,
):
    """(member_id, item_code, meeting_id, points, entry_date) of every derived occurrence.

    One row per mark and derived item whose status matches and whose meeting counts as one
    of the item's types (a meeting of two matching types is still one occurrence). None
    when the scheme derives nothing.
    """
    parts = []
    for item in scheme.derived_items:
        rule = item.derive
        assert rule is not None
        cond = [
            meeting_t.c.branch_id == branch_id,
            meeting_t.c.voided_at.is_(None),  # a voided meeting earns nothing
            attendance_t.c.status == rule.attendance.value,
            exists().where(
                mtype_t.c.meeting_id == meeting_t.c.id,
                mtype_t.c.type.in_([t.value for t in rule.meeting_types]),
            ),
        ]
        if rule.attendance is AttendanceStatus.absent:
            # Away (流动) the member takes part elsewhere: an absence here costs nothing.
            cond.append(~member_away(attendance_t.c.member_id, meeting_t.c.date))
        if meeting_ids is not None:
            cond.append(attendance_t.c.meeting_id.in_(list(meeting_ids)))
        if member_ids is not None:
            cond.append(attendance_t.c.member_id.in_(list(member_ids)))
        if start is not None:
            cond.append(meeting_t.c.date >= start)
        if end is not None:
            cond.append(meeting_t.c.date < end)
        parts.append(
            select(
                attendance_t.c.member_id.label("member_id"),
                cast(literal(item.code), String).label("item_code"),
                attendance_t.c.meeting_id.label("meeting_id"),
                # as it will be written (hundredths), so that a sync compares like with like
                cast(literal(_amount(item.points)), Float).label("points"),
                meeting_t.c.date.label("entry_date"),
            )
            .select_from(attendance_t.join(meeting_t, meeting_t.c.id == attendance_t.c.meeting_id))
            .where(*cond)
        )
    parts.extend(_lecturer_selects(branch_id, scheme, meeting_ids, member_ids, start, end))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else union_all(*parts)


def _lecturer_selects(
    branch_id: int,
    scheme: Scheme,
    meeting_ids: Sequence[int] | None,
    member_ids: Sequence[int] | None,
    start: date | None,
    end: date | None,
) -> list:
    """The lecturer's occurrence of each Party lecture given (``Register.lecturer`` items,
    ``give_party_lecture``): one per live meeting that counts as a Party lecture and names
    its lecturer from the roster. Booked and reversed like attendance points."""
    parts = []
    for item in scheme.register_items(Register.lecturer):
        cond = [
            meeting_t.c.branch_id == branch_id,
            meeting_t.c.voided_at.is_(None),
            meeting_t.c.lecturer_id.is_not(None),
            exists().where(
                mtype_t.c.meeting_id == meeting_t.c.id,
                mtype_t.c.type == MeetingType.party_lecture.value,
            ),
        ]
        if meeting_ids is not None:
            cond.append(meeting_t.c.id.in_(list(meeting_ids)))
        if member_ids is not None:
            cond.append(meeting_t.c.lecturer_id.in_(list(member_ids)))
        if start is not None:
            cond.append(meeting_t.c.date >= start)
        if end is not None:
            cond.append(meeting_t.c.date < end)
        parts.append(
            select(
                meeting_t.c.lecturer_id.label("member_id"),
                cast(literal(item.code), String).label("item_code"),
                meeting_t.c.id.label("meeting_id"),
                cast(literal(_amount(item.points)), Float).label("points"),
                meeting_t.c.date.label("entry_date"),
            ).where(*cond)
        )
    return parts


def _not_a_reversal(table):
    """``reverses_id IS NULL``, spelled so that SQLite does not pick the unique index on
    ``reverses_id`` for it (matching nearly every row, it would scan the whole ledger)."""
    return func.coalesce(table.c.reverses_id, 0) == 0


def live_derived(conn: Connection, branch_id: int, source: str) -> list:
    """The branch's live entries the program derived from ``source`` (dues, commitments):
    neither a reversal nor reversed, oldest first — what a sync compares with what the
    records call for."""
    rev = ledger_t.alias("rev")
    return list(
        conn.execute(
            select(ledger_t)
            .where(
                ledger_t.c.branch_id == branch_id,
                ledger_t.c.source == source,
                _not_a_reversal(ledger_t),
                ~select(rev.c.id).where(rev.c.reverses_id == ledger_t.c.id).exists(),
            )
            .order_by(ledger_t.c.id)
        )
        .mappings()
        .all()
    )


def write_derived(
    store: Store,
    conn: Connection,
    branch_id: int,
    source: str,
    reverse: list[tuple[dict, str]],
    adds: list[dict],
    scheme_version_id: int | None,
) -> SyncResult:
    """A sync's writes for entries derived from ``source``: the reversals (each with the
    catalog key of its reason), then the new entries, and one ``ledger.sync`` audit row;
    nothing at all when there is nothing to change."""
    from orglife_tui.locale import t

    if not reverse and not adds:
        return SyncResult(0, 0)
    chain = _Chain(store, conn, branch_id)
    chain.append_many(_reversal_of(o, t(why)) for o, why in reverse)
    chain.append_many(adds)
    result = SyncResult(added=len(adds), reversed=len(reverse))
    store.audit(
        conn,
        branch_id,
        "ledger.sync",
        source=source,
        added=result.added,
        reversed=result.reversed,
        scheme_version=scheme_version_id,
    )
    return result


def _live_attendance_cond(
    branch_id: int, meeting_ids: Sequence[int] | None, member_ids: Sequence[int] | None
) -> list:
    rev = ledger_t.alias("rev")
    cond = [
        ledger_t.c.branch_id == branch_id,
        ledger_t.c.source == ATTENDANCE,
        _not_a_reversal(ledger_t),
        ~exists().where(rev.c.reverses_id == ledger_t.c.id),
    ]
    if meeting_ids is not None:
        cond.append(ledger_t.c.meeting_id.in_(list(meeting_ids)))
    if member_ids is not None:
        cond.append(ledger_t.c.member_id.in_(list(member_ids)))
    return cond


def _differences(
    conn: Connection,
    branch_id: int,
    scheme: Scheme,
    meeting_ids: Sequence[int] | None,
    member_ids: Sequence[int] | None,
):
    """The (member, item, meeting) keys where the ledger and the attendance disagree.

    One aggregated pass over the wanted occurrences and the live attendance entries
    (UNION ALL, GROUP BY the key): a key is reported when it is wanted but not booked,
    booked but not wanted, booked more than once, or booked with other points or date.
    """
    zero = cast(literal(0), Integer)
    one = cast(literal(1), Integer)
    no_float = cast(null(), Float)
    no_date = cast(null(), Date)
    no_int = cast(null(), Integer)
    parts = []
    desired = _desired_select(branch_id, scheme, meeting_ids, member_ids)
    if desired is not None:
        d = desired.subquery("d")
        parts.append(
            select(
                d.c.member_id,
                d.c.item_code,
                d.c.meeting_id,
                d.c.points.label("want"),
                d.c.entry_date.label("want_date"),
                no_float.label("have"),
                no_date.label("have_date"),
                no_int.label("entry_id"),
                one.label("dn"),
                zero.label("en"),
            )
        )
    parts.append(
        select(
            ledger_t.c.member_id,
            ledger_t.c.item_code,
            ledger_t.c.meeting_id,
            no_float.label("want"),
            no_date.label("want_date"),
            ledger_t.c.points.label("have"),
            ledger_t.c.entry_date.label("have_date"),
            ledger_t.c.id.label("entry_id"),
            zero.label("dn"),
            one.label("en"),
        ).where(*_live_attendance_cond(branch_id, meeting_ids, member_ids))
    )
    u = union_all(*parts).subquery("u")
    dn, en = func.sum(u.c.dn), func.sum(u.c.en)
    want, have = func.max(u.c.want), func.max(u.c.have)
    want_date, have_date = func.max(u.c.want_date), func.max(u.c.have_date)
    key = (u.c.member_id, u.c.item_code, u.c.meeting_id)
    stmt = (
        select(
            *key,
            want.label("want"),
            want_date.label("want_date"),
            have.label("have"),
            have_date.label("have_date"),
            func.max(u.c.entry_id).label("entry_id"),
            dn.label("dn"),
            en.label("en"),
        )
        .group_by(*key)
        .having(
            or_(
                dn == 0,
                en != 1,
                func.abs(want - have) > 0.005,
                want_date != have_date,
            )
        )
    )
    return conn.execute(stmt).all()


def sync_attendance(
    store: Store,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    meeting_ids: list[int] | None = None,
    *,
    member_ids: list[int] | None = None,
) -> SyncResult:
    """Bring attendance-derived entries in line with attendance and the scheme, idempotently.

    ``meeting_ids`` (and ``member_ids``) limit the work to some meetings (members), e.g. the
    one mark just set; None looks at the whole branch. Entries no longer wanted, or worth
    other points or dated otherwise now, are reversed with a note saying why; missing ones
    are added. One transaction; one ``ledger.sync`` audit row when anything changed.
    """
    if any(ids is not None and not ids for ids in (meeting_ids, member_ids)):
        return SyncResult(0, 0)  # limited to nothing
    with store.write_transaction() as conn:
        return sync_attendance_in(
            store,
            conn,
            branch_id,
            scheme,
            scheme_version_id,
            _in_list(meeting_ids),
            _in_list(member_ids),
        )


def _in_list(ids: list[int] | None) -> list[int] | None:
    """The ids a sync is limited to, sorted and once each; None (the whole branch) when
    there are too many for one SQL IN list."""
    if ids is None:
        return None
    unique = sorted(set(ids))
    return None if len(unique) > _MAX_IN else unique


def sync_attendance_in(
    store: Store,
    conn: Connection,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    meeting_ids: list[int] | None = None,
    member_ids: list[int] | None = None,
) -> SyncResult:
    """``sync_attendance`` inside the caller's write transaction (``meeting_ids`` and
    ``member_ids`` already sorted and short), so that a change and its re-sync commit
    together or not at all (``scheme use``)."""
    derived = {it.code: it for it in scheme.derived_items}
    lectures = {it.code for it in scheme.register_items(Register.lecturer)}
    chain = _Chain(store, conn, branch_id)
    diffs = _differences(conn, branch_id, scheme, meeting_ids, member_ids)
    if not diffs:
        return SyncResult(0, 0)
    reverse: dict[int, str] = {}  # entry id -> reason key
    several: list = []
    adds: list[dict[str, object]] = []
    voided = _voided_meetings(conn, {d.meeting_id for d in diffs if d.en and not d.dn})
    for d in diffs:
        if d.en == 1:
            if not d.dn:
                if d.meeting_id in voided:
                    why = "meeting_voided"
                elif d.item_code in lectures:
                    why = "lecturer_changed"
                elif d.item_code in derived:
                    why = "attendance_changed"
                else:
                    why = "scheme_changed"
            elif abs(float(d.want) - float(d.have)) > 0.005:
                why = "scheme_changed"
            else:
                why = "meeting_changed"
            reverse[d.entry_id] = why
        elif d.en > 1:
            several.append(d)
        if d.dn:
            adds.append(
                {
                    "member_id": d.member_id,
                    "item_code": d.item_code,
                    "points": float(d.want),
                    "hours": None,
                    "entry_date": _as_date(d.want_date),
                    "source": ATTENDANCE,
                    "meeting_id": d.meeting_id,
                    "scheme_version_id": scheme_version_id,
                }
            )
    for d in several:  # a key booked twice (never written by this code): undo them all
        for entry_id in conn.scalars(
            select(ledger_t.c.id).where(
                *_live_attendance_cond(branch_id, [d.meeting_id], [d.member_id]),
                ledger_t.c.item_code == d.item_code,
            )
        ):
            reverse[entry_id] = "duplicate"
    originals: list[RowMapping] = []
    ids = sorted(reverse)
    for i in range(0, len(ids), _MAX_IN):
        originals.extend(
            conn.execute(select(ledger_t).where(ledger_t.c.id.in_(ids[i : i + _MAX_IN])))
            .mappings()
            .all()
        )
    from orglife_tui.locale import t

    notes = {k: t(NOTE_KEYS.get(k, f"ledger.note.{k}")) for k in set(reverse.values())}
    originals.sort(key=lambda o: (o["entry_date"], o["meeting_id"] or 0, o["member_id"], o["id"]))
    adds.sort(key=lambda a: (a["entry_date"], a["meeting_id"], a["member_id"], a["item_code"]))
    chain.append_many(_reversal_of(o, notes[reverse[o["id"]]]) for o in originals)
    chain.append_many(adds)
    result = SyncResult(added=len(adds), reversed=len(originals))
    store.audit(
        conn,
        branch_id,
        "ledger.sync",
        added=result.added,
        reversed=result.reversed,
        scheme_version=scheme_version_id,
        meetings=len(meeting_ids) if meeting_ids is not None else "all",
    )
    return result


# Reasons of reversals whose note is not in the ledger's own ``ledger.note.*`` messages.
NOTE_KEYS = {
    "meeting_voided": "corrections.note.meeting_voided",
    "lecturer_changed": "life.note.lecturer_changed",
}


def _voided_meetings(conn: Connection, meeting_ids: Iterable[int | None]) -> set[int]:
    """Which of ``meeting_ids`` are voided meetings (their entries are reversed as such)."""
    ids = sorted(i for i in meeting_ids if i is not None)
    out: set[int] = set()
    for i in range(0, len(ids), _MAX_IN):
        out.update(
            conn.scalars(
                select(meeting_t.c.id).where(
                    meeting_t.c.id.in_(ids[i : i + _MAX_IN]), meeting_t.c.voided_at.is_not(None)
                )
            )
        )
    return out


def meeting_ids_for(store: Store, branch_id: int, meeting_nos: Iterable[str]) -> list[int]:
    """The ids of the branch's meetings with these numbers (unknown numbers are skipped)."""
    numbers = sorted({n.strip() for n in meeting_nos if n and n.strip()})
    out: list[int] = []
    with store.read_connection() as conn:
        for i in range(0, len(numbers), _MAX_IN):
            out.extend(
                conn.scalars(
                    select(meeting_t.c.id).where(
                        meeting_t.c.branch_id == branch_id,
                        meeting_t.c.meeting_no.in_(numbers[i : i + _MAX_IN]),
                    )
                )
            )
    return sorted(out)


def count_derived(store: Store, branch_id: int, scheme: Scheme) -> int:
    """How many occurrences the branch's attendance is worth under ``scheme`` (booked or not)."""
    desired = _desired_select(branch_id, scheme)
    if desired is None:
        return 0
    with store.read_connection() as conn:
        return int(conn.scalar(select(func.count()).select_from(desired.subquery())) or 0)
