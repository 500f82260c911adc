"""Styler tables in Typst: the id rules colour, align and shade their cells; the caption heads the table."""
from __future__ import annotations

import re

from cmo_helpers.report.house_table import Cell, Table
from cmo_helpers.typeset import markup as typst_markup


def test_styler_rules_colour_align_and_shade_their_cells():
    table = Table("Items", [{"Item": "Sourced item", "Value": Cell(1200.0, "1,200.0"), "Basis": "Sourced [1]"},
                            {"Item": "Guessed item", "Value": Cell(80.5, "80.5"), "Basis": "Assumed"}], ["", "assumed"])
    markup = typst_markup.convert(table._repr_html_()).markup
    assert "table.header(" in markup and "columns: 3" in markup
    guessed = re.search(r"table\.cell\(((?:[^()]|\([^()]*\))*)\)\[#emph\[80\\\.5\]\]", markup)
    assert guessed and "fill: rgb(" in guessed.group(1) and "align: right" in guessed.group(1), markup
    sourced = re.search(r"table\.cell\(((?:[^()]|\([^()]*\))*)\)\[1\\,200\\\.0\]", markup)
    assert sourced and "fill" not in sourced.group(1) and "align: right" in sourced.group(1), markup
    assert "#strong[Items]" in markup, "the caption heads the table"
