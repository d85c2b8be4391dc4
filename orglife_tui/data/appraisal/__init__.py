"""The democratic appraisal (民主评议党员): sessions, secret ballots, the seal, the tally.

A session of a branch and year moves ``created → started → finished → published``; it can
be reset to ``created`` (every ballot discarded) until it is published. Starting it takes a
snapshot of the roster — the candidates every ballot rates and the voters — and stores the
teller's PIN only as ``hashlib.scrypt`` with a random salt.

Secrecy in storage (docs/architecture.md §6)
---------------------------------
* Who voted (``appraisal_voted``: session, member) and what was voted
  (``appraisal_rating``: random key, session, candidate, grade) are separate tables, and a
  ballot is stored as one rating row per candidate with no ballot id, so no row names the
  ballot it came from. Receipts (``appraisal_receipt``) are random codes linked to nothing
  but the session. No timestamp, sequence or autoincrement id is anywhere near them; on
  SQLite they are ``WITHOUT ROWID`` tables, read back in key order.
* While the poll is open a ballot's ratings are stored only sealed (``appraisal_sealed``:
  random key, session, a PyNaCl sealed box to the session's public key, padded to one
  length per session); the private key exists only split under the teller's and the
  scrutineer's tally passwords (``data.sealing``). ``close_session`` needs both: in one
  transaction it opens every sealed ballot, writes the rating rows below (random keys, in
  key order), deletes the sealed rows and the wrapped key, and seals; the scrub follows
  and clears ``scrub_pending``. A copy of the files taken during the poll, with either
  password, shows who voted and that a ballot exists, never what it says.
* A ballot is one transaction (voted row, sealed ballot, receipt) and writes **no** audit
  event; neither does activating a voter. The audit log holds poll-level events only:
  ``appraisal.create``, ``appraisal.start`` (voters, candidates), ``appraisal.pin_lockout``,
  ``appraisal.seal`` (ballots, fingerprint), ``appraisal.scrub_failed`` (the database's
  own reason, which the user's message leaves out), ``appraisal.reset``,
  ``appraisal.grade``, ``appraisal.publish``; and the steps around the ballot:
  ``appraisal.self_assessment``, ``appraisal.peer_comment``,
  ``appraisal.peer_comment_removed``.
* Triggers (migration 0005) refuse any UPDATE of a ballot row, an INSERT unless the poll is
  open and a DELETE once the result is published.
* While the poll is open the database necessarily holds traces of the cast order (SQLite's
  write-ahead log and the byte order of cells inside a page; PostgreSQL's ``xmin`` and heap
  order, which also tie a voted row to the rating rows of the same transaction). Closing
  removes them: on SQLite ``PRAGMA secure_delete``, a ``wal_checkpoint(TRUNCATE)``, a
  ``VACUUM`` (which rebuilds every page in key order) and a second checkpoint; on
  PostgreSQL the session's ballot rows are rewritten in key order in the closing
  transaction (one ``xmin`` for all, heap order = key order) and the ballot tables are
  rebuilt with ``VACUUM FULL``. (PostgreSQL's own write-ahead log and backups are the
  server administrator's; they can hold the pre-close pages.)

The fingerprint
---------------
Closing checks that the votes cast equal the voted set (and that every candidate has one
rating row per ballot), then stores the ballot count and a SHA-256 fingerprint over the
session's rating rows, written to the audit log in the one ``appraisal.seal`` event and
recomputed by ``orglife-tui verify``. Each rating row is encoded as the UTF-8 bytes of::

    <candidate member_no> TAB <grade key, or the empty string for an abstention> TAB <key> LF

where ``member_no`` is the candidate's number in the roster snapshot
(``appraisal_candidate.member_no``), the grade key one of ``excellent``, ``qualified``,
``basically_qualified``, ``unqualified``, and ``key`` the row's random key. The lines are
sorted by their bytes (which is the order by member_no, grade, key) and concatenated; the
fingerprint is the lowercase hex SHA-256 of the result. Anyone can recompute it::

    sqlite3 branch.db "SELECT c.member_no || char(9) || coalesce(r.grade, '') || char(9)
      || r.key FROM appraisal_rating r JOIN appraisal_candidate c ON c.session_id =
      r.session_id AND c.member_id = r.candidate_id WHERE r.session_id = 1 ORDER BY 1"
      | sha256sum

on PostgreSQL, where the sort must be by bytes whatever the database's collation::

    psql -XAtq -c "SELECT line FROM (SELECT c.member_no || chr(9) || coalesce(r.grade, '')
      || chr(9) || r.key AS line FROM appraisal_rating r JOIN appraisal_candidate c ON
      c.session_id = r.session_id AND c.member_id = r.candidate_id WHERE r.session_id = 1)
      AS t ORDER BY line COLLATE \"C\"" | sha256sum

The package, by stage (each module imports only the ones above it):

* ``common``: the tables, the row types, reading and locking a session;
* ``pin``: the teller's PIN and the tally passwords;
* ``sessions``: create, start, list and read sessions, the candidates and the voters;
* ``ballots``: casting a ballot, voters who voted on paper;
* ``seal``: closing (the seal, the fingerprint, the scrub), resetting, verifying;
* ``tallying``: the tally and the tally as stored in a publication;
* ``grading``: the committee's grades (one by one, or every proposal at once) and
  publishing;
* ``steps``: the steps around the ballot: self-assessments (个人自评) and peer comments
  (党员互评), and who takes part in them.

Callers import from the package (``from orglife_tui.data import appraisal``); a test that
replaces a private step patches the submodule that calls it (``appraisal.seal._scrub``).
"""

