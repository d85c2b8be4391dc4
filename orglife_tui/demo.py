"""A realistic Chinese demo branch, generated deterministically from a seed.

Pure Python: no SQL, no Textual, no Typer. ``generate(members, years, seed, today)`` returns
a ``DemoBranch`` holding the party groups, the roster (``MemberInput``), the meetings
(``MeetingInput`` with ``meeting_no`` set) and, streamed on demand, the attendance of every
meeting. The same arguments give the same branch, byte for byte; ``today`` defaults to the
current date and is part of the input (meetings never lie in the future).

What the branch looks like:

- ``members`` members with common Chinese names, both genders, member numbers ``001`` …
  in order of joining, birth dates, join dates (joined at 18 or older), full-member dates a
  year after joining; about 10 % are probationary members who joined within the last year
  and have no full-member date.
- two or more party groups of about ten members each (more groups for larger branches),
  each with a group leader (``group_leader``) where it has a full member to spare.
- a committee: under 7 full members only a secretary; with 7 or more a secretary plus
  organization and publicity members, then discipline and a deputy secretary as the branch
  grows (a committee of 3 to 5, DESIGN.md §2).
- the meetings of 三会一课 for each calendar year of ``years`` ending in the current one, up
  to ``today``: a monthly committee meeting (when there is a committee), a quarterly general
  meeting, a monthly meeting of every group, a quarterly Party lecture (two of the four held
  together with that month's themed day: one meeting with two types), a themed Party day on
  a fixed day each month and a life meeting in the fourth quarter once it has taken place.
  The record always reaches back at least ten months so that the long absence below shows.
- attendance for every meeting among the members who had joined by then (a group meeting
  takes its group, a committee meeting the committee): mostly present, some on leave with
  a reason (出差, 病假, 外出培训 …), one member on a long leave, a handful absent without
  reason, and exactly one member drifting away (see ``DRIFTING_MEMBER_NAME``).
- points entered by hand, streamed in date order by ``ledger_entries()``: volunteer hours,
  community report-in, commitments kept and broken, dues paid late, a lecture-given entry
  for every Party lecture a member gave, and two entries later reversed with a reason.
  About ``ENTRIES_PER_MEMBER_YEAR`` a member a year, or exactly as many as asked for (the
  benchmark tops a ledger up to a million this way). The points attendance is worth are not
  generated here: the loader derives them from the attendance under the active scheme.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from orglife_tui.domain import (
    AttendanceStatus,
    CommitteePost,
    Gender,
    MeetingType,
    MemberStatus,
)
from orglife_tui.records import AttendanceInput, MeetingInput, MemberInput

DEMO_BRANCH_NAME = "示范党支部"

DRIFTING_MEMBER_NAME = "赵志远"
"""The one member drifting into a long absence, whatever the seed and the size.

