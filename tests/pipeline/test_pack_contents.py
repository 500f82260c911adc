"""What the pack reads from the notebooks: the model's full values, formatted to show the report's digits, with
units, basis and chart series."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from excel_display import SOFFICE, as_shown, libreoffice_shown
from nbformat.v4 import new_code_cell, new_notebook, new_output
from pack_cases import SIZE_2025, section_notebook
from release_fixtures import fixtures

from cmo_helpers.core import formatting
from cmo_helpers.core.paths import market_params_files
from cmo_helpers.inputs.session import load
from cmo_helpers.pipeline import pack_contents
from cmo_helpers.report import audit_view, house_table, scenario_view, size_tables, sources_view, split_tables
from cmo_helpers.report.house_table import Cell, Table

SIGNED = "+#,##0.0;-#,##0.0;{}#,##0.0"


@pytest.mark.parametrize(
    ("value", "text", "column", "held", "number_format", "note"),
    [
        (SIZE_2025, "583.7", "", SIZE_2025, "#,##0.0", ""),
        (1042.2605509196692, "1,042.3", "", 1042.2605509196692, "#,##0.0", ""),
        (78.75949710045813, "+78.8", "", 78.75949710045813, SIGNED.format("+"), ""),
        (-392.10160139749473, "-392.1", "", -392.10160139749473, SIGNED.format("-"), ""),
        (0.0, "+0.0", "", 0.0, SIGNED.format("+"), ""),
        (0.15599028936513792, "15.6%", "", 0.15599028936513792, "0.0%", ""),
        (0.15599028936513792, "15.60%", "", 0.15599028936513792, "0.00%", ""),
        (0.2594314324995528, "+25.9%", "", 0.2594314324995528, "+0.0%;-0.0%;+0.0%", ""),
        (-0.0003051888329898278, "-0.031 pp", "", -0.03051888329898278, '+0.000" pp";-0.000" pp";-0.000" pp"', ""),
        (3.72, "3.7\u00d7", "", 3.72, '0.0"\u00d7"', ""),
        (0.104, "10.4% (assumed)", "", 0.104, "0.0%", "(assumed)"),
        (185.5, "185.5 [1]", "", 185.5, "#,##0.0", "[1]"),
        (8.235999999999999, "8.2 (model)", "", 8.235999999999999, "#,##0.0", "(model)"),
        (21.1, "21.10 (2030)", "", 21.1, '#,##0.00" (2030)"', ""),
        (16.03544166400752, "+16.0 (+2.1%)", "", 16.03544166400752,
         '+#,##0.0" (+2.1%)";-#,##0.0" (+2.1%)";+#,##0.0" (+2.1%)"', ""),
        (12345.6, "12345.6", "", 12345.6, "0.0", ""),
        # ties: 100 - 57.85 - 24.6 = 17.55, and -0.25, round half away from zero in the report as in a spreadsheet
        # ties print as fixed text: 100 - 57.85 - 24.6 = 17.55 is 17.6% in the report and in Excel, 17.5% in
        # LibreOffice (it scales by 100 in binary); the modelled 8.949999999999994 (stated 8.95) is 9.0 in the report,
        # 8.9 in both spreadsheets (its noise lies past Excel's 15 digits)
        (1 - 0.5785 - 0.246, "17.6% (model)", "", 1 - 0.5785 - 0.246, '"17.6%";"17.6%";"17.6%"', "(model)"),
        (8.949999999999994, "9.0", "", 8.949999999999994, '"9.0";"9.0";"9.0"', ""),
        (2.36 - 1.21, "1.2", "", 2.36 - 1.21, '"1.2";"1.2";"1.2"', ""),
        (-0.25, "-0.3", "", -0.25, '"-0.3";"-0.3";"-0.3"', ""),
        (-0.0015000000000000013, "-0.2 pp", "", -0.15000000000000013, '"-0.2 pp";"-0.2 pp";"-0.2 pp"', ""),
        (0.1754, "17.5%", "", 0.1754, "0.0%", ""),  # near a tie but not at one: a number format
        ("2024", "2024", "Year", 2024, "0", ""),
        ("2024", "2024", "Item", "2024", "General", ""),
        (None, "\u2013", "", None, "General", ""),
        (None, "no value given", "", "no value given", "General", ""),
        (0.5, "not stated", "", "not stated", "General", ""),
        ("North America", "North America", "", "North America", "General", ""),
    ],
)
def test_cells_hold_full_values_in_a_format_showing_the_reports_digits(value, text, column, held, number_format, note):
    cell = pack_contents.cell(value, text, column)
    assert (cell.value, cell.number_format, cell.note) == (held, number_format, note)
    assert type(cell.value) is type(held)
    if cell.numeric:
        assert as_shown(cell.value, cell.number_format) + (f" {note}" if note else "") == text


@pytest.fixture
def notebook(tmp_path: Path, cmo) -> Path:
    """A section with the default market's size table, a regions table (one assumed row), an inputs table, a chart."""
    return section_notebook(tmp_path, cmo)


