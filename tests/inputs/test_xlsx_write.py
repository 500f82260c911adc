"""Writing a params workbook: a sheet per part, drop-downs and notes, never over an edited one."""
from __future__ import annotations

import yaml
from openpyxl import load_workbook

from cmo_helpers.cli import main as cli
from cmo_helpers.core.paths import ROOT
from cmo_helpers.inputs import xlsx_layout, xlsx_read, xlsx_write
from cmo_helpers.inputs.load import read_yaml


def test_workbook_has_a_sheet_per_part_headers_drop_downs_and_notes(workbook, items_sheet):
    wb = load_workbook(workbook)
    data = read_yaml(ROOT / "params" / "healthcare-cmo.yaml")
    parts = [name for name in wb.sheetnames if " " not in name and name != xlsx_layout.LAYOUT]
    assert parts == [key[:1].upper() + key[1:] for key in data if isinstance(data[key], (dict, list))]
    assert wb[xlsx_layout.LAYOUT].sheet_state == "hidden"
    name, _, header = items_sheet(wb)
    basis = chr(ord("A") + header.index("basis"))
    checks = {str(dv.sqref): dv.formula1 for dv in wb[name].data_validations.dataValidation}
    assert checks[f"{basis}2:{basis}{wb[name].max_row + 199}"] == '"sourced,assumed"'
    share = wb[name].cell(1, header.index("share") + 1)
    assert "share of the whole market" in share.comment.text
    units = {dv.formula1 for dv in wb["Market"].data_validations.dataValidation}
    assert '"thousand,million,billion,trillion"' in units


def test_to_xlsx_never_overwrites_an_edited_workbook(workbook, capsys):
    before = workbook.read_bytes()
    assert cli.main(["params", "to-xlsx", "healthcare-cmo", "--out", str(workbook)]) == 2
    assert "already exists" in capsys.readouterr().err and workbook.read_bytes() == before


def test_names_a_spreadsheet_would_run_stay_text_both_ways(tmp_path):
    data = yaml.safe_load((ROOT / "tests" / "data" / "tiny.yaml").read_text())
    risky = ["=HYPERLINK(\"http://x\",\"x\")", "+1+2", "@SUM(1,1)"]
    for item, name in zip(data["segments"]["items"], risky, strict=False):
        item["name"] = name
    data["market"]["name"] = risky[2]
    path = xlsx_write.to_workbook(data, tmp_path / "p.xlsx")
    cells = [c for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value in risky]
    assert len(cells) == 3 and all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert xlsx_read.read_workbook(path)[0] == data
