"""Messages: members' orders for the branch (点单/接单, ``orders.``), storage, command line
and the branch's orders screen.

Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- storage: refused
    "orders.kind_unknown": ("Unknown kind of order {kind}.", "未知点单类别“{kind}”。"),
    "orders.title_empty": ("An order needs a title.", "点单须填写名称。"),
    "orders.too_long": (
        "The {field} is longer than {limit} characters.",
        "{field}超过 {limit} 个字符。",
    ),
    "orders.reason_required": (
        "Say why the order is declined: the member reads the reason.",
        "不采纳须说明原因，党员会看到这一答复。",
    ),
    "orders.not_found": ("No order {id}.", "没有编号为 {id} 的点单。"),
    "orders.member_not_found": (
        "No member {id} in this branch.",
        "本支部没有编号为 {id} 的党员。",
    ),
    "orders.member_left": (
        "Member {member_no} is no longer in the branch.",
        "党员 {member_no} 已不在本支部。",
    ),
    "orders.cannot_taken": (
        "Order {id} is {status}: only an order placed or declined can be taken.",
        "点单 {id} 当前为“{status}”，只有已点单或未采纳的点单可以接单。",
    ),
    "orders.cannot_declined": (
        "Order {id} is {status}: only an order not yet answered can be declined.",
        "点单 {id} 当前为“{status}”，只有尚未答复的点单可以不采纳。",
    ),
    "orders.cannot_done": (
        "Order {id} is {status}: only an order placed or taken can be marked done.",
        "点单 {id} 当前为“{status}”，只有已点单或已接单的点单可以标为已完成。",
    ),
    "orders.plan_item_taken": (
        "Plan item {id} came from member's order {order}; it cannot be removed.",
        "计划事项 {id} 来自党员点单 {order}，不能删除。",
    ),
    "orders.field.detail": ("detail", "详细说明"),
    "orders.field.answer": ("answer", "答复"),
    # --- command line
    "orders.cli.help": (
        "Members' orders for the branch (点单) and the branch's answers (接单).",
        "党员点单与支部接单。",
    ),
    "orders.cli.list.help": ("List the orders, newest first.", "列出点单，最新的在前。"),
    "orders.cli.add.help": (
        "Place an order for a member: an activity or a topic for the branch.",
        "为党员点单：希望支部开展的活动或议题。",
    ),
    "orders.cli.take.help": (
        "Take an order into the annual plan (the plan item starts as the order asks).",
        "接单：把点单列入年度计划（计划事项按点单预填）。",
    ),
    "orders.cli.decline.help": (
        "Decline an order, saying why (the member reads it).",
        "不采纳点单并说明原因（党员可见）。",
    ),
    "orders.cli.done.help": ("Mark an order done.", "将点单标为已完成。"),
    "orders.cli.arg.id": ("The order's number (orders list).", "点单编号（见点单列表）。"),
    "orders.cli.opt.status": (
        "Only orders in this status: ordered, taken, declined, done.",
        "只列出该状态的点单：已点单、已接单、未采纳、已完成。",
    ),
    "orders.cli.opt.member_filter": (
        "Only this member's orders (member number).",
        "只列出该党员（编号）的点单。",
    ),
    "orders.cli.opt.member": ("The member who orders (member number).", "点单党员的编号。"),
    "orders.cli.opt.title": ("What is ordered, in a line.", "点单名称（一行）。"),
    "orders.cli.opt.kind": (
        "activity or topic (活动 / 议题).",
        "类别：activity（活动）或 topic（议题）。",
    ),
    "orders.cli.opt.detail": ("More about it (optional).", "详细说明（可不填）。"),
    "orders.cli.opt.month": (
        "The month wanted, YYYY-MM (optional).",
        "希望的月份，YYYY-MM（可不填）。",
    ),
    "orders.cli.opt.type": (
        "The plan item's meeting type (default: themed day for an activity, Party lecture for a topic).",
        "计划事项的会议类型（默认：活动为主题党日，议题为党课）。",
    ),
    "orders.cli.opt.topic": (
        "The plan item's topic (default: the order's title).",
        "计划事项的主题（默认为点单名称）。",
    ),
    "orders.cli.opt.note": ("A note the member reads with the answer.", "答复说明（党员可见）。"),
    "orders.cli.opt.reason": (
        "Why it is declined (the member reads it).",
        "不采纳的原因（党员可见）。",
    ),
    "orders.cli.bad_status": (
        "Unknown order status {value!r}; use one of {accepted}.",
        "未知点单状态“{value}”，应为：{accepted}。",
    ),
    "orders.cli.bad_kind": (
        "Unknown kind of order {value!r}; use one of {accepted}.",
        "未知点单类别“{value}”，应为：{accepted}。",
    ),
    "orders.cli.none": ("No orders.", "暂无点单。"),
    "orders.cli.added": (
        "Order {id} placed for {member_no}: {title}",
        "已为 {member_no} 点单（编号 {id}）：{title}",
    ),
    "orders.cli.taken": (
        "Order {id} taken: plan item {plan_id}, {type}, {when}.",
        "已接单 {id}：列入计划事项 {plan_id}，{type}，{when}。",
    ),
    "orders.cli.declined": ("Order {id} declined: {title}", "已不采纳点单 {id}：{title}"),
    "orders.cli.done": ("Order {id} done: {title}", "点单 {id} 已完成：{title}"),
    "orders.col.id": ("No.", "编号"),
    "orders.col.member_no": ("member", "党员编号"),
    "orders.col.name": ("name", "姓名"),
    "orders.col.kind": ("kind", "类别"),
    "orders.col.title": ("title", "名称"),
    "orders.col.detail": ("detail", "详细说明"),
    "orders.col.wanted_month": ("month wanted", "希望月份"),
    "orders.col.status": ("status", "状态"),
    "orders.col.plan_item_id": ("plan item", "计划事项"),
    "orders.col.held_meeting_no": ("held at", "落实会议"),
    "orders.col.answer": ("answer", "答复"),
    "orders.col.created_at": ("placed at", "点单时间"),
    "orders.col.answered_by": ("answered by", "答复人"),
}
