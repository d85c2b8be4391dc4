"""Where each key path begins in the TOML text, so that a problem found in the parsed
document can be told as ``FILE:LINE:COLUMN``. tomllib keeps no positions; this scanner
reads the (already valid) text once.
"""

from __future__ import annotations

import contextlib
import json
import re
from bisect import bisect_right

Path = tuple[object, ...]  # keys (str) and 1-based array indexes (int)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]}\n#]*")  # numbers, booleans, dates: up to the next delimiter


def render_path(path: Path) -> str:
    """``("items", 3, "cap")`` → ``items[3].cap``; keys that are not bare are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = (
                str(part)
                if _BARE_KEY.fullmatch(str(part))
                else json.dumps(part, ensure_ascii=False)
            )
            out += f".{text}" if out else text
    return out


class _PositionScanner:
    """Where each key path begins in the TOML text: ``{"items[3].cap": (line, column)}``.

    Run only on text tomllib accepted, so it can trust the syntax; it follows tables,
    arrays of tables, dotted keys, inline tables and arrays (elements get ``[n]``, from 1,
    like ``[[items]]`` tables). Best effort: any surprise ends the scan with what it found.
    """

    def __init__(self, text: str) -> None:
        self.src = text
        self.pos = 0
        self.found: dict[str, tuple[int, int]] = {}
        self.aot: dict[str, int] = {}  # array-of-tables path -> how many so far
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def scan(self) -> dict[str, tuple[int, int]]:
        # A hint only: a surprise in the scan must never hide the real problem.
        with contextlib.suppress(Exception):
            self._document()
        return self.found

    # -- helpers
    def _coord(self, pos: int) -> tuple[int, int]:
        line = bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1

    def _mark(self, path: Path, pos: int, overwrite: bool = True) -> None:
        key = render_path(path)
        if overwrite or key not in self.found:
            self.found[key] = self._coord(pos)

    def _peek(self, n: int = 1) -> str:
        return self.src[self.pos : self.pos + n]

    def _skip_ws(self, newlines: bool = False) -> None:
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c in " \t" or (newlines and c in "\r\n"):
                self.pos += 1
            elif c == "#" and newlines:
                while self.pos < len(src) and src[self.pos] != "\n":
                    self.pos += 1
            else:
                break

    def _skip_line(self) -> None:
        end = self.src.find("\n", self.pos)
        self.pos = len(self.src) if end < 0 else end + 1

    # -- grammar
    def _document(self) -> None:
        table: Path = ()
        while True:
            self._skip_ws(newlines=True)
            if self.pos >= len(self.src):
                return
            start = self.pos
            if self._peek(2) == "[[":
                self.pos += 2
                parts = self._key()
                self.pos += 2  # ]]
                table = self._resolve(parts, start, array=True)
            elif self._peek() == "[":
                self.pos += 1
                parts = self._key()
                self.pos += 1  # ]
                table = self._resolve(parts, start, array=False)
            else:
                self._pair(table)
            self._skip_ws()
            if self._peek() == "#":
                self._skip_line()

    def _resolve(self, parts: list[tuple[str, int]], start: int, array: bool) -> Path:
        path: list[object] = []
        for i, (name, _) in enumerate(parts):
            path.append(name)
            rendered = render_path(tuple(path))
            last = i == len(parts) - 1
            if last and array:
                self.aot[rendered] = self.aot.get(rendered, 0) + 1
                path.append(self.aot[rendered])
            elif rendered in self.aot:
                path.append(self.aot[rendered])
            if not last:
                self._mark(tuple(path), start, overwrite=False)
        self._mark(tuple(path), start)
        return tuple(path)

    def _key(self) -> list[tuple[str, int]]:
        parts: list[tuple[str, int]] = []
        while True:
            self._skip_ws()
            start = self.pos
            c = self._peek()
            if c == '"':
                raw = self._basic_string()
                try:
                    name = json.loads(raw)
                except ValueError:
                    name = raw[1:-1]
            elif c == "'":
                end = self.src.index("'", self.pos + 1)
                name = self.src[self.pos + 1 : end]
                self.pos = end + 1
            else:
                m = _BARE_KEY.match(self.src, self.pos)
                if not m:
                    raise ValueError("no key")
                name = m.group()
                self.pos = m.end()
            parts.append((name, start))
            self._skip_ws()
            if self._peek() != ".":
                return parts
            self.pos += 1

    def _pair(self, table: Path) -> None:
        parts = self._key()
        path = list(table)
        for i, (name, start) in enumerate(parts):
            path.append(name)
            self._mark(tuple(path), start, overwrite=i == len(parts) - 1)
        self._skip_ws()
        self.pos += 1  # =
        self._skip_ws()
        self._value(tuple(path))

    def _value(self, path: Path) -> None:
        src = self.src
        if src.startswith('"""', self.pos) or src.startswith("'''", self.pos):
            quote = src[self.pos]
            self.pos += 3
            while True:
                if quote == '"' and src[self.pos] == "\\":
                    self.pos += 2
                    continue
                if src.startswith(quote * 3, self.pos):
                    self.pos += 3
                    while self._peek() == quote:  # up to two quotes may close the content
                        self.pos += 1
                    return
                self.pos += 1
        c = self._peek()
        if c == '"':
            self._basic_string()
        elif c == "'":
            self.pos = src.index("'", self.pos + 1) + 1
        elif c == "[":
            self.pos += 1
            index = 1
            while True:
                self._skip_ws(newlines=True)
                if self._peek() == "]":
                    self.pos += 1
                    return
                self._mark((*path, index), self.pos)
                self._value((*path, index))
                self._skip_ws(newlines=True)
                if self._peek() == ",":
                    self.pos += 1
                    index += 1
        elif c == "{":
            self.pos += 1
            while True:
                self._skip_ws()
                if self._peek() == "}":
                    self.pos += 1
                    return
                self._pair(path)
                self._skip_ws()
                if self._peek() == ",":
                    self.pos += 1
        else:
            m = _SCALAR.match(src, self.pos)
            assert m is not None
            self.pos = m.end()

    def _basic_string(self) -> str:
        start = self.pos
        self.pos += 1
        src = self.src
        while src[self.pos] != '"':
            self.pos += 2 if src[self.pos] == "\\" else 1
        self.pos += 1
        return src[start : self.pos]


def key_positions(text: str) -> dict[str, tuple[int, int]]:
    """Line and column (both from 1) where each key path of a valid TOML text begins."""
    return _PositionScanner(text).scan()
