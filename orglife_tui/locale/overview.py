"""Messages of the party committee's overview (issue 13 §4): the command, its export and
the screen. (English, Chinese); Chinese uses full-width punctuation."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the columns (export headers, the legend)
    "overview.col.branch": ("Branch", "党支部"),
    "overview.col.members": ("Members", "党员人数"),
    "overview.col.talked": ("Talked with", "已谈心人数"),
    "overview.col.missing": ("Meetings missed (periods)", "缺开会议（期）"),
    "overview.col.appraisal": ("Appraisal", "民主评议"),
    "overview.col.grade_excellent": ("Excellent", "优秀"),
    "overview.col.grade_qualified": ("Qualified", "合格"),
    "overview.col.grade_basically_qualified": ("Basically qualified", "基本合格"),
    "overview.col.grade_unqualified": ("Unqualified", "不合格"),
    "overview.col.arrears_members": ("Members in dues arrears", "欠缴党费人数"),
    "overview.col.arrears_months": ("Months in arrears", "欠缴月数"),
    "overview.col.overdue_rectifications": ("Rectification overdue", "整改逾期"),
    "overview.col.overdue_follow_ups": ("Follow-ups overdue", "结果运用逾期"),
    "overview.col.rule": ("Rule", "规则"),
    "overview.col.month": ("Month {month}", "{month}月"),
    "overview.sheet.branches": ("Overview", "支部总览"),
    "overview.sheet.matrix": ("Compliance", "组织生活落实"),
    # --- Markdown
    "overview.md.title": ("Branches' organizational life, {year}", "{year}年各党支部组织生活情况"),
    "overview.md.as_of": ("As of {date}; {count} branch(es).", "截至{date}，共{count}个党支部。"),
    "overview.md.grades": (
        "Published appraisal grades, all branches: excellent {excellent}, qualified "
        "{qualified}, basically qualified {basically_qualified}, unqualified {unqualified}.",
        "已公布的民主评议结果合计：优秀{excellent}人，合格{qualified}人，"
        "基本合格{basically_qualified}人，不合格{unqualified}人。",
    ),
    "overview.md.generated": ("Generated on {date}.", "生成于{date}。"),
    "overview.empty": (
        "No branches visible. On a shared server a login sees the branches it was granted: "
        "ask the administrator for access.",
        "没有可查看的党支部。共用服务器上，登录用户只能看到授权给它的党支部，请联系管理员授权。",
    ),
    # --- the command
    "overview.cli.help": (
        "The party committee's overview: every branch you can see, one line each "
        "(talks, meetings missed, appraisal, dues, overdue items).",
        "上级党委总览：可查看的各党支部各一行（谈心谈话、缺开会议、民主评议、党费、逾期事项）。",
    ),
    "overview.cli.opt.format": (
        "Output: table, md, xlsx or json",
        "输出格式：table、md、xlsx 或 json",
    ),
    "overview.cli.opt.output": (
        "File to write (md and json go to standard output without it)",
        "写入的文件（md 和 json 不指定则输出到屏幕）",
    ),
    "overview.cli.header": (
        "{count} branch(es), {year} as of {as_of}:",
        "共{count}个党支部，{year}年，截至{as_of}：",
    ),
    "overview.short.branch": ("Branch", "党支部"),
    "overview.short.members": ("Mbrs", "人数"),
    "overview.short.talked": ("Talks", "谈心"),
    "overview.short.missing": ("Missed", "缺开"),
    "overview.short.appraisal": ("Appraisal", "评议"),
    "overview.short.grades": ("Grades", "评定等次"),
    "overview.short.arrears": ("Dues", "欠缴党费"),
    "overview.short.overdue_rectifications": ("Rect.", "整改"),
    "overview.short.overdue_follow_ups": ("F-up", "运用"),
    "overview.arrears": ("{members} ({months} mo)", "{members}人{months}月"),
    "overview.grade.excellent": ("E", "优"),
    "overview.grade.qualified": ("Q", "合"),
    "overview.grade.basically_qualified": ("B", "基"),
    "overview.grade.unqualified": ("U", "差"),
    # --- the export screen
    "jobs.export.kind.overview": ("Committee overview (all branches)", "上级党委总览（各支部）"),
    "jobs.file.overview": ("overview-{year}", "{year}年各支部总览"),
}
