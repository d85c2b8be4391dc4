"""评先评优: the year's commendation register (issue 12 §3).

The register is read from the results: every member graded 优秀 (after corrections) in a
session of the year whose result is final on the as-of date. The ``commendation`` table
holds only what the committee adds to an entry: an award and a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import insert, select, update

from orglife_tui.data.appraisal.notice import _state, final_grades
from orglife_tui.data.errors import NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import commendation_t, session_t
from orglife_tui.data.store import Store
from orglife_tui.domain import SessionState, natural_key, stripped_or_none
from orglife_tui.scoring.model import Grade

AWARD_LIMIT = 200
NOTE_LIMIT = 2000


@dataclass(frozen=True)
class CommendationRow:
    year: int
    session_id: int
    member_no: str
    name: str
    award: str | None
    note: str | None


def register(
    store: Store, branch_id: int, year: int, as_of: date | None = None
) -> list[CommendationRow]:
    """Members graded 优秀 in the year's final results, by session then member number."""
    as_of = as_of or store.today()
    out: list[CommendationRow] = []
    with store.read_connection() as conn:
        ids = conn.scalars(
            select(session_t.c.id)
            .where(
                session_t.c.branch_id == branch_id,
                session_t.c.year == year,
                session_t.c.state == SessionState.published.value,
            )
            .order_by(session_t.c.id)
        ).all()
        for session_id in ids:
            if not _state(conn, branch_id, session_id, as_of).final:
                continue
            notes = {
                r.member_id: r
                for r in conn.execute(
                    select(
                        commendation_t.c.member_id, commendation_t.c.award, commendation_t.c.note
                    ).where(commendation_t.c.session_id == session_id)
                )
            }
            for g in final_grades(conn, session_id):
                if g.grade is not Grade.excellent:
                    continue
                n = notes.get(g.member_id)
                out.append(
                    CommendationRow(
                        year,
                        session_id,
                        g.member_no,
                        g.name,
                        None if n is None else n.award,
                        None if n is None else n.note,
                    )
                )
    return sorted(out, key=lambda c: (c.session_id, natural_key(c.member_no)))


def annotate(
    store: Store,
    branch_id: int,
    year: int,
    member_no: str,
    award: str | None,
    note: str | None,
) -> CommendationRow:
    """Set the award and note of a member's entry in the year's register (audited)."""
    award, note = stripped_or_none(award), stripped_or_none(note)
    refuse_unsafe_text("field.award", award)
    refuse_unsafe_text("field.note", note, multiline=True)
    if award is not None and len(award) > AWARD_LIMIT:
        raise StoreError("commendation.award_too_long", limit=AWARD_LIMIT)
    if note is not None and len(note) > NOTE_LIMIT:
        raise StoreError("follow_up.note_too_long", limit=NOTE_LIMIT)
    member_no = member_no.strip()
    entry = next((c for c in register(store, branch_id, year) if c.member_no == member_no), None)
    if entry is None:
        raise NotFound("commendation.not_in_register", member_no=member_no[:50], year=year)
    with store.write_transaction() as conn:
        member_id = next(
            g.member_id for g in final_grades(conn, entry.session_id) if g.member_no == member_no
        )
        where = (commendation_t.c.session_id == entry.session_id) & (
            commendation_t.c.member_id == member_id
        )
        if conn.scalar(select(commendation_t.c.id).where(where)) is None:
            conn.execute(
                insert(commendation_t).values(
                    branch_id=branch_id,
                    session_id=entry.session_id,
                    member_id=member_id,
                    award=award,
                    note=note,
                    operator=store.operator,
                    created_at=datetime.now(timezone.utc),
                )
            )
        else:
            conn.execute(update(commendation_t).where(where).values(award=award, note=note))
        store.audit(
            conn,
            branch_id,
            "appraisal.commendation",
            session=entry.session_id,
            member_no=member_no,
            award=award,
            previous_award=entry.award,
        )
    return CommendationRow(year, entry.session_id, entry.member_no, entry.name, award, note)


__all__ = ["CommendationRow", "annotate", "register"]
