"""A section notebook as the kernel leaves it, for the data pack's tests: tables and a chart with their metadata."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from cmo_helpers.pipeline import pack_contents
from cmo_helpers.report import size_charts, size_tables
from cmo_helpers.report.house_table import Cell, Table

if TYPE_CHECKING:
    from cmo_helpers.inputs.market_file import Params

SIZE_2025 = 504.9 * (1861.2 / 504.9) ** (1 / 9)  # the default market's first modelled year, by hand: 583.659...
FORMULA_NAMES = ["=HYPERLINK(\"http://x\",\"x\")", "=1+2", "+1+2", "-1+2", "@SUM(1,1)"]  # cells fold tabs to spaces


def output(view) -> dict:
    """A view as the kernel would leave it in a notebook: its display data with the metadata it carries."""
    data, metadata = view._repr_mimebundle_()
    return new_output("display_data", data=data, metadata=metadata)


def section_notebook(folder: Path, p: Params) -> Path:
    """A section with the default market's size table, a regions table (one assumed row), an inputs table, a chart."""
    rows = [{"Region": "North America", "Value 2023": Cell(185.6, "185.6"), "Share 2023": Cell(0.425, "42.5%")},
            {"Region": "Europe (assumed)", "Value 2023": Cell(117.94, "117.9"), "Share 2023": Cell(0.27, "27.0%")}]
    regions = Table("Region: values", rows, ["", "assumed"], {"Value 2023": "USD million"})
    inputs = Table("Inputs and their basis", [
        {"Figure": "Market size 2024", "Value": Cell(504.9, "504.9"), "Basis": "Sourced [1]",
         "Source's words or our rationale": "\u201cvalued at USD 504.9 million\u201d"},
        {"Figure": "Europe share", "Value": Cell(0.27, "27.0%"), "Basis": "Assumed",
         "Source's words or our rationale": "Not itemised | ours."}], ["", "assumed"])
    cell = new_code_cell("tables")
    cell.outputs = [output(size_tables.size_table(p)), output(regions), output(inputs),
                    output(size_charts.size_chart(p))]
    nb = new_notebook(cells=[cell])
    nbformat.validate(nb)
    path = folder / "04-regional-split.ipynb"
    nbformat.write(nb, path)
    return path


def formula_table() -> pack_contents.Table:
    """A table whose title, header and names a spreadsheet would run as formulas (OWASP's CSV-injection cases)."""
    rows = [[pack_contents.cell(name, name, "Item"), pack_contents.cell(1.5, "1.5", "Value")] for name in FORMULA_NAMES]
    return pack_contents.Table("=cmd|' /C calc'!A0", "s", ["Item", "@Value"], rows)
