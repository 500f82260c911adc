"""The explorer through its widgets' Python API: set a value, check what the page shows changed with it."""
from __future__ import annotations

import re
import shutil
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest

from cmo_helpers.core.paths import PARAMS
from cmo_helpers.explore.widgets import Explorer
from cmo_helpers.inputs.session import load
from cmo_helpers.model import forecast


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def cmo(tmp_path: Path) -> Explorer:
    """The default market, in a copy whose scenarios folder a test may write to."""
    shutil.copytree(PARAMS, tmp_path / "params")
    return Explorer(tmp_path / "params" / "healthcare-cmo.yaml")


def test_it_opens_on_the_market_file_with_its_own_figures(cmo):
    figures = _text(cmo.figures.value)
    assert "USD 504.9 million" in figures and "implied by the two endpoints" in figures
    assert "(assumed)" not in figures, "opening the explorer assumes nothing"
    assert "1,861.2" in _text(cmo.chart.value) and "<svg" in cmo.chart.value
    assert "error" in _text(cmo.audit.value), "the source's own contradiction is shown"
    assert cmo.seconds > 0


def test_a_slider_snapped_to_its_step_is_no_move(cmo):
    cmo.rate.value = round(cmo.rate.value, 1)  # what a browser sends back for 15.5993
    cmo.base_value.value = 504.9
    assert cmo.controls.rate == pytest.approx(forecast.anchor_rate(cmo.market.published))
    assert "(assumed)" not in _text(cmo.figures.value)


def test_moving_the_cagr_redraws_figures_chart_and_audit(cmo):
    chart, audit = cmo.chart.value, cmo.audit.value
    cmo.rate.value = 20.0
    figures = _text(cmo.figures.value)
    # 504.9 x 1.2^9 = 2,605.17
    assert "USD 2,605.2 million" in figures and "drives the series (assumed)" in figures
    assert cmo.chart.value != chart and "2,605.2" in _text(cmo.chart.value)
    assert cmo.audit.value != audit and "Assumed CAGR 20" in _text(cmo.audit.value)


def test_a_share_moves_the_rest_of_its_split_unless_told_not_to(tmp_path):
    shutil.copytree(PARAMS, tmp_path / "params")
    e = Explorer(tmp_path / "params" / "eu-heat-pumps.yaml")
    air, ground = e.shares[("technology", "Air-to-water")], e.shares[("technology", "Ground-source")]
    e.shares[("technology", "Air-to-air")].value = 34.0  # from 24: the other 76 points become 66
    assert air.value == pytest.approx(58 * 66 / 76, abs=0.01) and ground.value == pytest.approx(10 * 66 / 76, abs=0.01)
    assert e.problem.value == ""
    e.keep_totals.value = False
    e.shares[("technology", "Air-to-air")].value = 40.0
    assert air.value == pytest.approx(58 * 66 / 76, abs=0.01), "the others stay"
    assert "Technology: the items' shares add up to 106.0%" in _text(e.problem.value)


def test_starting_from_a_scenario_sets_every_slider_to_it(cmo):
    cmo.rate.value = 25.0
    cmo.scenario.value = "optimistic"
    assert cmo.rate.value == pytest.approx(18.6)
    assert cmo.base_value.value == pytest.approx(504.9)
    assert "Optimistic" not in _text(cmo.problem.value) and "18.6%" in _text(cmo.figures.value)


def test_the_reset_button_goes_back_to_the_starting_case(cmo):
    cmo.scenario.value = "conservative"
    start = (cmo.rate.value, cmo.figures.value)
    cmo.rate.value = 30.0
    cmo.shares[("region", "North America")].value = 50.0
    cmo.reset_button.click()
    assert (cmo.rate.value, cmo.figures.value) == start
    assert cmo.shares[("region", "North America")].value == 42.5 and cmo.controls.scenario == "conservative"


def test_the_button_saves_a_scenario_that_renders_the_same_case(cmo):
    cmo.rate.value = 17.0
    cmo.name.value, cmo.title.value, cmo.rationale.value = "steady", "Steady", "Growth a little faster."
    cmo.save_button.click()
    saved = cmo.market.path.parent / "scenarios" / "healthcare-cmo" / "steady.yaml"
    assert saved.is_file() and "steady.yaml" in cmo.saved.value
    assert forecast.totals(load(cmo.market.path, "steady").shown).iloc[-1] == pytest.approx(504.9 * 1.17 ** 9)
    cmo.save_button.click()
    assert "Not saved" in cmo.saved.value and "exists" in cmo.saved.value


def test_a_case_the_market_file_would_refuse_is_reported_and_the_last_good_figures_stay(cmo):
    figures = cmo.figures.value
    cmo.controls = replace(cmo.controls, base_value=-5.0)
    cmo.update()
    assert "size.base.value" in _text(cmo.problem.value) and "greater than 0" in _text(cmo.problem.value)
    assert cmo.figures.value == figures
    cmo.rate.value = 17.0
    assert cmo.problem.value != "", "still refused until the bad value is moved back"
    cmo.base_value.value = 510.0
    assert cmo.problem.value == "" and "USD 510.0 million" in _text(cmo.figures.value)


@pytest.mark.parametrize("market", sorted(PARAMS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_market_opens_and_answers_a_move(market):
    e = Explorer(market)
    before = e.figures.value
    e.rate.value = round(e.rate.value + 1, 1)
    assert e.problem.value == "" and e.figures.value != before
