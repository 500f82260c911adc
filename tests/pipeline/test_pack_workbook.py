"""The workbook: the model's full values shown with the report's digits, sheets that read and print like the report,
the same bytes from the same inputs, no formula anywhere."""
from __future__ import annotations

from pathlib import Path

import pytest
from excel_display import as_shown
from openpyxl import load_workbook
from pack_cases import FORMULA_NAMES, SIZE_2025, formula_table, section_notebook

from cmo_helpers.core import report_date
from cmo_helpers.model import forecast
from cmo_helpers.pipeline import datapack, pack_workbook


@pytest.fixture
def notebook(tmp_path: Path, cmo) -> Path:
    """A section with the default market's size table, a regions table (one assumed row), an inputs table, a chart."""
    return section_notebook(tmp_path, cmo)


def test_workbook_holds_full_values_shown_with_the_reports_digits(notebook, cmo, tmp_path):
    path = datapack.write([notebook], tmp_path / "out", cmo)
    assert path.name == "healthcare-cmo-data.xlsx" and not list(path.parent.glob("*.part"))
    wb = load_workbook(path)
    assert wb.sheetnames[:4] == ["About", "01 Size by year", "02 Region values", "03 Inputs and their basis"]
    assert wb.sheetnames[4:] == ["04 Market size", "Sources and basis", "Assumptions"]
    assert wb["04 Market size"]["A1"].value == "Chart: Market size, 2024\u20132033"
    size = wb["01 Size by year"]
    assert [c.value for c in size[2]] == ["Year", "Market size (USD million)", "Change (USD million)", "Growth",
                                          "Basis"]
    year, total, change, growth, basis = size[4]
    assert (year.value, basis.value) == (2025, "Modelled")
    assert total.value == pytest.approx(SIZE_2025, rel=1e-12) and total.value != round(total.value, 1)
    assert (total.number_format, as_shown(total.value, total.number_format)) == ("#,##0.0", "583.7")
    assert change.value == pytest.approx(SIZE_2025 - 504.9, rel=1e-12)
    assert as_shown(change.value, change.number_format) == "+78.8"
    assert growth.value == pytest.approx(SIZE_2025 / 504.9 - 1, rel=1e-12)
    assert as_shown(growth.value, growth.number_format) == "15.6%"
    assert [c.value for c in size[3]] == [2024, 504.9, None, None, "Sourced [1]"]
    region = wb["02 Region values"]
    assert [c.value for c in region[2]] == ["Region", "Value 2023 (USD million)", "Share 2023", "Basis"]
    europe = region[4]
    assert [c.value for c in europe] == ["Europe (assumed)", 117.94, 0.27, "Assumed"]
    assert [c.number_format for c in europe[1:3]] == ["#,##0.0", "0.0%"]
    assert europe[1].font.i and europe[1].fill.fgColor.rgb.endswith(pack_workbook.ASSUMED_FILL)
    chart = wb[wb.sheetnames[4]]
    drawn = [row[2] for row in chart.iter_rows(min_row=3, values_only=True)]
    assert drawn == pytest.approx(list(forecast.totals(cmo).values)), "chart sheets hold the unrounded model values"
    sources = [row for row in wb["Sources and basis"].iter_rows(values_only=True)]
    assert ("Assumed", dict(pack_workbook.BASIS_LEGEND)["Assumed"]) in sources
    assert sources[sources.index(("#", "Source")) + 1][1].startswith("Market.us Media")
    assumptions = [row for row in wb["Assumptions"].iter_rows(min_row=3, values_only=True)]
    assert ("Inputs and their basis", "Europe share", "Assumed", "Not itemised | ours.") in assumptions
    assert ("Region: values", "Europe (assumed)", "Assumed", pack_workbook.NO_REASON) in assumptions


def test_the_pack_reads_and_prints_like_the_report(notebook, cmo, tmp_path):
    """Whole sheet names with a linked contents, sized columns, the PDF's font, frozen headers, a print setup."""
    wb = load_workbook(datapack.write([notebook], tmp_path, cmo))
    about = wb["About"]
    contents = {row[0].value: row for row in about.iter_rows() if row[0].hyperlink}
    assert list(contents) == wb.sheetnames[1:]
    assert contents["02 Region values"][2].value == "Region: values"
    assert contents["02 Region values"][0].hyperlink.location == "'02 Region values'!A1"
    for ws in wb.worksheets[1:]:
        assert ws.print_title_rows == "$1:$2" and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.oddHeader.left.text == cmo.market.name
        assert all(cell.font.name == "DejaVu Sans" for row in ws.iter_rows() for cell in row if cell.value is not None)
        assert all(cell.alignment.wrap_text for cell in ws[2])
    size = wb["01 Size by year"]
    assert size.freeze_panes == "A3" and size.page_setup.orientation == "portrait"
    assert size.column_dimensions["A"].width < size.column_dimensions["B"].width < 30, "sized to content, not fixed"


def test_the_same_inputs_give_the_same_workbook_bytes_dated_the_report_date(notebook, cmo, tmp_path, monkeypatch):
    monkeypatch.setenv(report_date.ENV, "1772323200")  # 1 March 2026, whatever day the test runs
    first = datapack.write([notebook], tmp_path / "a", cmo)
    assert datapack.write([notebook], tmp_path / "b", cmo).read_bytes() == first.read_bytes()
    said = [c.value for ws in load_workbook(first).worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and "Rendered" in c.value]
    assert said and all("Rendered 1 March 2026" in text for text in said), said


def test_names_a_spreadsheet_would_run_are_written_as_text_in_the_workbook(tmp_path):
    """OWASP's CSV-injection advice: text starting with = + - @ tab or CR never becomes a live formula."""
    pack = pack_workbook.Pack("=Market", "USD million", "today", [])
    path = pack_workbook.write_workbook([formula_table()], [], pack, tmp_path / "p.xlsx")
    cells = [c for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "no formula cell anywhere in the pack"
    shown = {c.value for c in cells if c.data_type == "s"}
    assert set(FORMULA_NAMES) <= shown and {"=Market", "@Value"} <= shown
