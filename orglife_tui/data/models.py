# Over 600 lines: every table in one place, as Alembic autogenerate reads them, and its alias.
"""The tables. Small, typed SQLModel classes; the schema itself is owned by Alembic.

Enumerations are stored as their English keys (``full``, ``leave`` …) in plain strings so
that the same rows read the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Column,
    CursorResult,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a table model, typed: the queries are written against tables."""
    return model.__table__  # type: ignore[attr-defined]  # SQLModel sets it, never declares it


def inserted_id(result: CursorResult[Any]) -> int:
    """The key a single-row INSERT gave its row (SQLAlchemy types it optional: an
    executemany has none)."""
    key = result.inserted_primary_key
    assert key is not None, "a single-row INSERT has a primary key"
    return int(key[0])


class Branch(SQLModel, table=True):
    __tablename__ = "branch"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    created_at: dt.datetime
    # The first day the branch's records cover: every period from here on is judged (0006).
    records_start: dt.date | None = None


class PartyGroup(SQLModel, table=True):
    __tablename__ = "party_group"
    __table_args__ = (UniqueConstraint("branch_id", "name", name="uq_party_group_name"),)

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False)
    )
    name: str = Field(max_length=100)


class Member(SQLModel, table=True):
    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("branch_id", "member_no", name="uq_member_no"),)

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_no: str = Field(max_length=50)
    name: str = Field(max_length=100)
    gender: str | None = Field(default=None, max_length=10)
    birth_date: dt.date | None = None
    join_date: dt.date | None = None
    full_date: dt.date | None = None
    status: str = Field(max_length=20)
    group_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("party_group.id", ondelete="RESTRICT"), nullable=True),
    )
    post: str | None = Field(default=None, max_length=30)
    phone: str | None = Field(default=None, max_length=30)
    dues_paid_until: str | None = Field(default=None, max_length=7)  # YYYY-MM
    # Membership as a history (0006). ``member_event`` holds the dated events; these three
    # columns are kept from them so that "in the branch on date D" is one SQL condition:
    # entered_on IS NULL OR entered_on <= D, and left_on IS NULL OR D < left_on.
    entered_on: dt.date | None = None  # transferred in on; None: in the branch from the start
    left_on: dt.date | None = None  # the first day no longer in the branch
    left_kind: str | None = Field(default=None, max_length=20)  # MemberEventKind departure
    sort_key: str = Field(default="", max_length=200)  # domain.natural_key(member_no)
    # A leading cadre (领导干部, 0010): attends the life meeting, gives a Party lecture yearly.
    leader: bool = False


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("branch_id", "meeting_no", name="uq_meeting_no"),)

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False)
    )
    meeting_no: str = Field(max_length=50)
    date: dt.date = Field(index=True)
    title: str = Field(max_length=300)
    group_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("party_group.id", ondelete="RESTRICT"), nullable=True),
    )
    place: str | None = Field(default=None, max_length=200)
    host: str | None = Field(default=None, max_length=100)
    recorder: str | None = Field(default=None, max_length=100)
    lecturer: str | None = Field(default=None, max_length=100)
    minutes: str | None = None
    # How it was held (MeetingForm, 0010) and the lecturer picked from the roster, whose
    # ``give_party_lecture`` points are derived from this row.
    form: str | None = Field(default=None, max_length=20)
    lecturer_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey("member.id", ondelete="RESTRICT", name="fk_meeting_lecturer"),
            nullable=True,
        ),
    )
    # A meeting recorded by mistake is voided, never deleted (0006): it leaves sheets and
    # rules, and the points its attendance earned are reversed in the ledger.
    voided_at: dt.datetime | None = None
    void_reason: str | None = None


class MeetingTypeLink(SQLModel, table=True):
    """One row per type a meeting counts as (a themed day may also be a Party lecture)."""

    __tablename__ = "meeting_type"

    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    )
    type: str = Field(primary_key=True, max_length=30)


class Attendance(SQLModel, table=True):
    __tablename__ = "attendance"

    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True, index=True
        )
    )
    status: str = Field(max_length=10)
    reason: str | None = Field(default=None, max_length=500)


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=True),
    )
    at: dt.datetime
    operator: str = Field(max_length=100)
    action: str = Field(max_length=50)
    detail: str = ""
    prev_hash: str | None = Field(default=None, max_length=64)
    hash: str | None = Field(default=None, max_length=64)