def test_tables_are_read_from_their_output_metadata(notebook):
    size, regions, inputs = pack_contents.tables([notebook])
    assert (regions.title, regions.section, regions.header) == ("Region: values", "04-regional-split",
                                                                ["Region", "Value 2023", "Share 2023"])
    assert regions.assumed_rows == {1} and size.assumed_rows == set()
    assert [c.value for c in regions.rows[1]] == ["Europe (assumed)", 117.94, 0.27]
    assert [c.text for c in regions.rows[1]] == ["Europe (assumed)", "117.9", "27.0%"]
    assert size.rows[1][1].value == pytest.approx(SIZE_2025, rel=1e-12) and size.rows[1][1].text == "583.7"
    assert [c.value for c in inputs.rows[1]] == ["Europe share", 0.27, "Assumed", "Not itemised | ours."]


def test_a_table_without_a_basis_column_gets_one():
    header = ["Year", "Stated", "Model"]
    rows = [[pack_contents.cell(v, t, h) for v, t, h in zip(values, texts, header, strict=True)]
            for values, texts in ((("2023", 185.5, 185.64), ("2023", "185.5 [1]", "185.6")),
                                  (("2024", 213.0, 213.02), ("2024", "213.0", "213.0")))]
    table = pack_contents.Table("t", "s", header, rows, {1}, {"Stated": "USD million"})
    header, rows = pack_contents.with_basis(table)
    assert header[-1] == "Basis" and [r[-1].value for r in rows] == ["Sourced [1]", "Assumed"]
    assert pack_contents.with_unit(header, table.units) == ["Year", "Stated (USD million)", "Model", "Basis"]


def test_shares_are_fractions_with_a_percent_format_on_chart_sheets_too(cmo):
    chart = {"name": "shares", "data": {"title": "Service type: shares in 2024", "unit": "Share of market, 2024 (%)",
                                        "columns": ["Series", "Category", "Value", "Starts at", "Ends at", "Basis"],
                                        "rows": [["s", "Pharma", 62.0, 0.0, 62.0, ""]]}}
    title, header, rows = pack_contents.chart_table(chart)
    assert title == "Chart: Service type: shares in 2024" and header[2] == "Value (share of market, 2024)"
    assert (rows[0][2].value, rows[0][2].number_format) == (0.62, "0.0%")


def test_a_table_shown_without_metadata_is_not_in_the_pack(tmp_path):
    """Only outputs that carry their numbers count; HTML is never read back."""
    cell = new_code_cell("html")
    cell.outputs = [new_output("display_data", data={"text/html": Table("t", [{"a": Cell(1.0, "1.0")}])._repr_html_()})]
    path = tmp_path / "01-x.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    assert pack_contents.tables([path]) == []


def test_the_key_is_the_one_tables_write():
    assert pack_contents.KEY == house_table.KEY


def _report_tables(market) -> list[Table]:
    """Every table a report can show for a market, built as its notebooks build them."""
    p = market.shown
    found = [size_tables.size_table(p), size_tables.stated_totals_table(p), size_tables.cagr_table(p),
             size_tables.paths_table(p)]
    for b in p.breakdowns:
        found += [split_tables.breakdown_table(p, b), split_tables.history_table(p, b),
                  split_tables.breakdown_values_table(p, b)]
    found += [sources_view.inputs_table(p), audit_view.reconciliation_table(market.published),
              scenario_view.tornado_table(p), scenario_view.scenario_comparison(market)]
    return [t for t in found if isinstance(t, Table)]


MARKETS = [*market_params_files(), *(f.params_path for f in fixtures())]