from __future__ import annotations

from orglife_tui.data.appraisal.ballots import (
    cast_ballot,
    mark_paper_voters,
)
from orglife_tui.data.appraisal.common import (
    BALLOT_TABLES,
    CandidateRow,
    FingerprintProblem,
    Ratings,
    SchemeUsed,
    SealResult,
    SessionRow,
    Tally,
    TallyRow,
    VoterRow,
    grade_label,
    state_error,
)
from orglife_tui.data.appraisal.common import _now as _now
from orglife_tui.data.appraisal.grading import (
    AllProposed,
    grade_all_proposed,
    publish,
    set_grade,
    split_proposed,
)
from orglife_tui.data.appraisal.grading import _scheme_of as _scheme_of
from orglife_tui.data.appraisal.pin import (
    check_new_passwords,
    check_new_pin,
    check_pin,
)
from orglife_tui.data.appraisal.seal import (
    close_session,
    fingerprint,
    fingerprint_problems,
    reset_session,
    verify_fingerprints,
)
from orglife_tui.data.appraisal.sessions import (
    candidates,
    get_session,
    has_receipt,
    list_sessions,
    new_session,
    start_session,
    voters,
)
from orglife_tui.data.appraisal.steps import (
    AppraisedMember,
    LeftOut,
    PeerComment,
    ProcedureCounts,
    SelfAssessment,
    add_peer_comment,
    appraised,
    left_out,
    peer_comments,
    record_self_assessment,
    record_self_assessments,
    remove_peer_comment,
    self_assessments,
    year_procedure,
)
from orglife_tui.data.appraisal.tallying import (
    stored_tally,
    tally,
    tally_data,
)

__all__ = [
    "AppraisedMember",
    "LeftOut",
    "left_out",
    "PeerComment",
    "ProcedureCounts",
    "year_procedure",
    "SelfAssessment",
    "add_peer_comment",
    "appraised",
    "peer_comments",
    "record_self_assessment",
    "record_self_assessments",
    "remove_peer_comment",
    "self_assessments",
    "AllProposed",
    "BALLOT_TABLES",
    "CandidateRow",
    "FingerprintProblem",
    "Ratings",
    "SchemeUsed",
    "SealResult",
    "SessionRow",
    "Tally",
    "TallyRow",
    "VoterRow",
    "candidates",
    "cast_ballot",
    "check_new_passwords",
    "check_new_pin",
    "check_pin",
    "close_session",
    "fingerprint",
    "fingerprint_problems",
    "get_session",
    "grade_all_proposed",
    "grade_label",
    "has_receipt",
    "list_sessions",
    "mark_paper_voters",
    "new_session",
    "publish",
    "reset_session",
    "set_grade",
    "start_session",
    "split_proposed",
    "state_error",
    "stored_tally",
    "tally",
    "tally_data",
    "verify_fingerprints",
    "voters",
]
