"""The CSVs: one per table, the same full values as the workbook, no formula."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pack_cases import FORMULA_NAMES, SIZE_2025, formula_table, section_notebook

from cmo_helpers.pipeline import datapack, pack_csvs


@pytest.fixture
def notebook(tmp_path: Path, cmo) -> Path:
    """A section with the default market's size table, a regions table (one assumed row), an inputs table, a chart."""
    return section_notebook(tmp_path, cmo)


def test_csvs_hold_the_same_full_values(notebook, cmo, tmp_path):
    datapack.write([notebook], tmp_path, cmo)
    files = sorted((tmp_path / "data").glob("*.csv"))
    assert [f.name for f in files] == ["01-size-by-year.csv", "02-region-values.csv", "03-inputs-and-their-basis.csv"]
    size = list(csv.reader(files[0].open(encoding="utf-8")))
    assert size[0] == ["Year", "Market size (USD million)", "Change (USD million)", "Growth", "Basis"]
    assert size[1] == ["2024", "504.9", "", "", "Sourced [1]"]
    assert float(size[2][1]) == pytest.approx(SIZE_2025, rel=1e-12) and size[2][1].startswith("583.659")
    regions = list(csv.reader(files[1].open(encoding="utf-8")))
    assert regions[2] == ["Europe (assumed)", "117.94", "0.27", "Assumed"]


def test_names_a_spreadsheet_would_run_are_written_as_text_in_the_csvs(tmp_path):
    """OWASP's CSV-injection advice: text starting with = + - @ tab or CR never becomes a live formula."""
    csv_path = pack_csvs.write_csvs([formula_table()], tmp_path)[0]
    lines = list(csv.reader(csv_path.open(encoding="utf-8")))
    assert lines[0][:2] == ["Item", "'@Value"] and [r[0] for r in lines[1:]] == ["'" + n for n in FORMULA_NAMES]
