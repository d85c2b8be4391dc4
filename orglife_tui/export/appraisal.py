# Over 600 lines: the appraisal sheets (ballot, results, publicity) share one layout in four
# formats; to split per sheet.
"""The democratic appraisal leaves the branch: the summary for the higher Party committee and
one feedback note (反馈意见) per member, as CSV (UTF-8 with BOM), JSON, XLSX or Markdown.

Pure over the sealed tally (``orglife_tui.data.appraisal.Tally``): counts per candidate and
grade, never anything about who voted — the tally holds no such thing, and these writers add
none. CSV, JSON and XLSX carry stable English keys and values (``excellent``, ``abstain``,
``full``); Markdown and the XLSX ``summary`` sheet speak the user's language. A session that
is finished but not yet published is a draft and every format says so (``draft`` true,
``state`` ``finished``, a banner on top of the Markdown and the summary sheet).

A published session is written from its stored record (``Tally.publication``): the branch
name, the scheme's guideline and the time printed are the record's, every format names the
ledger and audit heads it was made from, and the bytes are the same on every export
(the XLSX is stamped with the publication's time, see ``orglife_tui.export.stable``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from orglife_tui.data.anchors import anchor_text
from orglife_tui.data.appraisal import SchemeUsed, Tally, TallyRow
from orglife_tui.data.publications import PublicationRow
from orglife_tui.domain import SessionState, label
from orglife_tui.export.cells import append_row, csv_writer
from orglife_tui.export.files import localized_date, now_utc, number_text, xlsx_row
from orglife_tui.export.md import md_inline
from orglife_tui.export.stable import save_workbook
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.model import Grade

GRADES: tuple[Grade, ...] = (
    Grade.excellent,
    Grade.qualified,
    Grade.basically_qualified,
    Grade.unqualified,
)
# What a ballot can say about one candidate: a grade, or ``None`` for an abstention.
CHOICES: tuple[Grade | None, ...] = (*GRADES, None)
HIGHLIGHTED: tuple[Grade, ...] = (Grade.excellent, Grade.unqualified)


def choice_key(choice: Grade | None) -> str:
    """``excellent`` … ``unqualified``, ``abstain`` for an abstention."""
    return choice.value if choice is not None else "abstain"


COUNT_KEYS: tuple[str, ...] = tuple(choice_key(c) for c in CHOICES)
SHARE_KEYS: tuple[str, ...] = tuple(f"{k}_share" for k in COUNT_KEYS)

SUMMARY_COLUMNS: tuple[str, ...] = (
    "member_no",
    "name",
    "status",
    "graded",
    *COUNT_KEYS,
    "ballots",
    *SHARE_KEYS,
    "points",
    "vetoed",
    "ballot_score",
    "combined",
    "proposed",
    "final",
    "reason",
    "unqualified_flag",
    "departs",
)
FEEDBACK_COLUMNS: tuple[str, ...] = (
    "member_no",
    "name",
    "status",
    "graded",
    "grade",
    "proposed",
    *COUNT_KEYS,
    "ballots",
    "points",
    "opinion",
)
# Repeated on every CSV row so that each row names the session it comes from.
SESSION_COLUMNS: tuple[str, ...] = ("session_id", "year", "state", "draft")
# The heads a published record was made from (empty for a draft), after the fingerprint.
HEAD_COLUMNS: tuple[str, ...] = ("ledger_head", "audit_head")


@dataclass(frozen=True)
class AppraisalExport:
    """One sealed appraisal session of a branch, ready to be written."""

    branch: str
    tally: Tally
    excellent_share_max: float | None = None  # the scheme's guideline (one third by default)
    generated_at: datetime = field(default_factory=now_utc)

    @classmethod
    def of(
        cls, branch: str, tally: Tally, excellent_share_max: float | None = None
    ) -> AppraisalExport:
        """The export of a tally; a published record brings its own branch name, guideline
        and time (so that its files never change)."""
        record = tally.publication
        if record is None:
            return cls(branch=branch, tally=tally, excellent_share_max=excellent_share_max)
        return cls(
            branch=tally.branch or branch,
            tally=tally,
            excellent_share_max=tally.scheme.excellent_share_max if tally.scheme else None,
            generated_at=tally.session.published_at or record.created_at,
        )

    @property
    def publication(self) -> PublicationRow | None:
        return self.tally.publication

    @property
    def scheme(self) -> SchemeUsed | None:
        return self.tally.scheme

    def head_values(self) -> list[str | None]:
        record = self.publication
        return [None, None] if record is None else [record.ledger_head, record.audit_head]

    @property
    def rows(self) -> Sequence[TallyRow]:
        return self.tally.rows

    @property
    def session_id(self) -> int:
        return self.tally.session.id

    @property
    def year(self) -> int:
        return self.tally.session.year

    @property
    def state(self) -> SessionState:
        return SessionState(self.tally.session.state)

    @property
    def draft(self) -> bool:
        """Finished but not yet published: the committee's grades may still change."""
        return self.state is not SessionState.published

    @property
    def voted(self) -> int:
        return self.tally.turnout[0]

    @property
    def voters(self) -> int:
        return self.tally.turnout[1]

    @property
    def ballots(self) -> int:
        ballots = self.tally.session.ballots
        return self.voted if ballots is None else ballots

    @property
    def turnout(self) -> float | None:
        return self.voted / self.voters if self.voters else None

    @property
    def fingerprint(self) -> str | None:
        return self.tally.session.fingerprint

    def graded(self) -> list[TallyRow]:
        return [r for r in self.rows if r.graded]

    def grade_counts(self, which: str) -> dict[str, int]:
        """Graded members by their ``proposed`` or ``final`` grade; ``pending``: no grade yet."""
        counts = {g.value: 0 for g in GRADES}
        counts["pending"] = 0
        for row in self.graded():
            grade = getattr(row, which)
            counts[grade.value if grade is not None else "pending"] += 1
        return counts

    def highlighted(self) -> list[TallyRow]:
        """Members proposed or graded excellent or unqualified: the ones the higher committee
        reads the branch's opinion on."""
        return [r for r in self.graded() if r.proposed in HIGHLIGHTED or r.final in HIGHLIGHTED]

    def working_grades(self) -> list[Grade]:
        """What the one-third guideline is checked on, as the tally does: each graded
        member's final grade, else the proposal (members with neither left out)."""
        grades = [r.final or r.proposed for r in self.graded()]
        return [g for g in grades if g is not None]

    def session_values(self) -> list[Any]:
        return [self.session_id, self.year, self.state.value, self.draft]

    def dates(self) -> list[tuple[str, datetime | None]]:
        s = self.tally.session
        return [
            ("created_at", s.created_at),
            ("started_at", s.started_at),
            ("closed_at", s.closed_at),
            ("published_at", s.published_at),
        ]