class SchemeVersion(SQLModel, table=True):
    """Every scoring scheme a branch has used, with its text and hash; the newest is active."""

    __tablename__ = "scheme_version"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False)
    )
    name: str = Field(max_length=200)
    version: str = Field(max_length=50)
    sha256: str = Field(max_length=64)
    source: str
    activated_at: dt.datetime
    operator: str = Field(max_length=100)


class LedgerEntry(SQLModel, table=True):
    """One line of a member's points ledger. Append-only: triggers refuse UPDATE/DELETE;
    a correction is a new entry whose ``reverses_id`` names the original (once)."""

    __tablename__ = "ledger_entry"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False)
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False)
    )
    item_code: str = Field(max_length=50)
    points: float
    hours: float | None = None
    entry_date: dt.date
    note: str | None = None
    source: str = Field(max_length=20)  # manual | attendance
    meeting_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="RESTRICT"), nullable=True),
    )
    reverses_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("ledger_entry.id", ondelete="RESTRICT"), nullable=True, unique=True
        ),
    )
    scheme_version_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("scheme_version.id", ondelete="RESTRICT"), nullable=True
        ),
    )
    operator: str = Field(max_length=100)
    created_at: dt.datetime
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class LedgerTotal(SQLModel, table=True):
    """A member's yearly sum per item, kept by a trigger on every ledger insert (0003)."""

    __tablename__ = "ledger_total"

    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    )
    item_code: str = Field(primary_key=True, max_length=50)
    year: int = Field(primary_key=True)
    branch_id: int
    points: float
    entries: int
    reversals: int


class Talk(SQLModel, table=True):
    """A heart-to-heart talk (谈心谈话) with one member. Confidential talks keep their texts
    out of listings and exports unless they are asked for (and that is audited)."""

    __tablename__ = "talk"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    date: dt.date = Field(index=True)
    place: str | None = Field(default=None, max_length=200)
    form: str = Field(max_length=20)  # TalkForm
    type: str = Field(max_length=30)  # TalkType
    recorder: str | None = Field(default=None, max_length=100)
    trigger: str | None = Field(default=None, max_length=500)  # why the talk was held
    action_deadline: dt.date | None = None
    follow_up_date: dt.date | None = None
    # A follow-up result is recorded (the result itself is in ``talk_text``): whether a
    # follow-up is due stays known to every reader of the branch (0012).
    follow_up_done: bool = False
    confidential: bool = False
    # the absence case the talk answers: first month of the streak and the ladder step
    absence_from: str | None = Field(default=None, max_length=7)  # YYYY-MM
    absence_step: str | None = Field(default=None, max_length=30)  # LadderAction
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class TalkText(SQLModel, table=True):
    """The texts of a talk (0012), one row per talk, apart from the talk so that PostgreSQL's
    row-level security can hide them while the talk's date, type and member stay visible.
    A talk whose row a reader cannot see is shown with its texts hidden."""

    __tablename__ = "talk_text"

    talk_id: int = Field(
        sa_column=Column(Integer, ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True)
    )
    content: str | None = None
    problems: str | None = None
    difficulties: str | None = None  # the member's difficulties and requests
    opinions: str | None = None  # the member's opinions on the branch
    actions: str | None = None  # agreed actions
    follow_up_result: str | None = None


class TalkTalker(SQLModel, table=True):
    """Who talked: a branch member (``member_id``) or someone from outside (a higher body)."""

    __tablename__ = "talk_talker"

    talk_id: int = Field(
        sa_column=Column(Integer, ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(primary_key=True)
    member_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=True, index=True
        ),
    )
    name: str = Field(max_length=100)
    post: str | None = Field(default=None, max_length=50)  # CommitteePost key or free text


