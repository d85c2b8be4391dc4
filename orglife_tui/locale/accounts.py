"""Messages: accounts, roles and what the database lets a login do (``users.``, issue 13).

Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- refused
    "users.name_empty": ("An account needs a login name.", "账户须填写登录名。"),
    "users.name_bad": (
        "“{name}” is not a login name: letters, digits, _ . - only, starting with a letter"
        " or _, at most 63.",
        "“{name}”不是有效的登录名：只能用字母、数字、_ . -，以字母或 _ 开头，最多 63 个字符。",
    ),
    "users.cannot_create_role": (
        "The database has no login role {name} and yours may not create one: ask the"
        " database administrator to create it (createuser {name}), then try again.",
        "数据库中没有登录角色 {name}，你的角色无权创建：请数据库管理员先创建"
        "（createuser {name}），再重试。",
    ),
    "users.admin_only": (
        "Only an administrator may make an administrator.",
        "只有管理员才能设立管理员。",
    ),
    "users.not_secretary": (
        "Only the branch secretary (or an administrator) may manage the branch's users.",
        "只有本支部书记（或管理员）才能管理本支部的用户。",
    ),
    "users.observer_admin_only": (
        "Only an administrator may give the higher committee's read-only role.",
        "只有管理员才能授予“上级党委”只读角色。",
    ),
    "users.exists": ("The account {name} exists already.", "账户 {name} 已存在。"),
    "users.member_needed": (
        "The member role names the roster member the account is (member number).",
        "“党员”角色须指明该账户对应的花名册党员（党员编号）。",
    ),
    "users.already_granted": (
        "{name} already holds that role here.",
        "{name} 在本支部已有该角色。",
    ),
    "users.not_yourself": (
        "You cannot take your own secretary role away; another secretary or an administrator can.",
        "不能撤销自己的书记角色；可由其他书记或管理员撤销。",
    ),
    "users.no_such_grant": (
        "{name} holds no such role in this branch.",
        "{name} 在本支部没有该角色。",
    ),
    "users.bad_role": (
        "Unknown role “{value}”. Accepted: {accepted}.",
        "未知角色“{value}”。可用：{accepted}。",
    ),
    "users.no_branch": (
        "No branch of this database is open to your account {name}: ask your branch"
        " secretary or the administrator to give you a role.",
        "本数据库中没有你的账户 {name} 可以查看的支部：请支部书记或管理员为你授予角色。",
    ),
    "db.not_permitted": (
        "Your account may not do this here (the database refused it). Nothing was written.",
        "你的账户无权在此执行该操作（数据库已拒绝），未写入任何内容。",
    ),
    "db.upgrade_by_admin": (
        "The database {path} needs upgrading to this version of orglife-tui, which only its"
        " administrator (the database's owner) can do: ask them to run any orglife-tui"
        " command once.",
        "数据库 {path} 需要升级到本版 orglife-tui 的数据结构，只有其管理员（数据库所有者）"
        "才能升级：请管理员运行一次任意 orglife-tui 命令。",
    ),
    "db.migration_broke_links": (
        "Upgrading {path} to the new schema would leave records pointing at nothing; it was"
        " not upgraded and nothing changed. Keep a copy of the file and report this.",
        "升级 {path} 的数据结构会使部分记录失去关联，已停止升级，未作任何更改。"
        "请保留该文件副本并反馈此问题。",
    ),
    "users.no_role_here": (
        "Your account {name} has no role in {branch}: ask its secretary or the administrator.",
        "你的账户 {name} 在{branch}没有角色：请联系该支部书记或管理员。",
    ),
    "users.not_your_screen": (
        "That screen is not open to your role.",
        "你的角色不能使用该界面。",
    ),
    "tui.appraisal.empty_teller": (
        "No democratic appraisal yet: the branch secretary creates it; you run its poll.",
        "还没有民主评议：由支部书记新建，你负责组织投票。",
    ),
    # --- said
    "users.added": ("Account {name} added.", "已添加账户 {name}。"),
    "users.granted": ("{name} is now {role} here.", "已授予 {name}“{role}”角色。"),
    "users.revoked": ("{name} is no longer {role} here.", "已撤销 {name} 的“{role}”角色。"),
    "users.whoami": ("You are {name}: {roles}.", "你是 {name}：{roles}。"),
    "users.whoami.admin": (
        "You are {name}, an administrator of this database: {roles}.",
        "你是 {name}，本数据库的管理员：{roles}。",
    ),
    "users.no_roles": ("no role yet", "尚无角色"),
    "users.none": ("No accounts yet.", "尚无账户。"),
    "users.yes": ("yes", "是"),
    # --- columns
    "users.col.account": ("Account", "账户"),
    "users.col.admin": ("Admin", "管理员"),
    "users.col.branch": ("Branch", "支部"),
    "users.col.role": ("Role", "角色"),
    "users.col.member_no": ("Member no.", "党员编号"),
    "users.col.member_name": ("Member", "党员"),
    "users.col.granted_by": ("Granted by", "授权人"),
    # --- CLI help
    "users.cli.help": (
        "Accounts and their roles per branch (secretary, committee, teller, member, observer).",
        "账户及其在各支部的角色（书记、支委委员、计票人、党员、上级党委）。",
    ),
    "users.cli.list.help": ("List the branch's accounts and roles.", "列出本支部的账户和角色。"),
    "users.cli.add.help": ("Add an account (a login name).", "添加账户（登录名）。"),
    "users.cli.grant.help": (
        "Give an account a role in the branch (the account is added when new).",
        "为账户授予本支部的角色（新账户随之添加）。",
    ),
    "users.cli.revoke.help": ("Take a role in the branch away.", "撤销账户在本支部的角色。"),
    "users.cli.whoami.help": ("Who you are and your roles.", "显示你的账户和角色。"),
    "users.cli.arg.name": ("The login name.", "登录名。"),
    "users.cli.opt.all": ("Every branch's accounts.", "列出所有支部的账户。"),
    "users.cli.opt.admin": ("Make the account an administrator.", "设为管理员。"),
    "users.cli.opt.role": (
        "secretary, committee, teller, member or observer.",
        "secretary（书记）、committee（支委委员）、teller（计票人）、member（党员）"
        "或 observer（上级党委）。",
    ),
    "users.cli.opt.member": (
        "The roster member the account is (member number; the member role needs it).",
        "该账户对应的党员编号（党员角色必填）。",
    ),
}
