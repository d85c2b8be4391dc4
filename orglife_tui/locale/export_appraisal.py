"""Messages of `orglife-tui export appraisal`: the summary for the higher Party committee and
the feedback notes (反馈意见) to the members."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the command
    "export.appraisal.help": (
        "The democratic appraisal of a closed session: the summary for the higher Party "
        "committee (default) or, with --feedback, one feedback note per member "
        "(CSV with BOM, XLSX, JSON or Markdown).",
        "导出已结束的民主评议：报上级党委的情况汇总（默认），或加 --feedback 导出每名党员"
        "一份反馈意见（CSV（带 BOM）、XLSX、JSON 或 Markdown）。",
    ),
    "export.appraisal.arg.id": (
        "The appraisal session's number (see `orglife-tui appraisal list`).",
        "民主评议编号（见 `orglife-tui appraisal list`）。",
    ),
    "export.appraisal.opt.feedback": (
        "One feedback note per member instead of the summary.",
        "导出每名党员的反馈意见，而不是情况汇总。",
    ),
    "export.appraisal.not_started": (
        "Appraisal session {id} has not started yet: there is nothing to export.",
        "第 {id} 号民主评议尚未开始投票，没有可导出的内容。",
    ),
    "export.appraisal.still_open": (
        "The poll of appraisal session {id} is still open ({voted} of {voters} voted): no "
        "result leaves the branch while voting goes on. Close its poll first.",
        "第 {id} 号民主评议仍在投票中（已投 {voted} 人，共 {voters} 人）：投票结束前不导出任何"
        "结果。请先结束投票。",
    ),
    "export.appraisal.written": (
        "Wrote the appraisal summary of session {id} ({count} member(s)) to {file}.",
        "已将第 {id} 号民主评议情况汇总（{count} 名党员）写入 {file}。",
    ),
    "export.appraisal.feedback_written": (
        "Wrote {count} feedback note(s) of session {id} to {file}.",
        "已将第 {id} 号民主评议的 {count} 份反馈意见写入 {file}。",
    ),
    "export.appraisal.draft_notice": (
        "Session {id} is not yet published: the export is marked as a draft.",
        "第 {id} 号民主评议尚未公布：导出内容已标为草稿。",
    ),
    # --- the summary
    "export.appraisal.title": (
        "{branch}: democratic appraisal of Party members, {year} — report to the higher "
        "Party committee",
        "{branch}{year}年度民主评议党员情况报告",
    ),
    "export.appraisal.draft": (
        "NOT YET PUBLISHED — DRAFT. The committee's grades may still change until the session "
        "is published (`orglife-tui appraisal publish {id}`).",
        "尚未公布——草稿。公布前支部委员会评定的等次仍可能调整（公布：`orglife-tui appraisal "
        "publish {id}`）。",
    ),
    "export.appraisal.meta.line": ("- **{key}**: {value}", "- **{key}**：{value}"),
    "export.appraisal.meta.branch": ("Branch", "党支部"),
    "export.appraisal.meta.year": ("Year", "年度"),
    "export.appraisal.meta.session": ("Appraisal session", "民主评议编号"),
    "export.appraisal.meta.state": ("State", "状态"),
    "export.appraisal.meta.created": ("Created", "创建时间"),
    "export.appraisal.meta.started": ("Poll opened", "开始投票"),
    "export.appraisal.meta.closed": ("Poll closed", "结束投票"),
    "export.appraisal.meta.published": ("Published", "公布时间"),
    "export.appraisal.meta.generated": ("Generated", "生成时间"),
    "export.appraisal.meta.candidates": ("Members appraised", "参加评议党员"),
    "export.appraisal.meta.graded": ("Members graded", "评定等次党员"),
    "export.appraisal.meta.voters": ("Members with a vote", "应参加测评人数"),
    "export.appraisal.meta.voted": ("Members who voted", "实际参加测评人数"),
    "export.appraisal.meta.ballots": ("Ballots", "收回测评票"),
    "export.appraisal.meta.turnout": ("Turnout", "参评率"),
    "export.appraisal.session_value": ("No. {id}", "第 {id} 号"),
    "export.appraisal.not_yet": ("—", "—"),
    # sections
    "export.appraisal.section.ballots": ("1. The ballot", "一、民主测评基本情况"),
    "export.appraisal.section.grades": ("2. Grades", "二、等次评定情况"),
    "export.appraisal.section.highlighted": (
        "3. Members proposed or graded excellent or unqualified, with the branch's opinion",
        "三、拟评定为优秀、不合格的党员及支部意见",
    ),
    "export.appraisal.section.candidates": ("4. Result per member", "四、逐人测评结果"),
    "export.appraisal.section.fingerprint": ("5. Fingerprint of the ballots", "五、计票指纹"),
    "export.appraisal.grades.intro": (
        "Graded members by the grade proposed from the ballots and the points, and by the "
        "grade the committee set.",
        "评定等次的党员按民主测评和积分拟定的等次、支部委员会评定的等次分别统计如下。",
    ),
    "export.appraisal.highlighted.empty": (
        "No member is proposed or graded excellent or unqualified.",
        "没有拟评定或评定为优秀、不合格的党员。",
    ),
    "export.appraisal.as_proposed": (
        "Graded as proposed from the ballots and the points.",
        "同意按民主测评和积分情况拟定的等次。",
    ),
    "export.appraisal.undecided": ("Not yet decided", "尚未评定"),
    "export.appraisal.candidates.empty": (
        "The session has no member to appraise.",
        "本次评议没有参评党员。",
    ),
    "export.appraisal.secrecy": (
        "Only counts are shown: nothing in this file names who voted or ties a ballot to a voter.",
        "本文件只含票数统计，不含任何投票人信息，也无法将选票与投票人对应。",
    ),
    "export.appraisal.warning.excellent": (
        "Warning: {count} of {graded} graded members ({share}) are excellent (by the final "
        "grade, else the proposal), more than the guideline of {limit}. The limit guides the "
        "committee; it is no rule on the ballots.",
        "提示：评定等次的 {graded} 名党员中有 {count} 名（{share}）为优秀（按评定等次，未评定的"
        "按拟定等次），超过 {limit} 的比例要求。该比例用于指导支部委员会评定，不约束民主测评"
        "投票。",
    ),
    "export.appraisal.fingerprint.value": ("SHA-256: `{sha256}`", "SHA-256：`{sha256}`"),
    "export.appraisal.fingerprint.none": ("none stored", "未记录"),
    "export.appraisal.fingerprint.method": (
        "How it was computed: when the poll closed, every stored rating row was written as "
        "“candidate's member no. TAB grade (empty for an abstention) TAB the row's random "
        "key”, one per line; the lines were sorted and hashed with SHA-256. No voter and no "
        "order of casting enters it; `orglife-tui verify` recomputes it from the database.",
        "计算方法：结束投票时，将每条测评记录写成“被评党员编号 TAB 等次（弃权为空）TAB 记录的"
        "随机键”一行，全部行排序后计算 SHA-256。其中不含投票人，也不含投票先后；"
        "`orglife-tui verify` 可根据数据库重新计算核对。",
    ),
    "export.appraisal.generated": ("Generated on {date}.", "生成日期：{date}。"),
    # grades and flags as printed
    "export.appraisal.grade.abstain": ("Abstained", "弃权"),
    "export.appraisal.grade.pending": ("Not yet decided", "尚未评定"),
    "export.appraisal.grade.ungraded": ("Not graded", "不评定等次"),
    "export.appraisal.total": ("Total", "合计"),
    "export.appraisal.flag.unqualified_votes": (
        "unqualified votes above the set share",
        "不合格票超过规定比例",
    ),
    "export.appraisal.flag.departs": ("grade departs from the proposal", "评定等次与拟定不同"),
    "export.appraisal.flag.sep": ("; ", "；"),
    # columns (Markdown headers and the legend of the XLSX metadata sheet)
    "export.appraisal.col.member_no": ("Member no.", "党员编号"),
    "export.appraisal.col.name": ("Name", "姓名"),
    "export.appraisal.col.status": ("Status", "党员类别"),
    "export.appraisal.col.graded": ("Receives a grade", "是否评定等次"),
    "export.appraisal.col.excellent": ("Excellent votes", "优秀票"),
    "export.appraisal.col.qualified": ("Qualified votes", "合格票"),
    "export.appraisal.col.basically_qualified": ("Basically qualified votes", "基本合格票"),
    "export.appraisal.col.unqualified": ("Unqualified votes", "不合格票"),
    "export.appraisal.col.abstain": ("Abstentions", "弃权票"),
    "export.appraisal.col.ballots": ("Ballots", "总票数"),
    "export.appraisal.col.excellent_share": ("Share excellent", "优秀票占比"),
    "export.appraisal.col.qualified_share": ("Share qualified", "合格票占比"),
    "export.appraisal.col.basically_qualified_share": (
        "Share basically qualified",
        "基本合格票占比",
    ),
    "export.appraisal.col.unqualified_share": ("Share unqualified", "不合格票占比"),
    "export.appraisal.col.abstain_share": ("Share abstained", "弃权票占比"),
    "export.appraisal.col.points": ("Points", "积分"),
    "export.appraisal.col.vetoed": ("Veto item recorded", "触发一票否决"),
    "export.appraisal.col.ballot_score": ("Ballot score (0–1)", "测评得分（0–1）"),
    "export.appraisal.col.combined": (
        "Points and ballots combined by the scheme's weights",
        "积分与测评按方案权重折算的综合得分",
    ),
    "export.appraisal.col.proposed": ("Proposed grade", "拟定等次"),
    "export.appraisal.col.final": ("Final grade", "评定等次"),
    "export.appraisal.col.reason": ("Branch's opinion", "支部意见"),
    "export.appraisal.col.flags": ("Flags", "提示"),
    "export.appraisal.col.unqualified_flag": (
        "Unqualified votes above the set share",
        "不合格票超过规定比例",
    ),
    "export.appraisal.col.departs": ("Final grade departs from the proposal", "评定与拟定不同"),
    "export.appraisal.col.session_id": ("Appraisal session", "民主评议编号"),
    "export.appraisal.col.year": ("Year", "年度"),
    "export.appraisal.col.state": (
        "Session state (finished: not yet published, a draft)",
        "评议状态（finished：尚未公布，为草稿）",
    ),
    "export.appraisal.col.draft": ("Draft (not yet published)", "草稿（尚未公布）"),
    "export.appraisal.col.fingerprint": ("Fingerprint of the ballots", "计票指纹"),
    "export.appraisal.col.grade": ("Grade", "等次"),
    "export.appraisal.col.opinion": ("Committee's opinion", "支部委员会意见"),
    "export.appraisal.col.votes": ("Votes", "票数"),
    "export.appraisal.col.share": ("Share", "占比"),
    "export.appraisal.col.proposed_count": ("Proposed", "拟定人数"),
    "export.appraisal.col.final_count": ("Final", "评定人数"),
    # --- the feedback notes (反馈意见)
    "export.appraisal.feedback.title": (
        "{branch}: democratic appraisal {year} — feedback notes to the members",
        "{branch}{year}年度民主评议党员反馈意见",
    ),
    "export.appraisal.feedback.count": ("Feedback notes: {count}.", "反馈意见共 {count} 份。"),
    "export.appraisal.feedback.heading": (
        "Feedback note: {name} ({member_no})",
        "反馈意见：{name}（{member_no}）",
    ),
    "export.appraisal.feedback.context": (
        "{branch} · democratic appraisal {year} · session No. {id}",
        "{branch} · {year}年度民主评议党员 · 第 {id} 号",
    ),
    "export.appraisal.feedback.grade": ("Grade", "评定等次"),
    "export.appraisal.feedback.grade_draft": (
        "{grade} (draft: not yet published)",
        "{grade}（草稿，尚未公布）",
    ),
    "export.appraisal.feedback.undecided": (
        "Not yet decided (proposed: {proposed})",
        "尚未评定（拟定：{proposed}）",
    ),
    "export.appraisal.feedback.ungraded": (
        "Takes part without a grade (probationary member)",
        "参加评议，不评定等次（预备党员）",
    ),
    "export.appraisal.feedback.points": ("Points for the year", "年度积分"),
    "export.appraisal.feedback.no_points": ("not scored", "未计分"),
    "export.appraisal.feedback.opinion": ("Committee's opinion", "支部委员会意见"),
    "export.appraisal.feedback.ballots": ("Ballot summary", "民主测评情况"),
    "export.appraisal.feedback.ballots_total": (
        "{count} ballot(s) rated this member.",
        "共有 {count} 张测评票对该同志作出评价。",
    ),
    "export.appraisal.feedback.no_ballots": ("No ballot was cast.", "没有收回测评票。"),
    "export.appraisal.feedback.none": (
        "The session has no member to give feedback to.",
        "本次评议没有参评党员。",
    ),
    "export.appraisal.feedback.secrecy": (
        "The ballot is secret: this note gives counts only, never who voted how.",
        "民主测评为无记名投票：本反馈只含票数统计，不反映任何人的投票情况。",
    ),
}
