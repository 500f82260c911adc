"""Params as a workbook: lossless both ways, the same strictness as YAML, errors that name the cell."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from cmo_helpers.cli import main as cli
from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import ROOT, market_params_files
from cmo_helpers.inputs import xlsx as params_xlsx
from cmo_helpers.inputs.load import load_params, read_yaml

FIXTURES = ROOT / "tests" / "data" / "releases7"  # issue 7's v2 files: breakdowns, totals, nested items
SAMPLES = [*market_params_files(), *(p for p in sorted(FIXTURES.glob("*.yaml")) if not p.name.endswith(".expect.yaml"))]


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    out = tmp_path / "healthcare-cmo.xlsx"
    assert cli.main(["params", "to-xlsx", "healthcare-cmo", "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_yaml_to_xlsx_to_yaml_is_lossless(path, tmp_path):
    data = yaml.safe_load(path.read_text())
    back, _ = params_xlsx.read_workbook(params_xlsx.to_workbook(data, tmp_path / "p.xlsx"))
    assert back == data


def test_cli_round_trip_gives_the_same_params(workbook, tmp_path):
    out = tmp_path / "back.yaml"
    assert cli.main(["params", "to-yaml", str(workbook), "--out", str(out)]) == 0
    assert yaml.safe_load(out.read_text()) == read_yaml(ROOT / "params" / "healthcare-cmo.yaml")
    assert load_params(workbook).model_dump() == load_params("healthcare-cmo").model_dump(), "the same figures"


def _items_sheet(wb) -> tuple[str, str, list]:
    """The first table of split items (a share and a basis column), whatever the schema calls its parts."""
    for name, path, kind in wb[params_xlsx.LAYOUT].iter_rows(min_row=2, values_only=True):
        header = [c.value for c in wb[name][1]]
        if kind == "table" and {"share", "basis"} <= set(header):
            return name, path, header
    raise AssertionError("no items table with share and basis")


def test_workbook_has_a_sheet_per_part_headers_drop_downs_and_notes(workbook):
    wb = load_workbook(workbook)
    data = read_yaml(ROOT / "params" / "healthcare-cmo.yaml")
    parts = [name for name in wb.sheetnames if " " not in name and name != params_xlsx.LAYOUT]
    assert parts == [key[:1].upper() + key[1:] for key in data if isinstance(data[key], (dict, list))]
    assert wb[params_xlsx.LAYOUT].sheet_state == "hidden"
    name, _, header = _items_sheet(wb)
    basis = chr(ord("A") + header.index("basis"))
    checks = {str(dv.sqref): dv.formula1 for dv in wb[name].data_validations.dataValidation}
    assert checks[f"{basis}2:{basis}{wb[name].max_row + 199}"] == '"sourced,assumed"'
    share = wb[name].cell(1, header.index("share") + 1)
    assert "share of the whole market" in share.comment.text
    units = {dv.formula1 for dv in wb["Market"].data_validations.dataValidation}
    assert '"thousand,million,billion,trillion"' in units


def test_errors_name_the_workbook_sheet_and_cell(workbook, capsys):
    wb = load_workbook(workbook)
    name, path, header = _items_sheet(wb)
    share, basis = (chr(ord("A") + header.index(k)) for k in ("share", "basis"))
    wb[name][f"{share}2"] = 1.7
    wb[name][f"{basis}2"] = "guess"
    wb.save(workbook)
    with pytest.raises(ParamsError) as caught:
        load_params(workbook)
    text = str(caught.value)
    assert f"{workbook}: {name}!{share}2 ({path}[0].share): " in text
    assert f"{workbook}: {name}!{basis}2 ({path}[0].basis): Input should be 'sourced' or 'assumed'" in text
    assert cli.main(["validate", str(workbook)]) == 2
    assert f"{name}!{basis}2" in capsys.readouterr().err


def test_a_missing_key_names_its_row(workbook):
    wb = load_workbook(workbook)
    assert wb["Sources"]["A1"].value == "id"
    wb["Sources"]["A2"] = None  # the source's id, which figures cite
    wb.save(workbook)
    with pytest.raises(ParamsError, match=r"Sources!A2 \(sources\[0\]\.id\)"):
        load_params(workbook)


@pytest.mark.parametrize(("content", "reason"), [(b"not a zip", "not a readable .xlsx workbook"),
                                                 (None, "no _layout sheet"),
                                                 ("bomb", "a params workbook is far smaller")])
def test_a_workbook_not_made_by_to_xlsx_is_refused_clearly(tmp_path, content, reason):
    path = tmp_path / "p.xlsx"
    if content is None:
        from openpyxl import Workbook

        Workbook().save(path)
    elif content == "bomb":  # 21 MB of zeros that zip down to a few kilobytes
        import zipfile

        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", b"0" * (params_xlsx.MAX_INFLATED + 1))
    else:
        path.write_bytes(content)
    with pytest.raises(ParamsError, match=reason):
        load_params(path)


def test_to_xlsx_never_overwrites_an_edited_workbook(workbook, capsys):
    before = workbook.read_bytes()
    assert cli.main(["params", "to-xlsx", "healthcare-cmo", "--out", str(workbook)]) == 2
    assert "already exists" in capsys.readouterr().err and workbook.read_bytes() == before


def test_hostile_keys_make_valid_sheet_names(tmp_path):
    data = {"a/b:c*?\\x": {"k": 1}, "drivers": ["x"] * 2, "long" * 20: [{"name": "n", "v": 2.0}]}
    path = params_xlsx.to_workbook(data, tmp_path / "p.xlsx")
    back, _ = params_xlsx.read_workbook(path)
    assert back == data and isinstance(back["long" * 20][0]["v"], float)
    assert all(len(name) <= 31 and not set("[]:*?/\\") & set(name) for name in load_workbook(path).sheetnames)
    with pytest.raises(ParamsError, match="cannot go into a workbook"):
        params_xlsx.to_workbook({"a.b": 1}, tmp_path / "q.xlsx")


@pytest.mark.parametrize(("row", "reason"), [
    (("Market", "market", "chart"), "_layout!A2: not a sheet, key path"),
    (("Market", "a..b", "mapping"), "_layout!A2: not a sheet, key path"),
    (("Market", "sources[7].x", "mapping"), "Market!A1: its contents do not fit"),
])
def test_an_edited_layout_sheet_is_an_error_not_a_crash(workbook, row, reason):
    wb = load_workbook(workbook)
    for cell, value in zip(wb[params_xlsx.LAYOUT][2], row, strict=True):
        cell.value = value
    wb.save(workbook)
    with pytest.raises(ParamsError, match=re.escape(reason)):
        params_xlsx.read_workbook(workbook)
