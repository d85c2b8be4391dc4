"""Messages: the organizational life meeting (组织生活会) and the people in it — meeting
forms, the lecturer from the roster, leading cadres, the participants' records, posts and
commitments (``life.``; issue 12 §5).

Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- fields and columns
    "field.meeting_form": ("form", "形式"),
    "field.leader": ("leading cadre", "领导干部"),
    "col.leader": ("Leader", "领导干部"),
    "col.form": ("Form", "形式"),
    "col.lecturer": ("Lecturer", "授课人"),
    # --- problems of a form or an import row
    "life.problem.unknown_form": (
        "unknown meeting form {value!r} (accepted: {accepted})",
        "无法识别的会议形式“{value}”（可填：{accepted}）",
    ),
    "life.problem.bad_flag": (
        "cannot read {value!r} as yes or no",
        "无法识别“{value}”，请填是或否",
    ),
    # --- points booked from a register, never by hand
    "life.ledger.item_derived.lecturer": (
        "Item {item} is scored from the meetings' lecturers; pick the lecturer of the Party "
        "lecture from the roster instead of adding an entry.",
        "项目“{item}”按会议的授课人自动计分，请在党课会议中从名册选择授课人，不要手工录入。",
    ),
    "life.ledger.item_derived.commitment_fulfilled": (
        "Item {item} is scored from the commitments register; mark the commitment fulfilled "
        "instead of adding an entry.",
        "项目“{item}”按承诺践诺登记自动计分，请将承诺标为已兑现，不要手工录入。",
    ),
    "life.ledger.item_derived.commitment_not_fulfilled": (
        "Item {item} is scored from the commitments register; mark the commitment not "
        "fulfilled instead of adding an entry.",
        "项目“{item}”按承诺践诺登记自动计分，请将承诺标为未兑现，不要手工录入。",
    ),
    "life.note.lecturer_changed": ("lecturer changed", "授课人已更改"),
    "life.tui.scheme_register.lecturer": ("lecturer of a Party lecture", "党课授课人"),
    "life.tui.scheme_register.commitment_fulfilled": (
        "commitment fulfilled",
        "承诺已兑现",
    ),
    "life.tui.scheme_register.commitment_not_fulfilled": (
        "commitment not fulfilled",
        "承诺未兑现",
    ),
    # --- the meeting form and command line
    "life.tui.lecturer_hint": ("member no. (or a name from outside)", "党员编号（外请人员填姓名）"),
    "life.cli.opt.form": (
        "How it was held: lecture, discussion, site_visit, distance (讲授辅导 …).",
        "会议形式：讲授辅导、交流讨论、现场观摩、远程教育。",
    ),
    "life.cli.opt.leader": (
        "Whether the member is a leading cadre (yes/no).",
        "是否领导干部（是/否）。",
    ),
    # --- the yearly duties (compliance rules)
    "compliance.rule.rectification_yearly": ("Rectification done", "年度整改落实"),
    "compliance.rule.leader_life_meeting": (
        "Leaders at the life meeting",
        "领导干部参加组织生活会",
    ),
    "compliance.rule.leader_lecture": ("Leaders' Party lectures", "领导干部讲党课"),
    "compliance.rule.secretary_lecture": ("Secretary's Party lecture", "书记讲党课"),
    "life.finding.rectification_yearly": (
        "No rectification item was closed in {year}: each year at least one problem found at "
        "the life meeting should be put right",
        "{year}年没有完成任何整改事项：每年应实实在在解决一两个突出问题",
    ),
    "life.finding.leader_life_meeting": (
        "{name} ({member_no}), a leading cadre, attended no life meeting of the branch in {year}",
        "领导干部{name}（{member_no}）{year}年未参加所在支部的组织生活会",
    ),
    "life.finding.leader_lecture": (
        "{name} ({member_no}), a leading cadre, gave no Party lecture in {year}",
        "领导干部{name}（{member_no}）{year}年未讲党课",
    ),
    "life.finding.secretary_lecture": (
        "{name} ({member_no}), the branch secretary, gave no Party lecture in {year}",
        "支部书记{name}（{member_no}）{year}年未讲党课",
    ),
    "compliance.rule.commitment_yearly": ("Commitments made and kept", "承诺践诺"),
    "life.finding.commitment_missing": (
        "{name} ({member_no}) made no commitment for {year} (承诺践诺)",
        "{name}（{member_no}）{year}年未作出承诺",
    ),
    "life.finding.commitment_unevaluated": (
        "{count} of the commitments of {name} ({member_no}) for {year} were not evaluated "
        "(fulfilled or not) by the year's end",
        "{name}（{member_no}）{year}年有 {count} 项承诺到年底未评定践诺情况",
    ),
    "life.policy.summary.commitment_yearly": (
        "each member makes a commitment each year and it is evaluated by the year's end "
        "(where the branch keeps the commitments register)",
        "每名党员每年作出承诺并在年底前评定践诺情况（支部登记承诺时检查）",
    ),
    "life.policy.summary.rectification_yearly": (
        "at least one rectification item closed each year",
        "每年至少完成一项整改",
    ),
    "life.policy.summary.leader_life_meeting": (
        "each leading cadre at a life meeting each year",
        "领导干部每年参加组织生活会",
    ),
    "life.policy.summary.leader_lecture": (
        "each leading cadre gives a Party lecture each year",
        "领导干部每年讲一次党课",
    ),
    "life.policy.summary.secretary_lecture": (
        "the secretary gives a Party lecture each year",
        "支部书记每年讲一次党课",
    ),
    # --- posts and commitments (设岗定责, 承诺践诺)
    "field.member_post": ("post", "岗位"),
    "field.duty": ("duty", "职责"),
    "field.commitment": ("commitment", "承诺内容"),
    "ledger.source.commitment": ("commitment", "承诺"),
    "tui.source.commitment": ("cmt", "承诺"),
    "life.note.commitment_changed": ("commitment changed", "承诺践诺记录已更改"),
    "life.year_out_of_range": (
        "The year {year} is outside {min}–{max}.",
        "年度 {year} 不在 {min}–{max} 之间。",
    ),
    "life.text_too_long": ("Too long (at most {limit} characters).", "过长（最多 {limit} 个字）。"),
    "life.post_empty": ("A post needs a name.", "岗位须填写名称。"),
    "life.commitment_empty": ("A commitment needs its text.", "承诺须填写内容。"),
    "life.post_not_found": ("No post #{id}.", "没有编号为 {id} 的岗位。"),
    "life.commitment_not_found": ("No commitment #{id}.", "没有编号为 {id} 的承诺。"),
    "life.evaluated_in_future": (
        "{on} lies in the future; a commitment is evaluated once it has been kept or not.",
        "{on} 是将来的日期；承诺兑现与否须在事后评定。",
    ),
    "life.evaluated_before_year": (
        "{on} is before {year}, the year of the commitment.",
        "{on} 早于承诺所属的 {year} 年。",
    ),
    # --- the life meeting, participant by participant
    "field.self_check": ("self-examination", "对照检查"),
    "field.criticism_received": ("criticism received", "收到的批评意见"),
    "field.criticism_given": ("criticism given", "提出的批评意见"),
    "life.meeting_voided": (
        "Meeting {meeting_no} is voided: it has no participants' records.",
        "会议 {meeting_no} 已作废，不能登记参会人员的记录。",
    ),
    "life.not_a_life_meeting": (
        "Meeting {meeting_no} is not an organizational life meeting (组织生活会).",
        "会议 {meeting_no} 不是组织生活会。",
    ),
    # --- the command line: life, posts, commitments
    "life.cli.help": (
        "The organizational life meeting, participant by participant: self-examination, "
        "criticism received and given, problems for rectification",
        "组织生活会逐人记录：对照检查、收到和提出的批评意见、整改问题",
    ),
    "life.cli.show.help": (
        "List a life meeting's participants and their records.",
        "列出组织生活会的参会人员及其记录。",
    ),
    "life.cli.set.help": (
        "Record (or correct) one participant's self-examination and criticism.",
        "登记（或更正）一名参会人员的对照检查和批评意见。",
    ),
    "life.cli.problem.help": (
        "Put a participant's problem on the rectification list, linked to the meeting.",
        "将参会人员查摆的问题列入整改清单，并关联到本次会议。",
    ),
    "life.cli.opt.self_check": ("Self-examination (对照检查).", "对照检查（查摆的自身问题）。"),
    "life.cli.opt.received": ("Criticism received.", "收到的批评意见。"),
    "life.cli.opt.given": ("Criticism given to others.", "对他人提出的批评意见。"),
    "life.cli.saved": (
        "Recorded at {meeting_no}: {member_no} {name}.",
        "已登记（{meeting_no}）：{member_no} {name}。",
    ),
    "life.cli.problem_added": (
        "Rectification item #{id} added for {member_no}.",
        "已为 {member_no} 添加整改事项 #{id}。",
    ),
    "life.cli.no_participants": (
        "No participants yet: mark the attendance first.",
        "暂无参会人员：请先登记出勤。",
    ),
    "life.cli.posts.help": ("Posts and duties of members (设岗定责)", "党员设岗定责"),
    "life.cli.posts_add.help": ("Give a member a post for a year.", "为党员设定年度岗位。"),
    "life.cli.posts_edit.help": ("Change a post or its duty.", "修改岗位或职责。"),
    "life.cli.posts_list.help": ("List the posts.", "列出岗位。"),
    "life.cli.commitments.help": ("Members' commitments (承诺践诺)", "党员承诺践诺"),
    "life.cli.commitments_add.help": (
        "Record a member's commitment for a year.",
        "登记党员年度承诺。",
    ),
    "life.cli.commitments_edit.help": ("Change what a commitment says.", "修改承诺内容。"),
    "life.cli.commitments_status.help": (
        "Set a commitment's status (planned, in_progress, fulfilled, not_fulfilled); its "
        "points follow.",
        "设置承诺状态（已承诺、践诺中、已兑现、未兑现），积分随之自动计算。",
    ),
    "life.cli.commitments_list.help": ("List the commitments.", "列出承诺。"),
    "life.cli.opt.year": ("The year.", "年度。"),
    "life.cli.opt.post": ("The post (岗位).", "岗位名称。"),
    "life.cli.opt.duty": ("Its duty (职责).", "岗位职责。"),
    "life.cli.opt.text": ("What the member commits to.", "承诺内容。"),
    "life.cli.opt.on": (
        "The day it was evaluated, YYYY-MM-DD (default: today).",
        "评定日期，YYYY-MM-DD（默认今天）。",
    ),
    "life.cli.arg.id": ("The number shown by list.", "列表中的编号。"),
    "life.cli.arg.status": ("The new status.", "新的状态。"),
    "life.cli.bad_status": (
        "Unknown status {value!r} (accepted: {accepted})",
        "无法识别的状态“{value}”（可填：{accepted}）",
    ),
    "life.cli.post_added": (
        "Post #{id} for {member_no}: {post}.",
        "已为 {member_no} 设岗 #{id}：{post}。",
    ),
    "life.cli.post_updated": (
        "Post #{id} of {member_no}: {post}.",
        "已修改 {member_no} 的岗位 #{id}：{post}。",
    ),
    "life.cli.commitment_added": (
        "Commitment #{id} recorded for {member_no}.",
        "已为 {member_no} 登记承诺 #{id}。",
    ),
    "life.cli.commitment_updated": (
        "Commitment #{id} of {member_no} changed.",
        "已修改 {member_no} 的承诺 #{id}。",
    ),
    "life.cli.status_set": ("Commitment #{id}: {status}.", "承诺 #{id}：{status}。"),
    "life.cli.no_posts": ("No posts.", "暂无岗位。"),
    "life.cli.no_commitments": ("No commitments.", "暂无承诺。"),
    "life.col.member_no": ("No.", "编号"),
    "life.col.name": ("Name", "姓名"),
    "life.col.attendance": ("Attendance", "出勤"),
    "life.col.self_check": ("Self-examination", "对照检查"),
    "life.col.criticism_received": ("Criticism received", "收到的批评"),
    "life.col.criticism_given": ("Criticism given", "提出的批评"),
    "life.col.items": ("Rectification", "整改事项"),
    "life.col.id": ("#", "序号"),
    "life.col.year": ("Year", "年度"),
    "life.col.post": ("Post", "岗位"),
    "life.col.duty": ("Duty", "职责"),
    "life.col.text": ("Commitment", "承诺内容"),
    "life.col.status": ("Status", "状态"),
    "life.col.evaluated_on": ("Evaluated", "评定日期"),
    "life.tui.leader_short": ("cadre", "领导"),
    # --- the terminal interface: one life meeting
    "life.tui.title": ("Life meeting", "组织生活会"),
    "life.tui.help": (
        "The organizational life meeting, participant by participant. e or Enter records "
        "a participant's self-examination and the criticism received and given; p puts a "
        "problem of theirs on the rectification list. Below the list: the highlighted "
        "participant's criticism and rectification items.",
        "组织生活会逐人记录。e 或回车登记对照检查和收到、提出的批评意见；p 将其查摆的问题列入"
        "整改清单。列表下方显示所选人员的批评意见和整改事项。",
    ),
    "life.tui.heading": (
        "{meeting_no} {date} {title}: {count} participant(s), {recorded} self-examination(s)",
        "{meeting_no} {date} {title}：参会 {count} 人，已登记对照检查 {recorded} 人",
    ),
    "life.tui.empty": (
        "No participants yet: mark the meeting's attendance first.",
        "暂无参会人员：请先登记本次会议的出勤。",
    ),
    "life.tui.nothing_selected": ("Nothing selected.", "未选中任何记录。"),
    "life.tui.col.items": ("Items", "整改"),
    "life.tui.key.record": ("Record", "登记"),
    "life.tui.key.problem": ("Problem", "整改问题"),
    "life.tui.detail.criticism_received": ("Received: {text}", "收到的批评：{text}"),
    "life.tui.detail.criticism_given": ("Given: {text}", "提出的批评：{text}"),
    "life.tui.detail.item": ("#{id} {problem} ({status})", "#{id} {problem}（{status}）"),
    "life.tui.record_title": (
        "{member_no} {name} at the life meeting",
        "{member_no} {name} 的组织生活会记录",
    ),
    "life.tui.help_record": (
        "What the participant found in himself or herself (对照检查), the criticism received "
        "from others and the criticism given to them. Every change is kept in the audit log.",
        "对照检查（查摆的自身问题）、收到的批评意见和对他人提出的批评意见。每次修改都记入操作日志。",
    ),
    "life.tui.problem_title": ("A problem of {member_no} {name}", "{member_no} {name} 的整改问题"),
    "life.tui.problem_what": (
        "The problem goes on the rectification list, owned by the participant and linked to "
        "this meeting.",
        "该问题将列入整改清单，由本人负责整改，并关联到本次会议。",
    ),
    "life.tui.help_problem": (
        "A problem found at the life meeting, what is to be done and by when. It is followed "
        "on the rectification list (dashboard r).",
        "组织生活会查摆的问题、整改措施和期限。在整改清单（首页 r）中跟踪整改。",
    ),
    "life.tui.saved": ("Saved: {member_no} {name}.", "已保存：{member_no} {name}。"),
    "life.tui.problem_added": ("Rectification item #{id} added.", "已添加整改事项 #{id}。"),
    "life.tui.no_life_meeting": (
        "No life meeting recorded yet: record one in the meetings list.",
        "尚未登记组织生活会：请在会议列表中登记。",
    ),
    "life.tui.not_a_life_meeting": (
        "This meeting is not a life meeting (or it is voided).",
        "该会议不是组织生活会（或已作废）。",
    ),
    "life.tui.key.go": ("Life meeting", "组织生活会"),
    "life.tui.key.record_life": ("Life meeting records", "生活会记录"),
    "life.tui.cmd.life": ("Life meeting", "组织生活会"),
    "life.tui.cmd.life.help": (
        "The latest life meeting, participant by participant",
        "最近一次组织生活会的逐人记录",
    ),
    # --- the terminal interface: posts and commitments
    "life.tui.commitments_title": ("Posts and commitments", "设岗定责与承诺践诺"),
    "life.tui.help_commitments": (
        "The year's posts (设岗定责) and commitments (承诺践诺). [ and ] step through the "
        "years, o switches between commitments and posts, a adds, e or Enter edits, s sets a "
        "commitment's status: fulfilled and not fulfilled are evaluated on a day and the "
        "commitment points follow at once (they are never typed in the ledger).",
        "本年度的党员设岗定责和承诺践诺。[ 和 ] 切换年度，o 在承诺和岗位之间切换，a 添加，"
        "e 或回车修改，s 设置承诺状态：已兑现、未兑现须注明评定日期，承诺积分随之自动计算"
        "（不在积分台账中手工录入）。",
    ),
    "life.tui.commitments_heading": (
        "{year}: {view} — {posts} post(s), {commitments} commitment(s), {fulfilled} fulfilled",
        "{year}年：{view}——岗位 {posts} 个，承诺 {commitments} 项，已兑现 {fulfilled} 项",
    ),
    "life.tui.view_commitments": ("commitments", "承诺践诺"),
    "life.tui.view_posts": ("posts", "设岗定责"),
    "life.tui.no_commitments": (
        "No commitments in {year}: a adds one.",
        "{year}年暂无承诺：按 a 添加。",
    ),
    "life.tui.no_posts": ("No posts in {year}: a adds one.", "{year}年暂无岗位：按 a 添加。"),
    "life.tui.key.view": ("Posts/commitments", "岗位/承诺"),
    "life.tui.key.add": ("Add", "添加"),
    "life.tui.key.status": ("Status", "状态"),
    "life.tui.key.commitments": ("Posts and commitments", "设岗定责与承诺践诺"),
    "life.tui.cmd.commitments": ("Posts and commitments", "设岗定责与承诺践诺"),
    "life.tui.cmd.commitments.help": (
        "Members' posts and commitments of the year",
        "本年度党员设岗定责和承诺践诺",
    ),
    "life.tui.status_of_commitments": (
        "Only a commitment has a status: o shows the commitments.",
        "只有承诺有状态：按 o 显示承诺。",
    ),
    "life.tui.member_hint": ("member number", "党员编号"),
    "life.tui.post_new": ("New post for {year}", "新增{year}年岗位"),
    "life.tui.post_edit": ("Edit the post", "修改岗位"),
    "life.tui.help_post": (
        "A member's post for the year and its duty.",
        "党员的年度岗位及其职责。",
    ),
    "life.tui.commitment_new": ("New commitment for {year}", "新增{year}年承诺"),
    "life.tui.commitment_edit": ("Edit: {text}", "修改：{text}"),
    "life.tui.help_commitment": (
        "What the member commits to for the year.",
        "党员本年度的承诺内容。",
    ),
    "life.tui.status_title": ("Commitment status", "承诺状态"),
    "life.tui.status_what": ("{name}: {text}", "{name}：{text}"),
    "life.tui.help_status": (
        "Planned, in progress, fulfilled or not fulfilled. Fulfilled earns the scheme's "
        "commitment points and not fulfilled its deduction, dated the day evaluated.",
        "已承诺、践诺中、已兑现或未兑现。已兑现按方案加分，未兑现按方案扣分，以评定日期计入。",
    ),
    "life.tui.field.status": ("status", "状态"),
    "life.tui.field.evaluated_on": ("evaluated on", "评定日期"),
    "field.evaluated_on": ("evaluated on", "评定日期"),
    # --- the year-end report
    "life.report.section": (
        "12. Life meeting, posts and commitments",
        "十二、组织生活会、设岗定责与承诺践诺",
    ),
    "report.sheet.life": ("Life meeting", "组织生活会"),
    "life.report.by_form": ("Meetings held by {form}", "{form}形式开展的会议"),
    "life.report.no_form": ("(form not recorded)", "（未注明形式）"),
    "life.report.life_meetings": ("Life meetings held", "召开组织生活会"),
    "life.report.self_checks": ("Participants' self-examinations recorded", "登记对照检查人次"),
    "life.report.linked_items": (
        "Rectification items from participants' problems",
        "参会人员查摆问题列入整改",
    ),
    "life.report.roster_lectures": (
        "Party lectures by a member of the branch",
        "本支部党员讲授党课",
    ),
    "life.report.posts": ("Posts set (设岗定责)", "设岗定责岗位"),
    "life.report.commitments": ("Commitments {status}", "承诺（{status}）"),
    "life.cli.link.help": (
        "Link a rectification item already on the list to a participant of the meeting.",
        "将整改清单中已有的事项关联到本次会议的一名参会人员。",
    ),
    "life.cli.opt.item": (
        "The item's number (rectification list).",
        "整改事项编号（见整改清单）。",
    ),
    "life.cli.linked": (
        "Rectification item #{id} linked to {member_no}.",
        "整改事项 #{id} 已关联到 {member_no}。",
    ),
}
