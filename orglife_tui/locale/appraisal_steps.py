"""Messages of the appraisal's steps around the ballot (issue 12 §3): the self-assessment
(个人自评), the peer comments (党员互评), grading every proposal at once (组织评定) and why a
probationary member receives no grade."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # 组织评定 in one go
    "appraisal_steps.cli.opt.all_proposed": (
        "Grade every member who has a proposal and no grade yet as proposed.",
        "按建议等次评定所有尚未评定且有建议等次的党员。",
    ),
    "appraisal_steps.cli.all_proposed_alone": (
        "--all-proposed takes no member, grade or reason: it accepts every proposal.",
        "--all-proposed 不带党员编号、等次或理由：它采纳全部建议等次。",
    ),
    "appraisal_steps.cli.grade_needs": (
        "Give a member number and a grade, or --all-proposed.",
        "请给出党员编号和等次，或使用 --all-proposed。",
    ),
    "appraisal_steps.all_proposed_done": (
        "{count} member(s) graded as proposed.",
        "已按建议等次评定 {count} 名党员。",
    ),
    "appraisal_steps.all_proposed_line": (
        "  {member_no} {name}: {grade}",
        "  {member_no} {name}：{grade}",
    ),
    "appraisal_steps.all_proposed_left": (
        "Left for one-by-one grading ({count}):",
        "以下 {count} 名党员须逐一评定：",
    ),
    "appraisal_steps.left_line": (
        "  {member_no} {name}: {why}",
        "  {member_no} {name}：{why}",
    ),
    "appraisal_steps.left.no_proposal": (
        "no proposal from the figures",
        "无建议等次",
    ),
    "appraisal_steps.left.flagged": (
        "many unqualified votes: the committee decides",
        "不合格票较多，须由支部委员会研究",
    ),
    "appraisal_steps.tui.key.grade_all": ("All as proposed", "全按建议"),
    "appraisal_steps.tui.grade_all_question": (
        "Grade {count} member(s) as proposed? {left} are left to grade one by one.",
        "按建议等次评定 {count} 名党员？另有 {left} 名须逐一评定。",
    ),
    "appraisal_steps.tui.none_to_grade": (
        "No member is waiting with a proposal; {left} are left to grade one by one.",
        "没有待评定且有建议等次的党员；{left} 名须逐一评定。",
    ),
    # 个人自评 and 党员互评 in storage
    "appraisal_steps.field.self_assessment": ("self-assessment", "个人自评"),
    "appraisal_steps.field.comment": ("comment", "评议意见"),
    "appraisal_steps.text_empty": ("The {field} is empty.", "{field}内容为空。"),
    "appraisal_steps.text_too_long": (
        "The {field} is longer than {limit} characters.",
        "{field}超过 {limit} 个字符。",
    ),
    "appraisal_steps.given_in_future": (
        "{date} is after today: a self-assessment is recorded once it is given.",
        "{date} 晚于今天：个人自评须在提交后登记。",
    ),
    "appraisal_steps.published": (
        "Session {id} is published: its self-assessments and comments are final.",
        "第 {id} 号评议已公布：个人自评和互评意见不能再修改。",
    ),
    "appraisal_steps.not_appraised": (
        "{member_no} does not take part in appraisal session {id}.",
        "{member_no} 不是第 {id} 号评议的评议对象。",
    ),
    "appraisal_steps.already_graded": (
        "{member_no} {name} is graded already: a self-assessment is recorded before grading.",
        "{member_no} {name} 已评定等次：个人自评须在评定前登记。",
    ),
    "appraisal_steps.comment_unknown": (
        "No comment {comment} in this session.",
        "本次评议没有编号为 {comment} 的意见。",
    ),
    # importing self-assessments
    "appraisal_steps.import.field.member_no": ("member number", "编号"),
    "appraisal_steps.import.field.text": ("self-assessment", "个人自评"),
    "appraisal_steps.import.field.given_on": ("date", "日期"),
    "appraisal_steps.import.not_appraised": (
        "{member_no} does not take part in appraisal session {id}.",
        "{member_no} 不是第 {id} 号评议的评议对象。",
    ),
    "appraisal_steps.import.not_appraised_hint": (
        "{member_no} does not take part in appraisal session {id} (did you mean {guess}? "
        "Excel drops leading zeros).",
        "{member_no} 不是第 {id} 号评议的评议对象（是否应为 {guess}？Excel 会去掉编号前面的 0）。",
    ),
    "appraisal_steps.import.twice": (
        "{member_no} has a self-assessment in row {row} already.",
        "{member_no} 的个人自评已在第 {row} 行。",
    ),
    "appraisal_steps.import.after_today": ("{value} is after today", "{value} 晚于今天"),
    "appraisal_steps.import.done": (
        "{file}: {count} self-assessment(s) recorded ({late} after the poll opened).",
        "{file}：已登记 {count} 份个人自评（其中 {late} 份在投票开始后提交）。",
    ),
    # the CLI
    "appraisal_steps.cli.self_assessment.help": (
        "Record a member's self-assessment (个人自评), typed with --text or read from a "
        "text file with --file; given again, it replaces the earlier one.",
        "登记党员的个人自评：用 --text 输入，或用 --file 从文本文件读取；再次登记则替换原有内容。",
    ),
    "appraisal_steps.cli.import.help": (
        "Import self-assessments from a CSV/XLSX file (columns 编号, 个人自评, optional 姓名 "
        "and 日期): every row, or none.",
        "从 CSV/XLSX 文件导入个人自评（列：编号、个人自评，可选姓名、日期）：全部导入或全部不导入。",
    ),
    "appraisal_steps.cli.comment.help": (
        "Record a comment on a member from the branch meeting (党员互评); no author is kept.",
        "登记党员大会上对党员的评议意见（党员互评）；不记录提出人。",
    ),
    "appraisal_steps.cli.comments.help": (
        "List the peer comments of the session, or of one member.",
        "列出本次评议（或某名党员）的互评意见。",
    ),
    "appraisal_steps.cli.uncomment.help": (
        "Remove a peer comment typed by mistake (before publication).",
        "删除误录的互评意见（公布前）。",
    ),
    "appraisal_steps.cli.steps.help": (
        "Who takes part in the session, with each one's self-assessment, comments and grade.",
        "列出参加本次评议的党员，以及各自的个人自评、互评意见和评定情况。",
    ),
    "appraisal_steps.cli.opt.text": ("The text.", "内容。"),
    "appraisal_steps.cli.opt.file": (
        "A UTF-8 text file holding the text.",
        "保存内容的 UTF-8 文本文件。",
    ),
    "appraisal_steps.cli.opt.date": (
        "The day it was given (YYYY-MM-DD; default: today).",
        "提交日期（YYYY-MM-DD；默认今天）。",
    ),
    "appraisal_steps.cli.arg.comment": ("The comment's number.", "意见编号。"),
    "appraisal_steps.cli.text_or_file": (
        "Give the text with --text or --file (one of them).",
        "请用 --text 或 --file 给出内容（二选一）。",
    ),
    "appraisal_steps.cli.file_unreadable": (
        "Cannot read {path}: {reason}",
        "无法读取 {path}：{reason}",
    ),
    "appraisal_steps.self_assessment_saved": (
        "{member_no} {name}: self-assessment recorded ({date}).",
        "{member_no} {name}：个人自评已登记（{date}）。",
    ),
    "appraisal_steps.self_assessment_saved_late": (
        "{member_no} {name}: self-assessment recorded ({date}), after the poll opened.",
        "{member_no} {name}：个人自评已登记（{date}），在投票开始后提交。",
    ),
    "appraisal_steps.comment_saved": (
        "Comment {comment} on {member_no} {name} recorded.",
        "已登记对 {member_no} {name} 的第 {comment} 条意见。",
    ),
    "appraisal_steps.comment_removed": (
        "Comment {comment} removed.",
        "已删除第 {comment} 条意见。",
    ),
    "appraisal_steps.no_comments": ("No peer comments yet.", "尚无互评意见。"),
    "appraisal_steps.col.member_no": ("No.", "编号"),
    "appraisal_steps.col.name": ("Name", "姓名"),
    "appraisal_steps.col.status": ("Status", "类别"),
    "appraisal_steps.col.self_assessment": ("Self-assessment", "个人自评"),
    "appraisal_steps.col.comments": ("Comments", "互评意见"),
    "appraisal_steps.col.grade": ("Grade", "评定"),
    "appraisal_steps.col.id": ("#", "序号"),
    "appraisal_steps.col.text": ("Comment", "意见"),
    "appraisal_steps.given": ("given", "已提交"),
    "appraisal_steps.given_late": ("given late", "逾期提交"),
    "appraisal_steps.missing": ("missing", "未提交"),
    "appraisal_steps.graded": ("graded", "已评定"),
    "appraisal_steps.waiting": ("waiting", "待评定"),
    # why a member receives no grade (scoring.appraisal.why_not_graded)
    "appraisal_steps.why.probationary": (
        "probationary members take part in the appraisal without a grade",
        "预备党员参加评议，不评定等次",
    ),
    "appraisal_steps.why.not_graded": (
        "rated, but the points scheme grades no member of this status",
        "参加评议，积分方案规定不评定等次",
    ),
    "appraisal_steps.why.not_rated": (
        "not in the appraisal (the points scheme does not rate this status)",
        "不参加评议（积分方案规定）",
    ),
    "appraisal_steps.not_rated_line": (
        "Not in the appraisal (the points scheme does not rate them): {members}",
        "不参加评议（积分方案规定）：{members}",
    ),
    "appraisal_steps.cli.opt.details": (
        "Show each member's self-assessment and peer comments under the tally.",
        "在计票结果下列出每名党员的个人自评和互评意见。",
    ),
    "appraisal_steps.cli.why_line": (
        "{member_no} {name}: {why}.",
        "{member_no} {name}：{why}。",
    ),
    "appraisal_steps.cli.details_head": ("== {member_no} {name}", "== {member_no} {name}"),
    "appraisal_steps.cli.details_no_self": ("Self-assessment: none.", "个人自评：未提交。"),
    "appraisal_steps.cli.details_self": ("Self-assessment ({date}):", "个人自评（{date}）："),
    "appraisal_steps.cli.details_self_late": (
        "Self-assessment ({date}, after the poll opened):",
        "个人自评（{date}，投票开始后提交）：",
    ),
    "appraisal_steps.cli.details_comments": (
        "Peer comments ({count}):",
        "互评意见（{count} 条）：",
    ),
    # the screens
    "appraisal_steps.tui.col.self": ("Self-assess.", "个人自评"),
    "appraisal_steps.tui.col.comments": ("Comments", "互评意见"),
    "appraisal_steps.tui.col.grade": ("Grade", "评定"),
    "appraisal_steps.tui.key.steps": ("Self & peer", "自评互评"),
    "appraisal_steps.tui.key.self": ("Self-assessment", "个人自评"),
    "appraisal_steps.tui.key.comment": ("Comment", "互评意见"),
    "appraisal_steps.tui.title": (
        "Self-assessments and peer comments {year}",
        "{year} 年度个人自评和党员互评",
    ),
    "appraisal_steps.tui.heading": (
        "Self-assessments: {given} of {members} · peer comments: {comments}",
        "个人自评：{given} / {members} 人 · 互评意见：{comments} 条",
    ),
    "appraisal_steps.tui.nobody": (
        "Nobody in the branch takes part in this appraisal.",
        "本支部没有参加本次评议的党员。",
    ),
    "appraisal_steps.tui.read_hint": (
        "Enter: read · a: self-assessment · o: comment",
        "Enter 查看 · a 个人自评 · o 互评意见",
    ),
    "appraisal_steps.tui.field.text": ("Self-assessment", "个人自评"),
    "appraisal_steps.tui.field.given_on": ("Given on", "提交日期"),
    "appraisal_steps.tui.field.comment": ("Comment", "意见"),
    "appraisal_steps.tui.self_title": (
        "Self-assessment of {no} {name}",
        "{no} {name} 的个人自评",
    ),
    "appraisal_steps.tui.comment_title": (
        "A comment on {no} {name}",
        "对 {no} {name} 的评议意见",
    ),
    "appraisal_steps.tui.comment_note": (
        "As said at the branch meeting. Who said it is not recorded.",
        "照录党员大会上的意见，不记录提出人。",
    ),
    "appraisal_steps.tui.self_saved": (
        "Self-assessment of {member_no} {name} recorded.",
        "已登记 {member_no} {name} 的个人自评。",
    ),
    "appraisal_steps.tui.comment_saved": (
        "Comment on {member_no} {name} recorded.",
        "已登记对 {member_no} {name} 的意见。",
    ),
    "appraisal_steps.tui.help_steps": (
        "Who takes part in this appraisal (before the vote: who starting it will put on "
        "the ballot), with their self-assessment (late: given after the vote opened), the "
        "peer comments from the branch meeting and whether the committee has graded them. "
        "a records the highlighted member's self-assessment (given again, it replaces the "
        "earlier one), o a comment (no author is kept), x takes a comment typed by mistake "
        "back, Enter reads both. i imports everyone's self-assessments from a CSV or XLSX "
        "file (columns 编号, 姓名, 个人自评, 日期): a preview lists every problem before "
        "anything is written, then all rows are recorded or none. Members the "
        "points scheme does not rate are named under the list.",
        "列出参加本次评议的党员（投票开始前：开始投票时将列入选票的党员），以及个人自评"
        "（逾期：投票开始后提交）、党员大会上的互评意见和评定情况。按 a 登记所选党员的"
        "个人自评（再次登记则替换），按 o 登记互评意见（不记录提出人），按 x 撤回误录的意见，"
        "按 Enter 查看。按 i 从 CSV 或 XLSX 文件导入全体党员的个人自评（列：编号、姓名、"
        "个人自评、日期）：写入前预览会列出所有问题，然后全部写入或都不写入。"
        "积分方案不评议的党员列在下方。",
    ),
    "appraisal_steps.tui.help_self": (
        "The member's own account of the year, and the day it was given. A self-assessment "
        "is expected before the vote opens; one given later is still recorded until the "
        "member is graded, marked late.",
        "党员本人对本年度的总结及提交日期。个人自评应在投票开始前提交；之后提交的在评定"
        "等次前仍可登记，标为逾期。",
    ),
    "appraisal_steps.tui.help_comment": (
        "A comment on this member as said at the branch meeting (党员互评). It is kept "
        "without an author; the log records only who typed it.",
        "党员大会上对该党员的评议意见（党员互评）。不记录提出人；日志只记录录入人。",
    ),
    "appraisal_steps.tui.tally_steps": (
        "self-assessment: {self}, comments: {comments}",
        "个人自评：{self}，互评意见 {comments} 条",
    ),
    "appraisal_steps.tui.grade_self": (
        "Self-assessment ({date}): {text}",
        "个人自评（{date}）：{text}",
    ),
    "appraisal_steps.tui.grade_no_self": ("No self-assessment.", "未提交个人自评。"),
    "appraisal_steps.tui.grade_comments": (
        "Peer comments ({count}): {comments}",
        "互评意见（{count} 条）：{comments}",
    ),
    # the year-end report's appraisal section
    "report.section.appraisal": ("10. Democratic appraisal", "十、民主评议党员"),
    "report.sheet.appraisal": ("Appraisal", "民主评议"),
    "report.appraisal.none": (
        "No democratic appraisal was held for {year}.",
        "{year} 年度未开展民主评议党员。",
    ),
    "report.appraisal.session": ("Appraisal session", "评议"),
    "report.appraisal.session_value": ("{id} ({state})", "第 {id} 号（{state}）"),
    "report.appraisal.members": ("Members appraised", "参评党员"),
    "report.appraisal.self_assessed": ("个人自评: self-assessments given", "个人自评：已提交"),
    "report.appraisal.self_late": (
        "  of them after the poll opened",
        "  其中投票开始后提交",
    ),
    "report.appraisal.peer_comments": ("党员互评: peer comments recorded", "党员互评：意见条数"),
    "report.appraisal.commented": ("  members commented on", "  涉及党员"),
    "report.appraisal.voted": ("民主测评: voted", "民主测评：实投 / 应投"),
    "report.appraisal.turnout": ("  turnout", "  投票率"),
    "report.appraisal.ballots": ("  ballots sealed", "  封存选票"),
    "report.appraisal.graded": ("组织评定: graded", "组织评定：已评定 / 应评定"),
    "report.appraisal.as_proposed": ("  as proposed", "  按建议等次"),
    "report.appraisal.departed": ("  departing from the proposal", "  调整建议等次"),
    "report.appraisal.published": ("公示: result published on", "公示：结果公布日期"),
    "report.appraisal.not_published": (
        "The appraisal's result is not published yet.",
        "民主评议结果尚未公布。",
    ),
    "appraisal_steps.tui.key.uncomment": ("Take back", "撤回意见"),
    "appraisal_steps.tui.key.import": ("Import", "导入"),
    "appraisal_steps.tui.no_comment_here": (
        "No comment on this member to take back.",
        "该党员没有可撤回的意见。",
    ),
    "appraisal_steps.tui.uncomment_title": (
        "Take back a comment on {no} {name}",
        "撤回对 {no} {name} 的意见",
    ),
    "appraisal_steps.tui.which_comment": (
        "The number of the comment typed by mistake ({numbers}; Enter shows them):",
        "误录意见的编号（{numbers}；按 Enter 查看内容）：",
    ),
    "appraisal_steps.tui.which_comment_bad": (
        "Not a comment on this member.",
        "不是对该党员的意见编号。",
    ),
}
