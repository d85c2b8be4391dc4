"""Messages of the config file and the language (issue 12 §2): ``orglife-tui config``, the
file's problems, the root help. (English, Chinese); Chinese uses full-width punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- orglife-tui config
    "config.cli.help": (
        "The config file: the language, database and branch used when no option or "
        "environment variable names them.",
        "配置文件：未用选项或环境变量指定时所用的界面语言、数据库和党支部。",
    ),
    "config.cli.get.help": (
        "Print a setting of the config file, or every setting without KEY.",
        "显示配置文件中的一项设置；不指定 KEY 时显示全部设置。",
    ),
    "config.cli.set.help": (
        "Set a setting: lang (zh or en), db (a SQLite file or a database URL) or branch.",
        "修改一项设置：lang（zh 或 en）、db（SQLite 文件或数据库地址）或 branch（党支部名称）。",
    ),
    "config.cli.unset.help": (
        "Remove a setting from the config file (its default applies again).",
        "从配置文件中删除一项设置（恢复默认值）。",
    ),
    "config.cli.path.help": ("Print where the config file is.", "显示配置文件的位置。"),
    "config.cli.key": ("lang, db or branch.", "lang、db 或 branch。"),
    "config.cli.value": ("The new value.", "新的值。"),
    "config.set": ("{name} = {value} (saved in {path})", "{name} = {value}（已保存到 {path}）"),
    "config.unset": ("{name} removed from {path}", "已从 {path} 删除 {name}"),
    "config.unset_absent": ("{name} was not set.", "{name} 本未设置。"),
    "config.not_set": ("{name} is not set.", "{name} 未设置。"),
    "config.empty": ("Nothing is set in {path}.", "{path} 中没有任何设置。"),
    # --- what is wrong with a value or the file
    "config.error.unknown_key": (
        "unknown setting {name}; the settings are {known}",
        "没有名为 {name} 的设置；可用的设置为 {known}",
    ),
    "config.error.empty": ("{name} cannot be empty", "{name} 不能为空"),
    "config.error.control": (
        "{name} holds control characters",
        "{name} 含有控制字符",
    ),
    "config.error.bad_lang": (
        "unsupported language {value}; use zh or en",
        "不支持的语言 {value}；请用 zh 或 en",
    ),
    "config.error.bad_db": (
        "{value} is neither a database URL nor a file path",
        "{value} 既不是数据库地址，也不是文件路径",
    ),
    "config.error.not_text": (
        "{name} must be text in quotes",
        "{name} 必须是带引号的文本",
    ),
    "config.error.not_toml": ("not valid TOML: {reason}", "不是有效的 TOML：{reason}"),
    "config.error.not_utf8": ("not UTF-8 text", "不是 UTF-8 文本"),
    "config.error.unreadable": ("cannot be read: {reason}", "无法读取：{reason}"),
    "config.error.unwritable": ("cannot be written: {reason}", "无法写入：{reason}"),
    "config.broken": (
        "The config file {path} cannot be used: {problem}. Correct or remove it.",
        "配置文件 {path} 无法使用：{problem}。请修正或删除该文件。",
    ),
    "config.bad_value": ("Cannot set {name}: {problem}.", "无法设置 {name}：{problem}。"),
    "cli.where.config_file": ("Config file", "配置文件"),
    # --- exports in the interface language (export/sheet.py)
    "export.yes": ("yes", "是"),
    "export.no": ("no", "否"),
    "export.meta.key": ("Key (JSON)", "代码（JSON 中的键）"),
    "export.sheet.scores": ("Scores", "积分表"),
    "export.sheet.ledger": ("Ledger", "积分台账"),
    "export.sheet.dues": ("Dues", "党费台账"),
    "export.sheet.talks": ("Talks", "谈心谈话"),
    # --- the command line's own hint after a message both faces show (issue 12 §2: the TUI
    # never names a command)
    "cli.points_sync_hint": (
        "Bring the points up to date with `orglife-tui ledger sync`.",
        "可运行 `orglife-tui ledger sync` 同步积分。",
    ),
}
