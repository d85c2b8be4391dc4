"""Messages of points bands before a year closes (issue 12 §4): (English, Chinese).

A points band (积分档次) judges a whole year's points: before the year's end the tables
show the points to a day and no band, unless provisional bands (暂定) are asked for.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "bands.to_date_note": (
        "Points to {day}: the year has not ended, so no points band is given.",
        "积分统计截至 {day}：年度尚未结束，不评定积分档次。",
    ),
    "bands.provisional_note": (
        "Points to {day}: the year has not ended, so each points band is provisional.",
        "积分统计截至 {day}：年度尚未结束，积分档次为暂定。",
    ),
    "bands.col.provisional": ("Points band (provisional)", "积分档次（暂定）"),
    # --- the scoreboard screen
    "bands.scoreboard.to_date": ("Scoreboard (to {day})", "积分排名（截至 {day}）"),
    "bands.scoreboard.provisional": (
        "Scoreboard (to {day}, provisional bands)",
        "积分排名（截至 {day}，暂定积分档次）",
    ),
    "bands.key.provisional": ("Prov. bands", "暂定档次"),
    # --- the command line
    "bands.cli.opt.as_of": (
        "The day the points run to (default: today; for a past year its 31 December). "
        "Before the year's end the points are to that day and no points band is given.",
        "积分统计截至日期（默认今天；往年为 12 月 31 日）。年度结束前只列出截至该日的积分，"
        "不评定积分档次。",
    ),
    "bands.cli.opt.provisional": (
        "Before the year's end, give each member a provisional points band (marked as such).",
        "年度结束前也列出积分档次，并标明为暂定。",
    ),
}
