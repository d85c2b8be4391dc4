"""The users screen at 80×24 (issue 13 §1): the branch's accounts and roles, granting and
revoking through the same operations as ``orglife-tui users``, refusals said in place with
nothing written, and what a login that may not manage users sees."""

from __future__ import annotations

from textual.widgets import Input, Select

from orglife_tui.data.accounts import grant, list_accounts
from orglife_tui.data.store import Store
from orglife_tui.domain.access import AccountRole
from orglife_tui.tui.app import OrglifeApp
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.users.grant_form import GrantFormScreen
from orglife_tui.tui.screens.users.users import UsersScreen
from tests.tui.conftest import (
    LANGS,
    ONLY_EN,
    ONLY_ZH,
    TODAY,
    drawn,
    palette_has_matches,
    screen_text,
    wait_until,
)

R = AccountRole


def grants_of(store, branch_id: int | None = None) -> set[tuple[str, str, str | None]]:
    """(account, role, member number) of every grant, in the branch when given."""
    return {
        (a.name, g.role.value, g.member_no)
        for a in list_accounts(store, branch_id)
        for g in a.grants
    }


def trail(store) -> list[dict]:
    """The audit log, newest first."""
    return store.audit_entries(limit=1000)


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def open_users(app, pilot) -> UsersScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("u")
    await wait_until(pilot, lambda: isinstance(app.screen, UsersScreen))
    await pilot.pause()
    return app.screen


async def open_grant_form(app, pilot) -> GrantFormScreen:
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(app.screen, GrantFormScreen))
    await drawn(app, pilot)
    return app.screen


def app_as(sqlite_store, branch, login: str, lang: str) -> OrglifeApp:
    """The app as the login ``login`` on the same database (SQLite: the operator is the
    login, as the OS user is)."""
    url = sqlite_store.engine.url.render_as_string(hide_password=False)
    store = Store.open(url, operator=login)
    return OrglifeApp(store=store, branch=branch, lang=lang, today=TODAY)


WORDS = {
    "en": {"committee": "committee", "member": "member", "you": "You are tester, an admin"},
    "zh": {"committee": "支委委员", "member": "党员", "you": "你是 tester，本数据库的管理员"},
}


@LANGS
async def test_the_list_shows_the_accounts_roles_and_who_you_are(
    make_app, branch, sqlite_store, lang
):
    grant(sqlite_store, "wang.fang", branch.id, R.COMMITTEE)
    grant(sqlite_store, "li_na", branch.id, R.MEMBER, member_no="003")
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_users(app, pilot)
        await wait_until(pilot, lambda: len(screen.rows) == 2)
        text = screen_text(app)
        words = WORDS[lang]
        assert words["you"] in text  # the first grant made tester the administrator
        for line in text.splitlines():
            if "wang.fang" in line:
                assert words["committee"] in line and "tester" in line
            if "li_na" in line:
                assert words["member"] in line and "003 李娜" in line
        assert all(len(line) <= 80 for line in text.splitlines())
        assert ("2 account(s), 2 role(s)" if lang == "en" else "2 个账户，2 项角色") in text


