"""Messages of the demo branch generator and the bulk loader: (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the bulk loader (orglife_tui.data.bulk)
    "bulk_branch_not_empty": (
        "The branch {branch} already holds {members} members and {meetings} meetings; nothing was loaded.",
        "党支部“{branch}”已有 {members} 名党员、{meetings} 次会议，未写入任何数据。",
    ),
    "bulk_meeting_no_missing": (
        "Every meeting of a bulk load needs a meeting number.",
        "批量写入的每次会议都须有会议编号。",
    ),
    "bulk_bad_status": (
        "Unknown attendance status {status!r} (present/leave/absent).",
        "未知出勤情况“{status}”（应为 present/leave/absent）。",
    ),
    # --- orglife-tui demo
    "cli.demo.help": (
        "Create a realistic demo branch: members, party groups, a committee, meetings with "
        "attendance, a few members on leave and one drifting into a long absence, heart-to-heart "
        "talks, the annual plan and the rectification list, with a few documented compliance "
        "findings built in. With a large --members it is the benchmark generator. Runs only on "
        "a branch without members.",
        "创建一个逼真的示范党支部：党员、党小组、支部委员会、会议及出勤记录，含几名请假党员和一名"
        "长期无故缺席的党员，以及谈心谈话记录、年度计划和整改清单，并预设了几条合规检查问题。"
        "--members 取大值时可作性能测试数据。只写入尚无党员的党支部。",
    ),
    "cli.demo.short": ("Create a realistic demo branch.", "创建一个示范党支部（演示数据）。"),
    "cli.demo.opt.members": ("Number of members (at least 3).", "党员人数（至少 3 人）。"),
    "cli.demo.opt.years": (
        "Calendar years of meetings, ending in the current year (1 to 10).",
        "会议记录的年数，截至本年度（1 至 10）。",
    ),
    "cli.demo.opt.seed": (
        "Random seed: the same seed gives the same branch.",
        "随机种子：种子相同，生成的党支部相同。",
    ),
    "demo.progress": ("Writing the demo branch", "正在写入示范党支部"),
    "demo.not_empty": (
        "The branch {branch} already holds {members} members and {meetings} meetings; the demo "
        "added nothing. For a fresh demo use a new database file: --db demo2.db",
        "党支部“{branch}”已有 {members} 名党员、{meetings} 次会议，示范数据未作任何添加。"
        "如需新的示范数据，请使用新的数据库文件：--db demo2.db",
    ),
    "demo.done": (
        "Demo branch {branch}: {members} members in {groups} party groups, {meetings} meetings "
        "from {first} to {last}, {attendance} attendance records ({seconds} s).",
        "示范数据已写入党支部“{branch}”：{members} 名党员，{groups} 个党小组，{meetings} 次会议"
        "（{first} 至 {last}），{attendance} 条出勤记录（用时 {seconds} 秒）。",
    ),
    "demo.records": (
        "Heart-to-heart talks: {talks}; annual plan items: {plan}; rectification items: "
        "{rectification}.",
        "谈心谈话记录 {talks} 条，年度计划 {plan} 项，整改事项 {rectification} 项。",
    ),
    "demo.planted": (
        "Built with {count} compliance findings for {year} (`orglife-tui check` lists them: "
        "meetings not held, the drifting member, an overdue rectification item).",
        "示范数据预设了 {year} 年度的 {count} 条合规检查问题（用 orglife-tui check 查看：未召开的"
        "会议、长期缺席的党员、逾期未完成的整改事项）。",
    ),
    "demo.drifter": (
        "{name} (member {member_no}) has missed every meeting since {since} without leave.",
        "{name}（编号 {member_no}）自 {since} 起每次会议均无故缺席。",
    ),
}
