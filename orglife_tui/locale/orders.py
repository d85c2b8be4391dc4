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
        "Plan item {id} came from a member's order (No. {order}): it stays in the plan.",
        "计划事项 {id} 来自党员点单（编号 {order}），不能删除。",
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
    # --- the branch's orders screen
    "orders.tui.title": ("Members' orders", "党员点单"),
    "orders.tui.key.go": ("Orders", "点单"),
    "orders.tui.key.take": ("Take", "接单"),
    "orders.tui.key.decline": ("Decline", "不采纳"),
    "orders.tui.key.done": ("Done", "完成"),
    "orders.tui.key.filter": ("Status", "按状态"),
    "orders.tui.cmd.go": ("Go to members' orders", "转到：党员点单"),
    "orders.tui.cmd.go.help": (
        "Activities and topics members ordered, taken into the plan or declined",
        "党员点单的活动和议题：接单列入计划或不采纳",
    ),
    "orders.tui.col.name": ("Member", "党员"),
    "orders.tui.col.kind": ("Kind", "类别"),
    "orders.tui.col.title": ("Order", "点单内容"),
    "orders.tui.col.month": ("Wanted", "希望月份"),
    "orders.tui.col.status": ("Status", "状态"),
    "orders.tui.all": ("all", "全部"),
    "orders.tui.heading": (
        "Orders ({shown}): {count} · waiting for an answer: {waiting}",
        "点单（{shown}）：{count} 条　待答复：{waiting} 条",
    ),
    "orders.tui.empty": (
        "No orders here yet. Members order activities and topics from their own screen.",
        "暂无点单。党员可在“我的记录”中点单。",
    ),
    "orders.tui.nothing_selected": ("No order selected.", "未选中点单。"),
    "orders.tui.detail_by": ("{name}, {date}", "{name}，{date}"),
    "orders.tui.detail_answer": ("answer: {answer}", "答复：{answer}"),
    "orders.tui.detail_held": ("held {date} ({no})", "已于 {date} 落实（{no}）"),
    "orders.tui.done_question": ("Mark “{title}” done?", "将“{title}”标为已完成？"),
    "orders.tui.answered": ("“{title}”: {status}.", "“{title}”：{status}。"),
    "orders.tui.help": (
        "What members ordered for the branch (点单), newest first, and where each stands. "
        "t or Enter takes the highlighted order into the annual plan (the plan item's form, "
        "filled in from the order); x declines it with a reason the member reads; f marks it "
        "done (an order taken reads done by itself once its meeting is held); s steps through "
        "the statuses shown.",
        "党员向支部点单的活动和议题，最新的在前，并显示办理状态。"
        "按 t 或 Enter 接单，把选中的点单列入年度计划（按点单预填计划事项）；"
        "按 x 不采纳并说明原因（党员可见）；按 f 标为已完成（已接单的点单在会议召开后自动显示为已完成）；"
        "按 s 按状态筛选。",
    ),
    "orders.tui.take_title": (
        "Take into the plan for {year}: {title}",
        "接单列入{year}年计划：{title}",
    ),
    "tui.plan.field.answer": ("to member", "答复党员"),
    "orders.tui.decline_title": ("Decline order {id}", "不采纳点单 {id}"),
    "orders.tui.what": ("{name}: {title}", "{name}：{title}"),
    "orders.tui.help_decline": (
        "Say why the order is not taken: the member reads it. Ctrl+S saves, Escape leaves.",
        "请说明不采纳的原因，党员会看到这一答复。Ctrl+S 保存，Esc 离开。",
    ),
    # --- a member's new order
    "orders.tui.form_new": ("Order an activity or a topic", "我要点单"),
    "orders.tui.field.kind": ("kind", "类别"),
    "orders.tui.field.title": ("title", "名称"),
    "orders.tui.field.wanted_month": ("month", "希望月份"),
    "orders.tui.field.detail": ("detail", "详细说明"),
    "orders.tui.field.reason": ("reason", "原因"),
    "orders.tui.help_form": (
        "Order an activity or a topic for the branch: the branch sees it and answers it, "
        "and the answer shows in your orders. The month is written YYYY-MM and may be left "
        "empty. Ctrl+S saves, Escape leaves.",
        "向支部点单希望开展的活动或议题：支部会看到并答复，答复显示在“我的点单”中。"
        "希望月份按 YYYY-MM 填写，可不填。Ctrl+S 保存，Esc 离开。",
    ),
}
