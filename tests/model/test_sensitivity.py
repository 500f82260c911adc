"""Tornado bars and scenario displays against hand-computed numbers."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.inputs.load import load_params
from cmo_helpers.inputs.session import load
from cmo_helpers.model import sensitivity
from cmo_helpers.report import scenario_charts, scenario_view
from cmo_helpers.report.house_chart import Chart

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


@pytest.fixture(scope="module")
def tiny_tornado():
    return sensitivity.tornado(load_params(TINY)).set_index("driver")


def test_steps_are_the_documented_ones():
    assert (sensitivity.VALUE_STEP, sensitivity.RATE_STEP) == (0.10, 0.02)


def test_market_drivers_against_hand_arithmetic(tiny_tornado):
    base, rate = tiny_tornado.loc["Base value 2020"], tiny_tornado.loc["Market growth rate"]
    # base 100 +/- 10% at 10% a year for 2 years: 90 x 1.21 = 108.9, 110 x 1.21 = 133.1
    assert (base["low_value"], base["high_value"]) == pytest.approx((90, 110))
    assert (base["low_end"], base["high_end"], base["swing"]) == pytest.approx((108.9, 133.1, 24.2))
    # rate 10% +/- 2 pp: 100 x 1.08^2 = 116.64, 100 x 1.12^2 = 125.44
    assert (rate["low_value"], rate["high_value"]) == pytest.approx((0.08, 0.12))
    assert (rate["low_end"], rate["high_end"], rate["swing"]) == pytest.approx((116.64, 125.44, 8.8))


def test_item_drivers_read_the_total_bottom_up(tiny_tornado):
    # Only items with a growth rate of their own are drivers: Alpha (10 %, ours). 60% of 121 = 72.6 in 2022, h = 2:
    # 121 + 72.6 x (1.08^2 / 1.1^2 - 1) = 121 - 72.6 x 0.0436 / 1.21 = 118.384;
    # high 121 + 72.6 x 0.0444 / 1.21 = 123.664
    alpha = tiny_tornado.loc["Segment: Alpha"]
    assert (alpha["low_end"], alpha["high_end"], alpha["swing"]) == pytest.approx((118.384, 123.664, 5.28))
    assert list(tiny_tornado.index) == ["Base value 2020", "Market growth rate", "Segment: Alpha"]
    assert tiny_tornado["assumed"].to_dict() == {"Base value 2020": False, "Market growth rate": False,
                                                 "Segment: Alpha": True}


def test_scenario_item_rate_becomes_a_driver():
    # Low: North 75% of 110.25 = 82.6875 in 2022 at 5% from 2019 (h = 3):
    # low 110.25 + 82.6875 x (1.092727 / 1.157625 - 1) = 110.25 - 82.6875 x 0.056062 = 105.6144
    t = sensitivity.tornado(load(TINY, "low").shown).set_index("driver")
    assert t.loc["Region: North", "low_end"] == pytest.approx(105.6144, abs=1e-3)


def test_default_market_growth_rate_matters_most():
    t = sensitivity.tornado(load_params(DEFAULT_PARAMS))
    # rate 15.599% +/- 2 pp over 9 years: 504.9 x 1.13599^9 = 504.9 x 3.150435 = 1590.66;
    # 504.9 x 1.17599^9 = 504.9 x 4.301626 = 2171.89
    # base 504.9 +/- 10%: 1861.2 x 0.9 = 1675.08, 1861.2 x 1.1 = 2047.32 (swing 372.24)
    assert list(t["driver"][:2]) == ["Market growth rate", "Base value 2024"]
    assert (t.loc[0, "low_end"], t.loc[0, "high_end"]) == pytest.approx((1590.66, 2171.89), abs=0.01)
    assert t.loc[1, "swing"] == pytest.approx(372.24)
    assert t["swing"].is_monotonic_decreasing and len(t) == 2, "the release gives no item a rate of its own"


def test_summary_names_the_top_driver_from_the_model():
    text = scenario_view.tornado_summary(load_params(TINY)).data
    assert text.startswith("**Base value 2020** matters most")
    assert "USD 108.9 million and USD 133.1 million" in text and "Segment: Alpha" in text


def test_scenario_displays_for_a_market_with_scenarios():
    m = load(TINY)
    html = scenario_view.scenario_comparison(m)._repr_html_()
    assert "Base (market file)" in html and "144.0" in html and "+19.0%" in html
    notes = scenario_view.scenario_notes(m).data
    assert "**Low** (assumed). Growth halves." in notes
    assert "Growth rate of the series: 10.0% \u2192 5.0%" in notes
    assert "North, own growth rate: market rate \u2192 5.0%" in notes
    chart = scenario_charts.fan_chart(m)
    assert isinstance(chart, Chart) and "High 144.0" in chart.alt


def test_market_without_scenarios_gets_a_note_and_no_chart(tmp_path: Path):
    lone = tmp_path / TINY.name
    shutil.copy(TINY, lone)
    m = load(lone)
    assert "no scenario files" in scenario_view.scenario_comparison(m).data
    assert scenario_charts.fan_chart(m) is None and scenario_view.scenario_notes(m) is None


def test_tornado_chart_puts_the_largest_bar_on_top():
    chart = scenario_charts.tornado_chart(load_params(TINY))
    ax = chart.figure.axes[0]
    labels = {tick.get_position()[1]: tick.get_text() for tick in ax.get_yticklabels()}
    assert labels[max(labels)].startswith("Base value 2020") and labels[min(labels)].startswith("Segment: Alpha")
    assert "<svg" in chart.svg()


def test_charts_agree_with_their_tables_to_the_last_digit():
    m = load(DEFAULT_PARAMS, "conservative")
    p = m.shown
    table = scenario_view.tornado_table(p).shown()
    labels = [t.get_text() for t in scenario_charts.tornado_chart(p).figure.axes[0].texts][:-1]  # last: base marker
    assert labels[0::2] == table["2033, driver low"].tolist()
    assert labels[1::2] == table["2033, driver high"].tolist()
    fan = [t.get_text() for t in scenario_charts.fan_chart(m).figure.axes[0].texts]
    assert fan == scenario_view.scenario_comparison(m).shown()["2033 value (USD million)"].tolist()


def test_tornado_shows_the_sources_two_decimals_in_chart_table_and_text():
    p = load_params(Path(__file__).parents[1] / "data" / "releases7" / "irrigation-country-region.yaml")
    table = scenario_view.tornado_table(p).shown()
    labels = [t.get_text() for t in scenario_charts.tornado_chart(p).figure.axes[0].texts]
    assert labels[0::2][:-1] == table["2034, driver low"].tolist()
    assert labels[1::2] == table["2034, driver high"].tolist()
    assert labels[-1] == "Report's 2034 value: 5.41"
    base = table.set_index("Driver").loc["Base value 2025"]
    # 1.93 -/+ 10% grown at 12.13% for 9 years: 5.41 x 0.9 = 4.869 and 5.41 x 1.1 = 5.951
    assert base[["Setting", "2034, driver low", "2034, driver high", "Swing"]].tolist() == ["1.93", "4.87", "5.95",
                                                                                          "1.08"]
    text = scenario_view.tornado_summary(p).data
    top = table.iloc[0]
    assert f"between USD {top['2034, driver low']} billion and USD {top['2034, driver high']} billion" in text
    assert "of the USD 5.41 billion the report shows" in text


def test_item_sentence_gives_the_asymmetric_move_both_ways():
    p = load(DEFAULT_PARAMS, "conservative").shown
    t = sensitivity.tornado(p)
    lead = t[t["level"] == "item"].iloc[0]
    base = sensitivity.end_value(p)
    assert lead["high_end"] - base > base - lead["low_end"] > 0, "compounding makes the upside larger"
    text = scenario_view.tornado_summary(p).data
    assert f"by {lead['low_end'] - base:+,.1f} to {lead['high_end'] - base:+,.1f} USD million" in text


def test_each_setting_is_shown_as_the_source_wrote_it(raw, build):
    raw["size"]["base"]["value"] = "37,501"
    raw["breakdowns"][0]["items"][0]["cagr"] = "5.98%"
    raw["breakdowns"][0]["year"] = 2024  # on the value path, so its rate is a driver
    t = sensitivity.tornado(build(raw)).set_index("driver")
    assert t.loc["Base value 2024", "setting"] == "37,501", "no added zero"
    assert t.loc["Service type: Pharmaceutical contract manufacturing", "setting"] == "5.98%"
