"""What a member reads of their own records that no other area's query gives: their talks
as a list of dates, types, forms and talkers, without any text.

A talk's texts (content, problems, opinions …) are never read here, confidential or not:
the member's list shows when, how and with whom they talked, and whether the talk is
confidential. Every query names the branch and the member: on PostgreSQL row-level
security hides other members' rows anyway, on SQLite these filters are the only ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, select

from orglife_tui.data.models import talk_t, talk_text_t
from orglife_tui.data.store import Store
from orglife_tui.data.talks import _talkers
from orglife_tui.domain import TalkForm, TalkType


@dataclass(frozen=True)
class TalkSummary:
    id: int
    date: date
    type: TalkType
    form: TalkForm
    talkers: tuple[str, ...]  # the names of those who talked with the member
    confidential: bool
    # What was talked about and agreed, for a talk that is not confidential (None for a
    # confidential one: its texts are never read here).
    content: str | None = None
    actions: str | None = None


def talk_summaries(
    store: Store, branch_id: int, member_id: int, limit: int | None = None
) -> list[TalkSummary]:
    """The member's talks, newest first: date, type, form, talkers, confidential or not,
    and the content and agreed actions of those that are not confidential."""
    open_talk = talk_t.c.confidential.is_(False)
    stmt = (
        select(
            talk_t.c.id,
            talk_t.c.date,
            talk_t.c.type,
            talk_t.c.form,
            talk_t.c.confidential,
            case((open_talk, talk_text_t.c.content), else_=None).label("content"),
            case((open_talk, talk_text_t.c.actions), else_=None).label("actions"),
        )
        .select_from(talk_t.outerjoin(talk_text_t, talk_text_t.c.talk_id == talk_t.c.id))
        .where(talk_t.c.branch_id == branch_id, talk_t.c.member_id == member_id)
        .order_by(talk_t.c.date.desc(), talk_t.c.id.desc())
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.read_connection() as conn:
        found = conn.execute(stmt).all()
        talkers = _talkers(conn, [r.id for r in found])
    return [
        TalkSummary(
            id=r.id,
            date=r.date,
            type=TalkType(r.type),
            form=TalkForm(r.form),
            talkers=tuple(p.name for p in talkers.get(r.id, ())),
            confidential=bool(r.confidential),
            content=r.content,
            actions=r.actions,
        )
        for r in found
    ]


__all__ = ["TalkSummary", "talk_summaries"]
