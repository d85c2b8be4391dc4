"""Messages of storage, validation and the command line: (English, Chinese).

Chinese text uses full-width punctuation.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- opening the database
    "db_is_directory": (
        "{path} is a directory, not a database file.",
        "{path} 是一个目录，不是数据库文件。",
    ),
    "db_cannot_create": (
        "Cannot create the database file {path}: {reason}.",
        "无法创建数据库文件 {path}：{reason}。",
    ),
    "db_bad_url": (
        "The database address {url} is not usable: {reason}.",
        "数据库地址 {url} 无法使用：{reason}。",
    ),
    "db_not_a_database": (
        "{url} is not an orglife-tui database (not a SQLite file).",
        "{url} 不是 orglife-tui 数据库（不是 SQLite 文件）。",
    ),
    "db_unreachable": (
        "Cannot open the database {url}: {reason}.",
        "无法打开数据库 {url}：{reason}。",
    ),
    "db_newer_schema": (
        "This database was written by a newer orglife-tui (schema {revision}); "
        "upgrade the program.",
        "此数据库由更新版本的 orglife-tui 写入（结构版本 {revision}），请升级程序。",
    ),
    # --- branches
    "branch_name_empty": ("A branch needs a name.", "党支部名称不能为空。"),
    "branch_exists": ("A branch named {name} already exists.", "已存在名为“{name}”的党支部。"),
    "branch_not_found": (
        "No branch named {name}. Branches here: {known}.",
        "没有名为“{name}”的党支部。现有党支部：{known}。",
    ),
    "branch_ambiguous": (
        "This database holds several branches ({known}); choose one with --branch "
        "or ORGLIFE_BRANCH.",
        "此数据库有多个党支部（{known}），请用 --branch 或 ORGLIFE_BRANCH 指定。",
    ),
    "branch_created": ("Created branch {name}.", "已创建党支部“{name}”。"),
    "branch_renamed": ("Renamed the branch to {name}.", "党支部已更名为“{name}”。"),
    # --- members / meetings / attendance refused
    "group_not_found": (
        "No party group named {group} in this branch.",
        "本支部没有名为“{group}”的党小组。",
    ),
    "member_not_found": ("No member with number {member_no}.", "没有编号为 {member_no} 的党员。"),
    "member_no_taken": (
        "Member number {member_no} is already in the branch.",
        "党员编号 {member_no} 在本支部已存在。",
    ),
    "member_no_duplicate": (
        "Member number {member_no} appears more than once.",
        "党员编号 {member_no} 重复出现。",
    ),
    "meeting_not_found": (
        "No meeting with number {meeting_no}.",
        "没有编号为 {meeting_no} 的会议。",
    ),
    "meeting_no_taken": (
        "Meeting number {meeting_no} is already used.",
        "会议编号 {meeting_no} 已被使用。",
    ),
    "meeting_no_duplicate": (
        "Meeting number {meeting_no} appears more than once.",
        "会议编号 {meeting_no} 重复出现。",
    ),
    "attendance_duplicate": (
        "Member {member_no} is marked twice for meeting {meeting_no}.",
        "党员 {member_no} 在会议 {meeting_no} 中被重复登记。",
    ),
    "attendance_target_missing": (
        "That meeting or member no longer exists.",
        "该会议或党员已不存在。",
    ),
    "leave_needs_reason": ("Leave needs a reason.", "请假须填写原因。"),
    "rows_refused": ("{count} rows refused.", "{count} 行被拒绝。"),
    # --- field validation
    "field_problem": ("{field}: {problem}", "{field}：{problem}"),
    "problem.required": ("required", "必填"),
    "problem.too_long": ("longer than {limit} characters", "超过 {limit} 个字符"),
    "problem.control_chars": (
        "holds control or text-direction characters ({chars}); type it as plain text",
        "含有控制字符或文字方向控制字符（{chars}），请输入普通文字",
    ),
    "text.control_chars": (
        "{field} holds control or text-direction characters ({chars}); type it as plain text",
        "{field}含有控制字符或文字方向控制字符（{chars}），请输入普通文字",
    ),
    "field.note": ("note", "备注"),
    "field.topic": ("topic", "主题"),
    "field.problem": ("problem", "问题"),
    "field.measure": ("measure", "整改措施"),
    "field.owner": ("owner", "责任人"),
    "field.branch": ("branch name", "支部名称"),
    "problem.bad_value": ("cannot read {value!r}", "无法识别“{value}”"),
    "problem.bad_date": (
        "cannot read {value!r} as a date (use YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日)",
        "无法识别日期“{value}”（应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYY年M月D日）",
    ),
    "problem.no_such_date": ("there is no date {value!r}", "日期“{value}”不存在"),
    "problem.bad_month": (
        "cannot read {value!r} as a month (use YYYY-MM)",
        "无法识别月份“{value}”（应为 YYYY-MM）",
    ),
    "problem.bad_phone": (
        "{value!r} is not a phone number (digits, spaces, hyphens, a leading +)",
        "“{value}”不是电话号码（只能含数字、空格、连字符和开头的 +）",
    ),
    "problem.unknown_gender": (
        "unknown gender {value!r} ({accepted})",
        "无法识别性别“{value}”（应为 {accepted}）",
    ),
    "problem.unknown_post": (
        "unknown post {value!r} ({accepted})",
        "无法识别职务“{value}”（应为 {accepted}）",
    ),
    "problem.unknown_status": (
        "unknown status {value!r} (full/probationary, 正式党员/预备党员)",
        "未知类别“{value}”（应为 正式党员/预备党员 或 full/probationary）",
    ),
    "problem.unknown_attendance": (
        "unknown attendance {value!r} (present/leave/absent, 出席/请假/缺席)",
        "未知出勤情况“{value}”（应为 出席/请假/缺席 或 present/leave/absent）",
    ),
    "problem.unknown_meeting_type": (
        "unknown meeting type in {value!r}",
        "会议类型“{value}”中有无法识别的类型",
    ),
    "problem.leave_needs_reason": ("leave needs a reason", "请假须填写原因"),
    "problem.date_in_future": ("a date lies in the future", "日期不能晚于今天"),
    "problem.joined_under_18": ("joined the Party before the age of 18", "入党时未满18周岁"),
    "problem.full_before_join": ("full-member date before the join date", "转正日期早于入党日期"),
    "problem.probationary_with_full_date": (
        "a probationary member has no full-member date",
        "预备党员不应有转正日期",
    ),
    "field.member_no": ("member number", "编号"),
    "field.name": ("name", "姓名"),
    "field.gender": ("gender", "性别"),
    "field.birth_date": ("birth date", "出生日期"),
    "field.join_date": ("join date", "入党日期"),
    "field.full_date": ("full-member date", "转正日期"),
    "field.status": ("status", "类别"),
    "field.group": ("party group", "党小组"),
    "field.post": ("post", "职务"),
    "field.phone": ("phone", "联系电话"),
    "field.dues_paid_until": ("dues paid until", "党费交至"),
    "field.meeting_no": ("meeting number", "会议编号"),
    "field.date": ("date", "日期"),
    "field.type": ("type", "类型"),
    "field.title": ("title", "主题"),
    "field.place": ("place", "地点"),
    "field.host": ("host", "主持人"),
    "field.recorder": ("recorder", "记录人"),
    "field.lecturer": ("lecturer", "授课人"),
    "field.minutes": ("minutes", "会议记录"),
    "field.reason": ("reason", "原因"),
    "field.attendance": ("attendance", "出勤"),
    "field.present": ("present", "出席"),
    "field.leave": ("leave", "请假"),
    "field.absent": ("absent", "缺席"),
    # --- command line
    "cli.help": (
        "Keeps a Party branch's organizational life: the roster and its history, meetings "
        "(三会一课, themed Party days) and attendance, the points ledger, heart-to-heart "
        "talks, the annual plan, rectification, dues and the yearly democratic appraisal "
        "with its secret ballot.\n\n"
        "Without a command it opens the terminal UI (F1 help, Ctrl+P every action, works "
        "at 80×24 over SSH). The commands below do the same jobs from a shell or a script: "
        "import and export files, checks, the ledger's verification, the year-end report.\n\n"
        "Settings: --db, --branch and --lang; else the variables ORGLIFE_DB and "
        "ORGLIFE_BRANCH; else the config file (see 'config path', 'config set lang en'); "
        "else the database in the data directory (see 'where') and Chinese, unless LANG "
        "names another language.",
        # Click wraps at spaces only, which Chinese has none of: "\b" keeps these lines.
        "\b\n"
        "党支部组织生活管理：党员名册及其变动、会议（三会一课、主题党日）\n"
        "与出勤、积分台账、谈心谈话、年度计划、整改清单、党费，\n"
        "以及每年的民主评议党员（含无记名投票）。\n\n"
        "\b\n"
        "不带命令运行时打开终端界面（F1 帮助，Ctrl+P 查找所有操作，\n"
        "可在 80×24 的 SSH 终端中使用）。下列命令在命令行或脚本中\n"
        "完成同样的工作：导入导出文件、合规检查、台账校验、年度报告。\n\n"
        "\b\n"
        "设置：--db、--branch、--lang 选项优先；其次是环境变量\n"
        "ORGLIFE_DB 与 ORGLIFE_BRANCH；再次是配置文件\n"
        "（见“config path”“config set lang zh”）；否则使用数据目录中的\n"
        "数据库（见“where”），界面为中文，除非 LANG 指定了其他语言。",
    ),
    "cli.opt.db": (
        "Database: a SQLite file path or a SQLAlchemy URL (else ORGLIFE_DB, else the config file).",
        "数据库：SQLite 文件路径或 SQLAlchemy 地址（其次取环境变量 ORGLIFE_DB，再次取配置文件）。",
    ),
    "cli.opt.branch": (
        "The branch to work on (else ORGLIFE_BRANCH, else the config file).",
        "要操作的党支部（其次取环境变量 ORGLIFE_BRANCH，再次取配置文件）。",
    ),
    "cli.opt.lang": (
        "Interface language: zh or en (else the config file; else Chinese unless LANG "
        "names another language).",
        "界面语言：zh 或 en（其次取配置文件；否则为中文，除非 LANG 指定了其他语言）。",
    ),
    "cli.opt.format": ("Output format: table, csv or json.", "输出格式：table、csv 或 json。"),
    "cli.bad_lang": (
        "Unknown language {lang!r}; use zh or en.",
        "未知语言“{lang}”，请用 zh 或 en。",
    ),
    "cli.bad_format": (
        "Unknown format {fmt!r}; use {allowed}.",
        "未知格式“{fmt}”，可用：{allowed}。",
    ),
    "cli.error": ("Error: {message}", "错误：{message}"),
    # --- no branch yet (commands/common.open_existing_branch)
    "cli.no_branch": (
        "This database has no branch yet; create one with `orglife-tui branch add NAME` "
        "or load the demo with `orglife-tui demo`. Nothing was written.",
        "此数据库尚无党支部；请先用 `orglife-tui branch add 名称` 创建，"
        "或用 `orglife-tui demo` 载入示范数据。未写入任何内容。",
    ),
    "cli.where.db": ("Database", "数据库"),
    "cli.where.config": ("Config directory", "配置目录"),
    "cli.where.data": ("Data directory", "数据目录"),
    "cli.where.help": (
        "Print where the database and the configuration live.",
        "显示数据库与配置文件的位置。",
    ),
    "cli.members.help": ("The branch roster.", "党员名册。"),
    "cli.members.list.help": ("List the branch's members.", "列出本支部党员。"),
    "cli.meetings.help": (
        "Meetings of the branch (三会一课, themed Party days …).",
        "支部会议（三会一课、主题党日等）。",
    ),
    "cli.meetings.list.help": ("List meetings, oldest first.", "按时间顺序列出会议。"),
    "cli.opt.year": ("Only this year.", "仅此年度。"),
    "cli.opt.month": ("Only this month (YYYY-MM).", "仅此月份（YYYY-MM）。"),
    "cli.opt.type": ("Only meetings of this type.", "仅此类型的会议。"),
    "cli.opt.search": (
        "Only members whose name, number or phone contains this.",
        "仅姓名、编号或电话包含此内容的党员。",
    ),
    "cli.branch.help": ("Branches in this database.", "本数据库中的党支部。"),
    "cli.branch.list.help": ("List the branches.", "列出党支部。"),
    "cli.branch.add.help": ("Add a branch.", "新增党支部。"),
    "cli.branch.rename.help": ("Rename the selected branch.", "为所选党支部更名。"),
    "cli.no_members": ("No members yet.", "尚无党员。"),
    "cli.no_meetings": ("No meetings recorded.", "尚无会议记录。"),
    "col.member_no": ("No.", "编号"),
    "col.name": ("Name", "姓名"),
    "col.gender": ("Gender", "性别"),
    "col.birth_date": ("Born", "出生日期"),
    "col.join_date": ("Joined", "入党日期"),
    "col.full_date": ("Full member", "转正日期"),
    "col.status": ("Status", "类别"),
    "col.group": ("Group", "党小组"),
    "col.post": ("Post", "职务"),
    "col.phone": ("Phone", "联系电话"),
    "col.dues_paid_until": ("Dues until", "党费交至"),
    "col.meeting_no": ("No.", "编号"),
    "col.date": ("Date", "日期"),
    "col.types": ("Type", "类型"),
    "col.title": ("Title", "主题"),
    "col.place": ("Place", "地点"),
    "col.host": ("Host", "主持人"),
    "col.present": ("Present", "出席"),
    "col.leave": ("Leave", "请假"),
    "col.absent": ("Absent", "缺席"),
    "col.branch": ("Branch", "党支部"),
    "crash": (
        "Unexpected error ({error}). Nothing more was written; details in {path}.",
        "意外错误（{error}）。未再写入任何内容；详情见 {path}。",
    ),
}
