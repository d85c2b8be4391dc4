"""A realistic Chinese demo branch, generated deterministically from a seed.

Pure Python: no SQL, no Textual, no Typer. ``generate(members, years, seed, today)`` returns
a ``DemoBranch`` holding the party groups, the roster (``MemberInput``), the meetings
(``MeetingInput`` with ``meeting_no`` set) and, streamed on demand, the attendance of every
meeting; then the heart-to-heart talks (``talks()``, ``TalkInput``), the annual plan
(``plan()``) and the rectification list (``rectifications()``). The same arguments give the
same branch, byte for byte; ``today`` defaults to the current date and is part of the input
(meetings and talks never lie in the future).

What the branch looks like:

- ``members`` members with common Chinese names, both genders, member numbers ``001`` …
  in order of joining, birth dates, join dates (joined at 18 or older), full-member dates a
  year after joining; about 10 % are probationary members who joined within the last year
  and have no full-member date.
- two or more party groups of about ten members each (more groups for larger branches),
  each with a group leader (``group_leader``) where it has a full member to spare.
- a committee: under 7 full members only a secretary; with 7 or more a secretary plus
  organization and publicity members, then discipline and a deputy secretary as the branch
  grows (a committee of 3 to 5, docs/architecture.md §2).
- the meetings of 三会一课 for each calendar year of ``years`` ending in the current one, up
  to ``today``: a monthly committee meeting (when there is a committee), a quarterly general
  meeting, a monthly meeting of every group, a quarterly Party lecture (two of the four held
  together with that month's themed day: one meeting with two types), a themed Party day on
  a fixed day each month and, in the fourth quarter once it has taken place, the life meeting
  held together with the democratic appraisal (组织生活会暨民主评议党员: one meeting, types
  ``life_meeting`` and ``appraisal``). The record always reaches back at least ten months so
  that the long absence below shows. When it starts mid-year, the quarterly meetings of its
  first, partial quarter and that year's life meeting fall inside it, so that every period
  the compliance watch judges is complete — but for the misses planted below.
- attendance for every meeting among the members who had joined by then (a group meeting
  takes its group, a committee meeting the committee): mostly present, some on leave with
  a reason (出差, 病假, 外出培训 …), one member on a long leave, a handful absent without
  reason — only ever in a month in which the member was also present somewhere, so that no
  one else ever misses a whole month — and exactly one member drifting away (see
  ``DRIFTING_MEMBER_NAME``).
- heart-to-heart talks (``talks()``), by the committee (the secretary most often; the
  secretary is talked with by the deputy secretary or the organization member, or, in a
  branch without a committee, by someone from the higher Party committee): every member due
  (joined before October) at least once in every year of the record, and in the current
  year by the end of October; routine talks, talks in the weeks before the life meeting,
  political-birthday talks on the anniversary of joining, care for members with
  difficulties (some confidential) and for the member on long leave, encouragement
  (probationary members among them); agreed actions with deadlines and follow-ups, the
  follow-ups that lie in the past with their result. Two care talks of the last fortnight
  have follow-ups due in 4 and 11 days (``FOLLOW_UPS_DUE``): the dashboard's reminder. The
  drifter's streak is answered by a reminder talk (``absence_step`` ``reminder_talk``) in its
  third month and a warning notice (``warning_notice``) in its fifth.
- the annual plan (``plan()``) of every year of the record from its first month: one item
  per planned meeting and type with its topic, the current year's months still to come
  included; the misses planted below are planned but not held.
- the rectification list (``rectifications()``) of the last life meeting held at least
  ``RECENT_DAYS`` days before today (none in the record: the year before it, no meeting
  number): items owned by committee members, most done (closed on or before their deadline,
  with a closing note), one in progress and not yet due, and the planted overdue one.
- points entered by hand, streamed in date order by ``ledger_entries()``: volunteer hours,
  community report-in, commitments kept and broken, dues paid late, a lecture-given entry
  for every Party lecture a member gave, and two entries later reversed with a reason.
  About ``ENTRIES_PER_MEMBER_YEAR`` a member a year, or exactly as many as asked for (the
  benchmark tops a ledger up to a million this way). The points attendance is worth are not
  generated here: the loader derives them from the attendance under the active scheme.

The planted violations — what ``orglife-tui check`` reports on a fresh demo branch, and
nothing else (``DemoBranch.planted``; ``expected_findings(year, as_of)`` for any day):

1. ``committee_meeting_frequency``: no committee meeting in the month two months before
   today's (``COMMITTEE_MISS_MONTHS``); only in a branch with a committee. Subject: the branch.
2. ``group_meeting_frequency``: the last party group held no meeting in the month three
   months before today's (``GROUP_MISS_MONTHS``). Subject: the group.
3. ``rectification_overdue``: one item of the rectification list, deadline about a month
   before today (``OVERDUE_DAYS``; never before a week after its life meeting), still open.
   Period: the deadline's month; subject: the branch. It shows in the check of every year
   from its deadline's on (as of a day after the deadline): a deadline last December is
   in last year's check and this year's.
4. ``absence_streak``: the drifter, subject his member number, period the last month he has
   missed by the as-of date: nothing for his first two months, ``reminder_talk`` from the
   third, ``warning_notice`` from the fifth, ``general_meeting_case`` from the sixth (the
   default ladder). A year checked as of its end in the middle of his streak shows it at
   that year's December.

Both misses lie in months that have ended by ``today`` and inside the record (which reaches
back at least ten months). There is no other finding: every due member has had a talk in
every past year, every other period has its meetings, no one else misses a month.

The package, one job a module:

- ``corpus``: names, places, topics and the texts of talks, ledger entries and rectification
  items; ``dates``: month and working-day arithmetic.
- ``roster``: the members, committee, groups, the drifter and the long leave
  (``draw_roster``); ``meetings``: the meetings planned and held, the planted misses, the
  attendance; ``talks``, ``rectification`` (the plan comes with the meetings), ``ledger``:
  each from its own seeded stream, on demand.
- ``branch``: ``DemoBranch`` and what the watch should find; ``build``: ``generate``, the
  orchestration the ``demo`` command calls.
"""