# ---------------------------------------------------------------------------- cells


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _share(row: TallyRow, choice: Grade | None) -> float | None:
    if not row.counts.total:
        return None
    return round(row.counts.share(choice), 4)


def departs(row: TallyRow) -> bool:
    return row.final is not None and row.final != row.proposed


def _grade_value(grade: Grade | None) -> str | None:
    return grade.value if grade is not None else None


def summary_values(row: TallyRow) -> list[Any]:
    """A candidate's cells as plain values (text, numbers, bools, None), stable keys."""
    counts = row.counts
    return [
        row.member_no,
        row.name,
        row.status.value,
        row.graded,
        *(counts.count(c) for c in CHOICES),
        counts.total,
        *(_share(row, c) for c in CHOICES),
        row.points,
        row.vetoed,
        _round(row.ballot_score),
        _round(row.combined),
        _grade_value(row.proposed),
        _grade_value(row.final),
        row.reason,
        row.unqualified_flag,
        departs(row),
    ]


def feedback_values(row: TallyRow) -> list[Any]:
    counts = row.counts
    return [
        row.member_no,
        row.name,
        row.status.value,
        row.graded,
        _grade_value(row.final),
        _grade_value(row.proposed),
        *(counts.count(c) for c in CHOICES),
        counts.total,
        row.points,
        row.reason,
    ]


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = repr(round(value, 4))  # shares keep four decimals, points at most two
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# ---------------------------------------------------------------------------- CSV


def write_csv(stream: IO[str], export: AppraisalExport) -> int:
    """One row per candidate (``SUMMARY_COLUMNS``), then the session's columns, its
    fingerprint and the heads of its published record on every row."""
    writer = csv_writer(stream)
    writer.writerow([*SUMMARY_COLUMNS, *SESSION_COLUMNS, "fingerprint", *HEAD_COLUMNS])
    tail = [*export.session_values(), export.fingerprint, *export.head_values()]
    for row in export.rows:
        writer.writerow([_csv_cell(v) for v in (*summary_values(row), *tail)])
    return len(export.rows)


