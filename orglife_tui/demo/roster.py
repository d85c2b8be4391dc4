"""The demo's roster: members with names, dates and phones, the committee, the party groups
and their leaders, the drifter and the member on a long leave (``draw_roster``)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from orglife_tui.demo.corpus import (
    GIVEN_NAMES,
    PHONE_PREFIXES,
    SURNAME_WEIGHTS,
    SURNAMES,
    group_name,
)
from orglife_tui.demo.dates import add_years
from orglife_tui.domain import CommitteePost, Gender, MemberStatus, add_months, month_key
from orglife_tui.domain.records import MemberInput

DEMO_BRANCH_NAME = "示范党支部"

DRIFTING_MEMBER_NAME = "赵志远"
"""The one member drifting into a long absence, whatever the seed and the size.

He is a full member outside the committee with no group post. From ``DemoBranch.drift_start``
(the first day of the month six months before today's month) up to today he is marked
``absent`` with no reason at every meeting he is expected at, so by today he has missed
organizational life for six consecutive months without valid reason (自行脱党 territory,
docs/architecture.md §3) — seven, once he has missed a meeting of today's month. In the two months
before that (``WARM_UP_MONTHS``) he still came to his group's meetings but missed all others,
so his streak starts exactly at ``drift_start``.
``DemoBranch.drifter`` is his member number; no other member of a demo branch bears his name,
so ``orglife-tui members list --search 赵志远`` finds him.
"""


@dataclass
class Person:
    """One member while the roster is drawn (``records`` holds what is loaded)."""

    name: str
    gender: Gender
    birth: date
    joined: date
    full: date | None
    phone: str
    busy: bool = False
    group: int = 0
    post: CommitteePost | None = None
    member_no: str = ""


@dataclass(frozen=True)
class Profile:
    """How one member attends: cumulative thresholds for leave and unexcused absence."""

    leave: float
    absent: float  # leave + absent


@dataclass
class Roster:
    """The branch's people as ``generate`` draws them, before its meetings (indices into
    ``people``, which is in member-number order)."""

    people: list[Person]
    full_idx: list[int]
    committee_idx: list[int]  # in the order of the posts: the secretary first
    drifter: int
    groups: tuple[str, ...]
    group_members: list[list[int]]
    leaders: list[int | None]
    long_leave: tuple[str, date, date, str] | None  # member_no, from, to, reason
    records: list[MemberInput]
    profiles: list[Profile]


def draw_roster(
    rng: random.Random, members: int, today: date, first_day: date, drift_start: date
) -> Roster:
    """The roster, drawn from ``rng`` (the first draws of ``generate``, in this order)."""
    # -- people
    probationary = max(1, round(members * 0.1)) if members >= 5 else 0
    names: set[str] = {DRIFTING_MEMBER_NAME}
    phones: set[str] = set()
    people: list[Person] = []
    for k in range(members):
        gender = Gender.male if rng.random() < 0.56 else Gender.female
        person = _new_person(rng, gender, today, k < probationary, phones)
        person.name = _new_name(rng, gender, person.birth.year, names, unique=members <= 2000)
        people.append(person)

    # -- numbering in order of joining (the oldest members first)
    people.sort(key=lambda p: (p.joined, p.birth, p.name))
    width = max(3, len(str(members)))
    for n, p in enumerate(people, start=1):
        p.member_no = f"{n:0{width}d}"

    full_idx = [i for i, p in enumerate(people) if p.full is not None]

    # -- the drifter: a full member, neither on the committee nor leading a group
    senior = [i for i in full_idx if people[i].joined <= first_day - timedelta(days=3 * 365)]
    posts = _committee_posts(len(full_idx))
    committee_pool = senior if len(senior) >= len(posts) + 1 else full_idx
    committee_idx = rng.sample(committee_pool, len(posts))
    for i, post in zip(committee_idx, posts):
        people[i].post = post
    drifter_choices = [i for i in full_idx if people[i].post is None]
    drifter = rng.choice(drifter_choices)
    people[drifter].name = DRIFTING_MEMBER_NAME
    people[drifter].gender = Gender.male
    people[drifter].busy = False

    # -- groups: balanced, members dealt out at random
    n_groups = group_count(members)
    groups = tuple(group_name(g) for g in range(n_groups))
    order = list(range(members))
    rng.shuffle(order)
    group_members: list[list[int]] = [[] for _ in range(n_groups)]
    for pos, i in enumerate(order):
        people[i].group = pos % n_groups
        group_members[pos % n_groups].append(i)
    for g in group_members:
        g.sort()
    leaders: list[int | None] = []
    for g in group_members:
        candidates = [i for i in g if people[i].full is not None and people[i].post is None]
        candidates = [i for i in candidates if i != drifter]
        if candidates:
            leader = rng.choice(candidates)
            people[leader].post = CommitteePost.group_leader
            leaders.append(leader)
        else:
            leaders.append(None)

    # -- a long leave: maternity leave, or a secondment, of three months
    long_leave = None
    if members >= 10:
        pool = [
            i
            for i in full_idx
            if people[i].post is None and i != drifter and people[i].busy is False
        ]
        if pool:
            who = rng.choice(pool)
            reason = "休产假" if people[who].gender is Gender.female else "外派挂职"
            start = first_day + timedelta(days=rng.randint(0, 60))
            long_leave = (people[who].member_no, start, start + timedelta(days=90), reason)

    # -- member records
    records = []
    profiles = []
    for i, p in enumerate(people):
        dues = _dues(rng, p, today, drifter=(i == drifter), drift_start=drift_start)
        records.append(
            MemberInput(
                member_no=p.member_no,
                name=p.name,
                status=MemberStatus.full if p.full else MemberStatus.probationary,
                gender=p.gender,
                birth_date=p.birth,
                join_date=p.joined,
                full_date=p.full,
                group=groups[p.group],
                post=p.post,
                phone=p.phone,
                dues_paid_until=dues,
            )
        )
        leave = 0.12 if p.busy else 0.03
        profiles.append(Profile(leave=leave, absent=leave + 0.006))

    return Roster(
        people=people,
        full_idx=full_idx,
        committee_idx=committee_idx,
        drifter=drifter,
        groups=groups,
        group_members=group_members,
        leaders=leaders,
        long_leave=long_leave,
        records=records,
        profiles=profiles,
    )


def _committee_posts(full_members: int) -> tuple[CommitteePost, ...]:
    if full_members < 7:
        return (CommitteePost.secretary,)
    posts = (
        CommitteePost.secretary,
        CommitteePost.organization,
        CommitteePost.publicity,
        CommitteePost.discipline,
        CommitteePost.deputy_secretary,
    )
    if full_members < 12:
        return posts[:3]
    if full_members < 25:
        return posts[:4]
    return posts


def group_count(members: int) -> int:
    """Two or more groups of about ten members."""
    return max(2, round(members / 10))


def _new_name(rng: random.Random, gender: Gender, born: int, taken: set[str], unique: bool) -> str:
    pool = GIVEN_NAMES[(gender, 0 if born < 1975 else 1 if born < 1990 else 2)]
    name = DRIFTING_MEMBER_NAME
    for _ in range(50):
        name = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0] + rng.choice(pool)
        if name != DRIFTING_MEMBER_NAME and (not unique or name not in taken):
            break
    if name == DRIFTING_MEMBER_NAME or (unique and name in taken):
        name += rng.choice("一二三四五六七八九")  # rare: a branch of thousands of members
    taken.add(name)
    return name


def _new_person(
    rng: random.Random, gender: Gender, today: date, probationary: bool, phones: set[str]
) -> Person:
    if probationary:
        joined = today - timedelta(days=rng.randint(20, 350))
        age_at_join = rng.randint(19, 34)
        birth = add_years(joined, -age_at_join) - timedelta(days=rng.randint(0, 360))
        full = None
    else:
        age = int(rng.triangular(24, 72, 42))
        birth = add_years(today, -age) - timedelta(days=rng.randint(0, 364))
        age_at_join = min(int(rng.triangular(18, 50, 24)), age - 2)
        joined = add_years(birth, age_at_join) + timedelta(days=rng.randint(0, 364))
        latest = today - timedelta(days=400)
        if joined > latest:
            joined = latest - timedelta(days=rng.randint(0, 300))
        if add_years(birth, 18) > joined:  # keep the 18-year rule after the clamp above
            birth = add_years(joined, -19)
        full = add_years(joined, 1)
    phone = ""
    while not phone or phone in phones:
        phone = (
            f"{rng.choice(PHONE_PREFIXES)}-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"
        )
    phones.add(phone)
    return Person(
        name="",
        gender=gender,
        birth=birth,
        joined=joined,
        full=full,
        phone=phone,
        busy=rng.random() < 0.1,
    )


def _dues(rng: random.Random, p: Person, today: date, drifter: bool, drift_start: date) -> str:
    if drifter:
        y, m = add_months(drift_start.year, drift_start.month, -1)
        return month_key(y, m)
    r = rng.random()
    behind = 0 if r < 0.7 else 1 if r < 0.92 else rng.randint(2, 4)
    y, m = add_months(today.year, today.month, -behind)
    if (y, m) < (p.joined.year, p.joined.month):
        y, m = p.joined.year, p.joined.month
    return month_key(y, m)
