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

One module per sheet, in its four formats: ``summary`` (the higher committee's) and
``feedback`` (the members' notes); ``layout`` holds what they share (the export, the
columns, cells and texts, the Markdown table and the XLSX data sheet). The writers are
named here, where the export dispatch and the command line find them.
"""

from orglife_tui.export.appraisal.feedback import (
    FEEDBACK_COLUMNS,
    feedback_document,
    feedback_markdown,
    write_feedback_csv,
    write_feedback_json,
    write_feedback_xlsx,
)
from orglife_tui.export.appraisal.layout import (
    CHOICES,
    COUNT_KEYS,
    GRADES,
    HEAD_COLUMNS,
    SESSION_COLUMNS,
    AppraisalExport,
    choice_text,
)
from orglife_tui.export.appraisal.summary import (
    SUMMARY_COLUMNS,
    json_document,
    markdown,
    write_csv,
    write_json,
    write_xlsx,
)

__all__ = [
    "CHOICES",
    "COUNT_KEYS",
    "FEEDBACK_COLUMNS",
    "GRADES",
    "HEAD_COLUMNS",
    "SESSION_COLUMNS",
    "SUMMARY_COLUMNS",
    "AppraisalExport",
    "choice_text",
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