def write_feedback_csv(stream: IO[str], export: AppraisalExport) -> int:
    writer = csv_writer(stream)
    writer.writerow([*FEEDBACK_COLUMNS, *SESSION_COLUMNS])
    tail = export.session_values()
    for row in export.rows:
        writer.writerow([_csv_cell(v) for v in (*feedback_values(row), *tail)])
    return len(export.rows)


# ---------------------------------------------------------------------------- JSON


def _session_document(export: AppraisalExport) -> dict[str, Any]:
    return {
        "id": export.session_id,
        "year": export.year,
        "state": export.state.value,
        "draft": export.draft,
        **{key: _iso(value) for key, value in export.dates()},
    }


def publication_document(export: AppraisalExport) -> dict[str, Any] | None:
    """The published record a document was written from (None: computed, a draft)."""
    record = export.publication
    if record is None:
        return None
    scheme = export.scheme
    return {
        "id": record.id,
        "as_of": record.as_of.isoformat(),
        "ledger_head": record.ledger_head,
        "audit_head": record.audit_head,
        "anchor": anchor_text(record.ledger_head, record.audit_head),
        "scheme": None
        if scheme is None
        else {
            "name": scheme.name,
            "version": scheme.version,
            "sha256": scheme.sha256,
            "points_weight": scheme.points_weight,
            "excellent_share_max": scheme.excellent_share_max,
        },
    }


def json_document(export: AppraisalExport) -> dict[str, Any]:
    graded = export.graded()
    return {
        "kind": "appraisal_summary",
        "branch": export.branch,
        "year": export.year,
        "session": _session_document(export),
        "generated_at": export.generated_at.isoformat(),
        "turnout": {
            "voters": export.voters,
            "voted": export.voted,
            "ballots": export.ballots,
            "share": round(export.turnout, 4) if export.turnout is not None else None,
        },
        "candidates_count": len(export.rows),
        "graded_count": len(graded),
        "grades": {
            "proposed": export.grade_counts("proposed"),
            "final": export.grade_counts("final"),
        },
        "excellent_warning": bool(export.tally.excellent_warning),
        "excellent_share_max": export.excellent_share_max,
        "highlighted": [
            {
                "member_no": r.member_no,
                "name": r.name,
                "proposed": _grade_value(r.proposed),
                "final": _grade_value(r.final),
                "opinion": r.reason,
            }
            for r in export.highlighted()
        ],
        "candidates": [dict(zip(SUMMARY_COLUMNS, summary_values(r))) for r in export.rows],
        "fingerprint": {
            "sha256": export.fingerprint,
            "method": t("export.appraisal.fingerprint.method"),
        },
        "publication": publication_document(export),
    }


def feedback_document(export: AppraisalExport) -> dict[str, Any]:
    notes = []
    for row in export.rows:
        record = dict(zip(FEEDBACK_COLUMNS, feedback_values(row)))
        record["counts"] = {k: record.pop(k) for k in COUNT_KEYS}
        notes.append(record)
    return {
        "kind": "appraisal_feedback",
        "branch": export.branch,
        "year": export.year,
        "session": _session_document(export),
        "generated_at": export.generated_at.isoformat(),
        "notes": notes,
        "publication": publication_document(export),
    }


def _dump(stream: IO[str], document: dict[str, Any]) -> None:
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_json(stream: IO[str], export: AppraisalExport) -> int:
    _dump(stream, json_document(export))
    return len(export.rows)


def write_feedback_json(stream: IO[str], export: AppraisalExport) -> int:
    _dump(stream, feedback_document(export))
    return len(export.rows)


# ---------------------------------------------------------------------------- shown text


def grade_text(grade: Grade | None, pending: str = "pending") -> str:
    if grade is None:
        return t(f"export.appraisal.grade.{pending}")
    return t(f"export.grade.{grade.value}")


def choice_text(choice: Grade | None) -> str:
    return grade_text(choice, pending="abstain")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _when(value: datetime | None) -> str:
    if value is None:
        return t("export.appraisal.not_yet")
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M")


def _points_text(points: float | None) -> str:
    return number_text(points) if points is not None else "—"


