"""The dashboard's compliance part at 80×24: this year's calendar (months × meeting types),
the open findings and the reminders, on the branch of ``compliance_branch`` seen on TODAY.
"""

from __future__ import annotations

import pytest

from orglife_tui.domain import AttendanceStatus
from orglife_tui.tui.screens.compliance.absence import AbsenceScreen
from orglife_tui.tui.screens.compliance.findings import FindingsScreen
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.members.members import MembersScreen
from tests.tui import compliance_branch
from tests.tui.conftest import ONLY_EN, ONLY_ZH, palette_has_matches, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])

# Each calendar row as it reads on the screen: the label (ten cells), then January to
# December. TODAY is 18 March 2026.
CALENDAR = {
    "en": [
        "2026       1 2 3 4 5 6 7 8 9101112",
        "General    ● ● ● · · · · · · · · ·",  # the first quarter is already held
        "Committee  ● ✗ ● · · · · · · · · ·",  # none in February
        "Groups     - - - - - - - - - - - -",  # the branch has no party groups
        "Lecture    · · · · · · · · · · · ·",  # the first quarter has not ended yet
        "Themed day ● ● ● · · · · · · · · ·",
        "Life mtg   · · · · · · · · · · · ·",
        "Appraisal  · · · · · · · · · · · ·",
        "● held  ✗ missing  · not yet due  - not required",
    ],
    "zh": [
        "2026年     1 2 3 4 5 6 7 8 9101112",
        "党员大会   ● ● ● · · · · · · · · ·",
        "支委会     ● ✗ ● · · · · · · · · ·",
        "党小组会   - - - - - - - - - - - -",
        "党课       · · · · · · · · · · · ·",
        "主题党日   ● ● ● · · · · · · · · ·",
        "组织生活会 · · · · · · · · · · · ·",
        "民主评议   · · · · · · · · · · · ·",
        "● 已开  ✗ 缺开  · 未到期  - 不要求",
    ],
}
FINDINGS = {
    "en": [
        "Findings: 1 violation(s), 1 warning(s)",
        "✗ 2026-02 committee meeting: 0 of 1 held",
        "! 刘洋 (004) absent 4 mo.: Reminder",
        "f findings · a absence watch",
        "Political birthdays: 李娜 03-25 (26 yrs)",
        "Talk follow-ups due: 王芳 03-20",
    ],
    "zh": [
        "问题：违规 1 项，提醒 1 项",
        "✗ 2026-02 支部委员会：开 0 次，应 1 次",
        "! 刘洋（004）缺席 4 个月：谈话提醒",
        "f 问题清单　a 缺席预警",
        "政治生日：李娜 03-25（26年）",
        "谈话回访到期：王芳 03-20",
    ],
}


@pytest.fixture
def cbranch(sqlite_store):
    return compliance_branch.build(sqlite_store)


async def open_dashboard(app, pilot) -> DashboardScreen:
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    await wait_until(pilot, lambda: screen.compliance is not None)
    return screen


