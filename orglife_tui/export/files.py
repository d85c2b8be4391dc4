"""Where an export goes: a file replaced atomically, or standard output; shared cell rules."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, Any

from orglife_tui.data.errors import StoreError
from orglife_tui.export.cells import XLSX_ILLEGAL as _XLSX_ILLEGAL
from orglife_tui.locale import t

BOM = "\ufeff"
# Excel's sheet limit is 1,048,576 rows; a longer ledger continues on a second sheet.
XLSX_MAX_ROWS = 1_048_576


class ExportError(StoreError):
    """An export that cannot be written; ``str()`` is the message in the user's language."""


@dataclass(frozen=True)
class SchemeRef:
    """What traces a published table to its rules: the scheme's name, version and hash."""

    name: str
    version: str
    sha256: str


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def is_stdout(path: str | None) -> bool:
    return path is None or path == "-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed over it once the block ends without error.

    The data is flushed to disk before the rename; on any error (or Ctrl+C) the temporary
    file is removed and ``target`` is left as it was.
    """
    path = Path(target)
    if path.is_dir():
        raise ExportError("export.is_directory", file=str(path))
    folder = path.parent
    if not folder.is_dir():
        raise ExportError("export.no_folder", file=str(path), folder=str(folder))
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ExportError(
            "export.cannot_write", file=str(path), reason=exc.strerror or str(exc)
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        # mkstemp creates the file 0600; give it the mode any new file of the user gets.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        with suppress(OSError):
            tmp.unlink()
        raise ExportError(
            "export.cannot_write", file=str(path), reason=exc.strerror or str(exc)
        ) from exc
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


@contextmanager
def binary_output(path: str | None) -> Iterator[IO[bytes]]:
    """A byte stream to ``path`` (atomically) or to standard output (``None`` or ``-``)."""
    if is_stdout(path):
        sys.stdout.flush()
        out = sys.stdout.buffer
        yield out
        out.flush()
        return
    assert path is not None
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        yield f


@contextmanager
def text_output(path: str | None, bom: bool = False) -> Iterator[IO[str]]:
    """UTF-8 text to ``path`` or standard output, whatever the terminal's locale says;
    ``bom`` starts it with a byte order mark (Excel then reads CSV as UTF-8)."""
    with binary_output(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=False)
        try:
            if bom:
                text.write(BOM)
            yield text
            text.flush()
        finally:
            text.detach()  # never close standard output with the wrapper


def plain(value: Any) -> Any:
    """A cell value for CSV / JSON / XLSX: enums by their stable English key, dates ISO."""
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def number_text(value: float | None) -> str:
    """``60``, ``2.5``, ``-3``: points the way people write them (at most two decimals)."""
    if value is None:
        return ""
    rounded = round(value, 2)
    if rounded == 0:
        return "0"  # and never "-0"
    text = repr(rounded)  # the shortest spelling: 0.35, not 0.35000000000000003
    if text.endswith(".0"):
        return text[:-2]
    if "e" in text:  # beyond what a scheme allows; spell it out anyway
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return text


def xlsx_cell(value: Any) -> Any:
    value = plain(value)
    if isinstance(value, str) and _XLSX_ILLEGAL.search(value):
        return _XLSX_ILLEGAL.sub(" ", value)
    return value


def xlsx_row(values: list[Any]) -> list[Any]:
    """Cells already plain (text, numbers, None): only text is checked for control characters."""
    return [
        _XLSX_ILLEGAL.sub(" ", v) if type(v) is str and _XLSX_ILLEGAL.search(v) else v
        for v in values
    ]


def localized_date(d: date) -> str:
    return t("export.date", year=d.year, month=d.month, day=d.day)


def metadata_rows(pairs: list[tuple[str, Any]]) -> list[list[Any]]:
    return [[key, xlsx_cell(value)] for key, value in pairs]
