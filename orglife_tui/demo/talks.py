"""The demo's heart-to-heart talks (``TalkWriter``): every member due in every year of the
record, the talks before the life meeting, the answers to the drifter's streak and the two
follow-ups left due."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from orglife_tui.demo.corpus import (
    ACTIONS,
    BIRTHDAY_CONTENT,
    BIRTHDAY_OPINIONS,
    CARE_CASES,
    CARE_CONTENT,
    ENCOURAGEMENT_CONTENT,
    GIVEN_NAMES,
    LEAVE_CARE,
    OPINIONS,
    OUTSIDE_POST,
    PRE_LIFE_CONTENT,
    PRE_LIFE_OPINIONS,
    PRE_LIFE_PROBLEMS,
    PROBATION_ACTIONS,
    PROBATION_CONTENT,
    REMINDER,
    ROUTINE_CONTENT,
    ROUTINE_DIFFICULTIES,
    ROUTINE_PROBLEMS,
    SURNAME_WEIGHTS,
    SURNAMES,
    TALK_PLACES,
    WARNING,
)
from orglife_tui.demo.dates import anniversary_in
from orglife_tui.demo.meetings import AUDIENCE_ALL
from orglife_tui.domain import (
    CommitteePost,
    Gender,
    MeetingType,
    MemberStatus,
    TalkForm,
    TalkType,
    month_end,
    month_key_of,
    split_month_key,
)
from orglife_tui.domain.records import MemberInput
from orglife_tui.domain.talks import TalkerInput, TalkInput

if TYPE_CHECKING:
    from orglife_tui.demo.branch import DemoBranch


FOLLOW_UPS_DUE = (4, 11)
"""Days from today of the two follow-ups the demo leaves due (the dashboard's reminder)."""
FOLLOW_UP_WINDOW = 14


class TalkWriter:
    """Writes the demo's talks: one pass over the years of the record, then the answers to
    the drifter's streak and the two follow-ups left due."""

    def __init__(self, b: DemoBranch) -> None:
        self.b = b
        self.rng = random.Random(f"{b.seed}:talks")
        self.today = b.today
        committee = [b.members[i] for i in b._committee_idx]
        self.by_post = {m.post: m for m in committee}
        self.secretary = self.by_post[CommitteePost.secretary]
        self.others = [m for m in committee if m is not self.secretary]
        second = self.by_post.get(CommitteePost.deputy_secretary) or self.by_post.get(
            CommitteePost.organization
        )
        self.second = second
        organization = self.by_post.get(CommitteePost.organization)
        self.recorder = organization.name if organization else None
        surname = self.rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
        self.outside = TalkerInput(
            name=surname + self.rng.choice(GIVEN_NAMES[(Gender.male, 1)]), post=OUTSIDE_POST
        )
        self.life = {m.date.year: m for m in b.meetings if MeetingType.life_meeting in m.types}
        self.out: list[TalkInput] = []

    # -- helpers

    def _day(self, lo: date, hi: date) -> date:
        """A working day between ``lo`` and ``hi`` (``lo`` when there is none)."""
        span = (hi - lo).days
        when = lo + timedelta(days=self.rng.randint(0, max(span, 0)))
        for step in (1, -1):
            d = when
            while lo <= d <= hi:
                if d.weekday() < 5:
                    return d
                d += timedelta(days=step)
        return lo

    def _talkers(self, member: MemberInput, secretary_share: float = 0.6):
        if member.member_no == self.secretary.member_no:
            if self.second is not None:
                return (TalkerInput(member_no=self.second.member_no),)
            return (self.outside,)
        if not self.others or self.rng.random() < secretary_share:
            return (TalkerInput(member_no=self.secretary.member_no),)
        talker = self.rng.choice(self.others)
        if talker.member_no == member.member_no:
            talker = self.secretary
        return (TalkerInput(member_no=talker.member_no),)

    def _follow_up(self, when: date, action: str, result: str, **fields) -> dict:
        """Agreed action with a deadline and a follow-up: found done when it lies in the
        past; not due within ``FOLLOW_UP_WINDOW`` days otherwise (only the planted two are)."""
        rng = self.rng
        follow = when + timedelta(days=rng.randint(30, 75))
        if follow > self.today and follow <= self.today + timedelta(days=FOLLOW_UP_WINDOW):
            follow = self.today + timedelta(days=FOLLOW_UP_WINDOW + 1 + rng.randint(0, 30))
        return {
            **fields,
            "actions": action,
            "action_deadline": follow,
            "follow_up_date": follow,
            "follow_up_result": result if follow <= self.today else None,
        }

    def _add(self, when: date, member: MemberInput, kind: TalkType, **fields) -> None:
        fields.setdefault("talkers", self._talkers(member))
        fields.setdefault("place", self.rng.choice(TALK_PLACES))
        self.out.append(TalkInput(date=when, member_no=member.member_no, type=kind, **fields))

    # -- the year's talks

    def talks(self) -> tuple[TalkInput, ...]:
        b = self.b
        for year in range(b.first_day.year, self.today.year + 1):
            self._year(year)
        self._drifter_answers()
        self._due_follow_ups()
        self.out.sort(key=lambda t: (t.date, t.member_no, t.type.value))
        return tuple(self.out)

    def _year(self, year: int) -> None:
        b, today = self.b, self.today
        first = max(date(year, 1, 1), b.first_day)
        end = min(date(year, 12, 31), today)
        due_by = date(year, 10, 31)  # every member due is talked with by the end of October
        for member in b.members:
            joined = member.join_date
            assert joined is not None
            lo = max(first, joined + timedelta(days=7))
            hi = due_by if lo <= due_by else date(year, 12, 31)
            if member.member_no == b.drifter:
                hi = min(hi, b.drift_start - timedelta(days=1))  # the answers come later
            if lo > hi or lo > end:
                continue
            self._main_talk(member, year, lo, hi)
        life = self.life.get(year)
        if life is not None:
            self._before_life_meeting(life.date)

    def _main_talk(self, member: MemberInput, year: int, lo: date, hi: date) -> None:
        b, rng = self.b, self.rng
        leave = b.long_leave
        r = rng.random()
        joined = member.join_date
        assert joined is not None
        anniversary = anniversary_in(joined, year)
        if leave and leave[0] == member.member_no and lo <= leave[1] + timedelta(days=14) <= hi:
            when = leave[1] + timedelta(days=14)
            content, difficulty = LEAVE_CARE.get(leave[3], LEAVE_CARE["外派挂职"])
            fields: dict[str, object] = {
                "content": content,
                "difficulties": difficulty,
                "opinions": rng.choice(OPINIONS),
                "form": TalkForm.online,
                "place": "线上视频",
                "trigger": f"{leave[3]}期间关心关爱",
            }
            kind = TalkType.care
        elif member.status is MemberStatus.probationary:
            when = self._day(lo, hi)
            action, result = rng.choice(PROBATION_ACTIONS)
            fields = self._follow_up(
                when,
                action,
                result,
                content=PROBATION_CONTENT,
                opinions=rng.choice(OPINIONS),
                trigger="预备党员教育考察",
            )
            kind = TalkType.encouragement
        elif r < 0.22 and lo <= anniversary <= hi and anniversary.year > joined.year:
            when = anniversary
            years = anniversary.year - joined.year
            fields = {
                "content": BIRTHDAY_CONTENT.format(years=years),
                "opinions": rng.choice(BIRTHDAY_OPINIONS),
                "trigger": f"入党{years}周年政治生日",
            }
            kind = TalkType.political_birthday
        elif r < 0.32:
            when = self._day(lo, hi)
            difficulty, action, result, secret = rng.choice(CARE_CASES)
            fields = self._follow_up(
                when,
                action,
                result,
                content=rng.choice(CARE_CONTENT),
                difficulties=difficulty,
                confidential=secret and rng.random() < 0.6,
                place="党员家中" if rng.random() < 0.5 else rng.choice(TALK_PLACES),
                trigger="了解到家庭有困难",
            )
            kind = TalkType.care
        elif r < 0.42:
            when = self._day(lo, hi)
            fields = {
                "content": rng.choice(ENCOURAGEMENT_CONTENT),
                "opinions": rng.choice(OPINIONS),
            }
            kind = TalkType.encouragement
        else:
            when = self._day(lo, hi)
            fields = {
                "content": rng.choice(ROUTINE_CONTENT),
                "problems": rng.choice(ROUTINE_PROBLEMS),
                "difficulties": rng.choice(ROUTINE_DIFFICULTIES),
                "opinions": rng.choice(OPINIONS),
                "confidential": rng.random() < 0.02,
            }
            if rng.random() < 0.25:
                action, result = rng.choice(ACTIONS)
                fields = self._follow_up(when, action, result, **fields)
            kind = TalkType.routine
        if when <= self.today:
            self._add(when, member, kind, **fields)

    def _before_life_meeting(self, held: date) -> None:
        """Talks in the weeks before the life meeting: the secretary with every committee
        member (and the second with the secretary), committee members with about a fifth of
        the others."""
        b, rng = self.b, self.rng
        committee = {m.member_no for m in [self.secretary, *self.others]}
        for member in b.members:
            is_committee = member.member_no in committee
            if member.member_no == b.drifter or not (is_committee or rng.random() < 0.2):
                continue
            joined = member.join_date
            assert joined is not None
            lo = max(b.first_day, joined + timedelta(days=7))
            when = held - timedelta(days=rng.randint(3, 20))
            if when < lo or when > self.today:
                continue
            if is_committee and member.member_no != self.secretary.member_no:
                talkers = (TalkerInput(member_no=self.secretary.member_no),)
            else:
                talkers = self._talkers(member, secretary_share=0.4)
            self._add(
                when,
                member,
                TalkType.pre_life_meeting,
                talkers=talkers,
                content=rng.choice(PRE_LIFE_CONTENT),
                problems=rng.choice(PRE_LIFE_PROBLEMS),
                opinions=rng.choice(PRE_LIFE_OPINIONS),
                recorder=self.recorder if is_committee else None,
                trigger=f"{held.year}年度组织生活会前征求意见",
            )

    # -- the answers to the drifter's streak, and two follow-ups left due

    def _drifter_answers(self) -> None:
        b = self.b
        months = b.drifter_months()
        drifter = b.member(b.drifter)
        dates = sorted(
            m.date
            for i, m in enumerate(b.meetings)
            if m.date >= b.drift_start
            and b._audiences[i] in (AUDIENCE_ALL, b.groups.index(drifter.group))
        )
        first_month = months[0] if months else month_key_of(b.drift_start)
        year, month = split_month_key(first_month)
        talkers = [TalkerInput(member_no=self.secretary.member_no)]
        second = self.by_post.get(CommitteePost.organization) or self.by_post.get(
            CommitteePost.deputy_secretary
        )
        if second is not None:
            talkers.append(TalkerInput(member_no=second.member_no))
        for index, texts, kind, step, place in (
            (2, REMINDER, TalkType.reminder, "reminder_talk", "书记办公室"),
            (4, WARNING, TalkType.warning, "warning_notice", "支部会议室"),
        ):
            if len(months) <= index:
                continue
            key = months[index]
            in_month = [d for d in dates if month_key_of(d) == key]
            last = month_end(*split_month_key(key))
            when = min(in_month[0] + timedelta(days=self.rng.randint(2, 6)), last)
            if when > self.today:
                continue
            deadline = when + timedelta(days=30)
            follow = deadline
            if self.today < follow <= self.today + timedelta(days=FOLLOW_UP_WINDOW):
                follow = self.today + timedelta(days=FOLLOW_UP_WINDOW + 1)
            self._add(
                when,
                drifter,
                kind,
                talkers=tuple(talkers),
                place=place,
                recorder=self.recorder,
                trigger=texts["trigger"].format(year=year, month=month),
                content=texts["content"],
                problems=texts["problems"],
                difficulties=texts["difficulties"],
                opinions=texts["opinions"],
                actions=texts["actions"],
                action_deadline=deadline,
                follow_up_date=follow,
                follow_up_result=texts["result"] if follow <= self.today else None,
                absence_from=first_month,
                absence_step=step,
            )

    def _due_follow_ups(self) -> None:
        """Two care talks of the last fortnight whose follow-ups fall due in the next two weeks."""
        b, rng, today = self.b, self.rng, self.today
        settled = [
            m
            for m in b.members
            if m.member_no != b.drifter and m.join_date <= today - timedelta(days=60)  # type: ignore[operator]  # demo members all have a join date
        ]
        for days, member in zip(FOLLOW_UPS_DUE, rng.sample(settled, min(2, len(settled)))):
            when = max(today - timedelta(days=rng.randint(2, 12)), b.first_day)
            difficulty, action, _result, _secret = rng.choice(CARE_CASES)
            self._add(
                when,
                member,
                TalkType.care,
                content=rng.choice(CARE_CONTENT),
                difficulties=difficulty,
                actions=action,
                action_deadline=today + timedelta(days=days),
                follow_up_date=today + timedelta(days=days),
                trigger="了解到家庭有困难",
            )
