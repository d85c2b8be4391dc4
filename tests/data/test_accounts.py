"""Accounts and grants (``data.accounts``, issue 13 §1), on SQLite and PostgreSQL.

Who acts is the login: on SQLite the store's operator, on PostgreSQL the database role the
store connects as (a login here is a role created by the grant, dropped after the test).
The first account written makes its writer the administrator; a branch secretary manages
the users of their own branch only and never gives the observer role; every refusal says
why and writes nothing, the audit log included.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from orglife_tui.data.accounts import access_of, add_account, grant, list_accounts, revoke
from orglife_tui.data.errors import Conflict, NotFound, NotPermitted, StoreError
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.access import AccountRole, Home
from orglife_tui.domain.records import MemberInput
from tests.logins import Logins, logins_of

R = AccountRole


@pytest.fixture
def logins(db_url) -> Iterator[Logins]:
    yield from logins_of(db_url)


@pytest.fixture
def two(store) -> tuple[int, int]:
    """Two branches, three members in the first."""
    a = store.create_branch("第一支部").id
    b = store.create_branch("第二支部").id
    store.add_members(
        a,
        [
            MemberInput("001", "张伟", MemberStatus.full),
            MemberInput("002", "王芳", MemberStatus.full),
            MemberInput("003", "李娜", MemberStatus.full),
        ],
    )
    return a, b


def grants(store: Store, branch_id: int | None = None) -> set[tuple[str, int, str, str | None]]:
    return {
        (a.name, g.branch_id, g.role.value, g.member_no)
        for a in list_accounts(store, branch_id)
        for g in a.grants
    }


def trail(store: Store) -> list[dict]:
    return store.audit_entries(limit=1000)


# ------------------------------------------------------------------ the first account


def test_the_first_writer_becomes_the_administrator(store, two, logins):
    a, _ = two
    first = access_of(store)
    assert first.bootstrap and first.unrestricted  # no account yet: the opener may all
    com = logins.name("com")
    grant(store, com, a, R.COMMITTEE)
    listed = {x.name: x for x in list_accounts(store)}
    assert listed["tester"].is_admin and listed["tester"].grants == ()
    assert not listed[com].is_admin
    assert [(g.branch_name, g.role, g.granted_by) for g in listed[com].grants] == [
        ("第一支部", R.COMMITTEE, "tester")
    ]
    after = access_of(store)
    assert after.is_admin and not after.bootstrap
    actions = [(e["action"], e["operator"]) for e in reversed(trail(store)[:3])]
    assert actions == [
        ("account.add", "tester"),  # the administrator, written by the first write
        ("account.add", "tester"),  # the new account
        ("account.grant", "tester"),
    ]
    # the second login is no administrator
    with logins.store(com) as theirs:
        access = access_of(theirs)
    assert access.account == com and not access.unrestricted
    assert access.roles_in(a) == {R.COMMITTEE} and access.home(a) is Home.FULL


def test_an_account_is_added_once_and_only_an_administrator_makes_an_administrator(
    store, two, logins
):
    a, _ = two
    sec, bob = logins.name("sec"), logins.name("bob")
    grant(store, sec, a, R.SECRETARY)
    add_account(store, bob)
    assert {x.name: x.grants for x in list_accounts(store)}[bob] == ()
    with pytest.raises(Conflict) as refused:
        add_account(store, bob)
    assert refused.value.key == "users.exists"
    with logins.store(sec) as theirs, pytest.raises(NotPermitted) as refused:
        add_account(theirs, logins.name("boss"), admin=True)
    assert refused.value.key == "users.admin_only"


# ------------------------------------------------------------------ a secretary's reach


def test_a_secretary_grants_in_their_branch_only_and_never_the_observer_role(store, two, logins):
    a, b = two
    sec, com, obs = logins.name("sec"), logins.name("com"), logins.name("obs")
    grant(store, sec, a, R.SECRETARY)
    with logins.store(sec) as theirs:
        access = access_of(theirs)
        assert access.can_manage_users(a) and not access.can_manage_users(b)
        assert [r for r in R if access.may_grant(a, r)] == [
            R.SECRETARY,
            R.COMMITTEE,
            R.TELLER,
            R.MEMBER,
        ]
        before = trail(store)
        with pytest.raises(NotPermitted) as refused:
            grant(theirs, obs, a, R.OBSERVER)
        assert refused.value.key == "users.observer_admin_only"
        with pytest.raises(NotPermitted) as refused:
            grant(theirs, com, b, R.COMMITTEE)
        assert refused.value.key == "users.not_secretary"
        assert trail(store) == before and obs not in {x.name for x in list_accounts(store)}

        grant(theirs, com, a, R.COMMITTEE)  # in their own branch: done, in their name
        assert (com, a, "committee", None) in grants(theirs, a)
        assert trail(store)[0]["operator"] == sec
        with pytest.raises(NotPermitted) as refused:
            revoke(theirs, sec, a, R.SECRETARY)
        assert refused.value.key == "users.not_yourself"
    assert (sec, a, "secretary", None) in grants(store)


def test_a_committee_member_manages_no_users(store, two, logins):
    a, _ = two
    com = logins.name("com")
    grant(store, com, a, R.COMMITTEE)
    with logins.store(com) as theirs:
        with pytest.raises(NotPermitted) as refused:
            grant(theirs, logins.name("x"), a, R.TELLER)
        assert refused.value.key == "users.not_secretary"
        with pytest.raises(NotPermitted):
            revoke(theirs, com, a, R.COMMITTEE)
    assert grants(store) == {(com, a, "committee", None)}


# ------------------------------------------------------------------ the member role


def test_the_member_role_needs_a_member_of_the_branch(store, two, logins):
    a, b = two
    mem = logins.name("mem")
    before = trail(store)
    with pytest.raises(StoreError) as refused:
        grant(store, mem, a, R.MEMBER)
    assert refused.value.key == "users.member_needed"
    with pytest.raises(NotFound) as refused:
        grant(store, mem, a, R.MEMBER, member_no="999")
    assert refused.value.key == "member_not_found"
    with pytest.raises(NotFound):  # a member of the first branch is not one of the second
        grant(store, mem, b, R.MEMBER, member_no="002")
    assert list_accounts(store) == [] and trail(store) == before  # nothing, not even tester

    grant(store, mem, a, R.MEMBER, member_no=" 002 ")
    [row] = [g for x in list_accounts(store, a) for g in x.grants]
    assert (row.account, row.member_no, row.member_name) == (mem, "002", "王芳")
    with logins.store(mem) as theirs:
        access = access_of(theirs)
    assert access.home(a) is Home.SELF
    assert access.member_id_in(a) == store.get_member(a, "002").id


def test_each_role_opens_its_own_home(store, two, logins):
    a, b = two
    tel, obs = logins.name("tel"), logins.name("obs")
    grant(store, tel, a, R.TELLER)
    grant(store, obs, a, R.OBSERVER)  # the administrator's to give
    grant(store, obs, b, R.OBSERVER)
    with logins.store(tel) as theirs:
        teller = access_of(theirs)
    with logins.store(obs) as theirs:
        observer = access_of(theirs)
    assert teller.home(a) is Home.KIOSK and teller.home(b) is Home.NONE
    assert not teller.can_read(a) and not teller.can_write(a)
    assert observer.home(a) is Home.OBSERVER and observer.branch_ids() == {a, b}
    assert observer.can_read(b) and not observer.can_write(b)


# ------------------------------------------------------------------ revoking, listing


def test_revoking_takes_one_role_away_and_a_grant_not_held_is_refused(store, two, logins):
    a, b = two
    com = logins.name("com")
    grant(store, com, a, R.COMMITTEE)
    grant(store, com, a, R.TELLER)
    with pytest.raises(Conflict) as refused:
        grant(store, com, a, R.TELLER)
    assert refused.value.key == "users.already_granted"
    before = trail(store)
    with pytest.raises(NotFound) as refused:
        revoke(store, com, a, R.SECRETARY)
    assert refused.value.key == "users.no_such_grant"
    with pytest.raises(NotFound):
        revoke(store, com, b, R.TELLER)  # held in the other branch only
    assert trail(store) == before
    revoke(store, com, a, R.TELLER)
    assert grants(store) == {(com, a, "committee", None)}
    done = trail(store)[0]
    assert (done["action"], done["branch_id"], done["operator"]) == ("account.revoke", a, "tester")


def test_the_branch_list_holds_only_the_accounts_with_a_role_there(store, two, logins):
    a, b = two
    one, other = logins.name("one"), logins.name("other")
    grant(store, one, a, R.COMMITTEE)
    grant(store, other, b, R.SECRETARY)
    grant(store, other, a, R.TELLER)
    assert grants(store, a) == {(one, a, "committee", None), (other, a, "teller", None)}
    assert grants(store, b) == {(other, b, "secretary", None)}
    assert {x.name for x in list_accounts(store)} == {"tester", one, other}


# ------------------------------------------------------------------ login names


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("wang fang", "users.name_bad"),
        ("o'neil", "users.name_bad"),
        ('say"hi', "users.name_bad"),
        ("1abc", "users.name_bad"),
        ("a;drop", "users.name_bad"),
        ("x" * 64, "users.name_bad"),
        ("", "users.name_empty"),
        ("   ", "users.name_empty"),
    ],
)
def test_a_login_name_with_a_space_a_quote_or_worse_is_refused(store, two, name, key):
    a, _ = two
    before = trail(store)
    with pytest.raises(StoreError) as refused:
        grant(store, name, a, R.COMMITTEE)
    assert refused.value.key == key
    with pytest.raises(StoreError) as refused:
        add_account(store, name)
    assert refused.value.key == key
    assert list_accounts(store) == [] and trail(store) == before
