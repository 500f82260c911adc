"""The house table: numbers kept as numbers beside the shown text, escaped HTML, stable ids, plain-JSON metadata."""
from __future__ import annotations

import pytest

from cmo_helpers.report import house_table, size_tables, split_tables
from cmo_helpers.report.house_table import Cell


def test_html_escapes_params_text(raw, build):
    raw["breakdowns"][0]["items"][0]["name"] = "<img src=x onerror=alert(1)>"
    html = split_tables.breakdown_table(build(raw), build(raw).breakdowns[0])._repr_html_()
    assert "<img" not in html and "&lt;img" in html


def test_identical_tables_get_identical_ids(cmo):
    assert size_tables.size_table(cmo)._repr_html_() == size_tables.size_table(cmo)._repr_html_()


def test_output_carries_the_full_numbers_as_json_beside_unchanged_html(cmo):
    table = size_tables.size_table(cmo)
    data, metadata = table._repr_mimebundle_()
    assert data == {"text/html": table._repr_html_()}, "the HTML the export reads is the table's own"
    meta = metadata[house_table.KEY]
    assert meta["caption"] == table.caption and meta["columns"] == table.columns
    assert meta["rows"][1][:2] == ["2025", pytest.approx(504.9 * (1861.2 / 504.9) ** (1 / 9), rel=1e-12)]
    assert meta["texts"][1][:2] == ["2025", "583.7"] and meta["rows"][0][2] is None, "the first year has no change"
    assert meta["units"] == {"Market size (USD million)": "USD million", "Change": "USD million"}
    assert meta["kinds"] == [""] * 10


def test_output_metadata_is_plain_json():
    """numpy numbers become floats; NaN, infinity and a missing cell become null, so the notebook stays valid JSON."""
    import json

    import numpy as np

    rows = [{"Item": "a", "Value": Cell(np.float64(1.25), "1.2"), "Share": Cell(float("nan"), "\u2013")},
            {"Item": "b", "Value": Cell(np.int64(3), "3.0")},
            {"Item": "c", "Value": Cell(float("inf"), "\u2013"), "Share": house_table.rate(None)}]
    meta = house_table.Table("t", rows, ["assumed", "", "rest"])._repr_mimebundle_()[1][house_table.KEY]
    assert json.loads(json.dumps(meta, allow_nan=False)) == meta
    assert meta["rows"] == [["a", 1.25, None], ["b", 3.0, None], ["c", None, None]]
    assert all(type(v) is float for v in (meta["rows"][0][1], meta["rows"][1][1]))
    assert meta["texts"][1] == ["b", "3.0", "\u2013"] and meta["kinds"] == ["assumed", "", "rest"]
