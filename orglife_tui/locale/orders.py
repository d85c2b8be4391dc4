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
}
