"""The last guard: an unexpected error becomes one line for the user and a file for us.

The file goes to the ``crash`` folder of the program's data directory (``orglife-tui
where`` prints it), readable by its owner only: a traceback can quote names and notes.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path


def crash_dir() -> Path:
    from orglife_tui.config import data_dir

    return data_dir() / "crash"


def _write_private(folder: Path, text: str) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"
    for n in range(100):
        path = folder / (f"{stamp}.txt" if n == 0 else f"{stamp}-{n}.txt")
        try:
            # A new file (never one planted in advance, never through a link), 0600.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            os.fchmod(f.fileno(), 0o600)  # whatever the umask
            f.write(text)
        return path
    raise FileExistsError(stamp)


def report_crash(exc: BaseException) -> str:
    from orglife_tui.locale import t

    text = "".join(traceback.format_exception(exc))
    try:
        where = str(_write_private(crash_dir(), text))
    except OSError:
        where = "-"
    return t("crash", error=f"{type(exc).__name__}: {exc}".splitlines()[0], path=where)
