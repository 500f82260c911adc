"""Params as a workbook and back: lossless both ways, whatever the keys are called."""
from __future__ import annotations

import pytest
import yaml
from openpyxl import load_workbook

from cmo_helpers.cli import main as cli
from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import ROOT, market_params_files
from cmo_helpers.inputs import xlsx_read, xlsx_write
from cmo_helpers.inputs.load import load_params, read_yaml

FIXTURES = ROOT / "tests" / "data" / "releases7"  # issue 7's v2 files: breakdowns, totals, nested items
SAMPLES = [*market_params_files(), *(p for p in sorted(FIXTURES.glob("*.yaml")) if not p.name.endswith(".expect.yaml"))]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_yaml_to_xlsx_to_yaml_is_lossless(path, tmp_path):
    data = yaml.safe_load(path.read_text())
    back, _ = xlsx_read.read_workbook(xlsx_write.to_workbook(data, tmp_path / "p.xlsx"))
    assert back == data


def test_cli_round_trip_gives_the_same_params(workbook, tmp_path):
    out = tmp_path / "back.yaml"
    assert cli.main(["params", "to-yaml", str(workbook), "--out", str(out)]) == 0
    assert yaml.safe_load(out.read_text()) == read_yaml(ROOT / "params" / "healthcare-cmo.yaml")
    assert load_params(workbook).model_dump() == load_params("healthcare-cmo").model_dump(), "the same figures"


def test_hostile_keys_make_valid_sheet_names(tmp_path):
    data = {"a/b:c*?\\x": {"k": 1}, "drivers": ["x"] * 2, "long" * 20: [{"name": "n", "v": 2.0}]}
    path = xlsx_write.to_workbook(data, tmp_path / "p.xlsx")
    back, _ = xlsx_read.read_workbook(path)
    assert back == data and isinstance(back["long" * 20][0]["v"], float)
    assert all(len(name) <= 31 and not set("[]:*?/\\") & set(name) for name in load_workbook(path).sheetnames)
    with pytest.raises(ParamsError, match="cannot go into a workbook"):
        xlsx_write.to_workbook({"a.b": 1}, tmp_path / "q.xlsx")
