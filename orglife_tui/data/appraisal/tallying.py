"""The tally of a sealed session: counts per candidate and grade, the proposals, and the
tally as stored in a publication (read back as the same ``Tally``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, select

from orglife_tui.data import publications
from orglife_tui.data.appraisal.common import (
    SchemeUsed,
    SessionRow,
    Tally,
    TallyRow,
    _by_number,
    _read_session,
)
from orglife_tui.data.errors import Conflict, StoreError
from orglife_tui.data.models import candidate_t, decision_t, rating_t
from orglife_tui.data.publications import PublicationRow
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus, SessionState
from orglife_tui.scoring import appraisal as rules
from orglife_tui.scoring.appraisal import Counts
from orglife_tui.scoring.model import Grade, Scheme


def _counts(conn: Connection, session_id: int) -> dict[int, Counts]:
    """Votes per candidate and grade: one GROUP BY."""
    tallies: dict[int, dict[str, int]] = {}
    for candidate_id, grade, n in conn.execute(
        select(rating_t.c.candidate_id, rating_t.c.grade, func.count())
        .where(rating_t.c.session_id == session_id)
        .group_by(rating_t.c.candidate_id, rating_t.c.grade)
    ):
        tallies.setdefault(candidate_id, {})[grade or "abstain"] = int(n)
    return {cid: Counts(**c) for cid, c in tallies.items()}


def tally(store: Store, branch_id: int, session_id: int, scheme: Scheme) -> Tally:
    """Per candidate: the counts of each grade and abstentions, the points of the year (by
    ``scheme``), the proposal and the committee's grade. Refused while the poll is open.

    A published session's tally is its stored record (``publish``), whatever ``scheme``,
    the ledger or the roster say now; only a session published before records were kept
    is computed."""
    from orglife_tui.data.scores import scoreboard

    with store.read_connection() as conn:
        session = _read_session(conn, branch_id, session_id)
        if session.state not in (SessionState.finished, SessionState.published):
            raise Conflict(
                "appraisal.tally_while_open",
                id=session_id,
                voted=session.voted,
                voters=session.voters,
            )
        if session.state is SessionState.published:
            record = publications.for_session(conn, branch_id, session_id)
            if record is not None:
                return stored_tally(record)
        cands = conn.execute(
            select(
                candidate_t.c.member_id,
                candidate_t.c.member_no,
                candidate_t.c.name,
                candidate_t.c.status,
                candidate_t.c.graded,
                decision_t.c.final,
                decision_t.c.reason,
            )
            .select_from(
                candidate_t.outerjoin(
                    decision_t,
                    (decision_t.c.session_id == candidate_t.c.session_id)
                    & (decision_t.c.member_id == candidate_t.c.member_id),
                )
            )
            .where(candidate_t.c.session_id == session_id)
            .order_by(candidate_t.c.member_no)
        ).all()
        counts = _counts(conn, session_id)
    board = {r.member_no: r for r in scoreboard(store, branch_id, session.year, scheme)}
    rows: list[TallyRow] = []
    for c in _by_number(cands):
        status = MemberStatus(c.status)
        graded = bool(c.graded)
        cnt = counts.get(c.member_id, Counts())
        score = board.get(c.member_no)
        points = None if score is None else score.total
        vetoed = bool(score is not None and score.vetoed)
        proposed = rules.proposed_grade(scheme, status, points, vetoed, cnt) if graded else None
        rows.append(
            TallyRow(
                member_no=c.member_no,
                name=c.name,
                status=status,
                graded=graded,
                counts=cnt,
                points=points,
                proposed=proposed,
                final=None if c.final is None else Grade(c.final),
                reason=c.reason,
                unqualified_flag=rules.unqualified_flag(scheme, cnt),
                vetoed=vetoed,
                combined=rules.combined_score(scheme, points, cnt),
                ballot_score=rules.ballot_score(cnt, scheme),
            )
        )
    grades = [r.final or r.proposed for r in rows if r.graded]
    return Tally(
        session=session,
        turnout=(session.voted, session.voters),
        rows=rows,
        excellent_warning=rules.excellent_over_share(scheme, grades),
        excellent_share=rules.excellent_share(grades),
        graded=sum(1 for r in rows if r.graded),
        scheme=SchemeUsed.of(scheme),
    )


# A published session's tally as stored in ``publication.data`` (kind ``appraisal``):
# everything its reports show, read back as the same ``Tally``.


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _grade_key(grade: Grade | None) -> str | None:
    return None if grade is None else grade.value


def tally_data(result: Tally, branch: str) -> dict[str, object]:
    """The stored form of a tally (JSON-ready; floats kept as they are)."""
    s = result.session
    used = result.scheme
    return {
        "format": publications.DATA_FORMAT,
        "kind": publications.APPRAISAL,
        "branch": branch,
        "year": s.year,
        "session": {
            "id": s.id,
            "year": s.year,
            "state": s.state.value,
            "voters": s.voters,
            "voted": s.voted,
            "candidates": s.candidates,
            "fingerprint": s.fingerprint,
            "ballots": s.ballots,
            "created_at": _iso(s.created_at),
            "started_at": _iso(s.started_at),
            "closed_at": _iso(s.closed_at),
            "published_at": _iso(s.published_at),
        },
        "scheme": None
        if used is None
        else {
            "name": used.name,
            "version": used.version,
            "sha256": used.sha256,
            "points_weight": used.points_weight,
            "excellent_share_max": used.excellent_share_max,
        },
        "turnout": list(result.turnout),
        "excellent_warning": result.excellent_warning,
        "excellent_share": result.excellent_share,
        "graded": result.graded,
        "rows": [
            {
                "member_no": r.member_no,
                "name": r.name,
                "status": r.status.value,
                "graded": r.graded,
                "counts": {
                    "excellent": r.counts.excellent,
                    "qualified": r.counts.qualified,
                    "basically_qualified": r.counts.basically_qualified,
                    "unqualified": r.counts.unqualified,
                    "abstain": r.counts.abstain,
                },
                "ballot_score": r.ballot_score,
                "points": r.points,
                "combined": r.combined,
                "proposed": _grade_key(r.proposed),
                "final": _grade_key(r.final),
                "reason": r.reason,
                "unqualified_flag": r.unqualified_flag,
                "vetoed": r.vetoed,
                "departs": r.final is not None and r.final != r.proposed,
            }
            for r in result.rows
        ],
    }


def stored_tally(record: PublicationRow) -> Tally:
    """The tally a publication stored, as it was shown when it was published."""
    data = record.data
    if data.get("format") != publications.DATA_FORMAT or data.get("kind") != "appraisal":
        raise StoreError("publication.unreadable", id=record.id)
    try:
        return _stored_tally(record, data)
    except (KeyError, TypeError, ValueError):
        raise StoreError("publication.unreadable", id=record.id) from None


def _stored_tally(record: PublicationRow, data: dict) -> Tally:
    from_iso = publications.from_iso
    s = data["session"]
    session = SessionRow(
        id=s["id"],
        year=s["year"],
        state=SessionState(s["state"]),
        voters=s["voters"],
        voted=s["voted"],
        candidates=s["candidates"],
        fingerprint=s["fingerprint"],
        ballots=s["ballots"],
        created_at=from_iso(s["created_at"]),
        started_at=from_iso(s["started_at"]),
        closed_at=from_iso(s["closed_at"]),
        published_at=from_iso(s["published_at"]),
    )

    def grade(value: str | None) -> Grade | None:
        return None if value is None else Grade(value)

    rows = [
        TallyRow(
            member_no=r["member_no"],
            name=r["name"],
            status=MemberStatus(r["status"]),
            graded=r["graded"],
            counts=Counts(**r["counts"]),
            points=r["points"],
            proposed=grade(r["proposed"]),
            final=grade(r["final"]),
            reason=r["reason"],
            unqualified_flag=r["unqualified_flag"],
            vetoed=r["vetoed"],
            combined=r["combined"],
            ballot_score=r["ballot_score"],
        )
        for r in data["rows"]
    ]
    used = data.get("scheme")
    voted, voters = data["turnout"]
    return Tally(
        session=session,
        turnout=(voted, voters),
        rows=rows,
        excellent_warning=data["excellent_warning"],
        excellent_share=data["excellent_share"],
        graded=data["graded"],
        scheme=None if used is None else SchemeUsed(**used),
        publication=record,
        branch=data["branch"],
    )
