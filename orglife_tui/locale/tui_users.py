"""Messages of the users screen in the TUI (``users.tui.``, issue 13 §1).

The refusals and what is said after a grant or a revoke are the ``users.`` messages the
command line shows too (``locale/accounts.py``). Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the screen
    "users.tui.title": ("Users and roles", "用户与角色"),
    "users.tui.help": (
        "Who may use this database, and in which role in this branch: secretary (everything"
        " in the branch, its users too), committee member (records, points, talks; a"
        " confidential talk only their own), teller (the kiosk and paper ballots only),"
        " member (their own records) and the higher committee's read-only observer (given"
        " by an administrator). An account is a login name on this server; a grant to a new"
        " name adds the account. The member role names the roster member the login is.",
        "谁可以使用本数据库，在本支部担任什么角色：支部书记（本支部的一切，包括用户）、"
        "支委委员（记录、积分、谈心谈话；保密谈话只看自己的）、计票人（仅投票终端和纸质选票）、"
        "党员（仅本人的记录），以及由管理员授予的上级党委只读角色。账户即本服务器上的登录名；"
        "为新的登录名授权即添加该账户。党员角色须指明该登录名对应的花名册党员。",
    ),
    "users.tui.scope_branch": (
        "{branch}: {accounts} account(s), {grants} role(s)",
        "{branch}：{accounts} 个账户，{grants} 项角色",
    ),
    "users.tui.scope_all": (
        "Every branch: {accounts} account(s), {grants} role(s)",
        "全部支部：{accounts} 个账户，{grants} 项角色",
    ),
    "users.tui.admin_mark": (" (admin)", "（管理员）"),
    "users.tui.bootstrap": (
        "You are {name}. The database has no accounts yet: the first role you grant makes"
        " you its administrator.",
        "你是 {name}。本数据库尚无账户：你授予第一个角色时即成为本数据库的管理员。",
    ),
    "users.tui.empty": (
        "No account holds a role in this branch yet. Press a to grant one: a login name on"
        " this server and its role.",
        "本支部尚无账户获授角色。按 a 授权：填写本服务器上的登录名并选择角色。",
    ),
    "users.tui.empty_reader": (
        "No account holds a role in this branch yet. The branch secretary or an"
        " administrator grants them.",
        "本支部尚无账户获授角色。由支部书记或管理员授权。",
    ),
    "users.tui.nothing_selected": ("No account is selected.", "未选中账户。"),
    "users.tui.no_role": (
        "{name} holds no role to take away.",
        "{name} 没有可撤销的角色。",
    ),
    "users.tui.revoke_question": (
        "Take the role “{role}” in {branch} away from {name}?",
        "撤销 {name} 在{branch}的“{role}”角色？",
    ),
    # --- the grant form
    "users.tui.grant_title": ("Grant a role in {branch}", "授予{branch}的角色"),
    "users.tui.field.account": ("Login name", "登录名"),
    "users.tui.field.role": ("Role", "角色"),
    "users.tui.field.member_no": ("Member", "对应党员"),
    "users.tui.account_hint": ("their login on this server", "此人在本服务器的登录名"),
    "users.tui.member_hint": (
        "member role: number or name",
        "党员角色必填：编号或姓名",
    ),
    # --- keys and the palette
    "users.tui.key.go": ("Users", "用户"),
    "users.tui.key.grant": ("Grant", "授权"),
    "users.tui.key.revoke": ("Revoke", "撤销"),
    "users.tui.key.all": ("All branches", "全部支部"),
    "users.tui.cmd": ("Users and roles", "用户与角色"),
    "users.tui.cmd.help": (
        "Who may use the branch, in which role: grant and revoke",
        "本支部的账户和角色：授权与撤销",
    ),
}
