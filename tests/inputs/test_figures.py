"""Figures: every one says where it came from, and its value is a finite positive number."""
from __future__ import annotations

import pytest

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import PARAMS as ROOT_PARAMS
from cmo_helpers.inputs.load import load_params


def test_sourced_figure_needs_a_source(raw, refused):
    del raw["size"]["base"]["source"]
    assert "size.base: basis is 'sourced' but no 'source' id is given" in refused(raw)


def test_assumed_figure_needs_a_rationale(raw, refused):
    raw["breakdowns"][0]["items"].append({"name": "Devices", "share": 0.2, "basis": "assumed"})
    assert "breakdowns[0].items[1]: basis is 'assumed' but no one-line 'rationale' is given" in refused(raw)


def test_negative_value_is_rejected(raw, refused):
    raw["size"]["base"]["value"] = -5
    assert "size.base.value: Input should be greater than 0 (got -5.0)" in refused(raw)


@pytest.mark.parametrize("bad", [".inf", ".nan", "1e400"])
def test_non_finite_numbers_are_refused(tmp_path, bad):
    path = tmp_path / "inf.yaml"
    path.write_text((ROOT_PARAMS / "healthcare-cmo.yaml").read_text().replace('value: "1,861.2"', f"value: {bad}"))
    with pytest.raises(ParamsError, match=r"size\.end"):
        load_params(path)