class PlanItem(SQLModel, table=True):
    """One line of the annual organizational-life plan: a meeting type, a month, a topic."""

    __tablename__ = "plan_item"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False)
    )
    year: int = Field(index=True)
    month: int | None = None  # 1–12; None: some time in the year
    meeting_type: str = Field(max_length=30)
    topic: str = Field(max_length=300)
    note: str | None = None
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class RectificationItem(SQLModel, table=True):
    """A problem found at the life meeting, to be put right by ``owner`` by ``deadline``."""

    __tablename__ = "rectification_item"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False)
    )
    year: int = Field(index=True)  # the life meeting's year
    problem: str
    measure: str | None = None  # what is to be done
    owner: str = Field(max_length=100)
    deadline: dt.date
    status: str = Field(max_length=20)  # RectificationStatus
    closed_on: dt.date | None = None
    closing_note: str | None = None
    meeting_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="RESTRICT"), nullable=True),
    )
    # The life-meeting participant whose problem this is (0010; with ``meeting_id``).
    member_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey("member.id", ondelete="RESTRICT", name="fk_rectification_member"),
            nullable=True,
        ),
    )
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class LifeMeetingRecord(SQLModel, table=True):
    """One participant of a life meeting (组织生活会, 0010): the 对照检查 (problems found in
    oneself), criticism received and criticism given."""

    __tablename__ = "life_meeting_record"

    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="RESTRICT"), primary_key=True)
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True, index=True
        )
    )
    self_check: str | None = None
    criticism_received: str | None = None
    criticism_given: str | None = None
    operator: str = Field(max_length=100)
    updated_at: dt.datetime


class MemberPost(SQLModel, table=True):
    """A member's post for a year (设岗定责, 0010): the post and its duty."""

    __tablename__ = "member_post"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    year: int = Field(index=True)
    post: str = Field(max_length=100)
    duty: str | None = None
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class Commitment(SQLModel, table=True):
    """A member's commitment for a year (承诺践诺, 0010) and how it stands; a fulfilled or
    unfulfilled one books the scheme's commitment item (derived, never typed)."""

    __tablename__ = "commitment"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    year: int = Field(index=True)
    text: str
    status: str = Field(max_length=20)  # CommitmentStatus
    evaluated_on: dt.date | None = None
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class MemberEvent(SQLModel, table=True):
    """A dated change in a member's standing (0006): transfer in/out, conversion, an
    extended probation, away (流动) from ``date`` to ``end_date``, death, removal."""

    __tablename__ = "member_event"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    kind: str = Field(max_length=30)  # MemberEventKind
    date: dt.date
    end_date: dt.date | None = None  # away: the last day away (None: still away)
    place: str | None = Field(default=None, max_length=200)  # to / from / where
    reason: str | None = None
    note: str | None = None
    voided_at: dt.datetime | None = None  # an event recorded by mistake: kept, not counted
    void_reason: str | None = None
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class DuesStandard(SQLModel, table=True):
    """A member's monthly dues (党费) from ``from_month`` on, in fen (hundredths of a yuan)."""

    __tablename__ = "dues_standard"
    __table_args__ = (UniqueConstraint("member_id", "from_month", name="uq_dues_standard"),)

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False)
    )
    from_month: str = Field(max_length=7)  # YYYY-MM
    amount_fen: int
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class DuesPayment(SQLModel, table=True):
    """A dues payment covering the months ``from_month``..``to_month`` (inclusive)."""

    __tablename__ = "dues_payment"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    paid_on: dt.date
    from_month: str = Field(max_length=7)  # YYYY-MM
    to_month: str = Field(max_length=7)  # YYYY-MM
    amount_fen: int
    note: str | None = None
    voided_at: dt.datetime | None = None
    void_reason: str | None = None
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class Publication(SQLModel, table=True):
    """What was published stays published (docs/architecture.md §5): a publicity sheet or an
    appraisal result stored with the numbers it showed and the ledger and audit heads it was
    made from. Later reads of a publication use ``data``, never a recomputation."""

    __tablename__ = "publication"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    kind: str = Field(max_length=20)  # publicity | appraisal
    year: int
    as_of: dt.date
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    session_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
            nullable=True,
            unique=True,
        ),
    )
    ledger_head: str = Field(max_length=64)
    audit_head: str | None = Field(default=None, max_length=64)
    data: str  # JSON: the rows as shown
    operator: str = Field(max_length=100)
    created_at: dt.datetime


