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
}
