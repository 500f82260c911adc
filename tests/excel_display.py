"""What a spreadsheet shows for a value in one of the data pack's number formats: as Excel rounds, or as LibreOffice
itself displays it (when installed)."""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

SOFFICE = shutil.which("soffice")
# Impress has no program of its own: its slide show module beside soffice says it can open a deck
IMPRESS = SOFFICE is not None and (Path(SOFFICE).resolve().parent / "libslideshowlo.so").exists()
_SECTION = re.compile(r'^(?P<sign>[+-]?)(?P<body>#,##0|0)(?:\.(?P<dec>0+))?(?P<pct>%)?(?P<literal>(?:"[^"]*")*)$')


def as_shown(value: float, number_format: str) -> str:
    """The text a cell displays: the section for its sign (negatives in their own section show unsigned), decimals
    rounded half away from zero on the 15-digit decimal (as Excel does), separators, %, quoted literals."""
    sections = number_format.split(";")
    if len(sections) == 1:
        section, shown = sections[0], value
    else:
        section = sections[0] if value > 0 else sections[1] if value < 0 else sections[-1]
        shown = abs(value)
    if re.fullmatch(r'"[^"]*"', section):
        return section.strip('"')  # a fixed text: the figure as the report printed it
    m = _SECTION.match(section)
    assert m, f"not a format the data pack writes: {number_format!r}"
    scaled = Decimal(f"{shown:.15g}") * (100 if m["pct"] else 1)  # Excel shows 15 significant digits
    rounded = scaled.quantize(Decimal(1).scaleb(-len(m["dec"] or "")), rounding=ROUND_HALF_UP)
    digits = f"{rounded:{',' if m['body'] == '#,##0' else ''}f}"
    return m["sign"] + digits + ("%" if m["pct"] else "") + "".join(re.findall(r'"([^"]*)"', m["literal"]))


def libreoffice_shown(cells: list[tuple[float, str]], folder: Path) -> list[str]:
    """What LibreOffice itself displays for each (value, number format), read from its CSV export 'as shown'."""
    from openpyxl import Workbook

    wb = Workbook()
    for value, number_format in cells:
        wb.active.append([value])
        wb.active.cell(wb.active.max_row, 1).number_format = number_format
    wb.save(folder / "shown.xlsx")
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"  # its own profile: other runs may be open
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"  # the 9th token: as shown
    subprocess.run([SOFFICE, profile, "--headless", "--convert-to", csv_filter, "--outdir", str(folder),
                    str(folder / "shown.xlsx")], check=True, capture_output=True, timeout=180)
    return [row[0] for row in csv.reader((folder / "shown.csv").open(encoding="utf-8"))]


def libreoffice_pdf(document: Path, folder: Path) -> Path:
    """The document as LibreOffice prints it (a workbook with its print setup, a deck one slide a page)."""
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    subprocess.run([SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(document)],
                   check=True, capture_output=True, timeout=300)
    return folder / f"{document.stem}.pdf"
