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
    # --- the screens
    "overview.tui.title": ("Committee overview", "上级党委总览"),
    "overview.tui.cmd": ("Committee overview", "上级党委总览"),
    "overview.tui.cmd.help": (
        "Every branch you can see: talks, meetings missed, appraisal, dues, overdue items",
        "可查看的各党支部：谈心谈话、缺开会议、民主评议、党费、逾期事项",
    ),
    "overview.tui.key.go": ("Committee overview", "上级党委总览"),
    "overview.tui.key.matrix": ("Matrix", "落实矩阵"),
    "overview.tui.key.open": ("Open branch", "查看支部"),
    "overview.tui.none_selected": ("No branch selected.", "未选中党支部。"),
    "overview.tui.loading": ("Reading every branch for {year}…", "正在读取各党支部{year}年情况……"),
    "overview.tui.heading": (
        "{year} as of {as_of}: {count} branch(es)",
        "{year}年，截至{as_of}：共{count}个党支部",
    ),
    "overview.tui.detail": ("{name}: {grades}", "{name}：{grades}"),
    "overview.tui.grades": (
        "excellent {excellent}, qualified {qualified}, basically qualified "
        "{basically_qualified}, unqualified {unqualified}",
        "优秀{excellent}人，合格{qualified}人，基本合格{basically_qualified}人，"
        "不合格{unqualified}人",
    ),
    "overview.tui.no_session": ("no appraisal this year yet", "本年度尚未开展民主评议"),
    "overview.tui.not_published": ("appraisal results not published yet", "评议结果尚未公布"),
    "overview.tui.help": (
        "Every branch you may see, one row each: members, members talked with this year, "
        "meeting periods missed, the appraisal, dues arrears (members and months), overdue "
        "rectification items and follow-ups. Under the list, the highlighted branch's "
        "published grades; m shows its compliance matrix instead. Enter opens the branch, "
        "read-only. [ and ] step through the years. Nothing here changes any record.",
        "可查看的各党支部各占一行：党员人数、本年已谈心人数、缺开会议期数、民主评议、"
        "欠缴党费（人数和月数）、逾期整改事项和结果运用。列表下方显示所选支部已公布的评定等次；"
        "按 m 改为显示其组织生活落实矩阵。按回车只读查看该支部。按 [ 和 ] 切换年份。"
        "本页不修改任何记录。",
    ),
    "overview.tui.detail_title": ("Branch {name}, read-only", "支部详情：{name}（只读）"),
    "overview.tui.detail_loading": ("Checking {name}…", "正在检查{name}……"),
    "overview.tui.detail_heading": (
        "{name}, {year} as of {as_of}: {count} finding(s)",
        "{name}，{year}年，截至{as_of}：问题{count}项",
    ),
    "overview.tui.detail_none": ("No findings for this branch.", "该支部没有发现问题。"),
    "overview.tui.detail_help": (
        "One branch, read-only: its meeting calendar for the year (rule × month) and every "
        "finding of the compliance watch, the highlighted one in full under the list. "
        "Escape goes back to the overview.",
        "只读查看一个党支部：本年度会议落实日历（规则×月份）和组织生活检查发现的全部问题，"
        "所选问题的全文显示在列表下方。按 Esc 返回总览。",
    ),
    # --- the export screen
    "jobs.export.kind.overview": ("Committee overview (all branches)", "上级党委总览（各支部）"),
    "jobs.file.overview": ("overview-{year}", "{year}年各支部总览"),
}