# ---------------------------------------------------------------------------- appraisal
# docs/architecture.md §6: who voted (``appraisal_voted``) and what was voted (``appraisal_rating``)
# live in separate tables; neither records an order: no timestamps, no autoincrement ids,
# random keys, WITHOUT ROWID on SQLite. Triggers (migration 0005) refuse UPDATE of the
# ballot tables, INSERT unless the poll is open and DELETE once the result is published.


class AppraisalSession(SQLModel, table=True):
    """A democratic appraisal (民主评议党员) of one branch for one year."""

    __tablename__ = "appraisal_session"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    year: int
    state: str = Field(max_length=20)  # SessionState
    pin_salt: str | None = Field(default=None, max_length=64)  # hex
    pin_hash: str | None = Field(default=None, max_length=128)  # hex, hashlib.scrypt
    pin_failures: int = 0
    pin_locked_until: dt.datetime | None = None
    scheme_version_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("scheme_version.id", ondelete="RESTRICT"), nullable=True
        ),
    )
    fingerprint: str | None = Field(default=None, max_length=64)  # sha256 hex, at close
    ballots: int | None = None  # ballots sealed at close
    # The session's X25519 public key (hex): every ballot is sealed to it (migration 0007).
    tally_public_key: str | None = Field(default=None, max_length=64)
    # Its private key, split in two shares each wrapped under one tally password (JSON);
    # destroyed at close and reset.
    tally_key: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    scrub_pending: bool = False  # sealed, but the files not yet scrubbed of the poll
    # Set by the transaction that closes or resets a poll, cleared by its last update: only
    # then may row-level security show the sealed ballots (0015).
    opening_ballots: bool = False
    created_at: dt.datetime
    started_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    published_at: dt.datetime | None = None
    operator: str = Field(max_length=100)


class AppraisalCandidate(SQLModel, table=True):
    """The roster snapshot taken at start: whom the ballot rates."""

    __tablename__ = "appraisal_candidate"

    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), primary_key=True
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    )
    member_no: str = Field(max_length=50)
    name: str = Field(max_length=100)
    status: str = Field(max_length=20)  # MemberStatus at start
    graded: bool


class AppraisalVoter(SQLModel, table=True):
    """The roster snapshot taken at start: who has a vote."""

    __tablename__ = "appraisal_voter"

    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), primary_key=True
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    )
    member_no: str = Field(max_length=50)
    name: str = Field(max_length=100)


class AppraisalVoted(SQLModel, table=True):
    """The voted set: one row per voter who has voted, and nothing else (no time, no order)."""

    __tablename__ = "appraisal_voted"
    __table_args__ = (
        ForeignKeyConstraint(
            ["session_id", "member_id"],
            ["appraisal_voter.session_id", "appraisal_voter.member_id"],
            ondelete="RESTRICT",
        ),
        {"sqlite_with_rowid": False},
    )

    session_id: int = Field(primary_key=True)
    member_id: int = Field(primary_key=True)


class AppraisalRating(SQLModel, table=True):
    """One candidate's grade on one ballot (``grade`` None = abstained). No ballot id: a
    ballot is never stored whole. ``key`` is random: rows read back in key order."""

    __tablename__ = "appraisal_rating"
    __table_args__ = (
        ForeignKeyConstraint(
            ["session_id", "candidate_id"],
            ["appraisal_candidate.session_id", "appraisal_candidate.member_id"],
            ondelete="RESTRICT",
        ),
        Index("ix_appraisal_rating_candidate", "session_id", "candidate_id", "grade"),
        {"sqlite_with_rowid": False},
    )

    key: str = Field(primary_key=True, max_length=32)
    session_id: int
    candidate_id: int  # appraisal_candidate.member_id
    grade: str | None = Field(default=None, max_length=30)  # Grade; None = abstain


class AppraisalReceipt(SQLModel, table=True):
    """A random receipt code per ballot, linked to nothing but its session."""

    __tablename__ = "appraisal_receipt"
    __table_args__ = (
        Index("ix_appraisal_receipt_session", "session_id"),
        {"sqlite_with_rowid": False},
    )

    code: str = Field(primary_key=True, max_length=16)
    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), nullable=False
        )
    )


