"""The data pack's CSVs: one per table, full values unformatted, with a Basis column, numbered in reading order."""
from __future__ import annotations

import csv
from pathlib import Path

from ..core import formula_text
from ..report import chart_images
from .pack_contents import Table, short_title, with_basis, with_unit


def write_csvs(tables_: list[Table], folder: Path, market: str = "") -> list[Path]:
    """One CSV per table (full values, unformatted; a Basis column), numbered in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, table in enumerate(tables_, 1):
        header, rows = with_basis(table)
        path = folder / f"{n:02d}-{chart_images.slug(short_title(table.title, market))}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow([formula_text.csv_value(name) for name in with_unit(header, table.units)])
            out.writerows([["" if c.value is None else formula_text.csv_value(c.value) for c in row] for row in rows])
        written.append(path)
    return written
