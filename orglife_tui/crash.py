"""The last guard: an unexpected error becomes one line for the user and a file for us."""

from __future__ import annotations

import traceback
from datetime import datetime


def report_crash(exc: BaseException) -> str:
    from orglife_tui.config import data_dir
    from orglife_tui.locale import t

    text = "".join(traceback.format_exception(exc))
    try:
        folder = data_dir() / "crash"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
        path.write_text(text, encoding="utf-8")
        where = str(path)
    except OSError:
        where = "-"
    return t("crash", error=f"{type(exc).__name__}: {exc}".splitlines()[0], path=where)
