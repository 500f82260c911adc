"""The pack's entry: each assumed row says why, from the params, or that no reason is given."""
from __future__ import annotations

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.pipeline import datapack, pack_workbook


def test_assumed_rows_say_why_from_the_params_or_that_no_reason_is_given(heat):
    from cmo_helpers.inputs.session import load

    reasons = datapack.assumption_reasons(heat, load(DEFAULT_PARAMS).overlays)
    assert reasons["Air-to-water"].startswith("The usual retrofit choice")
    assert reasons["Optimistic"].startswith("Biologics and cell")
    assert pack_workbook.reason("Air-to-water (assumed)", "", reasons) == reasons["Air-to-water"]
    assert pack_workbook.reason("Somewhere", "", reasons) == pack_workbook.NO_REASON
    assert pack_workbook.reason("Air-to-water", "its own", reasons) == "its own"
