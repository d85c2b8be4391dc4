"""Nothing typed is read as Markdown or HTML (issue 10 §2–§3): reports go to the committee as
``.md`` files opened in viewers that render them, so a name or a note written as a link, an
image, raw HTML or emphasis stays the characters that were typed."""

from __future__ import annotations

import re
from datetime import date

import pytest

from orglife_tui.data import schemes
from orglife_tui.data.ledger import add_entry
from orglife_tui.data.store import Store
from orglife_tui.domain import MeetingType, MemberStatus
from orglife_tui.domain.records import MeetingInput, MemberInput
from orglife_tui.export.md import md_inline, md_lines
from tests.cli_run import invoke_cli

TODAY = date(2026, 12, 5)
ATTACKS = {
    "001": "[点此领取](http://evil.example)",
    "002": '<img src=x onerror="alert(1)">',
    "003": "**张伟**",
    "004": "![x](http://evil.example/t.png)",
    "005": "王芳 | 优秀 |",
}
# What a renderer would turn into something live: an unescaped link/image, tag or emphasis.
LIVE = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)<[a-zA-Z/]|(?<!\\)\*\*")


def run(*args: str):
    argv = ["--lang", "en", *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.mark.parametrize("text", list(ATTACKS.values()))
def test_one_line_text_is_escaped(text):
    shown = md_inline(text)
    assert not LIVE.search(shown)
    assert re.sub(r"\\(.)", r"\1", shown) == text  # unescaped, it is what was typed


def test_paragraphs_keep_their_lines_and_lose_their_markup():
    assert md_lines("一、学习\n二、<b>讨论</b>") == "一、学习  \n二、\\<b\\>讨论\\</b\\>"
    assert md_inline("张\x1b[2J伟") == "张␛\\[2J伟"


@pytest.fixture
def attacked(db_url, monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())
    store = Store.open(db_url, operator="tester", today=lambda: TODAY)
    try:
        b = store.resolve_branch("第一党支部")
        store.add_members(
            b.id, [MemberInput(no, name, MemberStatus.full) for no, name in ATTACKS.items()]
        )
        store.set_records_start(b.id, date(2026, 1, 1))
        store.add_meeting(
            b.id,
            MeetingInput(
                date(2026, 3, 5), (MeetingType.themed_day,), "[主题党日](http://evil.example)"
            ),
        )
        info, scheme = schemes.ensure_active(store, b.id)
        for no, note in ATTACKS.items():
            add_entry(
                store,
                b.id,
                scheme,
                info.id,
                no,
                "volunteer_service",
                hours=2,
                note=note,
                entry_date=date(2026, 12, 1),
            )
    finally:
        store.close()
    return db_url


@pytest.mark.parametrize("what", [("publicity", "--days", "7"), ("report",)])
def test_markdown_reports_show_names_as_typed(attacked, tmp_path, what):
    out = tmp_path / "r.md"
    result = run("--db", attacked, "export", *what, "--year", "2026", "-f", "md", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "点此领取" in text  # the members are there ...
    typed = [
        line for line in text.splitlines() if re.search("点此|img|张伟|evil|王芳|主题党日", line)
    ]
    assert len(typed) >= len(ATTACKS)
    for line in typed:  # ... as text (the sheet's own headings may use Markdown)
        assert not LIVE.search(re.sub(r"^#+ |\*\*[^*]+\*\*:", "", line)), line