He is a full member outside the committee with no group post. From ``DemoBranch.drift_start``
(the first day of the month six months before today's month) up to today he is marked
``absent`` with no reason at every meeting he is expected at, so by today he has missed
organizational life for six consecutive months without valid reason (自行脱党 territory,
DESIGN.md §3); in the two months before that he already missed about half of them.
``DemoBranch.drifter`` is his member number; no other member of a demo branch bears his name,
so ``orglife-tui members list --search 赵志远`` finds him.
"""

MIN_MEMBERS = 3
MAX_YEARS = 10

# ---------------------------------------------------------------------------- vocabulary

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
# Rough frequency: the first surnames are far more common than the last.
_SURNAME_WEIGHTS = tuple(1.0 / (i + 6) for i in range(len(_SURNAMES)))

# Given names by generation (born before 1975, 1975–1989, 1990 on), as people are named.
_GIVEN = {
    (Gender.male, 0): (
        "建国 建华 国庆 卫东 红军 建军 志强 永刚 立新 振华 德明 光明 国强 海涛 建平 长江 学军 "
        "胜利 保国 建设 明 伟 军 勇 斌 刚 平 林 峰 东 华 福生 玉林 庆华"
    ),
    (Gender.male, 1): (
        "伟 磊 涛 超 鹏 杰 明 勇 斌 浩 志强 海涛 晓东 俊杰 鹏飞 文博 建波 永强 宏伟 晓明 振宇 "
        "立伟 志勇 国栋 伟东 海波 雷 亮 鑫 凯 健 峰 波 辉 晓峰 建新 文杰"
    ),
    (Gender.male, 2): (
        "子轩 浩然 宇航 天宇 嘉诚 俊熙 博文 一鸣 宇轩 泽宇 浩宇 皓轩 睿 航 哲 晨 阳 昊天 梓豪 "
        "家豪 明轩 子豪 宇 骁 文轩 俊豪 思成 逸飞 嘉懿 锦程"
    ),
    (Gender.female, 0): (
        "秀英 桂英 玉兰 淑芬 春梅 丽华 红梅 桂兰 凤英 秀兰 淑珍 玉珍 丽 英 霞 萍 红 敏 芳 琴 华 "
        "美华 素琴 爱华 秀珍"
    ),
    (Gender.female, 1): (
        "丽娟 晓燕 海燕 婷婷 雅琴 慧敏 丽丽 晓丽 文静 雪梅 静 敏 燕 娟 艳 丹 娜 颖 莉 倩 洁 晶 琳 "
        "玲 欢 晓红 春燕 美玲 晓霞 雪莲"
    ),
    (Gender.female, 2): (
        "思雨 欣怡 梦瑶 佳琪 静怡 雨涵 紫涵 诗涵 梓涵 可欣 一诺 若曦 雨欣 佳怡 子涵 悦 妍 璐 瑶 琪 "
        "蕾 雪 婧 欣然 晨曦 心怡 诗琪 雅婷"
    ),
}
_GIVEN_NAMES = {key: tuple(value.split()) for key, value in _GIVEN.items()}


_PHONE_PREFIXES = tuple(
    str(n)
    for n in (*range(130, 140), 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 173, 177)
    + (180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199)
)

_LEAVE_REASONS = (
    ("出差", 30),
    ("病假", 18),
    ("外出培训", 12),
    ("家中有事", 12),
    ("值班", 8),
    ("公务外出", 8),
    ("年休假", 5),
    ("陪护住院家属", 4),
    ("子女生病", 3),
    ("参加上级会议", 3),
    ("下乡驻村", 2),
)

_PLACES = ("党员活动室", "支部会议室", "三楼会议室", "党群服务中心")
_THEMED_PLACES = (
    "党员活动室",
    "社区党群服务中心",
    "革命纪念馆",
    "烈士陵园",
    "党史教育基地",
    "结对共建社区",
    "新时代文明实践站",
)

_COMMITTEE_TOPICS = (
    "研究{month}月份工作安排",
    "研究发展党员工作",
    "通报党费收缴情况",
    "研究主题党日活动方案",
    "研究党员积分考评情况",
    "安排谈心谈话",
    "分析意识形态工作",
    "研究党员教育培训计划",
    "研究困难党员帮扶",
)
_COMMITTEE_BY_MONTH = {
    1: "研究{year}年度党建工作计划",
    6: "研究“七一”系列活动安排",
    7: "总结上半年党建工作",
    11: "研究组织生活会和民主评议党员准备工作",
    12: "研究年度党建工作总结",
}
_GENERAL_TOPICS = (
    "部署{year}年度党建工作",
    "学习贯彻上级党委会议精神，通报上半年党费收缴情况",
    "学习党的创新理论，讨论发展党员工作",
    "通报{year}年度党建工作，讨论预备党员转正",
)
_STUDIES = (
    "学习《中国共产党章程》",
    "学习党的二十大报告",
    "学习《习近平新时代中国特色社会主义思想学习纲要》",
    "学习《中国共产党纪律处分条例》",
    "学习《中国共产党支部工作条例（试行）》",
    "学习《中国共产党党员教育管理工作条例》",
    "学习党史，交流心得体会",
    "学习《论党的自我革命》",
    "学习新修订的《中国共产党廉洁自律准则》",
    "讨论本组党员承诺践诺情况",
    "学习中央八项规定精神",
    "交流岗位建功经验",
)
_LECTURES = (
    "坚定理想信念，筑牢信仰之基",
    "弘扬伟大建党精神",
    "以案为鉴，守牢廉洁底线",
    "深入学习贯彻党的二十大精神",
    "践行全心全意为人民服务的根本宗旨",
    "加强党性修养，做合格共产党员",
    "学习党史，赓续红色血脉",
    "牢记初心使命，勇于担当作为",
)
_THEMES = {
    1: "新春走访慰问困难党员",
    2: "学习贯彻全国两会精神",
    3: "学雷锋志愿服务",
    4: "清明祭英烈",
    5: "青春心向党，建功新时代",
    6: "重温入党誓词",
    7: "庆祝建党节，过“政治生日”",
    8: "八一拥军慰问",
    9: "全民国防教育",
    10: "我和我的祖国",
    11: "消防安全宣传进社区",
    12: "宪法宣传日，学法用法",
}
_OUTSIDE_LECTURERS = ("区委党校", "街道党工委", "市委讲师团", "党史研究室")
_MINUTES = (
    "会议传达学习了上级有关精神，与会党员结合工作实际交流发言。",
    "会议按议程进行，与会党员逐一发言，形成一致意见。",
    "会后布置了下阶段学习任务。",
)

# -- manual ledger entries (points entered by hand)

LEDGER_KINDS = (
    "volunteer",
    "report_in",
    "commitment_kept",
    "commitment_broken",
    "late_dues",
    "lecture_given",
)
"""What a demo ledger entry records; ``orglife_tui.points`` maps each to a scheme item."""

ENTRIES_PER_MEMBER_YEAR = 5
"""How many entries a member gets by hand in a year, on average (volunteering, report-in …)."""

_KIND_WEIGHTS = (
    ("volunteer", 38),
    ("report_in", 32),
    ("commitment_kept", 18),
    ("commitment_broken", 4),
    ("late_dues", 8),
)
_VOLUNTEER = (
    "社区环境整治",
    "文明交通劝导",
    "敬老院慰问演出",
    "义务植树",
    "反诈骗宣传",
    "垃圾分类宣传",
    "关爱留守儿童",
    "创建文明城市志愿服务",
    "防汛值守",
    "义务献血服务站引导",
    "图书馆志愿讲解",
)
_VOLUNTEER_HOURS = (1.0, 1.5, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0)
_COMMUNITIES = ("幸福里社区", "东风社区", "和平街社区", "滨江社区", "朝阳社区", "新华里社区")
_REPORT_IN = (
    "参加社区议事协商",
    "协助入户走访",
    "参与网格化服务",
    "参加社区“双报到”志愿活动",
    "协助开展政策宣讲",
)
_COMMITMENTS = (
    "结对帮扶困难群众",
    "完成年度学习计划",
    "牵头解决群众急难愁盼问题",
    "带头开展岗位练兵",
    "参与“我为群众办实事”项目",
    "按期完成整改事项",
)
_REVERSAL_REASONS = (
    ("report_in", "重复登记，予以冲正"),
    ("volunteer", "服务时长登记有误，经核实予以冲正"),
)


_ZH_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """A positive integer in Chinese numerals: 10 → 十, 101 → 一百零一, 10001 → 一万零一."""
    if n <= 0:
        raise ValueError("only positive numbers")

    def section(value: int) -> str:
        out, zero = "", False
        for pos, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
            digit = value // 10**pos % 10
            if digit == 0:
                zero = zero or bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += _ZH_DIGITS[digit] + unit
        return out

    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    out, pending_zero = "", False
    for idx in range(len(sections) - 1, -1, -1):
        value = sections[idx]
        if value == 0:
            pending_zero = pending_zero or bool(out)
            continue
        if out and (value < 1000 or pending_zero):
            out += "零"
        out += section(value) + ("", "万", "亿", "万亿")[idx]
        pending_zero = False
    return out[1:] if out.startswith("一十") else out


def group_name(index: int) -> str:
    """第一党小组, 第二党小组 … (``index`` counts from 0)."""
    return f"第{zh_numeral(index + 1)}党小组"


# ---------------------------------------------------------------------------- dates


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28) + timedelta(days=1)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _weekday_in(rng: random.Random, year: int, month: int, first: int, last: int) -> date:
    """A working day between the given days of the month (inclusive)."""
    days = [
        date(year, month, d)
        for d in range(first, last + 1)
        if _valid_day(year, month, d) and date(year, month, d).weekday() < 5
    ]
    if not days:  # impossible for ranges of a week or more
        return date(year, month, first)
    return rng.choice(days)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _fixed_working_day(year: int, month: int, day: int) -> date:
    """The fixed day of the month, moved to the Monday after when it falls on a weekend."""
    d = date(year, month, day)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


# ---------------------------------------------------------------------------- the branch

_ALL = -1
_COMMITTEE = -2

_PRESENT = AttendanceStatus.present.value
_LEAVE = AttendanceStatus.leave.value
_ABSENT = AttendanceStatus.absent.value


@dataclass(frozen=True)
class _Profile:
    """How one member attends: cumulative thresholds for leave and unexcused absence."""

    leave: float
    absent: float  # leave + absent


@dataclass
class DemoBranch:
    """A generated branch. Attendance is streamed: ``attendance_rows()`` / ``attendance()``."""

    name: str
    seed: int
    today: date
    first_day: date
    groups: tuple[str, ...]
    members: tuple[MemberInput, ...]
    meetings: tuple[MeetingInput, ...]
    committee: tuple[str, ...]
    drifter: str
    drift_start: date
    long_leave: tuple[str, date, date, str] | None = None  # member_no, from, to, reason
    _audiences: tuple[int, ...] = field(default=(), repr=False)
    _group_members: tuple[tuple[int, ...], ...] = field(default=(), repr=False)
    _committee_idx: tuple[int, ...] = field(default=(), repr=False)
    _profiles: tuple[_Profile, ...] = field(default=(), repr=False)

    # -- who is expected where

    def audience(self, meeting_index: int) -> list[int]:
        """Indices into ``members`` of those expected at a meeting (joined by its date)."""
        key = self._audiences[meeting_index]
        if key == _ALL:
            pool: tuple[int, ...] | range = range(len(self.members))
        elif key == _COMMITTEE:
            pool = self._committee_idx
        else:
            pool = self._group_members[key]
        when = self.meetings[meeting_index].date
        members = self.members
        return [i for i in pool if members[i].join_date <= when]  # type: ignore[operator]

    def attendance_count(self) -> int:
        """How many attendance rows ``attendance_rows()`` yields (no randomness involved)."""
        return sum(len(self.audience(i)) for i in range(len(self.meetings)))

    def row_count(self) -> int:
        """Every row a loader writes: groups, members, meetings, meeting types, attendance."""
        return (
            len(self.groups)
            + len(self.members)
            + len(self.meetings)
            + sum(len(m.types) for m in self.meetings)
            + self.attendance_count()
        )

    # -- attendance

    def attendance_rows(self) -> Iterator[tuple[str, str, str, str | None]]:
        """``(meeting_no, member_no, status, reason)`` for every meeting, in meeting order.

        Deterministic: every call yields the same rows. Leave always carries a reason; an
        unexcused absence never does.
        """
        rng = random.Random(f"{self.seed}:attendance")
        rand = rng.random
        reasons = [r for r, _ in _LEAVE_REASONS]
        weights = [w for _, w in _LEAVE_REASONS]
        cum = []
        total = 0
        for w in weights:
            total += w
            cum.append(total)
        members = self.members
        member_nos = [m.member_no for m in members]
        profiles = self._profiles
        drifter = next(i for i, m in enumerate(members) if m.member_no == self.drifter)
        warm_up = self.drift_start - timedelta(days=61)
        long_leave_idx = -1
        if self.long_leave:
            long_leave_idx = next(
                i for i, m in enumerate(members) if m.member_no == self.long_leave[0]
            )
        committee_meeting = set()
        for i, key in enumerate(self._audiences):
            if key == _COMMITTEE:
                committee_meeting.add(i)

        for index, meeting in enumerate(self.meetings):
            meeting_no = meeting.meeting_no or ""
            when = meeting.date
            special: dict[int, tuple[str, str | None]] = {}
            if when >= self.drift_start:
                special[drifter] = (_ABSENT, None)
            elif when >= warm_up:
                special[drifter] = (_ABSENT, None) if rand() < 0.5 else (_PRESENT, None)
            if self.long_leave and self.long_leave[1] <= when <= self.long_leave[2]:
                special[long_leave_idx] = (_LEAVE, self.long_leave[3])
            committee = index in committee_meeting
            for i in self.audience(index):
                if i in special:
                    status, reason = special[i]
                    yield meeting_no, member_nos[i], status, reason
                    continue
                r = rand()
                profile = profiles[i]
                if committee:
                    r *= 1.6  # committee members rarely miss their own meeting
                if r >= profile.absent:
                    yield meeting_no, member_nos[i], _PRESENT, None
                elif r < profile.leave:
                    pick = rand() * total
                    k = 0
                    while cum[k] <= pick:
                        k += 1
                    yield meeting_no, member_nos[i], _LEAVE, reasons[k]
                else:
                    yield meeting_no, member_nos[i], _ABSENT, None

    def attendance(self) -> Iterator[AttendanceInput]:
        """The same rows as ``attendance_rows()``, as validated-record dataclasses."""
        for meeting_no, member_no, status, reason in self.attendance_rows():
            yield AttendanceInput(meeting_no, member_no, AttendanceStatus(status), reason)

    def member(self, member_no: str) -> MemberInput:
        for m in self.members:
            if m.member_no == member_no:
                return m
        raise KeyError(member_no)

    # -- the points ledger

    def ledger_entries(self, count: int | None = None) -> Iterator[DemoEntry]:
        """Points entered by hand, in date order: volunteer hours, community report-in,
        commitments kept and broken, dues paid late, and a lecture-given entry for each
        Party lecture a member of the branch gave.

        ``count`` None gives the natural volume (about ``ENTRIES_PER_MEMBER_YEAR`` a member a
        year); a number gives exactly that many (a benchmark tops the ledger up this way).
        Spread over the months of the record by how many members had joined; two entries
        (a report-in registered twice, a miscounted volunteer service) carry a reason to be
        reversed. Deterministic, like the rest of the branch.
        """
        rng = random.Random(f"{self.seed}:ledger")
        members = self.members
        order, months, active = self._ledger_months()
        weight = sum(active)
        if not weight:
            return
        total = self.natural_ledger_entries() if count is None else count
        lectures = self._lectures_given()
        kinds = [k for k, _ in _KIND_WEIGHTS]
        cum = list(itertools.accumulate(w for _, w in _KIND_WEIGHTS))
        marked = {
            len(months) // 3: _REVERSAL_REASONS[0],
            (2 * len(months)) // 3: _REVERSAL_REASONS[1],
        }
        done = 0
        running = 0
        for index, (y, m) in enumerate(months):
            running += active[index]
            quota = round(total * running / weight) - done
            done += quota
            if quota <= 0:
                continue
            last = min(
                calendar.monthrange(y, m)[1],
                self.today.day if (y, m) == (self.today.year, self.today.month) else 31,
            )
            month_entries: list[DemoEntry] = []
            for when, member_no, title in lectures.get((y, m), ()):
                if len(month_entries) < quota:
                    month_entries.append(
                        DemoEntry(member_no, "lecture_given", when, None, f"讲授党课：{title}")
                    )
            n = active[index]
            while len(month_entries) < quota and n:
                member = members[order[int(rng.random() * n)]]
                kind = rng.choices(kinds, cum_weights=cum)[0]
                day = date(y, m, rng.randint(1, last))
                if day < member.join_date:  # type: ignore[operator]
                    continue
                month_entries.append(self._ledger_entry(rng, member.member_no, kind, day))
            month_entries.sort(key=lambda e: (e.date, e.member_no, e.kind))
            if index in marked:
                kind, reason = marked[index]
                for k, e in enumerate(month_entries):
                    if e.kind == kind:
                        month_entries[k] = DemoEntry(
                            e.member_no, e.kind, e.date, e.hours, e.note, reason
                        )
                        break
            yield from month_entries

    def natural_ledger_entries(self) -> int:
        """How many entries ``ledger_entries()`` gives by default."""
        _, _, active = self._ledger_months()
        return round(sum(active) * ENTRIES_PER_MEMBER_YEAR / 12)

    def _ledger_months(self) -> tuple[list[int], list[tuple[int, int]], list[int]]:
        """Members by join date; the months of the record; how many had joined by each."""
        members = self.members
        order = sorted(range(len(members)), key=lambda i: members[i].join_date)  # type: ignore[arg-type,return-value]
        joins = [members[i].join_date for i in order]
        months = []
        y, m = self.first_day.year, self.first_day.month
        while date(y, m, 1) <= self.today:
            months.append((y, m))
            y, m = _add_months(y, m, 1)
        active = [bisect.bisect_left(joins, date(y, m, 1)) for y, m in months]  # type: ignore[arg-type]
        return order, months, active

    def _ledger_entry(self, rng: random.Random, member_no: str, kind: str, day: date) -> DemoEntry:
        if kind == "volunteer":
            return DemoEntry(
                member_no,
                kind,
                day,
                rng.choice(_VOLUNTEER_HOURS),
                f"志愿服务：{rng.choice(_VOLUNTEER)}",
            )
        if kind == "report_in":
            return DemoEntry(
                member_no,
                kind,
                day,
                None,
                f"到{rng.choice(_COMMUNITIES)}报到：{rng.choice(_REPORT_IN)}",
            )
        if kind == "commitment_kept":
            return DemoEntry(member_no, kind, day, None, f"践诺：{rng.choice(_COMMITMENTS)}")
        if kind == "commitment_broken":
            return DemoEntry(member_no, kind, day, None, f"承诺未兑现：{rng.choice(_COMMITMENTS)}")
        y, m = _add_months(day.year, day.month, -1)
        return DemoEntry(member_no, kind, day, None, f"{y}年{m}月党费逾期交纳")

    def _lectures_given(self) -> dict[tuple[int, int], list[tuple[date, str, str]]]:
        """(year, month) -> (date, member_no, title) of the Party lectures members gave."""
        by_name: dict[str, str] = {}
        for m in self.members:
            by_name.setdefault(m.name, m.member_no)
        for no in self.committee:  # a committee member's name wins over a namesake
            by_name[self.member(no).name] = no
        out: dict[tuple[int, int], list[tuple[date, str, str]]] = {}
        for meeting in self.meetings:
            if MeetingType.party_lecture in meeting.types and meeting.lecturer in by_name:
                when = meeting.date
                out.setdefault((when.year, when.month), []).append(
                    (when, by_name[meeting.lecturer], meeting.title)  # type: ignore[index]
                )
        return out


@dataclass(frozen=True)
class DemoEntry:
    """One manual points entry of the demo ledger (``kind`` is one of ``LEDGER_KINDS``)."""

    member_no: str
    kind: str
    date: date
    hours: float | None
    note: str
    reverse_reason: str | None = None  # booked, then reversed with this reason


@dataclass
class _Person:
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


def record_start(today: date, years: int) -> date:
    """The first day of the record: 1 January ``years`` years back, or ten months back."""
    first = date(today.year - years + 1, 1, 1)
    y, m = _add_months(today.year, today.month, -9)
    return min(first, date(y, m, 1))


def generate(
    members: int = 30, years: int = 1, seed: int = 2026, today: date | None = None
) -> DemoBranch:
    """A demo branch of ``members`` members with ``years`` calendar years of meetings."""
    if members < MIN_MEMBERS:
        raise ValueError(f"a demo branch needs at least {MIN_MEMBERS} members")
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be between 1 and {MAX_YEARS}")
    today = today or date.today()
    rng = random.Random(seed)
    first_day = record_start(today, years)
    dy, dm = _add_months(today.year, today.month, -6)
    drift_start = date(dy, dm, 1)

    # -- people
    probationary = max(1, round(members * 0.1)) if members >= 5 else 0
    names: set[str] = {DRIFTING_MEMBER_NAME}
    phones: set[str] = set()
    people: list[_Person] = []
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
        profiles.append(_Profile(leave=leave, absent=leave + 0.006))

    # -- meetings
    secretary = committee_idx[0]
    by_post = {people[i].post: people[i].name for i in committee_idx}
    recorder = by_post.get(CommitteePost.organization)
    if recorder is None:
        others = [i for i in full_idx if i not in (secretary, drifter)] or [secretary]
        recorder = people[others[0]].name
    staff = [people[i].name for i in committee_idx]
    planned: list[tuple[int, MeetingInput, int]] = []  # (kind order, meeting, audience)
    themed_day = rng.choice((5, 10, 15, 20, 25))
    sec_name = people[secretary].name

    for year in range(first_day.year, today.year + 1):
        combined_quarters = set(rng.sample(range(4), 2))
        general_months = [q * 3 + 1 + rng.randrange(3) for q in range(4)]
        lecture_months = [q * 3 + 1 + rng.randrange(3) for q in range(4)]
        for month in range(1, 13):
            if date(year, month, 1) < first_day.replace(day=1):
                continue
            fmt = {"year": year, "month": month}
            # committee meeting
            if len(committee_idx) > 1:
                topic = _COMMITTEE_BY_MONTH.get(month) or rng.choice(_COMMITTEE_TOPICS)
                planned.append(
                    (
                        0,
                        MeetingInput(
                            date=_weekday_in(rng, year, month, 1, 8),
                            types=(MeetingType.committee_meeting,),
                            title=f"{month}月支委会：{topic.format(**fmt)}",
                            place="支部会议室",
                            host=sec_name,
                            recorder=recorder,
                            minutes=rng.choice(_MINUTES),
                        ),
                        _COMMITTEE,
                    )
                )
            # general meeting, quarterly
            quarter = (month - 1) // 3
            if general_months[quarter] == month:
                planned.append(
                    (
                        1,
                        MeetingInput(
                            date=_weekday_in(rng, year, month, 9, 20),
                            types=(MeetingType.general_meeting,),
                            title=f"支部党员大会：{_GENERAL_TOPICS[quarter].format(**fmt)}",
                            place=rng.choice(_PLACES),
                            host=sec_name,
                            recorder=recorder,
                            minutes=rng.choice(_MINUTES),
                        ),
                        _ALL,
                    )
                )
            # themed Party day, on the fixed day; a lecture may go with it
            theme_date = _fixed_working_day(year, month, themed_day)
            lecture_here = lecture_months[quarter] == month
            combined = lecture_here and quarter in combined_quarters
            lecture_topic = rng.choice(_LECTURES) if lecture_here else ""
            lecturer = _lecturer(rng, people, committee_idx, sec_name) if lecture_here else None
            if combined:
                title = f"{month}月主题党日暨党课：{lecture_topic}"
                types: tuple[MeetingType, ...] = (MeetingType.themed_day, MeetingType.party_lecture)
            else:
                title = f"{month}月主题党日：{_THEMES[month]}"
                types = (MeetingType.themed_day,)
            planned.append(
                (
                    2,
                    MeetingInput(
                        date=theme_date,
                        types=types,
                        title=title,
                        place=rng.choice(_THEMED_PLACES),
                        host=rng.choice(staff),
                        recorder=recorder,
                        lecturer=lecturer if combined else None,
                    ),
                    _ALL,
                )
            )
            if lecture_here and not combined:
                when = _weekday_in(rng, year, month, 16, 28)
                planned.append(
                    (
                        3,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.party_lecture,),
                            title=f"党课：{lecture_topic}",
                            place=rng.choice(_PLACES),
                            host=rng.choice(staff),
                            recorder=recorder,
                            lecturer=lecturer,
                        ),
                        _ALL,
                    )
                )
            # group meetings
            study = rng.choice(_STUDIES)
            for g, roster in enumerate(group_members):
                if not roster:
                    continue
                leader = leaders[g]
                if leader is None:
                    fallback = [i for i in roster if i != drifter and people[i].full]
                    leader = fallback[0] if fallback else secretary
                host_i = leader
                rec_choices = [i for i in roster if i not in (host_i, drifter)] or [host_i]
                when = _weekday_in(rng, year, month, 1, 28)
                planned.append(
                    (
                        4,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.group_meeting,),
                            title=f"{groups[g]}{month}月学习会：{study}",
                            group=groups[g],
                            place=f"{groups[g]}活动点" if rng.random() < 0.5 else "党员活动室",
                            host=people[host_i].name,
                            recorder=people[rng.choice(rec_choices)].name,
                        ),
                        g,
                    )
                )
            # life meeting, fourth quarter
            if month == 12:
                when = _weekday_in(rng, year, rng.choice((11, 12)), 10, 25)
                planned.append(
                    (
                        5,
                        MeetingInput(
                            date=when,
                            types=(MeetingType.life_meeting,),
                            title=f"{year}年度组织生活会暨民主评议党员",
                            place="支部会议室",
                            host=sec_name,
                            recorder=recorder,
                            minutes="对照检查，开展批评和自我批评，查摆问题并列出整改清单。",
                        ),
                        _ALL,
                    )
                )

    planned = [p for p in planned if first_day <= p[1].date <= today]
    planned.sort(key=lambda p: (p[1].date, p[0], p[2]))
    counts: dict[int, int] = {}
    for _, m, _ in planned:
        counts[m.date.year] = counts.get(m.date.year, 0) + 1
    running: dict[int, int] = {}
    meetings = []
    audiences = []
    for _, m, audience in planned:
        y = m.date.year
        running[y] = running.get(y, 0) + 1
        w = max(3, len(str(counts[y])))
        meetings.append(_with_number(m, f"{y}-{running[y]:0{w}d}"))
        audiences.append(audience)

    return DemoBranch(
        name=DEMO_BRANCH_NAME,
        seed=seed,
        today=today,
        first_day=first_day,
        groups=groups,
        members=tuple(records),
        meetings=tuple(meetings),
        committee=tuple(people[i].member_no for i in sorted(committee_idx)),
        drifter=people[drifter].member_no,
        drift_start=drift_start,
        long_leave=long_leave,
        _audiences=tuple(audiences),
        _group_members=tuple(tuple(g) for g in group_members),
        _committee_idx=tuple(sorted(committee_idx)),
        _profiles=tuple(profiles),
    )


def _with_number(m: MeetingInput, number: str) -> MeetingInput:
    return MeetingInput(
        date=m.date,
        types=m.types,
        title=m.title,
        meeting_no=number,
        group=m.group,
        place=m.place,
        host=m.host,
        recorder=m.recorder,
        lecturer=m.lecturer,
        minutes=m.minutes,
    )


def _new_name(rng: random.Random, gender: Gender, born: int, taken: set[str], unique: bool) -> str:
    pool = _GIVEN_NAMES[(gender, 0 if born < 1975 else 1 if born < 1990 else 2)]
    name = DRIFTING_MEMBER_NAME
    for _ in range(50):
        name = rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0] + rng.choice(pool)
        if name != DRIFTING_MEMBER_NAME and (not unique or name not in taken):
            break
    if name == DRIFTING_MEMBER_NAME or (unique and name in taken):
        name += rng.choice("一二三四五六七八九")  # rare: a branch of thousands of members
    taken.add(name)
    return name


def _new_person(
    rng: random.Random, gender: Gender, today: date, probationary: bool, phones: set[str]
) -> _Person:
    if probationary:
        joined = today - timedelta(days=rng.randint(20, 350))
        age_at_join = rng.randint(19, 34)
        birth = _add_years(joined, -age_at_join) - timedelta(days=rng.randint(0, 360))
        full = None
    else:
        age = int(rng.triangular(24, 72, 42))
        birth = _add_years(today, -age) - timedelta(days=rng.randint(0, 364))
        age_at_join = min(int(rng.triangular(18, 50, 24)), age - 2)
        joined = _add_years(birth, age_at_join) + timedelta(days=rng.randint(0, 364))
        latest = today - timedelta(days=400)
        if joined > latest:
            joined = latest - timedelta(days=rng.randint(0, 300))
        if _add_years(birth, 18) > joined:  # keep the 18-year rule after the clamp above
            birth = _add_years(joined, -19)
        full = _add_years(joined, 1)
    phone = ""
    while not phone or phone in phones:
        phone = (
            f"{rng.choice(_PHONE_PREFIXES)}-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"
        )
    phones.add(phone)
    return _Person(
        name="",
        gender=gender,
        birth=birth,
        joined=joined,
        full=full,
        phone=phone,
        busy=rng.random() < 0.1,
    )


def _dues(rng: random.Random, p: _Person, today: date, drifter: bool, drift_start: date) -> str:
    if drifter:
        y, m = _add_months(drift_start.year, drift_start.month, -1)
        return _month_text(y, m)
    r = rng.random()
    behind = 0 if r < 0.7 else 1 if r < 0.92 else rng.randint(2, 4)
    y, m = _add_months(today.year, today.month, -behind)
    if (y, m) < (p.joined.year, p.joined.month):
        y, m = p.joined.year, p.joined.month
    return _month_text(y, m)


def _lecturer(
    rng: random.Random, people: list[_Person], committee_idx: list[int], secretary: str
) -> str:
    r = rng.random()
    if r < 0.5:
        return secretary  # 书记讲党课
    if r < 0.8 and len(committee_idx) > 1:
        return people[rng.choice(committee_idx[1:])].name
    surname = rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0]
    given = rng.choice(_GIVEN_NAMES[(rng.choice((Gender.male, Gender.female)), 1)])
    return f"{rng.choice(_OUTSIDE_LECTURERS)} {surname}{given}"


__all__ = [
    "DEMO_BRANCH_NAME",
    "DRIFTING_MEMBER_NAME",
    "ENTRIES_PER_MEMBER_YEAR",
    "LEDGER_KINDS",
    "DemoBranch",
    "DemoEntry",
    "generate",
    "group_count",
    "group_name",
    "record_start",
    "zh_numeral",
]
