"""The figures a manifest carries are the model's own, and the verdict follows the audit."""
from __future__ import annotations

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.inputs.session import load
from cmo_helpers.model import forecast, headline


def test_headline_figures_are_the_models(cmo):
    found = headline.headline(cmo, cmo)
    total = forecast.totals(cmo)
    assert (found["start_year"], found["end_year"]) == (int(total.index[0]), int(total.index[-1]))
    assert found["start_value"] == float(total.iloc[0]) and found["end_value"] == float(total.iloc[-1])
    assert found["cagr"] == forecast.anchor_rate(cmo) and found["unit"] == "USD million"
    assert (found["value_decimals"], found["rate_decimals"]) == (1, 1), "504.9 and 16.6% are written with one decimal"


def test_a_scenario_shows_its_own_series_but_the_sources_verdict(cmo):
    optimistic = load(DEFAULT_PARAMS, "optimistic").shown
    found = headline.headline(cmo, optimistic)
    assert found["end_value"] == float(forecast.totals(optimistic).iloc[-1]) != float(forecast.totals(cmo).iloc[-1])
    assert found["audit"] == headline.verdict(cmo)


def test_verdicts_follow_the_audit(cmo, heat):
    assert headline.verdict(cmo) == "fail", "the default source's CAGR contradicts its endpoints"
    assert headline.verdict(heat) == "pass"
