"""Byte-identical files from identical inputs: zip containers (the .xlsx data pack) without clock times."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .report_date import report_moment

_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def fix_zip_times(path: Path) -> Path:
    """Rewrite a zip so entry times and Office 'created'/'modified' dates are the report date, not now."""
    day = report_moment()
    stamp = day.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(max(day.year, 1980), day.month, day.day, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            dst.writestr(fixed, data)
    return path