def _opinion(row: TallyRow) -> str:
    """The branch's opinion as printed: the committee's reason, or what it decided."""
    if row.reason:
        return row.reason
    if not row.graded:
        return "—"
    if row.final is None:
        return t("export.appraisal.undecided")
    return t("export.appraisal.as_proposed")


def flags_text(row: TallyRow) -> str:
    flags = []
    if row.unqualified_flag:
        flags.append(t("export.appraisal.flag.unqualified_votes"))
    if departs(row):
        flags.append(t("export.appraisal.flag.departs"))
    return t("export.appraisal.flag.sep").join(flags)


def title(export: AppraisalExport) -> str:
    return t("export.appraisal.title", branch=export.branch, year=export.year)


def draft_text(export: AppraisalExport) -> str:
    return t("export.appraisal.draft", id=export.session_id)


def warning_text(export: AppraisalExport) -> str | None:
    """The one-third warning, when the tally raises it."""
    if not export.tally.excellent_warning:
        return None
    grades = export.working_grades()
    limit = export.excellent_share_max
    return t(
        "export.appraisal.warning.excellent",
        count=sum(1 for g in grades if g is Grade.excellent),
        graded=len(grades),
        share=percent(export.tally.excellent_share),
        limit=percent(limit) if limit is not None else "1/3",
    )


def metadata(export: AppraisalExport) -> list[tuple[str, str]]:
    """The summary's header as (label, shown value) pairs in the user's language."""
    lang = get_language()
    s = export.tally.session
    state = label(export.state, lang)
    return [
        (t("export.appraisal.meta.branch"), export.branch),
        (t("export.appraisal.meta.year"), str(export.year)),
        (
            t("export.appraisal.meta.session"),
            t("export.appraisal.session_value", id=export.session_id),
        ),
        (t("export.appraisal.meta.state"), state),
        (t("export.appraisal.meta.created"), _when(s.created_at)),
        (t("export.appraisal.meta.started"), _when(s.started_at)),
        (t("export.appraisal.meta.closed"), _when(s.closed_at)),
        (t("export.appraisal.meta.published"), _when(s.published_at)),
        (t("export.appraisal.meta.generated"), _when(export.generated_at)),
    ]


def record_lines(export: AppraisalExport) -> list[str]:
    """What the published record says of itself: its number and date, the scheme, the
    heads (none for a draft)."""
    record = export.publication
    if record is None:
        return []
    lines = [
        t(
            "publication.appraisal.record",
            id=record.id,
            date=localized_date(record.as_of),
            when=_when(export.generated_at),
        )
    ]
    if export.scheme is not None:
        lines.append(
            t("publication.scheme", name=export.scheme.name, version=export.scheme.version)
        )
    lines.append(t("publication.heads.ledger", hash=record.ledger_head))
    lines.append(t("publication.heads.audit", hash=record.audit_head or "—"))
    lines.append(t("chain.sheet.anchor", anchor=anchor_text(record.ledger_head, record.audit_head)))
    return lines


def ballot_facts(export: AppraisalExport) -> list[tuple[str, str]]:
    return [
        (t("export.appraisal.meta.voters"), str(export.voters)),
        (t("export.appraisal.meta.voted"), str(export.voted)),
        (t("export.appraisal.meta.ballots"), str(export.ballots)),
        (
            t("export.appraisal.meta.turnout"),
            f"{export.voted} / {export.voters} ({percent(export.turnout)})",
        ),
        (t("export.appraisal.meta.candidates"), str(len(export.rows))),
        (t("export.appraisal.meta.graded"), str(len(export.graded()))),
    ]


def grade_table(export: AppraisalExport) -> tuple[list[str], list[list[Any]]]:
    proposed = export.grade_counts("proposed")
    final = export.grade_counts("final")
    columns = [
        t("export.appraisal.col.grade"),
        t("export.appraisal.col.proposed_count"),
        t("export.appraisal.col.final_count"),
    ]
    rows: list[list[Any]] = [[grade_text(g), proposed[g.value], final[g.value]] for g in GRADES]
    if proposed["pending"] or final["pending"]:
        rows.append([grade_text(None), proposed["pending"], final["pending"]])
    rows.append([t("export.appraisal.total"), sum(proposed.values()), sum(final.values())])
    return columns, rows