@ONLY_ZH
async def test_an_empty_branch_says_how_to_grant_the_first_role(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_users(app, pilot)
        text = screen_text(app)
        assert "本支部尚无账户获授角色。按 a 授权" in text
        assert "你授予第一个角色时即成为本数据库的管理员" in text


@ONLY_EN
async def test_a_committee_member_is_granted_and_the_audit_names_who_granted(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_users(app, pilot)
        form = await open_grant_form(app, pilot)
        role = form.fields["role"]
        assert isinstance(role, Select) and role.value == "committee"  # the usual choice
        await pilot.press(*"wang.fang", "ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen and len(screen.rows) == 1)
        assert grants_of(sqlite_store, branch.id) == {("wang.fang", "committee", None)}
        assert screen.highlighted().account == "wang.fang"
        assert "wang.fang is now committee here." in notices(app)
        trail = sqlite_store.audit_entries(branch.id, limit=1)[0]
        assert trail["operator"] == "tester" and trail["action"] == "account.grant"
        # the toggle to every branch is offered now that tester is the administrator
        assert "All branches" in screen_text(app)


@ONLY_ZH
async def test_the_member_role_needs_the_roster_member(make_app, branch, sqlite_store, lang):
    before = trail(sqlite_store)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_users(app, pilot)
        form = await open_grant_form(app, pilot)
        await pilot.press(*"wang.fang")
        role = form.fields["role"]
        assert isinstance(role, Select)
        role.value = "member"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "“党员”角色须指明该账户对应的花名册党员" in screen_text(app)
        assert grants_of(sqlite_store) == set() and trail(sqlite_store) == before

        member = form.fields["member_no"]
        assert isinstance(member, Input)
        member.focus()
        await pilot.press(*"王芳")
        await wait_until(pilot, lambda: "→ 王芳（002）" in screen_text(app))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen and len(screen.rows) == 1)
        assert grants_of(sqlite_store, branch.id) == {("wang.fang", "member", "002")}
        assert "002 王芳" in screen_text(app)


@ONLY_EN
async def test_a_bad_login_name_is_refused_in_place_and_nothing_is_written(
    make_app, branch, sqlite_store, lang
):
    before = trail(sqlite_store)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_users(app, pilot)
        form = await open_grant_form(app, pilot)
        for bad in ("wang fang", "o'neil"):
            name = form.fields["account"]
            assert isinstance(name, Input)
            name.value = bad
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            assert f"“{bad}” is not a login name" in screen_text(app)
            assert name.has_class("-invalid")
        member = form.fields["member_no"]
        assert isinstance(member, Input)
        name.value = "wang.fang"
        member.value = "999"  # no such member: said under the member field
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "No member with number 999." in screen_text(app)
        assert member.has_class("-invalid")
        assert list_accounts(sqlite_store) == [] and trail(sqlite_store) == before


@ONLY_ZH
async def test_a_role_is_revoked_after_a_question(make_app, branch, sqlite_store, lang):
    grant(sqlite_store, "wang.fang", branch.id, R.COMMITTEE)
    grant(sqlite_store, "wang.fang", branch.id, R.TELLER)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_users(app, pilot)
        await wait_until(pilot, lambda: len(screen.rows) == 2)
        row = next(i for i, r in enumerate(screen.rows) if r.grant and r.grant.role is R.TELLER)
        screen.table.move_cursor(row=row)
        await pilot.press("x")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "撤销 wang.fang 在第一党支部的“计票人”角色？" in screen_text(app)
        await pilot.press("n")  # not now: nothing changes
        await wait_until(pilot, lambda: app.screen is screen)
        assert len(grants_of(sqlite_store, branch.id)) == 2
        await pilot.press("x")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen and len(screen.rows) == 1)
        assert grants_of(sqlite_store, branch.id) == {("wang.fang", "committee", None)}
        assert "已撤销 wang.fang 的“计票人”角色。" in notices(app)
        assert sqlite_store.audit_entries(branch.id, limit=1)[0]["action"] == "account.revoke"


@ONLY_EN
async def test_a_committee_member_sees_the_list_but_may_not_grant_or_revoke(
    branch, sqlite_store, lang
):
    grant(sqlite_store, "sec", branch.id, R.SECRETARY)
    grant(sqlite_store, "wang.fang", branch.id, R.COMMITTEE)
    app = app_as(sqlite_store, branch, "wang.fang", lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_users(app, pilot)
        await wait_until(pilot, lambda: len(screen.rows) == 2)
        text = screen_text(app)
        assert "You are wang.fang: 第一党支部: committee." in text
        assert "All branches" not in text  # the administrator's view only
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen
        assert "Only the branch secretary (or an administrator)" in notices(app)
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is screen  # no question asked
        await pilot.press("o")
        await pilot.pause()
        assert not screen.every_branch
    assert len(grants_of(sqlite_store)) == 2
    app.session.store.close()


@ONLY_ZH
async def test_a_secretary_may_not_give_the_observer_role(branch, sqlite_store, lang):
    grant(sqlite_store, "sec", branch.id, R.SECRETARY)
    app = app_as(sqlite_store, branch, "sec", lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_users(app, pilot)
        form = await open_grant_form(app, pilot)
        role = form.fields["role"]
        assert isinstance(role, Select)
        offered = [value for _, value in role._options if value is not Select.NULL]
        assert offered == ["secretary", "committee", "teller", "member"]
    app.session.store.close()


@ONLY_EN
async def test_the_administrator_lists_every_branchs_accounts(make_app, branch, sqlite_store, lang):
    other = sqlite_store.create_branch("第二党支部")
    grant(sqlite_store, "wang.fang", branch.id, R.COMMITTEE)
    grant(sqlite_store, "zhao", other.id, R.SECRETARY)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_users(app, pilot)
        await wait_until(pilot, lambda: len(screen.rows) == 1)
        assert "zhao" not in screen_text(app)
        await pilot.press("o")
        await wait_until(pilot, lambda: len(screen.rows) == 3)
        text = screen_text(app)
        assert "Branch" in text and "第二党支部" in text and "zhao" in text
        assert "tester (admin)" in text  # the administrator, with no role of its own
        assert "Every branch: 3 account(s), 2 role(s)" in text
        assert all(len(line) <= 80 for line in text.splitlines())
        await pilot.press("o")
        await wait_until(pilot, lambda: len(screen.rows) == 1)


@ONLY_EN
async def test_the_palette_opens_the_users_screen(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+p")
        await pilot.press(*"users and roles")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, UsersScreen))
