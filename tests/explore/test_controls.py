"""The explorer's controls: the case they make is the one a scenario with the same overrides makes."""
from __future__ import annotations

from dataclasses import replace

import pytest

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.explore import controls
from cmo_helpers.model import forecast

WHY = "explored"



def test_the_controls_open_on_the_case_as_it_is(tiny):
    c = controls.start(tiny)
    # 100 -> 121 over two years: 10% a year
    assert (c.base_value, c.rate) == (100, pytest.approx(0.10))
    assert c.shares == {("segments", "Alpha"): 0.6, ("segments", "Beta"): 0.4,
                        ("regions", "North"): 0.75, ("regions", "South"): 0.25}
    assert controls.overrides(tiny, c) == {}
    assert controls.case(tiny, c, WHY) is tiny.published, "nothing moved: the market file itself"


def test_a_moved_rate_drives_the_series_and_is_ours(tiny):
    c = replace(controls.start(tiny), rate=0.2)
    assert controls.overrides(tiny, c) == {"size": {"anchor": "cagr", "cagr": {"rate": 0.2}}}
    p = controls.case(tiny, c, WHY)
    assert forecast.totals(p).iloc[-1] == pytest.approx(144.0)  # 100 x 1.2^2
    assert p.size.cagr.assumed and p.size.cagr.rationale == WHY and not p.size.base.assumed


def test_a_moved_base_value_moves_the_rate_the_endpoints_imply(tiny):
    p = controls.case(tiny, replace(controls.start(tiny), base_value=110.0), WHY)
    assert forecast.anchor_rate(p) == pytest.approx((121 / 110) ** 0.5 - 1)
    assert p.size.base.assumed and p.size.anchor == "endpoints"


def test_a_scenario_keeps_its_own_overrides_when_another_control_moves(tiny):
    c = replace(controls.start(tiny, "low"), base_value=90.0)
    found = controls.overrides(tiny, c)
    assert found["breakdowns"] == {"regions": {"items": {"North": {"cagr": 0.05}}}}, "low's own item rate stays"
    assert found["size"]["base"] == {"value": 90.0} and found["size"]["cagr"] == {"rate": 0.05}
    assert forecast.totals(controls.case(tiny, c, WHY)).iloc[-1] == pytest.approx(90 * 1.05 ** 2)


def test_a_moved_share_takes_the_rest_of_its_split_along(tiny):
    c = controls.rebalanced(controls.start(tiny), ("regions", "North"), 0.6)
    assert c.shares[("regions", "South")] == pytest.approx(0.4)
    assert c.shares[("segments", "Alpha")] == 0.6, "other splits stay"
    p = controls.case(tiny, c, WHY)
    assert [(i.share, i.assumed) for i in p.breakdown("regions").items] == [(0.6, True), (pytest.approx(0.4), True)]


def test_rebalanced_shares_keep_the_total_exactly_and_the_others_in_proportion():
    c = controls.Controls(BASE_NAME, 1.0, 0.1, {("s", "a"): 0.5, ("s", "b"): 0.3, ("s", "c"): 0.2})
    moved = controls.rebalanced(c, ("s", "a"), 0.41).shares
    assert sum(moved.values()) == pytest.approx(1.0, abs=1e-12)
    assert moved[("s", "b")] / moved[("s", "c")] == pytest.approx(1.5, rel=1e-3)
    assert all(round(v, 4) == v for v in moved.values()), "hundredths of a point, as an overlay writes them"
    assert controls.rebalanced(c, ("s", "a"), 1.4).shares[("s", "a")] == 1.0, "no share beyond the split's total"


def test_a_split_broken_by_hand_is_named(tiny):
    c = controls.start(tiny)
    c = replace(c, shares={**c.shares, ("regions", "North"): 0.9})
    with pytest.raises(ParamsError, match="Region: the items' shares add up to 115.0%"):
        controls.case(tiny, c, WHY)


BASE_NAME = "base"
