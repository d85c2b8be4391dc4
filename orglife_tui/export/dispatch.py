"""One way to write an export in the format asked for: a table format → writer per export.

Each export module offers one function per format; a ``Writers`` table names them, and
``Writers.write`` is the one place that knows how a format reaches its target:

- ``xlsx`` is a file only: written beside the target and renamed into place when complete
  (``atomic_path``); the writer gets the temporary path and returns the rows written.
- ``csv`` and ``json`` go to the file the same way, or to standard output without one
  (``text_output``); CSV starts with a UTF-8 byte order mark, so that Excel keeps the
  Chinese names; the writer gets the stream and returns the rows written.
- ``md``: the function returns the Markdown text, written like CSV and JSON (without a
  byte order mark); the count is the export's rows.

The export module is imported only when an export is written (``openpyxl`` behind it stays
out of every other command's start).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# The formats that need a named file: never written to a terminal.
FILE_ONLY = frozenset({"xlsx"})


@dataclass(frozen=True)
class Writers:
    """Format → the name of its writer in ``module``, in the order offered to the user."""

    module: str
    by_format: Mapping[str, str]

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.by_format)

    def write(self, fmt: str, output: str | None, *data: Any, private: bool = False) -> int:
        """Write ``data`` (the writer's arguments after its target) as ``fmt`` to ``output``
        (standard output when None or ``-``); ``private`` makes a named file 0600. Returns
        the number of rows written."""
        from orglife_tui.export.files import atomic_path, text_output

        writer = getattr(importlib.import_module(self.module), self.by_format[fmt])
        if fmt in FILE_ONLY:
            with atomic_path(output, private=private) as tmp:  # type: ignore[arg-type]  # refused without a file before
                return writer(str(tmp), *data)
        with text_output(output, bom=fmt == "csv", private=private) as stream:
            if fmt == "md":
                stream.write(writer(*data))
                # Every Markdown export is a table of rows (the year report counts nothing).
                return len(getattr(data[0], "rows", ()))
            return writer(stream, *data)