def highlighted_table(export: AppraisalExport) -> tuple[list[str], list[list[Any]]]:
    columns = [
        t("export.appraisal.col.member_no"),
        t("export.appraisal.col.name"),
        t("export.appraisal.col.proposed"),
        t("export.appraisal.col.final"),
        t("export.appraisal.col.reason"),
    ]
    rows: list[list[Any]] = [
        [r.member_no, r.name, grade_text(r.proposed), grade_text(r.final), _opinion(r)]
        for r in export.highlighted()
    ]
    return columns, rows


def candidate_table(export: AppraisalExport) -> tuple[list[str], list[list[Any]]]:
    lang = get_language()
    columns = [
        t("export.appraisal.col.member_no"),
        t("export.appraisal.col.name"),
        t("export.appraisal.col.status"),
        *(t(f"export.appraisal.col.{k}") for k in COUNT_KEYS),
        t("export.appraisal.col.ballots"),
        t("export.appraisal.col.points"),
        t("export.appraisal.col.proposed"),
        t("export.appraisal.col.final"),
        t("export.appraisal.col.reason"),
        t("export.appraisal.col.flags"),
    ]
    rows: list[list[Any]] = []
    for r in export.rows:
        counts = [f"{r.counts.count(c)} ({percent(_share(r, c))})" for c in CHOICES]
        ungraded = t("export.appraisal.grade.ungraded")
        rows.append(
            [
                r.member_no,
                r.name,
                label(r.status, lang),
                *counts,
                r.counts.total,
                _points_text(r.points),
                grade_text(r.proposed) if r.graded else ungraded,
                grade_text(r.final) if r.graded else ungraded,
                r.reason or "",
                flags_text(r),
            ]
        )
    return columns, rows


# ---------------------------------------------------------------------------- Markdown


def _md(value: Any) -> str:
    """A value as one line of Markdown text: nothing typed is read as markup."""
    return md_inline(None if value is None else str(value))