class AppraisalSealed(SQLModel, table=True):
    """A cast ballot while the poll is open: its ratings sealed to the session's public key
    (``appraisal_session.tally_public_key``). Random key; opened and deleted at close."""

    __tablename__ = "appraisal_sealed"
    __table_args__ = (
        Index("ix_appraisal_sealed_session", "session_id"),
        {"sqlite_with_rowid": False},
    )

    key: str = Field(primary_key=True, max_length=32)
    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), nullable=False
        )
    )
    box: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class AppraisalDecision(SQLModel, table=True):
    """The committee's grade for a candidate (组织评定), with its reason where it departs
    from the proposal."""

    __tablename__ = "appraisal_decision"
    __table_args__ = (
        ForeignKeyConstraint(
            ["session_id", "member_id"],
            ["appraisal_candidate.session_id", "appraisal_candidate.member_id"],
            ondelete="RESTRICT",
        ),
    )

    session_id: int = Field(primary_key=True)
    member_id: int = Field(primary_key=True)
    proposed: str | None = Field(default=None, max_length=30)  # Grade proposed when decided
    final: str = Field(max_length=30)  # Grade
    reason: str | None = None
    decided_at: dt.datetime
    operator: str = Field(max_length=100)


class AppraisalSelfAssessment(SQLModel, table=True):
    """A member's self-assessment (个人自评) for a session (0008): given before the poll
    opens, or ``late`` after it; one per member, replaced when given again."""

    __tablename__ = "appraisal_self_assessment"

    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), primary_key=True
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    )
    text: str = Field(sa_column=Column(Text, nullable=False))
    given_on: dt.date
    late: bool = False
    recorded_at: dt.datetime
    operator: str = Field(max_length=100)


class AppraisalPeerComment(SQLModel, table=True):
    """A comment on a member gathered at the branch meeting (党员互评, 0008). No author, by
    design; the audit log records the operator who typed it."""

    __tablename__ = "appraisal_peer_comment"
    __table_args__ = (Index("ix_appraisal_peer_comment_member", "session_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), nullable=False
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False)
    )
    text: str = Field(sa_column=Column(Text, nullable=False))
    recorded_at: dt.datetime


# ---------------------------------------------------------------------------- after publishing
# 公示 and 结果运用 (migration 0009): objections during the notice window, grades they
# corrected (append-only), follow-ups of 基本合格/不合格 and the commendation register's notes.


class AppraisalObjection(SQLModel, table=True):
    """An objection (异议) to a published result, raised during its notice window; answered
    once (answer, date, outcome), never deleted (triggers)."""

    __tablename__ = "appraisal_objection"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    session_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
            nullable=False,
            index=True,
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False)
    )
    raised_on: dt.date
    raised_by: str | None = Field(default=None, max_length=100)  # None: anonymous
    content: str
    answer: str | None = None
    answered_on: dt.date | None = None
    outcome: str | None = Field(default=None, max_length=20)  # ObjectionOutcome
    answered_by: str | None = Field(default=None, max_length=100)  # the operator who answered
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class AppraisalCorrection(SQLModel, table=True):
    """A grade changed by an answered objection: beside the frozen decision, never over it."""

    __tablename__ = "appraisal_correction"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
            nullable=False,
            index=True,
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False)
    )
    objection_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("appraisal_objection.id", ondelete="RESTRICT"),
            nullable=False,
            unique=True,
        )
    )
    previous: str = Field(max_length=30)  # Grade before
    final: str = Field(max_length=30)  # Grade now
    reason: str
    decided_on: dt.date
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class AppraisalFollowUp(SQLModel, table=True):
    """结果运用 for a member graded 基本合格 or 不合格: one measure and when it was done."""

    __tablename__ = "appraisal_follow_up"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    session_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
            nullable=False,
            index=True,
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False)
    )
    grade: str = Field(max_length=30)  # the final Grade that called for it
    measure: str = Field(max_length=20)  # FollowUpMeasure
    deadline: dt.date | None = None
    talk_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("talk.id", ondelete="RESTRICT"), nullable=True),
    )
    disposal: str | None = Field(default=None, max_length=20)  # Disposal
    effective_on: dt.date | None = None  # the disposal takes effect
    note: str | None = None
    done_on: dt.date | None = None
    done_note: str | None = None
    event_id: int | None = Field(  # the removal recorded when the disposal was carried out
        default=None,
        sa_column=Column(
            Integer, ForeignKey("member_event.id", ondelete="RESTRICT"), nullable=True
        ),
    )
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class Commendation(SQLModel, table=True):
    """The award or note of a member graded 优秀 in a final result (评先评优)."""

    __tablename__ = "commendation"
    __table_args__ = (UniqueConstraint("session_id", "member_id", name="uq_commendation_member"),)

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    session_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), nullable=False
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False)
    )
    award: str | None = Field(default=None, max_length=200)
    note: str | None = None
    operator: str = Field(max_length=100)
    created_at: dt.datetime


