"""What the appraisal's two sheets (the summary and the feedback notes) share, in every format:
the export of a sealed session, the ballot's choices and the session's columns, the cells as
plain values, the texts shown in the user's language, the Markdown table and the XLSX data
and metadata sheets.

Names with a leading underscore are private to the ``appraisal`` package.
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
from orglife_tui.domain import SessionState
from orglife_tui.export.cells import append_row
from orglife_tui.export.files import now_utc, number_text, xlsx_row
from orglife_tui.export.md import md_inline
from orglife_tui.locale import t
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


def _share(row: TallyRow, choice: Grade | None) -> float | None:
    if not row.counts.total:
        return None
    return round(row.counts.share(choice), 4)


def _grade_value(grade: Grade | None) -> str | None:
    return grade.value if grade is not None else None


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


def _dump(stream: IO[str], document: dict[str, Any]) -> None:
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


# ---------------------------------------------------------------------------- shown text


def grade_text(grade: Grade | None, pending: str = "pending") -> str:
    if grade is None:
        return t(f"export.appraisal.grade.{pending}")
    return t(f"export.grade.{grade.value}")


def choice_text(choice: Grade | None) -> str:
    return grade_text(choice, pending="abstain")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


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


def draft_text(export: AppraisalExport) -> str:
    return t("export.appraisal.draft", id=export.session_id)


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
