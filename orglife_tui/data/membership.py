"""Membership as a history (DESIGN.md §5): who is in the branch, and in what standing, on a
given date.

``member_event`` holds the dated events; the member row keeps ``entered_on``, ``left_on``
and ``left_kind`` derived from them, so that every rule, sheet, ballot, score and report can
ask "in the branch on D" with one SQL condition instead of replaying events. The clauses
below are the one place that condition is written.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, case, exists, or_
from sqlalchemy.sql.elements import ColumnElement

from orglife_tui.data.models import MemberEvent
from orglife_tui.data.store import member_t
from orglife_tui.domain import MemberEventKind, MemberStatus

event_t = MemberEvent.__table__


def in_branch_on(on: date) -> ColumnElement[bool]:
    """The member belongs to the branch on ``on`` (entered by then, not yet left)."""
    return and_(
        or_(member_t.c.entered_on.is_(None), member_t.c.entered_on <= on),
        or_(member_t.c.left_on.is_(None), member_t.c.left_on > on),
    )


def in_branch_during(first: date, last: date) -> ColumnElement[bool]:
    """The member belongs to the branch on at least one day of ``first``..``last``."""
    return and_(
        or_(member_t.c.entered_on.is_(None), member_t.c.entered_on <= last),
        or_(member_t.c.left_on.is_(None), member_t.c.left_on > first),
    )


def status_on(on: date) -> ColumnElement[str]:
    """The member's status on ``on``: a member with a conversion date was probationary
    before it and full from it; without one, the status recorded on the member."""
    return case(
        (member_t.c.full_date.is_(None), member_t.c.status),
        (member_t.c.full_date <= on, MemberStatus.full.value),
        else_=MemberStatus.probationary.value,
    )


def away_on(on: date) -> ColumnElement[bool]:
    """The member is away (流动党员, organizational life elsewhere) on ``on``."""
    return exists().where(
        event_t.c.member_id == member_t.c.id,
        event_t.c.kind == MemberEventKind.away.value,
        event_t.c.voided_at.is_(None),
        event_t.c.date <= on,
        or_(event_t.c.end_date.is_(None), event_t.c.end_date >= on),
    )


__all__ = ["away_on", "event_t", "in_branch_during", "in_branch_on", "status_on"]