@pytest.mark.parametrize("params", MARKETS, ids=lambda p: p.stem)
def test_every_figure_of_every_market_shows_in_the_workbook_as_in_the_report(params):
    """Through the metadata, as the pack reads it: each number's format prints exactly the report's text."""
    checked = 0
    every = [load(params, case) for case in load(params).cases]  # the base case and each scenario
    for table in [t for market in every for t in _report_tables(market)]:
        read = pack_contents.from_metadata(table.metadata(), "s")
        for row in read.rows:
            for cell in row:
                if cell.numeric:
                    shown = as_shown(cell.value, cell.number_format) + (f" {cell.note}" if cell.note else "")
                    assert shown == cell.text, (table.caption, cell.value)
                    checked += 1
    assert checked > 50


def _ties() -> list[tuple[float, str]]:
    """Figures written with one digit more than shown, ending in 5, reached through arithmetic that leaves noise."""
    found = []
    for n in range(2000):
        value = 1 - (1 - (n / 1000 + 0.0005))  # 0.0005, 0.0015, ..., 1.9995
        found += [(value, formatting.number(value, 3)), (-value, formatting.signed(-value, 3)),
                  (value, formatting.pct(value, 1)), (value / 100, formatting.pp(value / 100, 3))]
    return found


def test_every_tie_prints_the_reports_figure_as_fixed_text():
    for value, text in _ties():
        shown = pack_contents.cell(value, text)
        assert shown.number_format == ";".join([f'"{text}"'] * 3), (value, text)
        assert as_shown(shown.value, shown.number_format) == text


def test_noise_past_a_spreadsheets_15_digits_is_a_tie_too(tmp_path):
    """The fixture states 8.95 for 2031; compounding gives a value a spreadsheet shows as 8.9 at one decimal, where a
    report shows 9.0; the report keeps the source's two decimals (formatting.value_decimals), so it is no tie there."""
    fixture = next(f for f in fixtures() if f.name == "sterilisation-cagr-only")
    market_file = tmp_path / "sterilisation.yaml"
    market_file.write_text(fixture.params_path.read_text(encoding="utf-8"), encoding="utf-8")
    overlay = tmp_path / "scenarios" / fixture.params["market"]["slug"] / "fast.yaml"
    overlay.parent.mkdir(parents=True)
    overlay.write_text("title: Fast\nrationale: Faster growth.\noverrides:\n  size:\n    anchor: cagr\n"
                       "    cagr: {rate: 0.10}\n", encoding="utf-8")
    base = pack_contents.from_metadata(scenario_view.scenario_comparison(load(market_file)).metadata(), "s").rows[0][1]
    assert f"{base.value:.15g}" == "8.94999999999999"  # what Excel rounds: 8.9
    assert (base.text, base.number_format) == ("8.95", "#,##0.00")
    one = pack_contents.cell(base.value, formatting.number(base.value, 1))  # the same value at the house decimal
    assert (one.text, one.number_format) == ("9.0", '"9.0";"9.0";"9.0"')


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc")
def test_libreoffice_shows_every_figure_as_the_report_prints_it(tmp_path):
    """Every figure of every market and fixture, and the ties, opened in LibreOffice itself."""
    cells = [pack_contents.cell(value, text) for value, text in _ties()]
    for market in [load(params, case) for params in MARKETS for case in load(params).cases]:
        cells += [c for t in _report_tables(market) for row in pack_contents.from_metadata(t.metadata(), "s").rows
                  for c in row if c.numeric]
    shown = libreoffice_shown([(c.value, c.number_format) for c in cells], tmp_path)
    assert [s + (f" {c.note}" if c.note else "") for s, c in zip(shown, cells, strict=True)] == [c.text for c in cells]


@pytest.mark.parametrize(("value", "text"), [(-0.04, "+0.0"), (-0.0004, "0.0 pp"), (-0.00004, "0.0%")])
def test_a_small_negative_the_report_shows_as_zero_prints_as_zero_in_a_spreadsheet(value, text):
    from cmo_helpers.pipeline.pack_contents import cell

    c = cell(value, text)
    assert c.value == pytest.approx(value * (100 if text.endswith("pp") else 1))
    assert c.number_format == ";".join([f'"{text}"'] * 3), "Excel would print '-0.0' from the plain format"
