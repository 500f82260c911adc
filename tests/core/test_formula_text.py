"""Text a spreadsheet would run as a formula stays text (OWASP): workbook cells typed text, CSV fields quoted."""
from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from cmo_helpers.core import formula_text

RISKY = ["=HYPERLINK(\"http://x\",\"click\")", "=1+2", "+1+2", "-2+3", "@SUM(1,1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", RISKY)
def test_risky_text_gets_an_apostrophe_in_a_csv(value):
    assert formula_text.risky(value) and formula_text.csv_value(value) == "'" + value


@pytest.mark.parametrize("value", ["Europe", "1+2", "", 5, -1.5, None])
def test_other_values_are_left_alone(value):
    assert not formula_text.risky(value) and formula_text.csv_value(value) == value


def test_a_defused_workbook_holds_each_text_as_text(tmp_path):
    wb = Workbook()
    wb.active.append([*RISKY, 7])
    formula_text.defuse(wb)
    wb.save(tmp_path / "x.xlsx")
    cells = list(load_workbook(tmp_path / "x.xlsx").active[1])
    assert [c.value for c in cells] == [*RISKY, 7]
    assert [c.data_type for c in cells] == ["s"] * len(RISKY) + ["n"], "no cell is a formula"
    assert all(c.quotePrefix for c in cells[:-1]), "Excel keeps the text even when the cell is edited"
