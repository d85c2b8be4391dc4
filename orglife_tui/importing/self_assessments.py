"""Importing the self-assessments (个人自评) of an appraisal session: every row, or none.

Columns (``importing.columns.COLUMNS["self_assessments"]``): ``member_no`` (编号), ``name``
(姓名, checked against the roster, not stored), ``text`` (个人自评) and ``given_on`` (日期,
empty: today). Each row is checked as the form is (``data.appraisal.steps``): the member
takes part in the session and is not graded yet, the text is neither empty nor too long,
the day is not after today, and a member appears once. A file with any problem writes
nothing and lists every problem as ``FILE:ROW: reason``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from orglife_tui.data.appraisal.steps import SELF_ASSESSMENT_LIMIT, AppraisedMember
from orglife_tui.domain import InputError, parse_date
from orglife_tui.importing.columns import Row, Table
from orglife_tui.importing.problems import ImportFailed, ImportSummary, Problem, field_problem
from orglife_tui.importing.roster import leading_zero_guess, name_mismatch
from orglife_tui.locale import t

if TYPE_CHECKING:
    from orglife_tui.data.store import Store


@dataclass(frozen=True)
class SelfAssessmentSummary(ImportSummary):
    late: int = 0  # given after the poll opened

    def message(self) -> str:
        return t("appraisal_steps.import.done", file=self.file, count=self.added, late=self.late)


def import_self_assessments(
    store: Store, branch_id: int, session_id: int, table: Table
) -> SelfAssessmentSummary:
    """Record every self-assessment of ``table`` for the session in one transaction;
    raises ImportFailed (nothing written) listing every problem of every row."""
    from orglife_tui.data import appraisal
    from orglife_tui.data.errors import StoreError

    session = appraisal.get_session(store, branch_id, session_id)
    people = {p.member_no: p for p in appraisal.appraised(store, branch_id, session_id)}
    today = store.today()
    readable, problems = table.readable_rows()
    items: list[tuple[str, str, date | None]] = []
    seen: dict[str, int] = {}
    for row in readable:
        item, found = _row(table, row, people, session_id, today, seen)
        problems += found
        items.append(item)
    if problems:
        raise ImportFailed(problems)
    try:
        count = appraisal.record_self_assessments(store, branch_id, session_id, items)
    except StoreError as exc:  # what only the transaction sees (a grade given meanwhile …)
        raise ImportFailed([Problem(table.file, None, exc.key, exc.params)]) from None
    started = session.started_at.date() if session.started_at else None
    late = sum(1 for _, _, on in items if started is not None and (on or today) >= started)
    return SelfAssessmentSummary("self_assessments", table.file, len(items), added=count, late=late)


def _row(
    table: Table,
    row: Row,
    people: Mapping[str, AppraisedMember],
    session_id: int,
    today: date,
    seen: dict[str, int],
) -> tuple[tuple[str, str, date | None], list[Problem]]:
    """The (member_no, text, given_on) a row describes, and its problems (``seen``: the
    rows where each member was met so far)."""
    problems: list[Problem] = []
    roster = {p.member_no: p.name for p in people.values()}

    def bad(field: str, key: str, **params: object) -> None:
        label = t(f"appraisal_steps.import.field.{field}")
        problems.append(field_problem(table.file, row.number, label, key, **params))

    def refused(key: str, **params: object) -> None:
        problems.append(Problem(table.file, row.number, key, params))

    member_no = row.text("member_no")
    person = people.get(member_no)
    if not member_no:
        bad("member_no", "problem.required")
    elif person is None:
        guess = leading_zero_guess(member_no, roster)
        if guess:
            refused(
                "appraisal_steps.import.not_appraised_hint",
                member_no=member_no,
                id=session_id,
                guess=guess,
            )
        else:
            refused("appraisal_steps.import.not_appraised", member_no=member_no, id=session_id)
    elif person.final:
        refused("appraisal_steps.already_graded", member_no=member_no, name=person.name)
    elif member_no in seen:
        refused("appraisal_steps.import.twice", member_no=member_no, row=seen[member_no])
    seen.setdefault(member_no, row.number)
    mismatch = name_mismatch(table.file, row.number, member_no, row.text("name"), roster)
    if mismatch is not None:
        problems.append(mismatch)
    text = row.values.get("text", "").strip()  # as written: NFKC would turn ，into ,
    if not text:
        bad("text", "problem.required")
    elif len(text) > SELF_ASSESSMENT_LIMIT:
        bad("text", "problem.too_long", limit=SELF_ASSESSMENT_LIMIT)
    given_on = None
    raw = row.text("given_on")
    if raw:
        try:
            given_on = parse_date(raw)
        except InputError as exc:
            bad("given_on", exc.key, value=raw)
        else:
            if given_on > today:
                bad("given_on", "appraisal_steps.import.after_today", value=raw)
    return (member_no, text, given_on), problems


__all__ = ["SelfAssessmentSummary", "import_self_assessments"]
