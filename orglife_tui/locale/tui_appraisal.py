"""Messages of the appraisal screens, the kiosk and paper-ballot entry: (English, Chinese).

Chinese uses full-width punctuation. The teller (计票人) runs the kiosk; the kiosk's own
texts say nothing of any ballot but the one on the screen.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reaching the screens
    "tui.appraisal.key.go": ("Appraisal", "评议"),
    "tui.appraisal.cmd.go": ("Go to democratic appraisal", "转到：民主评议党员"),
    "tui.appraisal.cmd.go.help": (
        "Appraisal sessions: start, kiosk, paper ballots, close, tally, grades",
        "民主评议：开始、投票机、纸质选票、结束投票、计票、评定等次",
    ),
    # --- the sessions
    "tui.appraisal.title": ("Democratic appraisal", "民主评议党员"),
    "tui.appraisal.list_heading": (
        "Appraisal sessions, newest first",
        "民主评议（按时间倒序）",
    ),
    "tui.appraisal.col.year": ("Year", "年度"),
    "tui.appraisal.col.state": ("State", "状态"),
    "tui.appraisal.col.voted": ("Voted", "已投票"),
    "tui.appraisal.col.candidates": ("Candidates", "参评"),
    "tui.appraisal.col.ballots": ("Ballots", "选票"),
    "tui.appraisal.col.fingerprint": ("Fingerprint", "指纹"),
    "tui.appraisal.key.new": ("New", "新建"),
    "tui.appraisal.key.open": ("Open", "查看"),
    "tui.appraisal.empty": (
        "No appraisal session yet.\nPress n to create one for a year; the roster is taken "
        "when it starts.",
        "还没有民主评议。\n按 n 新建某一年度的评议；开始投票时从党员名册生成名单。",
    ),
    "tui.appraisal.nothing_selected": ("No session selected.", "未选中评议。"),
    "tui.appraisal.new_title": ("New appraisal session", "新建民主评议"),
    "tui.appraisal.new_prompt": ("Year of the appraisal:", "评议年度："),
    "tui.appraisal.bad_year": ("“{value}” is not a year.", "“{value}”不是年份。"),
    "tui.appraisal.created": (
        "Appraisal of {year} created. Open it and press s to start the vote.",
        "已新建 {year} 年度民主评议。打开后按 s 开始投票。",
    ),
    "tui.appraisal.voted_of": ("{voted} of {voters}", "{voted} / {voters}"),
    "tui.appraisal.no_roster_short": ("—", "—"),
    "tui.appraisal.ask_keys": ("Enter: OK · Esc: cancel", "Enter 确定　Esc 取消"),
    "tui.appraisal.notice_keys": ("Enter or Esc: close", "Enter 或 Esc 关闭"),
    # --- one session
    "tui.appraisal.detail_title": ("Appraisal {year}", "{year}年度民主评议"),
    "tui.appraisal.session_year": ("Appraisal {year}", "{year}年度民主评议"),
    "tui.appraisal.turnout_label": ("voted: {turnout}", "已投票：{turnout}"),
    "tui.appraisal.sep": (" · ", "　"),
    "tui.appraisal.sealed": (
        "Sealed: {ballots} ballot(s) · fingerprint {fingerprint}",
        "已封存：{ballots} 张选票　指纹 {fingerprint}",
    ),
    "tui.appraisal.open_hint": (
        "The vote is open: k kiosk, p paper ballots, c close and seal.",
        "投票进行中：k 投票机，p 录入纸质选票，c 结束并封存。",
    ),
    "tui.appraisal.created_hint": (
        "Not started: s starts the vote (the teller PIN, then the teller's and the "
        "scrutineer's tally passwords).",
        "未开始：按 s 开始投票（需设置计票人 PIN 码，以及计票人、监票人各自的计票密码）。",
    ),
    "tui.appraisal.no_roster": (
        "The roster (candidates and voters) is taken from the member list when the vote starts.",
        "开始投票时，将从党员名册生成参评党员和投票人名单。",
    ),
    "tui.appraisal.col.no": ("No.", "编号"),
    "tui.appraisal.col.name": ("Name", "姓名"),
    "tui.appraisal.col.status": ("Status", "类别"),
    "tui.appraisal.col.candidate": ("Appraised", "参评"),
    "tui.appraisal.col.vote": ("Vote", "投票"),
    "tui.appraisal.graded": ("graded", "评定等次"),
    "tui.appraisal.ungraded": ("not graded", "不评等次"),
    "tui.appraisal.not_candidate": ("—", "—"),
    "tui.appraisal.no_vote": ("no vote", "无表决权"),
    "tui.appraisal.has_voted": ("voted ✓", "已投 ✓"),
    "tui.appraisal.not_yet": ("not yet", "未投"),
    "tui.appraisal.key.start": ("Start", "开始"),
    "tui.appraisal.key.kiosk": ("Kiosk", "投票机"),
    "tui.appraisal.key.paper": ("Paper", "纸质票"),
    "tui.appraisal.key.close": ("Close", "结束投票"),
    "tui.appraisal.key.tally": ("Tally", "计票"),
    "tui.appraisal.key.publish": ("Publish", "公布"),
    "tui.appraisal.key.reset": ("Reset", "重置"),
    "tui.appraisal.key.grade": ("Grade", "评定"),
    "tui.appraisal.start_title": ("Start the vote", "开始投票"),
    "tui.appraisal.pin_new": (
        "Choose the teller PIN (hidden, at least 6 digits). It activates each voter at the "
        "kiosk, ends it, and closes or resets the vote.",
        "设置计票人 PIN 码（不显示，至少 6 位数字）。投票机激活每位投票人、退出投票机、"
        "结束或重置投票时都需要它。",
    ),
    "tui.appraisal.pin_again": ("Type the teller PIN again:", "再次输入计票人 PIN 码："),
    "tui.appraisal.pin_mismatch": (
        "The two PINs differ; the vote was not started.",
        "两次输入的 PIN 码不一致，未开始投票。",
    ),
    "tui.appraisal.pin_enter": ("Teller PIN:", "计票人 PIN 码："),
    "tui.appraisal.password_new.teller": (
        "Teller (计票人): choose your tally password (hidden, at least 8 characters). "
        "Closing the vote needs it together with the scrutineer's.",
        "计票人：设置您的计票密码（不显示，至少 8 个字符）。结束投票时需要它和监票人的密码。",
    ),
    "tui.appraisal.password_again.teller": (
        "Teller: type your tally password again:",
        "计票人：再次输入计票密码：",
    ),
    "tui.appraisal.password_new.scrutineer": (
        "Scrutineer (监票人): choose your tally password (hidden, at least 8 characters, "
        "not the teller's).",
        "监票人：设置您的计票密码（不显示，至少 8 个字符，不能与计票人的相同）。",
    ),
    "tui.appraisal.password_again.scrutineer": (
        "Scrutineer: type your tally password again:",
        "监票人：再次输入计票密码：",
    ),
    "tui.appraisal.password_enter.teller": (
        "Teller's tally password:",
        "计票人的计票密码：",
    ),
    "tui.appraisal.password_enter.scrutineer": (
        "Scrutineer's tally password:",
        "监票人的计票密码：",
    ),
    "tui.appraisal.close_title": ("Close the vote", "结束投票"),
    "tui.appraisal.started": (
        "The vote is open: {voters} voter(s), {candidates} member(s) to rate.",
        "投票已开始：投票人 {voters} 名，参评党员 {candidates} 名。",
    ),
    "tui.appraisal.close_question": (
        "Close the vote and seal the ballots? {voted} of {voters} voted. No ballot can be "
        "added or changed afterwards.",
        "结束投票并封存选票？已投票 {voted} / {voters} 人。结束后不能再投票或改票。",
    ),
    "tui.appraisal.sealed_title": ("The ballots are sealed", "选票已封存"),
    "tui.appraisal.sealed_body": (
        "{ballots} ballot(s) counted.\nFingerprint (SHA-256) — write it in the minutes:\n"
        "{fingerprint}\n\nPress t for the tally.",
        "共 {ballots} 张选票。\n指纹（SHA-256），请记入会议记录：\n{fingerprint}\n\n按 t 查看计票结果。",
    ),
    "tui.appraisal.publish_question": (
        "Publish the grades? They are frozen afterwards.",
        "公布评定等次？公布后不能再修改。",
    ),
    "tui.appraisal.published": ("The grades are published.", "评定等次已公布。"),
    "tui.appraisal.reset_title": ("Reset the session", "重置评议"),
    "tui.appraisal.reset_question": (
        "Reset this session to “not started”? Every ballot, the voted list and the grades "
        "are deleted. The teller PIN is asked next.",
        "将本次评议重置为“未开始”？所有选票、投票名单和评定等次都将删除。接下来需输入计票人 PIN 码。",
    ),
    "tui.appraisal.reset_done": (
        "The session is reset: not started, no ballots.",
        "评议已重置：未开始，无选票。",
    ),
    # --- the tally
    "tui.appraisal.tally_title": ("Tally {year}", "{year}年度计票结果"),
    "tui.appraisal.ballots": ("{ballots} ballot(s)", "选票 {ballots} 张"),
    "tui.appraisal.fingerprint_short": ("fingerprint {fingerprint}", "指纹 {fingerprint}"),
    "tui.appraisal.col.excellent": ("Ex", "优"),
    "tui.appraisal.col.qualified": ("Q", "合"),
    "tui.appraisal.col.basic": ("BQ", "基"),
    "tui.appraisal.col.unqualified": ("UQ", "不"),
    "tui.appraisal.col.abstain": ("Ab", "弃"),
    "tui.appraisal.col.points": ("Points", "积分"),
    "tui.appraisal.col.proposed": ("Prop.", "建议等次"),
    "tui.appraisal.col.final": ("Final", "评定等次"),
    "tui.appraisal.col.flag": ("!", "!"),
    "tui.appraisal.grade_abbr.excellent": ("excel.", "优秀"),
    "tui.appraisal.grade_abbr.qualified": ("qual.", "合格"),
    "tui.appraisal.grade_abbr.basically_qualified": ("basic", "基本合格"),
    "tui.appraisal.grade_abbr.unqualified": ("unqual.", "不合格"),
    "tui.appraisal.excellent_warning": (
        "Warning: {count} of {graded} graded members would be excellent — more than the "
        "share allowed (generally one third).",
        "提醒：{graded} 名评定等次的党员中有 {count} 名为优秀，超过规定比例（一般不超过三分之一）。",
    ),
    "tui.appraisal.flag_note": (
        "! {count} member(s) with unqualified votes above the scheme's share.",
        "! 有 {count} 名党员的不合格票超过方案规定的比例。",
    ),
    "tui.appraisal.detail_counts": (
        "{name} ({no}): excellent {excellent} ({excellent_p}%) · qualified {qualified} "
        "({qualified_p}%) · basic {basic} ({basic_p}%) · unqualified {unqualified} "
        "({unqualified_p}%) · abstain {abstain} ({abstain_p}%)",
        "{name}（{no}）：优秀 {excellent}（{excellent_p}%）　合格 {qualified}（{qualified_p}%）　"
        "基本合格 {basic}（{basic_p}%）　不合格 {unqualified}（{unqualified_p}%）　"
        "弃权 {abstain}（{abstain_p}%）",
    ),
    "tui.appraisal.combined": ("combined score {score}", "综合得分 {score}"),
    "tui.appraisal.vetoed": ("veto item in the points", "积分有一票否决项"),
    "tui.appraisal.proposal_final": (
        "proposal {proposed} → final {final}",
        "建议 {proposed} → 评定 {final}",
    ),
    "tui.appraisal.no_final": ("not yet set", "未评定"),
    "tui.appraisal.reason": ("reason: {reason}", "理由：{reason}"),
    "tui.appraisal.grade_title": ("Grade of {name} ({no})", "评定等次：{name}（{no}）"),
    "tui.appraisal.grade_what": (
        "Proposed from the ballots and the points: {proposed} (points {points}). A grade that "
        "departs from the proposal needs a reason.",
        "依据测评票和积分的建议等次：{proposed}（积分 {points}）。评定等次与建议不同时须说明理由。",
    ),
    "tui.appraisal.field.grade": ("Final grade", "评定等次"),
    "tui.appraisal.field.reason": ("Reason", "理由"),
    "tui.appraisal.reason_hint": (
        "why the committee departs from the proposal",
        "支部委员会调整建议等次的理由",
    ),
    "tui.appraisal.grade_saved": ("Grade of {name} recorded.", "已记录{name}的评定等次。"),
    # --- help (F1)
    "tui.appraisal.help_list": (
        "The branch's democratic appraisals (民主评议党员), one per year. A session is "
        "created, started (the roster is taken and the teller PIN set), the members vote at "
        "the kiosk or on paper, the vote is closed and sealed, the committee sets the grades "
        "from the tally and publishes them. n creates a session; Enter opens it.",
        "本支部的民主评议党员，每年一次。评议依次为：新建、开始（生成名单并设置计票人 PIN 码）、"
        "党员在投票机或纸质选票上投票、结束并封存、支部委员会依据计票结果评定等次并公布。"
        "按 n 新建，按 Enter 打开。",
    ),
    "tui.appraisal.help_detail": (
        "One session: its roster (who is appraised, who votes and who has voted) and its "
        "state. While the vote is open only “k of n voted” is shown, never a count of "
        "grades. Not started: s starts. Open: k opens the locked kiosk (the teller PIN ends "
        "it), p enters paper ballots, c closes and seals (prints the fingerprint). Closed: t "
        "shows the tally and the grades, u publishes (asking the notice window). r resets "
        "before publishing. Published: b the notice window and its objections. At any "
        "time m lists the self-assessments and peer comments (before the vote opens, as the "
        "procedure expects).",
        "一次评议：名单（参评党员、投票人及是否已投票）和状态。投票期间只显示“已投票 k / n”，"
        "不显示任何计票。未开始：按 s 开始。投票中：k 打开锁定的投票机（凭计票人 PIN 码退出），"
        "p 录入纸质选票，c 结束并封存（显示指纹）。已结束：t 查看计票和评定等次，u 公布"
        "（须填写公示期）。公布前可按 r 重置。已公布：按 b 查看公示期和异议。"
        "任何时候按 m 查看和登记个人自评和党员互评意见（按程序应在投票前完成）。",
    ),
    "tui.appraisal.help_tally": (
        "Per member: the ballots by grade (excellent, qualified, basically qualified, "
        "unqualified, abstain), the points of the year, the grade proposed from both by the "
        "scheme, and the committee's final grade (yellow where it departs from the "
        "proposal). The line below shows the shares. g or Enter records a grade; a grade "
        "that departs from the proposal needs a reason; a grades every member still waiting as "
        "proposed at once (after a question), leaving those without a proposal or flagged "
        "with ! to grade one by one. ! marks unqualified votes above the "
        "scheme's share; a warning shows when more than one third would be excellent.",
        "每名党员：各等次票数（优秀、合格、基本合格、不合格、弃权）、本年度积分、按方案综合得出的"
        "建议等次，以及支部委员会的评定等次（与建议不同时显示为黄色）。下方一行显示各等次比例。"
        "按 g 或 Enter 评定等次；与建议不同须说明理由。按 a 经确认后一次按建议等次评定所有待评定党员，"
        "无建议等次或标有 ! 的须逐一评定。! 表示不合格票超过方案比例；"
        "优秀超过三分之一时显示提醒。",
    ),
    "tui.appraisal.help_grade": (
        "The committee's grade for this member. The proposal comes from the ballots and the "
        "points; a different grade needs a reason, which is kept with the grade.",
        "支部委员会为该党员评定的等次。建议等次来自测评票和积分；评定等次与建议不同时须填写理由，"
        "理由与等次一并保存。",
    ),
    "tui.appraisal.help_ask": (
        "Type the answer and press Enter; Esc cancels. A PIN is never shown.",
        "输入后按 Enter；Esc 取消。密码不会显示。",
    ),
    "tui.appraisal.help_notice": (
        "The result of the seal: write the fingerprint in the minutes; verifying the "
        "database recomputes it.",
        "封存结果：请将指纹记入会议记录；校验数据库时会重新计算核对。",
    ),
    # --- the kiosk
    "tui.kiosk.session": (
        "Democratic appraisal {year} · secret ballot",
        "{year}年度民主评议党员　无记名测评",
    ),
    "tui.kiosk.turnout": ("{voted} of {voters} voted", "已投票 {voted} / {voters} 人"),
    "tui.kiosk.all_voted": (
        "All {voters} have voted",
        "{voters} 人已全部投票",
    ),
    "tui.kiosk.closed": ("The vote is not open.", "当前不在投票时间。"),
    "tui.kiosk.teller_keys": (
        "Teller: Enter activates the next voter · e ends the kiosk (PIN)",
        "计票人：Enter 激活下一位投票人　e 退出投票机（需密码）",
    ),
    "tui.kiosk.pick_title": (
        "Teller: choose the member at the terminal (not yet voted)",
        "计票人：选择即将投票的党员（尚未投票）",
    ),
    "tui.kiosk.pick_keys": (
        "↑↓ choose · type a member number · Enter: PIN · Esc: back",
        "↑↓ 选择　输入编号定位　Enter 输入密码　Esc 返回",
    ),
    "tui.kiosk.nobody_left": (
        "Every voter has voted. End the kiosk (e) and close the vote.",
        "所有投票人均已投票。请退出投票机（e）并结束投票。",
    ),
    "tui.kiosk.pin_activate": (
        "Teller PIN to let {name} ({no}) vote",
        "输入计票人 PIN 码，为{name}（{no}）激活投票",
    ),
    "tui.kiosk.pin_leave": ("Teller PIN to end the kiosk", "输入计票人 PIN 码以退出投票机"),
    "tui.kiosk.pin_prompt": ("PIN: ", "密码："),
    "tui.kiosk.pin_keys": ("Enter: confirm · Esc: back", "Enter 确认　Esc 返回"),
    "tui.kiosk.hand_over": (
        "Please hand the terminal to {name}.",
        "请将终端交给{name}。",
    ),
    "tui.kiosk.begin": (
        "{name}, press Enter to begin your secret ballot.",
        "{name}，请按 Enter 开始无记名投票。",
    ),
    "tui.kiosk.handover_keys": (
        "Enter: begin · Esc: teller cancels",
        "Enter 开始　Esc 计票人取消",
    ),
    "tui.kiosk.ballot_title": (
        "Your secret ballot: rate every member",
        "无记名测评票：请为每名党员评定",
    ),
    "tui.kiosk.legend": (
        "1 {excellent}  2 {qualified}  3 {basic}  4 {unqualified}  0/space {abstain}",
        "1 {excellent}　2 {qualified}　3 {basic}　4 {unqualified}　0/空格 {abstain}",
    ),
    "tui.kiosk.col.no": ("No.", "编号"),
    "tui.kiosk.col.name": ("Name", "姓名"),
    "tui.kiosk.col.note": ("Note", "备注"),
    "tui.kiosk.col.choice": ("Your choice", "您的评定"),
    "tui.kiosk.abstain": ("abstain", "弃权"),
    "tui.kiosk.not_rated": ("—", "—"),
    "tui.kiosk.probationary": ("prob.", "预备"),
    "tui.kiosk.rated": (
        "Rated {rated} of {total} (a blank counts as abstain)",
        "已评 {rated} / {total}（未评的计为弃权）",
    ),
    "tui.kiosk.page": ("page {page}/{pages}", "第 {page}/{pages} 页"),
    "tui.kiosk.sep": (" · ", "　"),
    "tui.kiosk.ballot_keys": (
        "↑↓ move · PgUp/PgDn page · Enter: review your ballot",
        "↑↓ 移动　PgUp/PgDn 翻页　Enter 核对选票",
    ),
    "tui.kiosk.review_title": (
        "Check your ballot. y casts it; b changes it.",
        "请核对您的选票。按 y 投出，按 b 返回修改。",
    ),
    "tui.kiosk.review_counts": (
        "excellent {excellent} · qualified {qualified} · basic {basic} · unqualified "
        "{unqualified} · abstain {abstain}",
        "优秀 {excellent}　合格 {qualified}　基本合格 {basic}　不合格 {unqualified}　弃权 {abstain}",
    ),
    "tui.kiosk.review_keys": (
        "y: cast the ballot · b: change · ↑↓ PgUp/PgDn scroll",
        "y 投出选票　b 返回修改　↑↓ PgUp/PgDn 滚动",
    ),
    "tui.kiosk.idle_warning": (
        "Are you still there? Press any key to go on; without a key the ballot is dropped "
        "and nothing is stored.",
        "您还在吗？请按任意键继续；长时间无操作，本张选票将作废，不保存任何内容。",
    ),
    "tui.kiosk.abandoned": (
        "The pending ballot was dropped after a long pause; nothing was stored.",
        "因长时间无操作，未完成的选票已作废，未保存任何内容。",
    ),
    "tui.kiosk.failed": (
        "Something went wrong; nothing of the ballot was kept. Please call the teller.",
        "出现错误，本张选票未保存任何内容。请联系计票人。",
    ),
    "tui.kiosk.not_stored": ("The ballot was not stored: {error}", "选票未保存：{error}"),
    "tui.kiosk.stored": ("Your ballot is stored. Thank you.", "您的选票已保存，谢谢。"),
    "tui.kiosk.receipt": ("Receipt code: {code}", "回执码：{code}"),
    "tui.kiosk.receipt_note": (
        "The code says nothing of your choices; it lets you check later that your ballot "
        "was counted.",
        "回执码不包含您的选择，仅供日后核对您的选票已被计入。",
    ),
    "tui.kiosk.receipt_keys": (
        "Any key: done (this screen clears itself)",
        "按任意键结束（本画面会自动清除）",
    ),
    "tui.kiosk.cli.help": (
        "Run the locked ballot station (kiosk) of appraisal session ID; the teller PIN ends it.",
        "运行第 ID 号民主评议的锁定投票机；凭计票人 PIN 码退出。",
    ),
    "tui.kiosk.cli.arg": (
        "The session's number (see `appraisal list`).",
        "评议编号（见 `appraisal list`）。",
    ),
    "tui.kiosk.cli.not_open": (
        "Session {id} is {state}: the kiosk runs only while the vote is open "
        "(`orglife-tui appraisal start {id}`).",
        "第 {id} 号评议{state}：只有投票进行中才能运行投票机（`orglife-tui appraisal start {id}`）。",
    ),
    # --- paper ballots
    "tui.paper.title": ("Paper ballots {year}", "{year}年度纸质选票录入"),
    "tui.paper.counts": (
        "Paper ballots entered here: {entered} · voted (marked): {voted} of {voters}",
        "本次已录入纸质选票 {entered} 张　已投票（已登记）：{voted} / {voters} 人",
    ),
    "tui.paper.col.choice": ("On the paper", "选票上的评定"),
    "tui.paper.key.review": ("Check & store", "核对保存"),
    "tui.paper.key.mark": ("Mark voters", "登记投票人"),
    "tui.paper.key.clear": ("Blank", "清空"),
    "tui.paper.key.store": ("Store", "保存"),
    "tui.paper.key.change": ("Change", "修改"),
    "tui.paper.review_title": (
        "Check the ballot against the paper. y stores it; n goes back.",
        "请与纸质选票核对。按 y 保存，按 n 返回修改。",
    ),
    "tui.paper.review_keys": (
        "y: store · n/Esc: change · ↑↓ scroll",
        "y 保存　n/Esc 修改　↑↓ 滚动",
    ),
    "tui.paper.stored": (
        "Paper ballot stored ({entered} entered here). A blank ballot follows.",
        "纸质选票已保存（本次共录入 {entered} 张）。请录入下一张。",
    ),
    "tui.paper.clear_question": (
        "Blank this ballot? What was typed is dropped.",
        "清空本张选票？已录入的内容将丢弃。",
    ),
    "tui.paper.leave_question": (
        "Leave? The ballot being typed is dropped (nothing stored).",
        "离开？正在录入的选票将丢弃（不保存）。",
    ),
    "tui.paper.mark_title": (
        "Members who handed in a paper ballot",
        "登记已交纸质选票的党员",
    ),
    "tui.paper.mark_what": (
        "Tick each member who handed in a paper ballot (space ticks; Ctrl+S saves). They "
        "are marked as voted; no ballot is linked to them.",
        "勾选已交纸质选票的党员（空格勾选，Ctrl+S 保存）。他们将被登记为已投票，选票不与任何人关联。",
    ),
    "tui.paper.field.voters": ("Handed in", "已交选票"),
    "tui.paper.marked": ("{count} member(s) marked as voted.", "已登记 {count} 名党员为已投票。"),
    "tui.paper.nobody_left": ("Every voter is marked as voted.", "所有投票人均已登记为已投票。"),
    "tui.paper.help": (
        "Type the paper ballots one by one: rate every member with 1–4 (0 or space "
        "abstains; blank is an abstention too), then Enter to check the whole ballot and y "
        "to store it. The ballots are stored without a name. m marks the members who handed "
        "in a paper ballot; at close the ballots must equal the members marked as voted. "
        "Only the count of ballots entered is shown, never a tally.",
        "逐张录入纸质选票：用 1–4 为每名党员评定（0 或空格为弃权，空白也视为弃权），按 Enter "
        "核对整张选票，按 y 保存。选票不记名保存。按 m 登记已交纸质选票的党员；结束投票时，"
        "选票数须与已投票人数一致。只显示已录入张数，不显示计票。",
    ),
    "tui.paper.help_review": (
        "The ballot as typed, to compare with the paper: y stores it, n goes back to change it.",
        "录入的选票，请与纸质选票核对：y 保存，n 返回修改。",
    ),
    "tui.paper.help_mark": (
        "Tick the members who handed in a paper ballot; they count as voted.",
        "勾选已交纸质选票的党员，他们将计为已投票。",
    ),
}
