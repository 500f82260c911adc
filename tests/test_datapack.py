"""The data pack holds the report's tables and chart series as numbers, with formats, units and basis."""
from __future__ import annotations

import csv
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from openpyxl import load_workbook

from cmo_helpers import charts, datapack, forecast
from cmo_helpers.tables import Cell, Table


@pytest.mark.parametrize(
    ("text", "value", "number_format", "note"),
    [
        ("1,042.3", 1042.3, "#,##0.0", ""),
        ("2024", 2024, "0", ""),
        ("+78.8", 78.8, "+#,##0.0;-#,##0.0;#,##0.0", ""),
        ("\u221212.5", -12.5, "+#,##0.0;-#,##0.0;#,##0.0", ""),
        ("15.6%", 0.156, "0.0%", ""),
        ("16.60%", 0.166, "0.00%", ""),
        ("+0.1%", 0.001, "+0.0%;-0.0%;0.0%", ""),
        ("+1.00 pp", 1.0, '+0.00" pp";-0.00" pp";0.00" pp"', ""),
        ("3.7\u00d7", 3.7, '0.0"\u00d7"', ""),
        ("14.6% (assumed)", 0.146, "0.0%", "(assumed)"),
        ("185.5 [1]", 185.5, "#,##0.0", "[1]"),
        ("313.0 (model)", 313.0, "#,##0.0", "(model)"),
        ("\u2013", None, "General", ""),
        ("North America", "North America", "General", ""),
        ("42.5% / 185.5", "42.5% / 185.5", "General", ""),
    ],
)
def test_shown_figures_become_numbers_with_the_reports_format(text, value, number_format, note):
    cell = datapack.parse(text)
    assert (cell.value, cell.number_format, cell.note) == (value, number_format, note)
    assert type(cell.value) is type(value)


@pytest.fixture
def notebook(tmp_path: Path, cmo) -> Path:
    """A section with a house-style table (one assumed row), a Markdown inputs table and a chart."""
    rows = [{"Region": "North America", "Value 2023": Cell(185.6, "185.6"), "Share 2023": Cell(0.425, "42.5%")},
            {"Region": "Europe (assumed)", "Value 2023": Cell(117.9, "117.9"), "Share 2023": Cell(0.27, "27.0%")}]
    table = new_code_cell("table")
    html = Table("Region: values", rows, ["", "assumed"])._repr_html_()
    table.outputs = [new_output("display_data", data={"text/html": html})]
    inputs = new_code_cell("inputs")
    inputs.outputs = [new_output("display_data", data={"text/markdown": (
        "### Inputs and their basis\n\n| Figure | Value | Basis | Note |\n|---|---|---|---|\n"
        "| Market size 2024 | 504.9 | Sourced \\[1\\] |  |\n"
        "| Europe share | 27.0% | Assumed | Not itemised \\| ours. |\n")})]
    chart = new_code_cell("chart")
    data, metadata = charts.size_chart(cmo)._repr_mimebundle_()
    chart.outputs = [new_output("display_data", data=data, metadata=metadata)]
    path = tmp_path / "04-regional-split.ipynb"
    nbformat.write(new_notebook(cells=[table, inputs, chart]), path)
    return path


def test_tables_are_read_back_from_the_notebook_with_their_shading(notebook):
    styler, inputs = datapack.tables([notebook])
    assert (styler.title, styler.section, styler.header) == ("Region: values", "04-regional-split",
                                                              ["Region", "Value 2023", "Share 2023"])
    assert styler.assumed_rows == {1}
    assert [c.value for c in styler.rows[1]] == ["Europe (assumed)", 117.9, 0.27]
    assert inputs.title == "Inputs and their basis"
    assert [c.text for c in inputs.rows[1]] == ["Europe share", "27.0%", "Assumed", "Not itemised | ours."]


def test_a_table_without_a_basis_column_gets_one():
    table = datapack.Table("t", "s", ["Year", "Stated", "Model"],
                           [[datapack.parse(t) for t in row] for row in (["2023", "185.5 [1]", "185.6"],
                                                                          ["2024", "213.0", "213.0"])], {1})
    header, rows = datapack.with_basis(table)
    assert header[-1] == "Basis" and [r[-1].value for r in rows] == ["Sourced [1]", "Assumed"]
    assert datapack.with_unit(header, rows, "USD million") == ["Year", "Stated (USD million)", "Model (USD million)",
                                                                "Basis"]


def test_workbook_sheets_hold_numbers_formats_units_and_basis(notebook, cmo, tmp_path):
    path = datapack.write([notebook], tmp_path / "out", cmo)
    assert path.name == "healthcare-cmo-data.xlsx" and not list(path.parent.glob("*.part"))
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["About", "01 Region values", "02 Inputs and their basis"]
    assert wb.sheetnames[3].startswith("03 Chart ") and wb.sheetnames[4:] == ["Sources", "Assumptions"]
    region = wb["01 Region values"]
    assert [c.value for c in region[2]] == ["Region", "Value 2023 (USD million)", "Share 2023", "Basis"]
    europe = region[4]
    assert [c.value for c in europe] == ["Europe (assumed)", 117.9, 0.27, "Assumed"]
    assert [c.number_format for c in europe[1:3]] == ["#,##0.0", "0.0%"]
    assert europe[1].font.i and europe[1].fill.fgColor.rgb.endswith(datapack.ASSUMED_FILL)
    chart = wb[wb.sheetnames[3]]
    drawn = [row[2] for row in chart.iter_rows(min_row=3, values_only=True)]
    assert drawn == pytest.approx(list(forecast.totals(cmo).values)), "chart sheets hold the unrounded model values"
    assert wb["Sources"]["B2"].value.startswith("Market.us Media")
    assumptions = [row for row in wb["Assumptions"].iter_rows(min_row=2, values_only=True)]
    assert ("Inputs and their basis", "Europe share", "Assumed", "Not itemised | ours.") in assumptions
    assert ("Region: values", "Europe (assumed)", "Assumed", None) in assumptions


def test_csvs_match_the_workbook(notebook, cmo, tmp_path):
    datapack.write([notebook], tmp_path, cmo)
    files = sorted((tmp_path / "data").glob("*.csv"))
    assert [f.name for f in files] == ["01-region-values.csv", "02-inputs-and-their-basis.csv"]
    rows = list(csv.reader(files[0].open(encoding="utf-8")))
    assert rows[0] == ["Region", "Value 2023 (USD million)", "Share 2023", "Basis"]
    assert rows[2] == ["Europe (assumed)", "117.9", "0.27", "Assumed"]


def test_hostile_titles_make_valid_unique_sheet_names():
    taken: set[str] = set()
    names = [datapack._sheet_name(1, "a/b:c*d?[e]\\" + "x" * 40, taken) for _ in range(3)]
    assert len(set(names)) == 3 and all(len(n) <= 31 and not set("[]:*?/\\") & set(n) for n in names)
