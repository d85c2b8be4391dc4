"""Messages of the democratic appraisal (民主评议党员): storage refusals and `appraisal` CLI."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # grades as voters and committees read them
    "appraisal.grade.excellent": ("excellent", "优秀"),
    "appraisal.grade.qualified": ("qualified", "合格"),
    "appraisal.grade.basically_qualified": ("basically qualified", "基本合格"),
    "appraisal.grade.unqualified": ("unqualified", "不合格"),
    "appraisal.grade.abstain": ("abstain", "弃权"),
    "appraisal.no_proposal": ("no proposal", "无建议等次"),
    "appraisal.grade_short.excellent": ("excel.", "优秀"),
    "appraisal.grade_short.qualified": ("qualif.", "合格"),
    "appraisal.grade_short.basically_qualified": ("basic", "基本合格"),
    "appraisal.grade_short.unqualified": ("unqual.", "不合格"),
    # sessions
    "appraisal.session_not_found": (
        "No appraisal session {id} in this branch (see `orglife-tui appraisal list`).",
        "本支部没有编号为 {id} 的民主评议（见 `orglife-tui appraisal list`）。",
    ),
    "appraisal.bad_year": (
        "{year} is not a year an appraisal can be held for.",
        "{year} 不是可以开展民主评议的年度。",
    ),
    "appraisal.session_exists": (
        "The appraisal of {year} already exists as session {id} and is not yet published; "
        "continue it or reset it.",
        "{year} 年度的民主评议已存在（编号 {id}），尚未公布；请继续进行或重置。",
    ),
    "appraisal.needs_created": (
        "Session {id} is {state}: only a session not yet started can be started.",
        "第 {id} 号评议{state}：只有未开始的评议才能开始。",
    ),
    "appraisal.needs_started": (
        "Session {id} is {state}: this needs a poll in progress.",
        "第 {id} 号评议{state}：此操作只能在投票中进行。",
    ),
    "appraisal.needs_finished": (
        "Session {id} is {state}: grades are set and published only after the poll is "
        "closed and before publication.",
        "第 {id} 号评议{state}：只有在投票结束后、公布之前才能评定和公布等次。",
    ),
    "appraisal.not_started": (
        "The poll of session {id} has not started; no ballot can be cast.",
        "第 {id} 号评议尚未开始投票，不能投票。",
    ),
    "appraisal.poll_closed": (
        "The poll of session {id} is closed; no ballot can be cast or changed.",
        "第 {id} 号评议投票已结束，不能再投票或改票。",
    ),
    "appraisal.published": (
        "Session {id} is published; it can no longer be reset or changed.",
        "第 {id} 号评议已公布，不能再重置或修改。",
    ),
    "appraisal.no_voters": (
        "No member has a vote under the scheme (its [appraisal] voters); nobody could vote.",
        "按评分方案（[appraisal] voters），没有党员有表决权，无法投票。",
    ),
    "appraisal.no_candidates": (
        "No member is appraised under the scheme (its [statuses] scored); there is nobody to rate.",
        "按评分方案（[statuses] scored），没有参加评议的党员。",
    ),
    # the teller's PIN
    "appraisal.pin_too_short": (
        "The teller PIN needs at least {length} digits.",
        "计票人 PIN 码至少需要 {length} 位数字。",
    ),
    "appraisal.pin_not_digits": (
        "The teller PIN is digits only (0–9), at least {length} of them.",
        "计票人 PIN 码只能由数字（0–9）组成，至少 {length} 位。",
    ),
    "appraisal.pin_too_long": (
        "The teller PIN may have at most {length} digits.",
        "计票人 PIN 码最多 {length} 位。",
    ),
    "appraisal.pin_missing": ("The teller PIN is required.", "请输入计票人 PIN 码。"),
    "appraisal.pin_wrong": (
        "Wrong teller PIN; {left} attempt(s) left before a lock-out.",
        "计票人 PIN 码错误；再错 {left} 次将被锁定。",
    ),
    "appraisal.pin_locked": (
        "Too many wrong PINs: locked, try again in {minutes} minute(s).",
        "PIN 码错误次数过多，已锁定，请 {minutes} 分钟后再试。",
    ),
    "appraisal.pin_mismatch": (
        "The two PINs differ; nothing was started.",
        "两次输入的 PIN 码不一致，评议未开始。",
    ),
    "appraisal.pin_file_unreadable": (
        "Cannot read the PIN file {path}: {reason}",
        "无法读取 PIN 码文件 {path}：{reason}",
    ),
    # the two tally passwords (计票人 teller, 监票人 scrutineer): both open the sealed ballots
    "appraisal.password_too_short.teller": (
        "The teller's tally password needs at least {length} characters.",
        "计票人的计票密码至少需要 {length} 个字符。",
    ),
    "appraisal.password_too_short.scrutineer": (
        "The scrutineer's tally password needs at least {length} characters.",
        "监票人的计票密码至少需要 {length} 个字符。",
    ),
    "appraisal.password_too_long.teller": (
        "The teller's tally password may have at most {length} characters.",
        "计票人的计票密码最多 {length} 个字符。",
    ),
    "appraisal.password_too_long.scrutineer": (
        "The scrutineer's tally password may have at most {length} characters.",
        "监票人的计票密码最多 {length} 个字符。",
    ),
    "appraisal.passwords_same": (
        "The teller's and the scrutineer's tally passwords are the same; two different "
        "people choose two different passwords.",
        "计票人和监票人的计票密码相同；应由两人分别设置两个不同的密码。",
    ),
    "appraisal.password_missing.teller": (
        "The teller's tally password is needed to open the sealed ballots.",
        "开启封存的选票需要计票人的计票密码。",
    ),
    "appraisal.password_missing.scrutineer": (
        "The scrutineer's tally password is needed to open the sealed ballots.",
        "开启封存的选票需要监票人的计票密码。",
    ),
    "appraisal.password_wrong.teller": (
        "The teller's tally password is wrong; nothing was changed.",
        "计票人的计票密码错误；未作任何更改。",
    ),
    "appraisal.password_wrong.scrutineer": (
        "The scrutineer's tally password is wrong; nothing was changed.",
        "监票人的计票密码错误；未作任何更改。",
    ),
    "appraisal.password_wrong.both": (
        "Both tally passwords (teller's and scrutineer's) are wrong; nothing was changed.",
        "计票人和监票人的计票密码都错误；未作任何更改。",
    ),
    "appraisal.password_mismatch": (
        "The two entries of the {role}'s password differ; nothing was done.",
        "两次输入的{role}密码不一致，未作任何操作。",
    ),
    "appraisal.role.teller": ("teller", "计票人"),
    "appraisal.role.scrutineer": ("scrutineer", "监票人"),
    "appraisal.password_file_unreadable": (
        "Cannot read the password file {path}: {reason}",
        "无法读取密码文件 {path}：{reason}",
    ),
    # ballots
    "appraisal.candidate_unknown": (
        "{member_no} is not a candidate of this appraisal.",
        "{member_no} 不是本次评议的评议对象。",
    ),
    "appraisal.candidate_twice": (
        "{member_no} is rated twice on this ballot.",
        "本张选票对 {member_no} 评价了两次。",
    ),
    "appraisal.candidate_missing": (
        "The ballot does not rate {count} candidate(s): {members} (leave blank to abstain).",
        "选票缺少对 {count} 名党员的评价：{members}（可选择弃权）。",
    ),
    "appraisal.grade_unknown": (
        "Unknown grade {grade!r}: excellent, qualified, basically_qualified, unqualified "
        "or blank to abstain.",
        "未知等次 {grade!r}：可选优秀、合格、基本合格、不合格，或空白表示弃权。",
    ),
    "appraisal.voter_unknown": (
        "{member_no} has no vote in this appraisal.",
        "{member_no} 在本次评议中没有表决权。",
    ),
    "appraisal.already_voted": (
        "{member_no} has already voted.",
        "{member_no} 已经投过票。",
    ),
    # the seal
    "appraisal.no_ballots": (
        "No ballot was cast in session {id}; there is nothing to seal (reset it to start over).",
        "第 {id} 号评议没有任何选票，无法封存（可重置后重新开始）。",
    ),
    "appraisal.count_mismatch": (
        "{ballots} ballot(s) were cast but {voted} member(s) are marked as voted; "
        "enter the missing paper ballots or mark the missing voters before closing.",
        "已投选票 {ballots} 张，但登记已投票的党员为 {voted} 名；"
        "请补录纸质选票或补登投票人后再结束投票。",
    ),
    "appraisal.ratings_mismatch": (
        "Candidate {member_no} has {rows} rating(s) for {ballots} ballot(s); "
        "the ballots were changed outside the program.",
        "评议对象 {member_no} 有 {rows} 条评价，而选票为 {ballots} 张；选票被程序外修改。",
    ),
    "appraisal.sealed_mismatch": (
        "{sealed} sealed ballot(s) for {ballots} receipt(s); the ballots were changed "
        "outside the program. Nothing was changed.",
        "封存的选票 {sealed} 张，而回执为 {ballots} 张；选票被程序外修改。未作任何更改。",
    ),
    "appraisal.sealed_unreadable": (
        "A sealed ballot does not open with the session key or does not rate every "
        "candidate once; it was changed outside the program. Nothing was changed.",
        "有一张封存的选票无法用本次评议的密钥开启，或未对每位评议对象恰好评价一次；"
        "选票被程序外修改。未作任何更改。",
    ),
    "appraisal.scrub_pending": (
        "Session {id} is sealed but its database files are not yet scrubbed of the poll; "
        "close the poll again first.",
        "第 {id} 号评议已封存，但数据库文件尚未清除投票痕迹；请先再次关闭投票。",
    ),
    "appraisal.scrub_waits_for_older": (
        "The poll is sealed, but a transaction on the database server that began before the "
        "close is still open, and the ballots' old rows cannot be wiped while it may see them; "
        "wait for it to end (another branch's long report or backup) and run "
        "`orglife-tui appraisal close` again.",
        "投票已封存，但数据库服务器上有一个在计票前开始的事务仍未结束，选票的旧数据在它结束前无法清除；"
        "请等它结束（其他支部的长时间报表或备份）后再次运行 `orglife-tui appraisal close`。",
    ),
    "appraisal.scrub_failed": (
        "The poll of session {id} is sealed, but the database could not be compacted, so its "
        "files still hold traces of the poll and the close is pending; close other "
        "orglife-tui windows, then close the poll of session {id} again.",
        "第 {id} 号评议的投票已封存，但数据库未能压缩，文件中仍有投票痕迹，结束投票尚未完成；"
        "请关闭其他 orglife-tui 窗口后，再次结束第 {id} 号评议的投票。",
    ),
    "appraisal.scrub_failed_reset": (
        "Session {id} is reset, but the database could not be compacted, so its files still "
        "hold traces of the discarded ballots; close other orglife-tui windows, then reset "
        "session {id} again.",
        "第 {id} 号评议已重置，但数据库未能压缩，文件中仍有作废选票的痕迹；"
        "请关闭其他 orglife-tui 窗口后，再次重置第 {id} 号评议。",
    ),
    # the tally and the committee's grades
    "appraisal.tally_while_open": (
        "The poll of session {id} is open ({voted} of {voters} voted); the tally is shown "
        "only after it is closed.",
        "第 {id} 号评议投票进行中（已投 {voted}/{voters}）；结束投票后才能计票。",
    ),
    "appraisal.not_graded": (
        "{member_no} {name} takes part without a grade (probationary member).",
        "{member_no} {name} 参加评议但不评定等次（预备党员）。",
    ),
    "appraisal.reason_needed": (
        "The figures propose {proposed} for {member_no} {name}; a grade of {grade} needs a reason.",
        "{member_no} {name} 的建议等次为{proposed}；评定为{grade}须说明理由。",
    ),
    "appraisal.reason_too_long": (
        "The reason may have at most {limit} characters.",
        "理由最多 {limit} 个字符。",
    ),
    "appraisal.grades_missing": (
        "{count} graded member(s) have no grade yet: {members}",
        "还有 {count} 名党员未评定等次：{members}",
    ),
    # verify
    "verify.table.appraisal_session": ("appraisal session", "民主评议"),
    "appraisal.verify.fingerprint_mismatch": (
        "its ballots no longer match the fingerprint sealed at close (changed outside the program)",
        "选票与结束投票时封存的指纹不符（被程序外修改）",
    ),
    "appraisal.verify.count_mismatch": (
        "its ballot tables no longer hold the number of ballots sealed at close",
        "选票数量与结束投票时封存的数量不符",
    ),
    "appraisal.verify.seal_mismatch": (
        "its stored fingerprint is not the one its seal wrote in the audit log",
        "存储的指纹与操作日志中封存记录的指纹不符",
    ),
    "appraisal.verify.scrub_pending": (
        "closed, but its database files are not yet scrubbed of the poll's traces — run "
        "`orglife-tui appraisal close` on it again",
        "已结束投票，但数据库文件尚未清除投票痕迹——请再次对它运行 `orglife-tui appraisal close`",
    ),
    "appraisal.verify.reset_scrub_pending": (
        "reset, but its database files still hold traces of the discarded ballots — reset it again",
        "已重置，但数据库文件中仍有作废选票的痕迹——请再次重置",
    ),
    "appraisal.verify.sealed_left": (
        "closed, but sealed ballots or its session key are still stored",
        "已结束投票，但仍存有封存的选票或评议密钥",
    ),
    # the `appraisal` command
    "appraisal.cli.help": (
        "The democratic appraisal of members (民主评议党员): sessions, the poll, the tally, "
        "the committee's grades.",
        "民主评议党员：创建评议、投票、计票、组织评定与公布。",
    ),
    "appraisal.cli.new.help": (
        "Create the appraisal session of a year.",
        "创建某年度的民主评议。",
    ),
    "appraisal.cli.start.help": (
        "Open the poll: snapshot candidates and voters, set the teller's PIN (at least 6 "
        "digits) and the two tally passwords (teller's and scrutineer's) that seal the ballots.",
        "开始投票：确定评议对象和投票人名单，设置计票人 PIN 码（至少 6 位数字）以及封存选票的"
        "两个计票密码（计票人、监票人各一个）。",
    ),
    "appraisal.cli.close.help": (
        "Close the poll and seal the ballots (prints the fingerprint); needs the teller PIN "
        "and both tally passwords.",
        "结束投票并封存选票（显示指纹）；需要计票人 PIN 码和两个计票密码。",
    ),
    "appraisal.cli.tally.help": (
        "The tally of a closed poll: votes per grade, turnout, points, proposed grades.",
        "计票结果（投票结束后）：各等次票数、投票率、积分、建议等次。",
    ),
    "appraisal.cli.grade.help": (
        "Record the committee's grade of a member (a departure from the proposal needs --reason).",
        "录入支部评定等次（与建议等次不同时须填写 --reason）。",
    ),
    "appraisal.cli.publish.help": (
        "Publish the grades; the session is frozen afterwards.",
        "公布评定结果；公布后不能再修改。",
    ),
    "appraisal.cli.reset.help": (
        "Discard every ballot and go back to a session not yet started (before publishing); "
        "needs the teller PIN.",
        "作废全部选票，退回未开始状态（公布前）；需要计票人 PIN 码。",
    ),
    "appraisal.cli.list.help": (
        "The branch's appraisal sessions with their state and how many have voted.",
        "本支部的民主评议及其状态、已投票人数。",
    ),
    "appraisal.cli.receipt.help": (
        "Check that a ballot with this receipt code was counted (it never shows the ballot)",
        "核对持此回执码的选票是否已计入（不显示选票内容）",
    ),
    "appraisal.cli.arg.receipt": ("The receipt code from the kiosk", "投票机显示的回执码"),
    "appraisal.receipt_found": (
        "Receipt {code}: a ballot with this code is stored in session {id} and is counted.",
        "回执码 {code}：第 {id} 号评议中存有该回执码的选票，已计入。",
    ),
    "appraisal.receipt_unknown": (
        "Receipt {code}: no ballot with this code in session {id}. Check the code, or ask"
        " the teller: a ballot not confirmed on the review screen was not stored.",
        "回执码 {code}：第 {id} 号评议中没有该回执码的选票。请核对回执码，或询问计票人："
        "未在核对画面确认投出的选票不会保存。",
    ),
    "appraisal.cli.arg.id": (
        "the session's number (appraisal list)",
        "评议编号（见 appraisal list）",
    ),
    "appraisal.cli.arg.member_no": ("the member's number", "党员编号"),
    "appraisal.cli.arg.grade": (
        "excellent|qualified|basically_qualified|unqualified (or 优秀/合格/基本合格/不合格, 1–4)",
        "优秀/合格/基本合格/不合格（或 excellent|qualified|basically_qualified|unqualified、1–4）",
    ),
    "appraisal.cli.opt.year": ("the year appraised", "评议年度"),
    "appraisal.cli.opt.pin_file": (
        "read the teller's PIN from the first line of FILE instead of asking",
        "从文件第一行读取计票人 PIN 码（不交互输入）",
    ),
    "appraisal.cli.opt.teller_password_file": (
        "read the teller's tally password from the first line of FILE instead of asking",
        "从文件第一行读取计票人的计票密码（不交互输入）",
    ),
    "appraisal.cli.opt.scrutineer_password_file": (
        "read the scrutineer's tally password from the first line of FILE instead of asking",
        "从文件第一行读取监票人的计票密码（不交互输入）",
    ),
    "appraisal.cli.opt.format": ("table or json", "table 或 json"),
    "appraisal.cli.opt.reason": (
        "why the grade departs from the proposal",
        "评定等次与建议等次不同的理由",
    ),
    "appraisal.cli.opt.yes": ("do not ask for confirmation", "不再确认"),
    "appraisal.cli.bad_grade": (
        "Unknown grade {grade!r}: use excellent, qualified, basically_qualified or "
        "unqualified (优秀, 合格, 基本合格, 不合格, or 1–4).",
        "未知等次 {grade!r}：请用优秀、合格、基本合格、不合格（或 excellent、qualified、"
        "basically_qualified、unqualified、1–4）。",
    ),
    "appraisal.cli.pin_prompt": ("Teller PIN (not shown)", "计票人 PIN 码（不显示）"),
    "appraisal.cli.pin_again": ("The same PIN again", "再次输入 PIN 码"),
    "appraisal.cli.password_prompt.teller": (
        "Teller's tally password (not shown)",
        "计票人的计票密码（不显示）",
    ),
    "appraisal.cli.password_prompt.scrutineer": (
        "Scrutineer's tally password (not shown)",
        "监票人的计票密码（不显示）",
    ),
    "appraisal.cli.password_again": ("The same password again", "再次输入该密码"),
    "appraisal.created": (
        "Appraisal session {id} for {year} created. Open the poll with "
        "`orglife-tui appraisal start {id}`.",
        "已创建 {year} 年度民主评议（编号 {id}）。用 `orglife-tui appraisal start {id}` 开始投票。",
    ),
    "appraisal.started": (
        "The poll of session {id} is open: {voters} voter(s), {candidates} candidate(s). "
        "Voters vote at `orglife-tui kiosk {id}`.",
        "第 {id} 号评议开始投票：投票人 {voters} 名，评议对象 {candidates} 名。"
        "投票请使用 `orglife-tui kiosk {id}`。",
    ),
    "appraisal.sealed": (
        "The poll of session {id} is closed and sealed: {ballots} ballot(s).",
        "第 {id} 号评议投票结束并已封存：共 {ballots} 张选票。",
    ),
    "appraisal.already_sealed": (
        "Session {id} was already sealed; the database was compacted again.",
        "第 {id} 号评议此前已封存；已再次压缩数据库。",
    ),
    "appraisal.fingerprint": (
        "Fingerprint (SHA-256): {fingerprint}",
        "选票指纹（SHA-256）：{fingerprint}",
    ),
    "appraisal.fingerprint_note": (
        "Write the fingerprint in the minutes; `orglife-tui verify` checks the ballots against it.",
        "请将指纹记入会议记录；`orglife-tui verify` 会据此核对选票。",
    ),
    "appraisal.graded": ("{member_no}: graded {grade}.", "{member_no}：评定为{grade}。"),
    "appraisal.published_ok": (
        "The appraisal of {year} (session {id}) is published.",
        "{year} 年度民主评议（编号 {id}）结果已公布。",
    ),
    "appraisal.reset_confirm": (
        "Discard every ballot of session {id} ({voted} voted) and start over?",
        "作废第 {id} 号评议的全部选票（已投 {voted} 人）并重新开始？",
    ),
    "appraisal.reset_cancelled": ("Nothing was reset.", "未重置。"),
    "appraisal.reset_done": (
        "Session {id} is reset: no ballots, not started.",
        "第 {id} 号评议已重置：选票已作废，状态为未开始。",
    ),
    "appraisal.no_sessions": (
        "No appraisal yet (create one with `orglife-tui appraisal new --year YEAR`).",
        "尚无民主评议（用 `orglife-tui appraisal new --year 年度` 创建）。",
    ),
    "appraisal.turnout_short": ("{voted} of {voters} voted", "已投 {voted}/{voters}"),
    "appraisal.not_graded_short": ("(not graded)", "（不评定）"),
    "appraisal.flag.veto": ("veto item", "一票否决"),
    "appraisal.flag.unqualified_votes": ("many unqualified votes", "不合格票较多"),
    "appraisal.flag.departs": ("departs from proposal", "与建议不同"),
    "appraisal.tally.title": (
        "Democratic appraisal {year} (session {id})",
        "{year} 年度民主评议（编号 {id}）",
    ),
    "appraisal.tally.turnout": (
        "Turnout: {voted} of {voters} voted ({share}); {ballots} ballot(s).",
        "投票率：应投 {voters} 人，实投 {voted} 人（{share}）；选票 {ballots} 张。",
    ),
    "appraisal.tally.legend": (
        "Votes and share of the ballots per grade (Exc. excellent, Qual. qualified, Basic "
        "basically qualified, Unq. unqualified, Abst. abstained); Pts points of the year; "
        "Comb. points and ballots combined; Prop. proposed grade.",
        "各等次票数及占选票比例；积分为本年度积分；综合为积分与测评票折算结果；建议为建议等次。",
    ),
    "appraisal.tally.method": (
        "Proposed grade: points weigh {weight}, ballots {ballot}, placed by the points band cut-offs; "
        "the committee decides.",
        "建议等次：积分权重 {weight}，测评票权重 {ballot}，按积分档次分数线折算；由支部评定。",
    ),
    "appraisal.tally.excellent_warning": (
        "Warning: {share} of the graded members would be excellent, more than {limit}.",
        "提示：优秀比例为 {share}，超过 {limit}。",
    ),
    "appraisal.tally.reason": ("{member_no} {name}: {reason}", "{member_no} {name}：{reason}"),
    "appraisal.col.id": ("ID", "编号"),
    "appraisal.col.year": ("Year", "年度"),
    "appraisal.col.state": ("State", "状态"),
    "appraisal.col.turnout": ("Voted", "投票"),
    "appraisal.col.candidates": ("Candidates", "评议对象"),
    "appraisal.col.fingerprint": ("Fingerprint", "指纹"),
    "appraisal.col.member_no": ("No.", "编号"),
    "appraisal.col.name": ("Name", "姓名"),
    "appraisal.col.excellent": ("Exc.", "优秀"),
    "appraisal.col.qualified": ("Qual.", "合格"),
    "appraisal.col.basically_qualified": ("Basic", "基本合格"),
    "appraisal.col.unqualified": ("Unq.", "不合格"),
    "appraisal.col.abstain": ("Abst.", "弃权"),
    "appraisal.col.points": ("Pts", "积分"),
    "appraisal.col.combined": ("Comb.", "综合"),
    "appraisal.col.proposed": ("Prop.", "建议"),
    "appraisal.col.final": ("Final", "评定"),
    "appraisal.col.flags": ("Flags", "提示"),
}
