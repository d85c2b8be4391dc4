"""Messages of the scoring scheme (checking, summaries) and the scheme commands: (English, Chinese).

Chinese text uses full-width punctuation. ``scoring.scheme.summary_lines`` reads this
table directly for a given language, so every key here needs both halves.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- where a problem is
    "scheme.at_path": ("{path}: {message}", "{path}：{message}"),
    # --- reading the file
    "scheme.problem.syntax": ("TOML syntax error: {detail}", "TOML 语法错误：{detail}"),
    "scheme.problem.too_deep": (
        "TOML syntax error: values nested too deeply",
        "TOML 语法错误：值嵌套层数过多",
    ),
    "scheme.problem.not_utf8": (
        "the file is not UTF-8 text (save it as UTF-8)",
        "文件不是 UTF-8 文本（请以 UTF-8 编码保存）",
    ),
    "scheme.problem.unreadable": ("cannot read the file: {reason}", "无法读取文件：{reason}"),
    # --- structure
    "scheme.problem.unknown_key": (
        'unknown key "{key}"; allowed here: {allowed}',
        "未知的键“{key}”；此处允许的键：{allowed}",
    ),
    "scheme.problem.missing_key": ('required key "{key}" is missing', "缺少必填的键“{key}”"),
    "scheme.problem.missing_table": ("required table {key} is missing", "缺少必填的表 {key}"),
    "scheme.problem.type": ("expected {expected}, found {found}", "应为{expected}，实为{found}"),
    "scheme.type.number": ("a number", "数字"),
    "scheme.type.text": ("text in quotes", "带引号的文本"),
    "scheme.type.list": ("a list [...]", "列表 [...]"),
    "scheme.type.table": ("a table", "表"),
    "scheme.type.items": ("[[items]] tables", "[[items]] 表"),
    "scheme.type.bool": ("true/false", "true/false"),
    "scheme.type.datetime": ("a date or time", "日期或时间"),
    "scheme.problem.not_finite": ("{value} is not a usable number", "{value} 不是可用的数字"),
    "scheme.problem.too_large": (
        "{value} lies outside -{limit} … {limit}",
        "{value} 超出 -{limit} 至 {limit} 的范围",
    ),
    "scheme.problem.empty": ("must not be empty", "不能为空"),
    "scheme.problem.control_chars": (
        "holds control or text-direction characters ({chars}); write it as plain text",
        "含有控制字符或文字方向控制字符（{chars}），请写成普通文字",
    ),
    "scheme.problem.too_long": (
        "longer than {limit} characters",
        "超过 {limit} 个字符",
    ),
    "scheme.problem.choice": (
        'unknown value "{value}"; use one of: {allowed}',
        "无法识别的值“{value}”；可用的值：{allowed}",
    ),
    "scheme.problem.unknown_status": (
        'unknown member status "{value}"; use one of: {allowed}',
        "无法识别的党员类别“{value}”；可用的值：{allowed}",
    ),
    "scheme.problem.unknown_meeting_type": (
        'unknown meeting type "{value}"; use one of: {allowed}',
        "无法识别的会议类型“{value}”；可用的值：{allowed}",
    ),
    "scheme.problem.unknown_attendance": (
        'unknown attendance status "{value}"; use one of: {allowed}',
        "无法识别的出勤情况“{value}”；可用的值：{allowed}",
    ),
    "scheme.problem.listed_twice": ('"{value}" is listed twice', "“{value}”重复列出"),
    # --- points
    "scheme.problem.floor_ceiling": (
        "floor {floor} must be below ceiling {ceiling}",
        "下限 {floor} 必须低于上限 {ceiling}",
    ),
    "scheme.problem.base_range": (
        "base {base} must lie between floor {floor} and ceiling {ceiling}",
        "基础分 {base} 必须在下限 {floor} 与上限 {ceiling} 之间",
    ),
    # --- statuses and grades
    "scheme.problem.graded_not_scored": (
        "{status} is given a points band but not scored (add it to statuses.scored)",
        "“{status}”评定积分档次却不参加积分（请加入 statuses.scored）",
    ),
    "scheme.problem.no_cutoffs": (
        "{status} is given a points band but has no band cut-offs: add [grades.{key}]",
        "“{status}”评定积分档次却没有积分档次分数线：请添加 [grades.{key}]",
    ),
    "scheme.problem.cutoffs_not_scored": (
        "band cut-offs for {status}, who is not scored",
        "为不参加积分的“{status}”设置了积分档次分数线",
    ),
    "scheme.problem.cutoff_order": (
        "band cut-offs must descend strictly: excellent {excellent} > qualified {qualified} "
        "> basically_qualified {basically_qualified}",
        "积分档次分数线须严格递减：优秀 {excellent} > 合格 {qualified} > 基本合格 {basically_qualified}",
    ),
    "scheme.problem.cutoff_range": (
        "cut-off {value} lies outside floor {floor} … ceiling {ceiling}",
        "分数线 {value} 超出下限 {floor} 至上限 {ceiling} 的范围",
    ),
    # --- appraisal
    "scheme.problem.weight_range": (
        "{value} must lie between 0 and 1",
        "{value} 必须在 0 与 1 之间",
    ),
    "scheme.problem.ceiling_not_positive": (
        'normalization "ceiling" divides by the ceiling, which is {ceiling}; '
        'use "range" or a positive ceiling',
        "“ceiling”归一化以上限为除数，而上限为 {ceiling}；请改用“range”或正数上限",
    ),
    "scheme.appraisal.share_range": (
        "{value} must be above 0 and at most 1",
        "{value} 必须大于 0 且不大于 1",
    ),
    "scheme.appraisal.ballot_values_order": (
        "a vote for a better grade cannot be worth less: excellent {excellent} ≥ qualified "
        "{qualified} ≥ basically_qualified {basically_qualified} ≥ unqualified {unqualified}",
        "较高等次的票值不能低于较低等次：优秀 {excellent} ≥ 合格 {qualified} ≥ "
        "基本合格 {basically_qualified} ≥ 不合格 {unqualified}",
    ),
    # --- items
    "scheme.problem.no_items": ("the scheme has no items", "方案中没有积分项目"),
    "scheme.problem.bad_code": (
        'item code "{code}" must start with a lowercase letter a-z and use only a-z, 0-9 '
        "and _ (at most 50 characters)",
        "项目代码“{code}”须以小写字母 a-z 开头，只含 a-z、0-9 和 _（至多 50 个字符）",
    ),
    "scheme.problem.duplicate_code": (
        'item code "{code}" is already used by items[{first}]',
        "项目代码“{code}”已被 items[{first}] 使用",
    ),
    "scheme.problem.points_positive": (
        "a {category} item needs positive points (found {value})",
        "“{category}”类项目的分值须为正数（实为 {value}）",
    ),
    "scheme.problem.points_negative": (
        "a deduction needs negative points (found {value})",
        "扣分项目的分值须为负数（实为 {value}）",
    ),
    "scheme.problem.points_veto": (
        "a veto item takes 0 or negative points (found {value})",
        "一票否决项目的分值须为 0 或负数（实为 {value}）",
    ),
    "scheme.problem.negative_cap": (
        "the cap must not be negative (found {value})",
        "年度上限不能为负数（实为 {value}）",
    ),
    "scheme.problem.hour_derived": (
        "an hour-based item needs the hours entered by hand; attendance gives occurrences, "
        'not hours (use unit = "occurrence" or remove derive)',
        "按小时计分的项目须手工录入时长；出勤记录只有次数，没有时长"
        '（请改为 unit = "occurrence" 或删除 derive）',
    ),
    "scheme.problem.stored_invalid": (
        "the branch's active scheme (version {version}) no longer passes the check: {problems}",
        "本支部在用的积分方案（版本 {version}）已无法通过检查：{problems}",
    ),
    "scheme.version_not_found": (
        "The branch has no scheme version #{id}.",
        "本支部没有第 {id} 号积分方案版本。",
    ),
    # --- labels (summaries, screens)
    "scheme.category.duty": ("duty", "基本职责"),
    "scheme.category.bonus": ("bonus", "加分"),
    "scheme.category.deduction": ("deduction", "扣分"),
    "scheme.category.veto": ("veto", "一票否决"),
    "scheme.unit.occurrence": ("each", "每次"),
    "scheme.unit.hour": ("per hour", "每小时"),
    "scheme.period.calendar_year": ("calendar year", "自然年度"),
    "scheme.normalization.ceiling": ("total ÷ ceiling", "总分 ÷ 上限"),
    "scheme.normalization.range": (
        "(total − floor) ÷ (ceiling − floor)",
        "（总分 − 下限）÷（上限 − 下限）",
    ),
    # --- summary (scheme check / show)
    "scheme.summary.title": (
        "Scheme {name}, version {version} ({period})",
        "积分方案“{name}”，版本 {version}（{period}）",
    ),
    "scheme.summary.points": (
        "Points: base {base}, floor {floor}, ceiling {ceiling}",
        "分值：基础分 {base}，下限 {floor}，上限 {ceiling}",
    ),
    "scheme.summary.statuses": (
        "Scored: {scored}; points band: {graded}",
        "参加积分：{scored}；评定积分档次：{graded}",
    ),
    "scheme.summary.none": ("none", "无"),
    "scheme.summary.cutoffs": (
        "Points band cut-offs (excellent / qualified / basically qualified; below: unqualified):",
        "积分档次分数线（优秀 / 合格 / 基本合格；低于此为不合格）：",
    ),
    "scheme.summary.not_graded": ("(no points band)", "（不评定积分档次）"),
    "scheme.summary.appraisal": (
        "Appraisal input: {normalization}, weight {weight} (ballot {ballot})",
        "民主评议折算：{normalization}，积分权重 {weight}（测评票 {ballot}）",
    ),
    "scheme.summary.ballot": (
        "  Ballot: voters {voters}; vote values {excellent} / {qualified} / "
        "{basically_qualified} / {unqualified} (excellent … unqualified)",
        "  测评票：投票人 {voters}；票值 {excellent} / {qualified} / {basically_qualified} / "
        "{unqualified}（优秀 … 不合格）",
    ),
    "scheme.summary.ballot_flags": (
        "  Warn above {share} excellent; unqualified-vote flag: {flag}",
        "  优秀比例超过 {share} 时提示；不合格票提示：{flag}",
    ),
    "scheme.summary.flag_off": ("off", "关闭"),
    "scheme.summary.flag_above": ("above {share} of ballots", "超过选票的 {share} 时"),
    "scheme.summary.items": ("Items ({count}):", "积分项目（{count} 项）："),
    "scheme.summary.col.code": ("code", "代码"),
    "scheme.summary.col.name": ("name", "名称"),
    "scheme.summary.col.category": ("category", "类别"),
    "scheme.summary.col.points": ("points", "分值"),
    "scheme.summary.col.cap": ("cap/year", "年度上限"),
    "scheme.summary.no_cap": ("none", "不限"),
    "scheme.summary.derive": (
        "auto from attendance: {types} ({attendance})",
        "由出勤自动计分：{types}（{attendance}）",
    ),
    # --- [policy]: checking
    "scheme.policy.type.integer": ("a whole number", "整数"),
    "scheme.policy.not_whole": (
        "expected a whole number, found {value}",
        "应为整数，实为 {value}",
    ),
    "scheme.policy.range": (
        "{value} must lie between {low} and {high}",
        "{value} 必须在 {low} 与 {high} 之间",
    ),
    "scheme.policy.unknown_rule": (
        'unknown rule "{rule}"; known rules: {known}',
        "无法识别的规则“{rule}”；可用的规则：{known}",
    ),
    "scheme.policy.yearly_period": (
        "{rule} is always judged per year; remove period",
        "{rule} 固定按年度检查，不能设置 period；请删除此键",
    ),
    "scheme.policy.ladder_empty": (
        "the ladder needs at least one step",
        "处置阶梯至少要有一级",
    ),
    "scheme.policy.ladder_order": (
        "steps must go up in months: {months} is not more than {previous} of an earlier step",
        "各级须按月数从小到大排列：{months} 不大于前面一级的 {previous}",
    ),
    "scheme.policy.unknown_action": (
        'unknown action "{value}"; use one of: {allowed}',
        "无法识别的处置措施“{value}”；可用的值：{allowed}",
    ),
    "scheme.policy.unknown_severity": (
        'unknown severity "{value}"; use one of: {allowed}',
        "无法识别的严重程度“{value}”；可用的值：{allowed}",
    ),
    # --- [policy]: labels
    "scheme.policy.period.month": ("month", "月"),
    "scheme.policy.period.quarter": ("quarter", "季度"),
    "scheme.policy.period.year": ("year", "年"),
    "scheme.policy.action.reminder_talk": ("reminder talk", "谈话提醒"),
    "scheme.policy.action.warning_notice": ("warning notice", "警示告诫"),
    "scheme.policy.action.general_meeting_case": (
        "case for the general meeting",
        "提交支部党员大会处置",
    ),
    "scheme.policy.severity.warning": ("warning", "提醒"),
    "scheme.policy.severity.violation": ("violation", "违规"),
    # --- [policy]: summary (scheme check / show)
    "scheme.policy.summary.title": (
        "Compliance policy (rule: what is checked):",
        "组织生活合规规则（规则代码：检查内容）：",
    ),
    "scheme.policy.summary.life": (
        "Counts as organizational life: {types}",
        "算作参加组织生活的会议：{types}",
    ),
    "scheme.policy.summary.frequency": (
        "at least {times} a {period}",
        "每{period}至少 {times} 次",
    ),
    "scheme.policy.summary.frequency_group": (
        "at least {times} a {period} in each party group",
        "每个党小组每{period}至少 {times} 次",
    ),
    "scheme.policy.summary.step": (
        "{months} months → {action} ({severity})",
        "{months} 个月 → {action}（{severity}）",
    ),
    "scheme.policy.summary.talks": (
        "at least {times} talk(s) a year with each member, except those who joined in the "
        "year's last {grace} months",
        "每年与每名党员至少谈心谈话 {times} 次，当年最后 {grace} 个月入党的党员除外",
    ),
    "scheme.policy.summary.rectification": (
        "rectification items past their deadline and not done",
        "整改事项逾期未完成",
    ),
    "scheme.policy.summary.off": ("off", "不检查"),
    "scheme.policy.summary.publicity": (
        "Publicity window: {days} days",
        "公示期：{days} 天",
    ),
    # --- commands
    "scheme.cli.help": (
        "The points scheme: check a TOML file, put it in use, show the one in use.",
        "积分方案：检查 TOML 文件、启用方案、查看在用方案。",
    ),
    "scheme.cli.check.help": (
        "Check a scheme file and print a summary of its items and caps; exit 1 on any problem.",
        "检查积分方案文件并列出项目与年度上限；有问题时以状态 1 退出。",
    ),
    "scheme.cli.use.help": (
        "Check a scheme file and make it the branch's active scheme (every version is kept).",
        "检查积分方案文件并设为本支部在用方案（每个用过的版本均留存）。",
    ),
    "scheme.cli.show.help": (
        "Show the active scheme, its hash and when it was put in use.",
        "查看在用积分方案、其哈希值及启用时间。",
    ),
    "scheme.cli.arg.file": (
        "A scheme file in TOML (UTF-8); - reads standard input.",
        "TOML 格式的积分方案文件（UTF-8）；- 表示从标准输入读取。",
    ),
    "scheme.cli.opt.default": (
        "Print the bundled default scheme as TOML, to copy and edit.",
        "输出内置默认方案的 TOML 文本，供复制修改。",
    ),
    "scheme.cli.opt.versions": (
        "List every scheme version the branch has used, newest first.",
        "列出本支部用过的所有方案版本，最新的在前。",
    ),
    "scheme.cli.opt.source": (
        "Print the active scheme's TOML text.",
        "输出在用方案的 TOML 文本。",
    ),
    "scheme.cli.ok": ("{file}: no problems.", "{file}：未发现问题。"),
    "scheme.cli.refused": (
        "{file}: {count} problem(s); the scheme was not put in use.",
        "{file}：共 {count} 个问题；方案未启用。",
    ),
    "scheme.cli.check_failed": ("{file}: {count} problem(s).", "{file}：共 {count} 个问题。"),
    "scheme.cli.used": (
        "Scheme {name} version {version} is now in use (SHA-256 {sha256}).",
        "积分方案“{name}”版本 {version} 已启用（SHA-256 {sha256}）。",
    ),
    "scheme.cli.already": (
        "Scheme {name} version {version} is already in use (SHA-256 {sha256}).",
        "积分方案“{name}”版本 {version} 已在使用中（SHA-256 {sha256}）。",
    ),
    "scheme.cli.same_version": (
        "Note: version {version} of {name} was used before with different text "
        "(SHA-256 {sha256}); consider raising the version.",
        "提示：“{name}”的版本 {version} 曾以不同内容启用过（SHA-256 {sha256}），建议更新版本号。",
    ),
    "scheme.cli.synced": (
        "Attendance points brought up to date: {added} added, {reversed} reversed.",
        "已按出勤更新积分：新增 {added} 条，冲销 {reversed} 条。",
    ),
    "scheme.cli.active": (
        "Active scheme (version #{id}, put in use {at} by {operator}):",
        "在用积分方案（第 {id} 号版本，{at} 由 {operator} 启用）：",
    ),
    "scheme.cli.none_active": (
        "No scheme has been put in use yet; the bundled default applies and is stored on first use:",
        "尚未启用积分方案；将使用内置默认方案，并在首次使用时存档：",
    ),
    "scheme.cli.hash": ("SHA-256: {sha256}", "SHA-256：{sha256}"),
    "scheme.cli.no_versions": ("No scheme has been put in use yet.", "尚未启用过积分方案。"),
    "scheme.cli.col.id": ("#", "序号"),
    "scheme.cli.col.activated_at": ("put in use", "启用时间"),
    "scheme.cli.col.name": ("name", "名称"),
    "scheme.cli.col.version": ("version", "版本"),
    "scheme.cli.col.operator": ("by", "操作人"),
    "scheme.cli.col.sha256": ("SHA-256", "SHA-256"),
    "scheme.cli.active_mark": ("(active)", "（在用）"),
    "scheme.cli.exclusive": (
        "--default, --versions and --source cannot be combined.",
        "--default、--versions 与 --source 不能同时使用。",
    ),
}

# tomllib's own messages, for the Chinese interface (English keeps tomllib's text).
TOML_MESSAGES_ZH: dict[str, str] = {
    "Invalid value": "无效的值",
    "Invalid statement": "无效的语句",
    "Unclosed array": "数组未闭合",
    "Unclosed inline table": "内联表未闭合",
    "Unterminated string": "字符串未结束",
    "Cannot overwrite a value": "不能覆盖已有的值（键重复）",
    "Invalid initial character for a key part": "键的首字符无效",
    "Expected '=' after a key in a key/value pair": "键后面应为“=”",
    "Expected ']' at the end of a table declaration": "表声明末尾应为“]”",
    "Expected ']]' at the end of an array declaration": "数组表声明末尾应为“]]”",
    "Expected newline or end of document after a statement": "语句之后应换行或结束",
    "Invalid date or datetime": "无效的日期或时间",
    "Invalid hex value": "无效的十六进制值",
    "Unescaped '\\' in a string": "字符串中有未转义的“\\”",
    "Escaped character is not a Unicode scalar value": "转义字符不是有效的 Unicode 字符",
}
