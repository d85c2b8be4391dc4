"""The tables, as SQLAlchemy Core ``Table`` objects on one ``metadata``; the schema itself is
owned by Alembic (migrations/).

Plain Core rather than SQLModel classes: the code only ever used the tables, and building
the SQLModel classes (pydantic models over SQLAlchemy's ORM) cost every command a good part
of its start-up. Enumerations are stored as their English keys (``full``, ``leave`` …) in
plain strings so that the same rows read the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Dialect,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    types,
)


class UTCDateTime(types.TypeDecorator[datetime]):
    """A moment: written as an aware datetime in UTC (a naive one is refused), read back
    aware in UTC (SQLite keeps no offset: what it stores is UTC)."""

    impl = types.DateTime
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)

    def coerce_compared_value(self, op: Any, value: Any) -> types.TypeEngine[Any]:
        if isinstance(value, timedelta):
            return types.Interval()
        return self

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("a datetime written to the database must carry its time zone")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


metadata = MetaData()
"""Every table; Alembic's environment compares migrations against it."""

branch = Table(
    "branch",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", UTCDateTime(), nullable=False),
    # The first day the branch's records cover: every period from here on is judged (0006).
    Column("records_start", Date),
)

party_group = Table(
    "party_group",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("branch_id", Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(100), nullable=False),
    UniqueConstraint("branch_id", "name", name="uq_party_group_name"),
)

