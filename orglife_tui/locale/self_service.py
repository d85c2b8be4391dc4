"""Messages: a member's own records (self-service, ``self.``): the screen a member login
sees.

Chinese text uses full-width punctuation.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "self.title": ("My records", "我的记录"),
    "self.title_of": ("My records: {name} ({no})", "我的记录：{name}（{no}）"),
    "self.key.points": ("Points", "积分"),
    "self.key.talks": ("Talks", "谈话"),
    "self.key.appraisal": ("Appraisal", "评议"),
    "self.key.dues": ("Dues", "党费"),
    "self.key.commitments": ("Commitments", "承诺"),
    "self.key.orders": ("Orders", "点单"),
    "self.key.prev": ("Previous", "上一项"),
    "self.key.next": ("Next", "下一项"),
    "self.key.new": ("New", "新增"),
    "self.nothing_selected": ("Nothing selected.", "未选中任何一行。"),
    "self.col.date": ("Date", "日期"),
    "self.col.item": ("Item", "项目"),
    "self.col.points": ("Points", "分值"),
    "self.col.note": ("Note", "备注"),
    "self.col.talk_type": ("Type", "类型"),
    "self.col.form": ("Form", "形式"),
    "self.col.talkers": ("With", "谈话人"),
    "self.col.confidential": ("Confidential", "保密"),
    "self.col.year": ("Year", "年度"),
    "self.col.grade": ("Result", "评定等次"),
    "self.col.published": ("Published", "公布日期"),
    "self.col.paid_on": ("Paid on", "交纳日期"),
    "self.col.months": ("Months", "所交月份"),
    "self.col.amount": ("Amount", "金额（元）"),
    "self.col.status": ("Status", "状态"),
    "self.col.commitment": ("Commitment", "承诺内容"),
    "self.col.kind": ("Kind", "类别"),
    "self.col.order": ("Order", "点单内容"),
    "self.col.month": ("Wanted", "希望月份"),
    "self.confidential": ("confidential", "保密"),
    "self.not_graded": ("appraised, no grade (probationary)", "参加评议，不评等次（预备党员）"),
    "self.points.score": (
        "Points {year} to {day}: {total} (base {base}, bonus {bonus}, deductions {deduction})",
        "{year}年积分（截至 {day}）：{total} 分（基础分 {base}，加分 {bonus}，扣分 {deduction}）",
    ),
    "self.points.band": (" · band: {band}", "　积分档次：{band}"),
    "self.points.no_score": (
        "No points scheme is in use for {year} yet; the entries are listed below.",
        "{year}年尚未启用积分方案，下面列出积分记录。",
    ),
    "self.dues.no_record": (
        "No dues standard is kept for you here; ask the branch.",
        "系统中尚未设置您的党费标准，请向支部询问。",
    ),
    "self.dues.nothing_paid": ("nothing yet", "尚无记录"),
    "self.dues.clear": (
        "Dues: {standard} a month, paid until {paid}; nothing owed.",
        "党费：每月 {standard} 元，已交至 {paid}，无欠交。",
    ),
    "self.dues.owed": (
        "Dues: {standard} a month, paid until {paid}; {months} month(s) owed, {owed}.",
        "党费：每月 {standard} 元，已交至 {paid}；欠交 {months} 个月，共 {owed} 元。",
    ),
    "self.heading.talks": ("My talks: {count}", "我的谈心谈话：{count} 次"),
    "self.talk.content": ("Talked about: {text}", "谈话内容：{text}"),
    "self.talk.actions": ("Agreed: {text}", "约定事项：{text}"),
    "self.talk.no_text": ("No content was recorded.", "未记录谈话内容。"),
    "self.talk.confidential": (
        "A confidential talk: its texts are kept by the branch secretary and the talkers.",
        "保密谈话：谈话内容由支部书记和谈话人保存，此处不显示。",
    ),
    "self.heading.appraisal": (
        "My appraisal results, as published: {count}",
        "我的民主评议结果（已公布）：{count} 项",
    ),
    "self.heading.commitments": (
        "My commitments: {count} · a: make a new one",
        "我的承诺：{count} 项　按 a 新增承诺",
    ),
    "self.heading.orders": (
        "My orders: {count} · a: order an activity or a topic",
        "我的点单：{count} 条　按 a 点单",
    ),
    "self.empty.points": ("No points entries this year yet.", "暂无本年度积分记录。"),
    "self.empty.talks": ("No talks recorded with you yet.", "暂无谈心谈话记录。"),
    "self.empty.appraisal": (
        "No appraisal result published yet.",
        "暂无已公布的民主评议结果。",
    ),
    "self.empty.dues": ("No dues payments recorded yet.", "暂无党费交纳记录。"),
    "self.empty.commitments": (
        "No commitments yet. Press a to make one.",
        "暂无承诺。按 a 新增承诺。",
    ),
    "self.empty.orders": (
        "No orders yet. Press a to order an activity or a topic for the branch.",
        "暂无点单。按 a 向支部点单活动或议题。",
    ),
    "self.added.commitments": ("Your commitment is recorded.", "承诺已保存。"),
    "self.added.orders": (
        "Your order is placed; the branch's answer will show here.",
        "点单已提交，支部的答复将显示在这里。",
    ),
    "self.commitment_new": ("My commitment for {year}", "我的{year}年承诺"),
    "self.field.commitment": ("commitment", "承诺内容"),
    "self.help": (
        "Your own records, and only yours. 1–6 (or [ and ]) switch between your points, "
        "talks, appraisal results, dues, commitments and orders. In commitments and orders "
        "a adds one of your own; an order's answer from the branch shows under the list. "
        "q quits.",
        "这里只显示您本人的记录。按 1–6（或 [ 和 ]）在积分、谈话、评议、党费、承诺、点单之间切换。"
        "在承诺和点单中按 a 新增；支部对点单的答复显示在列表下方。按 q 退出。",
    ),
    "self.help_commitment": (
        "What you commit to do this year; the branch evaluates it at the year's end. "
        "Ctrl+S saves, Escape leaves.",
        "填写本年度的承诺事项，年底由支部评定践诺情况。Ctrl+S 保存，Esc 离开。",
    ),
}
