"""The figures a manifest carries are the model's own, and the verdict follows the audit."""
from __future__ import annotations

from cmo_helpers import figures, forecast, scenarios
from cmo_helpers.paths import DEFAULT_PARAMS


def test_headline_figures_are_the_models(cmo):
    found = figures.headline(cmo, cmo)
    total = forecast.totals(cmo)
    assert (found["start_year"], found["end_year"]) == (int(total.index[0]), int(total.index[-1]))
    assert found["start_value"] == float(total.iloc[0]) and found["end_value"] == float(total.iloc[-1])
    assert found["cagr"] == cmo.anchor_rate and found["unit"] == "USD million"


def test_a_scenario_shows_its_own_series_but_the_sources_verdict(cmo):
    optimistic = scenarios.apply_scenario(cmo, DEFAULT_PARAMS, "optimistic")
    found = figures.headline(cmo, optimistic)
    assert found["end_value"] == float(forecast.totals(optimistic).iloc[-1]) != float(forecast.totals(cmo).iloc[-1])
    assert found["audit"] == figures.verdict(cmo)


def test_verdicts_follow_the_audit(cmo, heat):
    assert figures.verdict(cmo) == "fail", "the default source's CAGR contradicts its endpoints"
    assert figures.verdict(heat) == "pass"