member = Table(
    "member",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "branch_id",
        Integer,
        ForeignKey("branch.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("member_no", String(50), nullable=False),
    Column("name", String(100), nullable=False),
    Column("gender", String(10)),
    Column("birth_date", Date),
    Column("join_date", Date),
    Column("full_date", Date),
    Column("status", String(20), nullable=False),
    Column("group_id", Integer, ForeignKey("party_group.id", ondelete="RESTRICT")),
    Column("post", String(30)),
    Column("phone", String(30)),
    Column("dues_paid_until", String(7)),  # YYYY-MM
    # Membership as a history (0006). ``member_event`` holds the dated events; these three
    # columns are kept from them so that "in the branch on date D" is one SQL condition:
    # entered_on IS NULL OR entered_on <= D, and left_on IS NULL OR D < left_on.
    # entered_on: transferred in on; NULL: in the branch from the start.
    Column("entered_on", Date),
    Column("left_on", Date),  # the first day no longer in the branch
    Column("left_kind", String(20)),  # MemberEventKind departure
    Column("sort_key", String(200), nullable=False, default=""),  # domain.natural_key(member_no)
    UniqueConstraint("branch_id", "member_no", name="uq_member_no"),
)

meeting = Table(
    "meeting",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("branch_id", Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False),
    Column("meeting_no", String(50), nullable=False),
    Column("date", Date, nullable=False, index=True),
    Column("title", String(300), nullable=False),
    Column("group_id", Integer, ForeignKey("party_group.id", ondelete="RESTRICT")),
    Column("place", String(200)),
    Column("host", String(100)),
    Column("recorder", String(100)),
    Column("lecturer", String(100)),
    Column("minutes", String),
    # A meeting recorded by mistake is voided, never deleted (0006): it leaves sheets and
    # rules, and the points its attendance earned are reversed in the ledger.
    Column("voided_at", UTCDateTime()),
    Column("void_reason", String),
    UniqueConstraint("branch_id", "meeting_no", name="uq_meeting_no"),
)

# One row per type a meeting counts as (a themed day may also be a Party lecture).
meeting_type = Table(
    "meeting_type",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("type", String(30), primary_key=True),
)

attendance = Table(
    "attendance",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "member_id",
        Integer,
        ForeignKey("member.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
    Column("status", String(10), nullable=False),
    Column("reason", String(500)),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("branch_id", Integer, ForeignKey("branch.id", ondelete="RESTRICT")),
    Column("at", UTCDateTime(), nullable=False),
    Column("operator", String(100), nullable=False),
    Column("action", String(50), nullable=False),
    Column("detail", String, nullable=False, default=""),
    Column("prev_hash", String(64)),
    Column("hash", String(64)),
)

# Every scoring scheme a branch has used, with its text and hash; the newest is active.
scheme_version = Table(
    "scheme_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("branch_id", Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("version", String(50), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("source", String, nullable=False),
    Column("activated_at", UTCDateTime(), nullable=False),
    Column("operator", String(100), nullable=False),
)

# One line of a member's points ledger. Append-only: triggers refuse UPDATE/DELETE; a
# correction is a new entry whose ``reverses_id`` names the original (once).
ledger_entry = Table(
    "ledger_entry",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("branch_id", Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False),
    Column("member_id", Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False),
    Column("item_code", String(50), nullable=False),
    Column("points", Float, nullable=False),
    Column("hours", Float),
    Column("entry_date", Date, nullable=False),
    Column("note", String),
    Column("source", String(20), nullable=False),  # manual | attendance
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="RESTRICT")),
    Column("reverses_id", Integer, ForeignKey("ledger_entry.id", ondelete="RESTRICT"), unique=True),
    Column("scheme_version_id", Integer, ForeignKey("scheme_version.id", ondelete="RESTRICT")),
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# A member's yearly sum per item, kept by a trigger on every ledger insert (0003).
ledger_total = Table(
    "ledger_total",
    metadata,
    Column("member_id", Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True),
    Column("item_code", String(50), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("branch_id", Integer, nullable=False),
    Column("points", Float, nullable=False),
    Column("entries", Integer, nullable=False),
    Column("reversals", Integer, nullable=False),
)

# A heart-to-heart talk (谈心谈话) with one member. Confidential talks keep their texts out
# of listings and exports unless they are asked for (and that is audited).
talk = Table(
    "talk",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "branch_id",
        Integer,
        ForeignKey("branch.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column(
        "member_id",
        Integer,
        ForeignKey("member.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("date", Date, nullable=False, index=True),
    Column("place", String(200)),
    Column("form", String(20), nullable=False),  # TalkForm
    Column("type", String(30), nullable=False),  # TalkType
    Column("recorder", String(100)),
    Column("trigger", String(500)),  # why the talk was held
    Column("content", String),
    Column("problems", String),
    Column("difficulties", String),  # the member's difficulties and requests
    Column("opinions", String),  # the member's opinions on the branch
    Column("actions", String),  # agreed actions
    Column("action_deadline", Date),
    Column("follow_up_date", Date),
    Column("follow_up_result", String),
    Column("confidential", Boolean, nullable=False, default=False),
    # The absence case the talk answers: first month of the streak (YYYY-MM) and the
    # ladder step (LadderAction).
    Column("absence_from", String(7)),
    Column("absence_step", String(30)),
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# Who talked: a branch member (``member_id``) or someone from outside (a higher body).
talk_talker = Table(
    "talk_talker",
    metadata,
    Column("talk_id", Integer, ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("member.id", ondelete="RESTRICT"), index=True),
    Column("name", String(100), nullable=False),
    Column("post", String(50)),  # CommitteePost key or free text
)

# One line of the annual organizational-life plan: a meeting type, a month, a topic.
plan_item = Table(
    "plan_item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("branch_id", Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False),
    Column("year", Integer, nullable=False, index=True),
    Column("month", Integer),  # 1–12; NULL: some time in the year
    Column("meeting_type", String(30), nullable=False),
    Column("topic", String(300), nullable=False),
    Column("note", String),
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# A problem found at the life meeting, to be put right by ``owner`` by ``deadline``.
rectification_item = Table(
    "rectification_item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("branch_id", Integer, ForeignKey("branch.id", ondelete="RESTRICT"), nullable=False),
    Column("year", Integer, nullable=False, index=True),  # the life meeting's year
    Column("problem", String, nullable=False),
    Column("measure", String),  # what is to be done
    Column("owner", String(100), nullable=False),
    Column("deadline", Date, nullable=False),
    Column("status", String(20), nullable=False),  # RectificationStatus
    Column("closed_on", Date),
    Column("closing_note", String),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="RESTRICT")),
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# A dated change in a member's standing (0006): transfer in/out, conversion, an extended
# probation, away (流动) from ``date`` to ``end_date``, death, removal.
member_event = Table(
    "member_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "branch_id",
        Integer,
        ForeignKey("branch.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column(
        "member_id",
        Integer,
        ForeignKey("member.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("kind", String(30), nullable=False),  # MemberEventKind
    Column("date", Date, nullable=False),
    Column("end_date", Date),  # away: the last day away (NULL: still away)
    Column("place", String(200)),  # to / from / where
    Column("reason", String),
    Column("note", String),
    Column("voided_at", UTCDateTime()),  # an event recorded by mistake: kept, not counted
    Column("void_reason", String),
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# A member's monthly dues (党费) from ``from_month`` on, in fen (hundredths of a yuan).
dues_standard = Table(
    "dues_standard",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "branch_id",
        Integer,
        ForeignKey("branch.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("member_id", Integer, ForeignKey("member.id", ondelete="RESTRICT"), nullable=False),
    Column("from_month", String(7), nullable=False),  # YYYY-MM
    Column("amount_fen", Integer, nullable=False),
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("member_id", "from_month", name="uq_dues_standard"),
)

# A dues payment covering the months ``from_month``..``to_month`` (inclusive).
dues_payment = Table(
    "dues_payment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "branch_id",
        Integer,
        ForeignKey("branch.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column(
        "member_id",
        Integer,
        ForeignKey("member.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("paid_on", Date, nullable=False),
    Column("from_month", String(7), nullable=False),  # YYYY-MM, to_month too
    Column("to_month", String(7), nullable=False),
    Column("amount_fen", Integer, nullable=False),
    Column("note", String),
    Column("voided_at", UTCDateTime()),
    Column("void_reason", String),
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# What was published stays published (docs/architecture.md §5): a publicity sheet or an
# appraisal result stored with the numbers it showed and the ledger and audit heads it was
# made from. Later reads of a publication use ``data``, never a recomputation.
publication = Table(
    "publication",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "branch_id",
        Integer,
        ForeignKey("branch.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("kind", String(20), nullable=False),  # publicity | appraisal
    Column("year", Integer, nullable=False),
    Column("as_of", Date, nullable=False),
    Column("window_start", Date),
    Column("window_end", Date),
    Column(
        "session_id", Integer, ForeignKey("appraisal_session.id", ondelete="RESTRICT"), unique=True
    ),
    Column("ledger_head", String(64), nullable=False),
    Column("audit_head", String(64)),
    Column("data", String, nullable=False),  # JSON: the rows as shown
    Column("operator", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

# ---------------------------------------------------------------------------- appraisal
# docs/architecture.md §6: who voted (``appraisal_voted``) and what was voted
# (``appraisal_rating``) live in separate tables; neither records an order: no timestamps,
# no autoincrement ids, random keys, WITHOUT ROWID on SQLite. Triggers (migration 0005)
# refuse UPDATE of the ballot tables, INSERT unless the poll is open and DELETE once the
# result is published.

# A democratic appraisal (民主评议党员) of one branch for one year.
appraisal_session = Table(
    "appraisal_session",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "branch_id",
        Integer,
        ForeignKey("branch.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("year", Integer, nullable=False),
    Column("state", String(20), nullable=False),  # SessionState
    Column("pin_salt", String(64)),  # hex; pin_hash: hex, hashlib.scrypt
    Column("pin_hash", String(128)),
    Column("pin_failures", Integer, nullable=False, default=0),
    Column("pin_locked_until", UTCDateTime()),
    Column("scheme_version_id", Integer, ForeignKey("scheme_version.id", ondelete="RESTRICT")),
    Column("fingerprint", String(64)),  # sha256 hex, at close; ballots: sealed at close
    Column("ballots", Integer),
    # The session's X25519 public key (hex): every ballot is sealed to it (migration 0007).
    Column("tally_public_key", String(64)),
    # Its private key, split in two shares each wrapped under one tally password (JSON);
    # destroyed at close and reset.
    Column("tally_key", Text),
    # sealed, but the files not yet scrubbed of the poll
    Column("scrub_pending", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("started_at", UTCDateTime()),
    Column("closed_at", UTCDateTime()),
    Column("published_at", UTCDateTime()),
    Column("operator", String(100), nullable=False),
)

# The roster snapshot taken at start: whom the ballot rates.
appraisal_candidate = Table(
    "appraisal_candidate",
    metadata,
    Column(
        "session_id",
        Integer,
        ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
        primary_key=True,
    ),
    Column("member_id", Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True),
    Column("member_no", String(50), nullable=False),
    Column("name", String(100), nullable=False),
    Column("status", String(20), nullable=False),  # MemberStatus at start
    Column("graded", Boolean, nullable=False),
)

# The roster snapshot taken at start: who has a vote.
appraisal_voter = Table(
    "appraisal_voter",
    metadata,
    Column(
        "session_id",
        Integer,
        ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
        primary_key=True,
    ),
    Column("member_id", Integer, ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True),
    Column("member_no", String(50), nullable=False),
    Column("name", String(100), nullable=False),
)

# The voted set: one row per voter who has voted, and nothing else (no time, no order).
appraisal_voted = Table(
    "appraisal_voted",
    metadata,
    Column("session_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    ForeignKeyConstraint(
        ["session_id", "member_id"],
        ["appraisal_voter.session_id", "appraisal_voter.member_id"],
        ondelete="RESTRICT",
    ),
    sqlite_with_rowid=False,
)

# One candidate's grade on one ballot (``grade`` None = abstained). No ballot id: a ballot
# is never stored whole. ``key`` is random: rows read back in key order.
appraisal_rating = Table(
    "appraisal_rating",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("session_id", Integer, nullable=False),
    Column("candidate_id", Integer, nullable=False),  # appraisal_candidate.member_id
    Column("grade", String(30)),  # Grade; NULL = abstain
    ForeignKeyConstraint(
        ["session_id", "candidate_id"],
        ["appraisal_candidate.session_id", "appraisal_candidate.member_id"],
        ondelete="RESTRICT",
    ),
    Index("ix_appraisal_rating_candidate", "session_id", "candidate_id", "grade"),
    sqlite_with_rowid=False,
)

# A random receipt code per ballot, linked to nothing but its session.
appraisal_receipt = Table(
    "appraisal_receipt",
    metadata,
    Column("code", String(16), primary_key=True),
    Column(
        "session_id",
        Integer,
        ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
        nullable=False,
    ),
    Index("ix_appraisal_receipt_session", "session_id"),
    sqlite_with_rowid=False,
)

# A cast ballot while the poll is open: its ratings sealed to the session's public key
# (``appraisal_session.tally_public_key``). Random key; opened and deleted at close.
appraisal_sealed = Table(
    "appraisal_sealed",
    metadata,
    Column("key", String(32), primary_key=True),
    Column(
        "session_id",
        Integer,
        ForeignKey("appraisal_session.id", ondelete="RESTRICT"),
        nullable=False,
    ),
    Column("box", LargeBinary, nullable=False),
    Index("ix_appraisal_sealed_session", "session_id"),
    sqlite_with_rowid=False,
)

# The committee's grade for a candidate (组织评定), with its reason where it departs from
# the proposal.
appraisal_decision = Table(
    "appraisal_decision",
    metadata,
    Column("session_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("proposed", String(30)),  # Grade proposed when decided; final: Grade
    Column("final", String(30), nullable=False),
    Column("reason", String),
    Column("decided_at", UTCDateTime(), nullable=False),
    Column("operator", String(100), nullable=False),
    ForeignKeyConstraint(
        ["session_id", "member_id"],
        ["appraisal_candidate.session_id", "appraisal_candidate.member_id"],
        ondelete="RESTRICT",
    ),
)
