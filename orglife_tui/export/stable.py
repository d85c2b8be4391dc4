"""XLSX files whose bytes depend on their content alone.

openpyxl stamps a workbook with the time it was created and saved (``docProps/core.xml``)
and zips every part with the current time, so two saves of the same sheet a second apart
differ. A publication is re-exported byte for byte, so its workbooks are saved with one
fixed instant (the publication's) in both places.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from orglife_tui.export.cells import never_formulas

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
# The earliest time a zip entry can carry.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _utc_naive(at: datetime) -> datetime:
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.replace(microsecond=0)


def save_workbook(wb, path: str | Path, at: datetime) -> None:
    """Save ``wb`` to ``path`` stamped with ``at`` (created, modified, every zip entry)."""
    when = _utc_naive(at)
    wb.properties.created = when
    wb.properties.modified = when
    never_formulas(wb)
    buffer = io.BytesIO()
    wb.save(buffer)  # sets ``modified`` to now: replaced below
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    date_time = max(_ZIP_EPOCH, when.timetuple()[:6])
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, data)


__all__ = ["save_workbook"]