def _md_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    right = [
        bool(rows) and all(isinstance(row[i], int) for row in rows) for i in range(len(columns))
    ]
    lines = [
        "| " + " | ".join(_md(c) for c in columns) + " |",
        "| " + " | ".join("---:" if r else "---" for r in right) + " |",
    ]
    lines += ["| " + " | ".join(_md(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _md_facts(pairs: Sequence[tuple[str, str]]) -> list[str]:
    return [t("export.appraisal.meta.line", key=_md(k), value=_md(v)) for k, v in pairs]


def markdown(export: AppraisalExport) -> str:
    """The summary for the higher Party committee."""
    lines = [f"# {_md(title(export))}", ""]
    if export.draft:
        lines += [f"> **{draft_text(export)}**", ""]
    lines += [*_md_facts(metadata(export)), ""]

    lines += [f"## {t('export.appraisal.section.ballots')}", ""]
    lines += [*_md_facts(ballot_facts(export)), ""]

    lines += [f"## {t('export.appraisal.section.grades')}", ""]
    lines += [t("export.appraisal.grades.intro"), ""]
    lines += _md_table(*grade_table(export))
    warning = warning_text(export)
    if warning:
        lines += [f"> **{warning}**", ""]

    lines += [f"## {t('export.appraisal.section.highlighted')}", ""]
    columns, rows = highlighted_table(export)
    lines += _md_table(columns, rows) if rows else [t("export.appraisal.highlighted.empty"), ""]

    lines += [f"## {t('export.appraisal.section.candidates')}", ""]
    columns, rows = candidate_table(export)
    lines += _md_table(columns, rows) if rows else [t("export.appraisal.candidates.empty"), ""]
    lines += [t("export.appraisal.secrecy"), ""]

    lines += [f"## {t('export.appraisal.section.fingerprint')}", ""]
    sha = export.fingerprint
    lines += [
        t("export.appraisal.fingerprint.value", sha256=sha)
        if sha
        else t("export.appraisal.fingerprint.none"),
        "",
        t("export.appraisal.fingerprint.method"),
        "",
    ]
    record = record_lines(export)
    if record:
        lines += [f"## {t('publication.appraisal.section')}", ""]
        lines += [*(_md(line) for line in record), ""]
    lines += [
        "---",
        "",
        t("export.appraisal.generated", date=localized_date(export.generated_at.date())),
        "",
    ]
    return "\n".join(lines)


PAGE_BREAK = '<div style="page-break-after: always;"></div>'


def feedback_grade_text(export: AppraisalExport, row: TallyRow) -> str:
    if not row.graded:
        return t("export.appraisal.feedback.ungraded")
    if row.final is None:
        return t("export.appraisal.feedback.undecided", proposed=grade_text(row.proposed))
    grade = grade_text(row.final)
    return t("export.appraisal.feedback.grade_draft", grade=grade) if export.draft else grade


def feedback_note(export: AppraisalExport, row: TallyRow) -> list[str]:
    """One member's note: its own heading, facts, the ballot counts; no other member named."""
    lang = get_language()
    head = t("export.appraisal.feedback.heading", name=row.name, member_no=row.member_no)
    context = t(
        "export.appraisal.feedback.context",
        branch=export.branch,
        year=export.year,
        id=export.session_id,
    )
    lines = [f"## {_md(head)}", "", _md(context), ""]
    if export.draft:
        lines += [f"> **{draft_text(export)}**", ""]
    facts = [
        (t("export.appraisal.col.status"), label(row.status, lang)),
        (t("export.appraisal.feedback.grade"), feedback_grade_text(export, row)),
        (
            t("export.appraisal.feedback.points"),
            _points_text(row.points)
            if row.points is not None
            else t("export.appraisal.feedback.no_points"),
        ),
        (t("export.appraisal.feedback.opinion"), _opinion(row)),
    ]
    lines += [*_md_facts(facts), ""]
    lines += [f"### {t('export.appraisal.feedback.ballots')}", ""]
    total = row.counts.total
    if not total:
        lines += [t("export.appraisal.feedback.no_ballots"), ""]
    else:
        lines += [t("export.appraisal.feedback.ballots_total", count=total), ""]
        columns = [
            t("export.appraisal.col.grade"),
            t("export.appraisal.col.votes"),
            t("export.appraisal.col.share"),
        ]
        rows = [[choice_text(c), row.counts.count(c), percent(_share(row, c))] for c in CHOICES]
        lines += _md_table(columns, rows)
    lines += [f"*{t('export.appraisal.feedback.secrecy')}*", ""]
    return lines


def feedback_markdown(export: AppraisalExport) -> str:
    """One section per member, each starting on a new page when printed."""
    head = t("export.appraisal.feedback.title", branch=export.branch, year=export.year)
    lines = [f"# {_md(head)}", ""]
    if export.draft:
        lines += [f"> **{draft_text(export)}**", ""]
    lines += [t("export.appraisal.feedback.count", count=len(export.rows)), ""]
    if not export.rows:
        lines += [t("export.appraisal.feedback.none"), ""]
    for i, row in enumerate(export.rows):
        if i:
            lines += [PAGE_BREAK, ""]
        lines += feedback_note(export, row)
    return "\n".join(lines)


# ---------------------------------------------------------------------------- XLSX


def _metadata_pairs(export: AppraisalExport) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = [
        ("branch", export.branch),
        ("year", export.year),
        ("session_id", export.session_id),
        ("state", export.state.value),
        ("draft", export.draft),
    ]
    pairs += [(key, _iso(value) or "") for key, value in export.dates()]
    pairs += [
        ("voters", export.voters),
        ("voted", export.voted),
        ("ballots", export.ballots),
        ("fingerprint", export.fingerprint or ""),
        ("generated_at", export.generated_at.isoformat()),
    ]
    record = export.publication
    if record is not None:
        scheme = export.scheme
        pairs += [
            ("publication_id", record.id),
            ("publication_as_of", record.as_of.isoformat()),
            ("ledger_head", record.ledger_head),
            ("audit_head", record.audit_head or ""),
            ("anchor", anchor_text(record.ledger_head, record.audit_head)),
        ]
        if scheme is not None:
            pairs += [
                ("scheme_name", scheme.name),
                ("scheme_version", scheme.version),
                ("scheme_sha256", scheme.sha256 or ""),
            ]
    return pairs


def _legend(columns: Sequence[str]) -> list[tuple[str, str]]:
    return [(key, t(f"export.appraisal.col.{key}")) for key in columns]


def _autosize(ws) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = str(cell.value)
            w = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
            widths[cell.column] = max(widths.get(cell.column, 0), w)
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(max(w + 2, 8), 60)


def _data_sheet(wb, name: str, columns: Sequence[str], rows: list[list[Any]], shares: bool):
    from openpyxl.styles import Font

    ws = wb.create_sheet(name)
    append_row(ws, list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    share_cols = [i + 1 for i, c in enumerate(columns) if c.endswith("_share")] if shares else []
    for values in rows:
        append_row(ws, xlsx_row(values))
        for col in share_cols:
            ws.cell(row=ws.max_row, column=col).number_format = "0.0%"
    ws.freeze_panes = "C2"
    _autosize(ws)
    return ws


def _summary_sheet(wb, export: AppraisalExport) -> None:
    """The summary in the user's language, laid out like the Markdown."""
    from openpyxl.styles import Font

    ws = wb.create_sheet("summary")
    bold = Font(bold=True)

    def heading(text: str) -> None:
        append_row(ws, [text])
        ws.cell(row=ws.max_row, column=1).font = bold

    def block(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        append_row(ws, list(columns))
        for cell in ws[ws.max_row]:
            cell.font = bold
        for row in rows:
            append_row(ws, xlsx_row(list(row)))
        append_row(ws, [])

    heading(title(export))
    if export.draft:
        heading(draft_text(export))
    append_row(ws, [])
    for key, value in metadata(export):
        append_row(ws, xlsx_row([key, value]))
    append_row(ws, [])
    heading(t("export.appraisal.section.ballots"))
    for key, value in ballot_facts(export):
        append_row(ws, xlsx_row([key, value]))
    append_row(ws, [])
    heading(t("export.appraisal.section.grades"))
    block(*grade_table(export))
    warning = warning_text(export)
    if warning:
        heading(warning)
        append_row(ws, [])
    heading(t("export.appraisal.section.highlighted"))
    columns, rows = highlighted_table(export)
    if rows:
        block(columns, rows)
    else:
        append_row(ws, [t("export.appraisal.highlighted.empty")])
        append_row(ws, [])
    heading(t("export.appraisal.section.fingerprint"))
    append_row(ws, [t("export.appraisal.fingerprint.value", sha256=export.fingerprint or "—")])
    append_row(ws, [t("export.appraisal.fingerprint.method")])
    append_row(ws, [])
    record = record_lines(export)
    if record:
        heading(t("publication.appraisal.section"))
        for line in record:
            append_row(ws, xlsx_row([line]))
        append_row(ws, [])
    append_row(ws, [t("export.appraisal.secrecy")])
    ws.column_dimensions["A"].width = 24
    for col in "BCDE":
        ws.column_dimensions[col].width = 16


def write_xlsx(path: str, export: AppraisalExport) -> int:
    """A ``summary`` sheet in the user's language, a ``candidates`` sheet (stable keys, one
    row per candidate) and a ``metadata`` sheet (session facts; what each column means)."""
    from openpyxl import Workbook

    from orglife_tui.export.scores import write_metadata_sheet

    wb = Workbook()
    wb.remove(wb.active)
    _summary_sheet(wb, export)
    rows = [summary_values(r) for r in export.rows]
    _data_sheet(wb, "candidates", SUMMARY_COLUMNS, rows, shares=True)
    write_metadata_sheet(wb, _metadata_pairs(export), _legend(SUMMARY_COLUMNS))
    wb.properties.title = title(export)
    save_workbook(wb, path, export.generated_at)
    return len(export.rows)


def write_feedback_xlsx(path: str, export: AppraisalExport) -> int:
    """A ``feedback`` sheet (stable keys, one row per member, the session and whether it is
    a draft on each) and a ``metadata`` sheet."""
    from openpyxl import Workbook

    from orglife_tui.export.scores import write_metadata_sheet

    wb = Workbook()
    wb.remove(wb.active)
    tail = export.session_values()
    rows = [[*feedback_values(r), *tail] for r in export.rows]
    columns = (*FEEDBACK_COLUMNS, *SESSION_COLUMNS)
    _data_sheet(wb, "feedback", columns, rows, shares=False)
    write_metadata_sheet(wb, _metadata_pairs(export), _legend(columns))
    wb.properties.title = t(
        "export.appraisal.feedback.title", branch=export.branch, year=export.year
    )
    save_workbook(wb, path, export.generated_at)
    return len(export.rows)


__all__ = [
    "CHOICES",
    "COUNT_KEYS",
    "FEEDBACK_COLUMNS",
    "GRADES",
    "HEAD_COLUMNS",
    "SESSION_COLUMNS",
    "SUMMARY_COLUMNS",
    "AppraisalExport",
    "feedback_document",
    "feedback_markdown",
    "json_document",
    "markdown",
    "write_csv",
    "write_feedback_csv",
    "write_feedback_json",
    "write_feedback_xlsx",
    "write_json",
    "write_xlsx",
]
