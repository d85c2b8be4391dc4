"""Where an export goes: a file replaced atomically, or standard output; shared cell rules."""

from __future__ import annotations

import io
import os
import stat
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

    def metadata(self) -> list[tuple[str, str]]:
        """The scheme's lines of an export's metadata."""
        return [
            ("scheme_name", self.name),
            ("scheme_version", self.version),
            ("scheme_sha256", self.sha256),
        ]


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def is_stdout(path: str | None) -> bool:
    return path is None or path == "-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_KINDS = (
    (stat.S_ISCHR, "files.kind.char_device"),
    (stat.S_ISBLK, "files.kind.block_device"),
    (stat.S_ISFIFO, "files.kind.fifo"),
    (stat.S_ISSOCK, "files.kind.socket"),
)


def _checked_target(path: Path) -> int | None:
    """The permission bits of the file ``path`` replaces (None: a new file), after refusing
    what an export must not write through: a symbolic link (it could lead anywhere, e.g. a
    file of another user when root exports), a device, a pipe or a socket (``/dev/sda``, a
    FIFO someone left in a shared folder)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportError(
            "export.cannot_write", file=str(path), reason=exc.strerror or str(exc)
        ) from exc
    if stat.S_ISLNK(st.st_mode):
        raise ExportError("files.symlink", file=str(path))
    if stat.S_ISDIR(st.st_mode):
        raise ExportError("export.is_directory", file=str(path))
    if not stat.S_ISREG(st.st_mode):
        key = next((k for test, k in _KINDS if test(st.st_mode)), "files.kind.other")
        raise ExportError("files.not_regular", file=str(path), kind=t(key))
    return stat.S_IMODE(st.st_mode)


def _final_mode(old_mode: int | None, private: bool) -> int:
    """A private export is 0600 whatever it replaces; another keeps the mode of the file it
    replaces (a roster someone kept 0600 stays 0600), or gets a new file's usual mode."""
    if private:
        return 0o600
    if old_mode is not None:
        return old_mode
    return 0o666 & ~_umask()


@contextmanager
def atomic_path(target: str | os.PathLike[str], private: bool = False) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed over it once the block ends without error.

    The one way an export reaches a file: ``target`` must be a regular file or not exist
    (links, devices, pipes and sockets are refused). The temporary file is created 0600
    (nobody else can open it while it is written), flushed to disk, given its final mode and
    then renamed over ``target``, which is replaced, never written through: on any error
    (or Ctrl+C) the temporary file is removed and ``target`` is left as it was. ``private``
    (an export with confidential talk texts) makes the result 0600, also over a looser file.
    """
    path = Path(target)
    old_mode = _checked_target(path)
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
        # Through a descriptor opened without following links: the temporary name is only
        # trusted as far as the file at it is the one written.
        fd = os.open(tmp, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            os.fsync(fd)
            os.fchmod(fd, _final_mode(old_mode, private))
        finally:
            os.close(fd)
        _checked_target(path)  # nothing slipped in meanwhile (a FIFO, a link)
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
def binary_output(path: str | None, private: bool = False) -> Iterator[IO[bytes]]:
    """A byte stream to ``path`` (atomically, see :func:`atomic_path`) or to standard
    output (``None`` or ``-``)."""
    if is_stdout(path):
        sys.stdout.flush()
        out = sys.stdout.buffer
        yield out
        out.flush()
        return
    assert path is not None
    with atomic_path(path, private=private) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC | os.O_NOFOLLOW)
        with os.fdopen(fd, "wb") as f:
            yield f


@contextmanager
def text_output(path: str | None, bom: bool = False, private: bool = False) -> Iterator[IO[str]]:
    """UTF-8 text to ``path`` or standard output, whatever the terminal's locale says;
    ``bom`` starts it with a byte order mark (Excel then reads CSV as UTF-8); ``private``
    as in :func:`atomic_path`."""
    with binary_output(path, private=private) as raw:
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
