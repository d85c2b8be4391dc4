"""One member's own records (member self-service, issue 13 §3), for both faces: the member's
screen (``tui/screens/self_service``) and the command line.

A member login is linked to one roster member (``member_id``); every function here takes
the branch and that member and reads or writes nothing of anyone else's: the points ledger
and score of the year, the talks (dates, types, forms, talkers — never a text), the
appraisal results once published, the dues, the commitments (and a new one, for the member
only) and the orders (点单, and a new one). On PostgreSQL row-level security hides other
members' rows anyway; on SQLite these filters are the only ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from orglife_tui.compliance.dues import DuesState
from orglife_tui.data import commitments, dues, orders, publications, schemes, scores
from orglife_tui.data.commitments import CommitmentInput, CommitmentRow
from orglife_tui.data.dues import PaymentRow
from orglife_tui.data.ledger.common import LedgerRow
from orglife_tui.data.ledger.queries import list_entries
from orglife_tui.data.members import get_member_by_id
from orglife_tui.data.orders import OrderInput, OrderRow
from orglife_tui.data.rows import MemberRow
from orglife_tui.data.scores import ScoreRow
from orglife_tui.data.self_service import TalkSummary, talk_summaries
from orglife_tui.data.store import Store
from orglife_tui.scoring.model import Grade, Scheme
from orglife_tui.scoring.standing import Standing


@dataclass(frozen=True)
class MyPoints:
    """The member's points of a year to date: the score (None when the branch has no
    scheme yet or the scheme does not score the member) and the year's ledger entries."""

    standing: Standing
    score: ScoreRow | None
    entries: list[LedgerRow]
    scheme: Scheme | None  # the branch's active scheme: the items' names


@dataclass(frozen=True)
class MyAppraisal:
    """The member's line of a published appraisal result."""

    year: int
    graded: bool  # False: a probationary member, appraised but given no grade
    final: Grade | None
    published_at: datetime


@dataclass(frozen=True)
class MyDues:
    state: DuesState  # on the day asked
    payments: list[PaymentRow]  # not voided, oldest first


def me(store: Store, branch_id: int, member_id: int) -> MemberRow:
    """The roster member the login is linked to (NotFound when not of this branch)."""
    return get_member_by_id(store, branch_id, member_id)


def my_points(store: Store, branch_id: int, member_id: int, year: int, today: date) -> MyPoints:
    """The year's points to date: the same figures the branch's scoreboard shows for the
    member, and the member's ledger entries of the year, oldest first."""
    member = me(store, branch_id, member_id)
    standing = Standing.of(year, today)
    found = schemes.active(store, branch_id)  # never activates one: a member only reads
    score = None
    scheme = found[1] if found is not None else None
    if found is not None:
        rows = scores.scoreboard(store, branch_id, year, found[1])
        score = next((r for r in rows if r.member_no == member.member_no), None)
    entries = list_entries(store, branch_id, member_no=member.member_no, year=year)
    return MyPoints(standing, score, entries, scheme)


def my_talks(store: Store, branch_id: int, member_id: int) -> list[TalkSummary]:
    """The member's talks, newest first, without any of their texts."""
    me(store, branch_id, member_id)
    return talk_summaries(store, branch_id, member_id)


def my_appraisals(store: Store, branch_id: int, member_id: int) -> list[MyAppraisal]:
    """The member's results in the branch's published appraisals, newest first; read from
    what was published (nothing recomputed), and nothing before publication."""
    from orglife_tui.data.appraisal.tallying import stored_tally

    member = me(store, branch_id, member_id)
    out = []
    for record in publications.list_publications(store, branch_id, publications.APPRAISAL):
        tally = stored_tally(record)
        row = next((r for r in tally.rows if r.member_no == member.member_no), None)
        if row is not None:
            out.append(MyAppraisal(record.year, row.graded, row.final, record.created_at))
    return out


def my_dues(store: Store, branch_id: int, member_id: int, today: date) -> MyDues:
    """The member's dues on ``today``: standard, paid until, months owed; and payments."""
    member = me(store, branch_id, member_id)
    state = dues.member_status(store, branch_id, member.member_no, today)
    payments = dues.list_payments(store, branch_id, member.member_no, include_voided=False)
    return MyDues(state, payments)


def my_commitments(store: Store, branch_id: int, member_id: int) -> list[CommitmentRow]:
    """The member's commitments (承诺), by year then id."""
    me(store, branch_id, member_id)
    return commitments.list_commitments(store, branch_id, member_id=member_id)


def add_my_commitment(
    store: Store, branch_id: int, member_id: int, year: int, text: str
) -> CommitmentRow:
    """A new commitment of the member's own, for ``year`` (planned until evaluated)."""
    member = me(store, branch_id, member_id)
    return commitments.add_commitment(
        store, branch_id, CommitmentInput(member.member_no, year, text)
    )


def my_orders(store: Store, branch_id: int, member_id: int) -> list[OrderRow]:
    """The member's orders (点单) with the branch's answers, newest first."""
    me(store, branch_id, member_id)
    return orders.list_orders(store, branch_id, member_id=member_id)


def place_my_order(store: Store, branch_id: int, member_id: int, item: OrderInput) -> OrderRow:
    return orders.place_order(store, branch_id, member_id, item)


@dataclass(frozen=True)
class MyRecords:
    """Everything a member sees of their own, at once (a command-line face's one read)."""

    member: MemberRow
    points: MyPoints
    talks: list[TalkSummary]
    appraisals: list[MyAppraisal]
    dues: MyDues
    commitments: list[CommitmentRow]
    orders: list[OrderRow]


def my_records(store: Store, branch_id: int, member_id: int, today: date) -> MyRecords:
    return MyRecords(
        member=me(store, branch_id, member_id),
        points=my_points(store, branch_id, member_id, today.year, today),
        talks=my_talks(store, branch_id, member_id),
        appraisals=my_appraisals(store, branch_id, member_id),
        dues=my_dues(store, branch_id, member_id, today),
        commitments=my_commitments(store, branch_id, member_id),
        orders=my_orders(store, branch_id, member_id),
    )


__all__ = [
    "MyAppraisal",
    "MyDues",
    "MyPoints",
    "MyRecords",
    "add_my_commitment",
    "me",
    "my_appraisals",
    "my_commitments",
    "my_dues",
    "my_orders",
    "my_points",
    "my_records",
    "my_talks",
    "place_my_order",
]