class Account(SQLModel, table=True):
    """A login that may use the database (issue 13): the OS/SSH user name, which on
    PostgreSQL is also the database role it connects as."""

    __tablename__ = "account"

    name: str = Field(primary_key=True, max_length=63)
    is_admin: bool = False
    created_at: dt.datetime
    created_by: str = Field(max_length=100)


class AccountGrant(SQLModel, table=True):
    """A role an account holds in one branch; ``member_id`` names the roster member the
    account is (required for the member role)."""

    __tablename__ = "account_grant"

    account: str = Field(
        sa_column=Column(
            String(63),
            ForeignKey("account.name", ondelete="CASCADE"),
            primary_key=True,
        )
    )
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), primary_key=True, index=True
        )
    )
    role: str = Field(primary_key=True, max_length=20)  # AccountRole
    member_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=True),
    )
    granted_at: dt.datetime
    granted_by: str = Field(max_length=100)


class ActivityOrder(SQLModel, table=True):
    """An activity or topic a member ordered for the branch (点单, 0013) and the branch's
    answer: taken into the annual plan (接单, ``plan_item_id``), declined, or done."""

    __tablename__ = "activity_order"

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    kind: str = Field(max_length=20)  # OrderKind
    title: str = Field(max_length=200)
    detail: str | None = None
    wanted_month: str | None = Field(default=None, max_length=7)  # YYYY-MM
    status: str = Field(max_length=20)  # OrderStatus
    plan_item_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("plan_item.id", ondelete="RESTRICT"), nullable=True),
    )
    answer: str | None = None  # why declined, or a note when taken or done
    created_at: dt.datetime
    operator: str = Field(max_length=100)  # who placed it
    answered_at: dt.datetime | None = None
    answered_by: str | None = Field(default=None, max_length=100)


# The Core tables the queries are written against, one alias per model, declared here
# only: every module imports them from here, so no copy can name another table.
branch_t = table_of(Branch)
group_t = table_of(PartyGroup)
member_t = table_of(Member)
meeting_t = table_of(Meeting)
mtype_t = table_of(MeetingTypeLink)
attendance_t = table_of(Attendance)
audit_t = table_of(AuditLog)
scheme_t = table_of(SchemeVersion)
ledger_t = table_of(LedgerEntry)
total_t = table_of(LedgerTotal)
talk_t = table_of(Talk)
talk_text_t = table_of(TalkText)
talker_t = table_of(TalkTalker)
plan_t = table_of(PlanItem)
rect_t = table_of(RectificationItem)
life_record_t = table_of(LifeMeetingRecord)
member_post_t = table_of(MemberPost)
commitment_t = table_of(Commitment)
event_t = table_of(MemberEvent)
standard_t = table_of(DuesStandard)
payment_t = table_of(DuesPayment)
publication_t = table_of(Publication)
session_t = table_of(AppraisalSession)
candidate_t = table_of(AppraisalCandidate)
voter_t = table_of(AppraisalVoter)
voted_t = table_of(AppraisalVoted)
rating_t = table_of(AppraisalRating)
receipt_t = table_of(AppraisalReceipt)
sealed_t = table_of(AppraisalSealed)
decision_t = table_of(AppraisalDecision)
self_assessment_t = table_of(AppraisalSelfAssessment)
peer_comment_t = table_of(AppraisalPeerComment)
objection_t = table_of(AppraisalObjection)
correction_t = table_of(AppraisalCorrection)
follow_up_t = table_of(AppraisalFollowUp)
commendation_t = table_of(Commendation)
account_t = table_of(Account)
grant_t = table_of(AccountGrant)
order_t = table_of(ActivityOrder)