from __future__ import annotations

from orglife_tui.demo.branch import WARM_UP_MONTHS, DemoBranch
from orglife_tui.demo.build import MAX_YEARS, MIN_MEMBERS, generate, record_start
from orglife_tui.demo.corpus import group_name, zh_numeral
from orglife_tui.demo.ledger import ENTRIES_PER_MEMBER_YEAR, LEDGER_KINDS, DemoEntry
from orglife_tui.demo.meetings import COMMITTEE_MISS_MONTHS, GROUP_MISS_MONTHS, DemoPlanItem
from orglife_tui.demo.rectification import OVERDUE_DAYS, RECENT_DAYS, DemoRectification
from orglife_tui.demo.roster import DEMO_BRANCH_NAME, DRIFTING_MEMBER_NAME, group_count
from orglife_tui.demo.talks import FOLLOW_UP_WINDOW, FOLLOW_UPS_DUE

__all__ = [
    "COMMITTEE_MISS_MONTHS",
    "DEMO_BRANCH_NAME",
    "DRIFTING_MEMBER_NAME",
    "ENTRIES_PER_MEMBER_YEAR",
    "FOLLOW_UPS_DUE",
    "FOLLOW_UP_WINDOW",
    "GROUP_MISS_MONTHS",
    "LEDGER_KINDS",
    "MAX_YEARS",
    "MIN_MEMBERS",
    "OVERDUE_DAYS",
    "RECENT_DAYS",
    "WARM_UP_MONTHS",
    "DemoBranch",
    "DemoEntry",
    "DemoPlanItem",
    "DemoRectification",
    "generate",
    "group_count",
    "group_name",
    "record_start",
    "zh_numeral",
]