@LANGS
async def test_calendar_findings_and_reminders_fit_80x24(make_app, cbranch, lang):
    app = make_app(cbranch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dashboard(app, pilot)
        lines = screen_text(app).splitlines()
        text = "\n".join(lines)
        for row in CALENDAR[lang]:
            assert row in text, row
        for line in FINDINGS[lang]:
            assert line in text, line
        # What the dashboard showed before is all still there, with the Footer.
        assert "三月主题党日" in text and "三月支委会" in text
        assert ("Meetings in 2026: 6" if lang == "en" else "2026年已开会议：6 次") in text
        assert ("Members: 4 (4 full" if lang == "en" else "党员 4 名") in text
        assert "Ctrl+P" in lines[-2]  # the hint line, above the Footer
        assert ("q Quit" if lang == "en" else "q 退出") in lines[-1]
        assert len(lines) == 24


async def test_the_calendar_marks_this_month(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dashboard(app, pilot)
        header = app.screen.query_one("#calendar").render()
        march = [span for span in header.spans if header.plain[span.start : span.end] == " 3"]
        assert march and march[0].style.reverse


async def test_f_opens_the_findings_and_a_the_absence_watch(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dashboard(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FindingsScreen)
        await pilot.press("escape", "a")
        await pilot.pause()
        assert isinstance(app.screen, AbsenceScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


@ONLY_EN
async def test_the_command_palette_opens_findings_and_absence_watch(make_app, cbranch, lang):
    app = make_app(cbranch, lang)
    words = {"en": ("findings", "absence"), "zh": ("问题清单", "缺席预警")}[lang]
    async with app.run_test(size=(80, 24)) as pilot:
        for word, screen_type in zip(words, (FindingsScreen, AbsenceScreen)):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*word)
            await wait_until(pilot, lambda: palette_has_matches(app))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen_type)


async def test_coming_back_with_nothing_changed_does_not_check_again(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        dashboard = await open_dashboard(app, pilot)
        first = dashboard.compliance
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert dashboard.compliance is first  # the same result, not computed again


async def test_a_change_elsewhere_is_shown_on_return(make_app, cbranch, sqlite_store):
    """004 present at the March themed day: the streak ends after three months (still a
    finding: it reached the reminder step), and March's attendance reads 4/0/0."""
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        dashboard = await open_dashboard(app, pilot)
        first = dashboard.compliance
        await pilot.press("m")
        await pilot.pause()
        march = next(m for m in sqlite_store.list_meetings(cbranch.id) if m.title == "三月主题党日")
        member = sqlite_store.get_member(cbranch.id, compliance_branch.ABSENT)
        sqlite_store.set_attendance(cbranch.id, march.id, member.id, AttendanceStatus.present)
        await pilot.press("escape")
        await wait_until(pilot, lambda: dashboard.compliance is not first)
        text = screen_text(app)
        assert "! 刘洋 (004) absent 3 mo.: Reminder" in text
        assert "4/0/0" in text


async def test_an_empty_branch_shows_no_calendar(make_app, empty_branch):
    app = make_app(empty_branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dashboard(app, pilot)
        text = screen_text(app)
        assert "No members yet" in text
        assert "Committee" not in text and "● held" not in text


async def test_a_narrow_terminal_puts_the_findings_under_the_calendar(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(60, 40)) as pilot:
        await open_dashboard(app, pilot)
        lines = screen_text(app).splitlines()
        committee = next(i for i, line in enumerate(lines) if "Committee  ● ✗ ●" in line)
        findings = next(i for i, line in enumerate(lines) if "Findings:" in line)
        assert findings > committee
        assert "Findings:" not in lines[committee]


@ONLY_ZH
async def test_the_reminders_name_probations_ending_within_30_days(
    make_app, sqlite_store, cbranch, lang
):
    """On 18 March 2026: 陈晨's probation year ends on 1 April, 周敏's ended on 1 March and
    she has not been converted; 吴昊's ends in June, too far off to be named."""
    from datetime import date

    from orglife_tui.domain import MemberStatus
    from orglife_tui.domain.records import MemberInput

    probationary = MemberStatus.probationary
    sqlite_store.add_members(
        cbranch.id,
        [
            MemberInput("005", "陈晨", probationary, join_date=date(2025, 4, 1)),
            MemberInput("006", "周敏", probationary, join_date=date(2025, 3, 1)),
            MemberInput("007", "吴昊", probationary, join_date=date(2025, 6, 1)),
        ],
    )
    app = make_app(cbranch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dashboard(app, pilot)
        text = screen_text(app)
        expected = {
            "en": "Probation ends: 周敏 overdue, 陈晨 04-01",  # soonest first
            "zh": "预备期将满：周敏 已逾期、陈晨 04-01",
        }[lang]
        assert expected in text
        assert "吴昊" not in text


async def test_without_probations_due_the_reminder_says_so(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dashboard(app, pilot)
        assert "No probation ends within 30 days." in screen_text(app)
