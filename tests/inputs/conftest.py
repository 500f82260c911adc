"""Fixtures of the params workbook tests: the default market as a workbook, and where its items table is."""
from __future__ import annotations

from pathlib import Path

import pytest

from cmo_helpers.cli import main as cli
from cmo_helpers.inputs.xlsx_layout import LAYOUT


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    out = tmp_path / "healthcare-cmo.xlsx"
    assert cli.main(["params", "to-xlsx", "healthcare-cmo", "--out", str(out)]) == 0
    return out


@pytest.fixture
def items_sheet():
    """The first table of split items (a share and a basis column), whatever the schema calls its parts."""
    def first(wb) -> tuple[str, str, list]:
        for name, path, kind in wb[LAYOUT].iter_rows(min_row=2, values_only=True):
            header = [c.value for c in wb[name][1]]
            if kind == "table" and {"share", "basis"} <= set(header):
                return name, path, header
        raise AssertionError("no items table with share and basis")
    return first
