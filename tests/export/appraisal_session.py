"""A small appraisal session built through the data API, with ballots counted by hand.

Members 001–005 are full members (voters and graded candidates), 006 is probationary (a
candidate without a grade and without a vote). Four ballots are cast by 001–004; 005 does
not vote. The committee grades 001 and 002 excellent (002 against the proposal, so above
the one-third guideline) and 004 unqualified, each with a reason.
"""

from __future__ import annotations

from orglife_tui.data import appraisal as data
from orglife_tui.data.schemes import ensure_active
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.appraisal import Counts
from orglife_tui.scoring.model import Grade
from tests.tally_passwords import PASSWORDS, PIN

BRANCH = "第一党支部"
YEAR = 2025

E, Q, B, U = Grade.excellent, Grade.qualified, Grade.basically_qualified, Grade.unqualified

MEMBERS = [
    MemberInput("001", "朱海波", MemberStatus.full),
    MemberInput("002", "胡雅琴", MemberStatus.full),
    MemberInput("003", "赵志远", MemberStatus.full),
    MemberInput("004", "谭晶", MemberStatus.full),
    MemberInput("005", "钱立新", MemberStatus.full),
    MemberInput("006", "孙小梅", MemberStatus.probationary),
]
NAMES = {m.member_no: m.name for m in MEMBERS}
VOTERS_WHO_VOTE = ("001", "002", "003", "004")
BALLOTS: list[dict[str, Grade | None]] = [
    {"001": E, "002": Q, "003": Q, "004": U, "005": B, "006": Q},
    {"001": E, "002": E, "003": Q, "004": U, "005": Q, "006": None},
    {"001": E, "002": Q, "003": None, "004": B, "005": Q, "006": Q},
    {"001": Q, "002": Q, "003": Q, "004": U, "005": Q, "006": E},
]
# The hand count of BALLOTS.
HAND_COUNT = {
    no: Counts.of([ballot[no] for ballot in BALLOTS]) for no in (m.member_no for m in MEMBERS)
}
REASONS = {
    "001": "带头攻坚，群众公认",
    "002": "服务群众表现突出",
    "004": "长期不参加组织生活",
}
FINAL = {"001": E, "002": E, "004": U}


def build(store: Store, *, close: bool = True, grade: bool = True, publish: bool = True) -> int:
    """The branch, its members and one session taken as far as asked; returns its id."""
    branch = store.resolve_branch(BRANCH)
    store.add_members(branch.id, MEMBERS)
    _, scheme = ensure_active(store, branch.id)
    session = data.new_session(store, branch.id, YEAR)
    data.start_session(store, branch.id, session.id, PIN, scheme, **PASSWORDS)
    for voter, ballot in zip(VOTERS_WHO_VOTE, BALLOTS):
        data.cast_ballot(store, session.id, voter, ballot)
    if not close:
        return session.id
    data.close_session(store, branch.id, session.id, PIN, **PASSWORDS)
    if not grade:
        return session.id
    tally = data.tally(store, branch.id, session.id, scheme)
    for row in tally.rows:
        if not row.graded:
            continue
        final = FINAL.get(row.member_no, row.proposed or Q)
        reason = REASONS.get(row.member_no)
        if final is not row.proposed and reason is None:
            reason = "依据测评结果和平时表现"
        data.set_grade(store, branch.id, session.id, row.member_no, final, reason)
    if publish:
        data.publish(store, branch.id, session.id)
    return session.id
