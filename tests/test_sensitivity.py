"""Tornado bars and scenario displays against hand-computed numbers."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmo_helpers import scenario_charts, sensitivity
from cmo_helpers.charts import Chart
from cmo_helpers.params import load_params
from cmo_helpers.paths import DEFAULT_PARAMS

TINY = Path(__file__).parent / "data" / "tiny.yaml"


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
    alpha, north = tiny_tornado.loc["Segment: Alpha"], tiny_tornado.loc["Region: North"]
    # Alpha: 60% of 121 = 72.6 in 2022, split year 2020, h = 2:
    # 121 + 72.6 x (1.08^2 / 1.1^2 - 1) = 121 - 72.6 x 0.0436 / 1.21 = 118.384; high 121 + 72.6 x 0.0444 / 1.21 = 123.664
    assert (alpha["low_end"], alpha["high_end"], alpha["swing"]) == pytest.approx((118.384, 123.664, 5.28))
    # North: 75% of 121 = 90.75, split year 2019, h = 3: 1.08^3 = 1.259712, 1.12^3 = 1.404928, 1.1^3 = 1.331
    # low 121 - 90.75 x 0.071288 / 1.331 = 116.1395; high 121 + 90.75 x 0.073928 / 1.331 = 126.0405; swing 9.9011
    assert (north["low_end"], north["high_end"], north["swing"]) == pytest.approx((116.1395, 126.0405, 9.9011), abs=1e-4)
    # South: 25% of 121 = 30.25, same horizon: 30.25 x 0.145216 / 1.331 = 3.3004
    assert tiny_tornado.loc["Region: South", "swing"] == pytest.approx(3.3004, abs=1e-4)


def test_ranking_by_swing_for_the_hand_checked_case(tiny_tornado):
    # 24.2 (base) > 9.90 (North, 3 years) > 8.8 (rate, 2 years) > 5.28 (Alpha) > 3.52 (Beta: 48.4 x 0.088 / 1.21) > 3.30 (South)
    assert list(tiny_tornado.index) == [
        "Base value 2020", "Region: North", "Market growth rate", "Segment: Alpha", "Segment: Beta", "Region: South",
    ]
    assert tiny_tornado.loc["Segment: Beta", "swing"] == pytest.approx(3.52)


def test_assumed_flags_follow_the_inputs(tiny_tornado):
    # Alpha's own CAGR has no citation and Beta's share is assumed; the rest is sourced.
    assumed = tiny_tornado["assumed"].to_dict()
    assert assumed == {"Base value 2020": False, "Region: North": False, "Market growth rate": False,
                       "Segment: Alpha": True, "Segment: Beta": True, "Region: South": False}


def test_default_market_growth_rate_matters_most():
    t = sensitivity.tornado(load_params(DEFAULT_PARAMS))
    # rate 15.599% +/- 2 pp over 9 years: 504.9 x 1.13599^9 = 504.9 x 3.150435 = 1590.66; 504.9 x 1.17599^9 = 504.9 x 4.301626 = 2171.89
    # base 504.9 +/- 10%: 1861.2 x 0.9 = 1675.08, 1861.2 x 1.1 = 2047.32 (swing 372.24)
    assert list(t["driver"][:2]) == ["Market growth rate", "Base value 2024"]
    assert (t.loc[0, "low_end"], t.loc[0, "high_end"]) == pytest.approx((1590.66, 2171.89), abs=0.01)
    assert t.loc[1, "swing"] == pytest.approx(372.24)
    assert t["swing"].is_monotonic_decreasing and len(t) == 2 + 4 + 5


def test_summary_names_the_top_driver_from_the_model():
    text = sensitivity.tornado_summary(load_params(TINY)).data
    assert text.startswith("**Base value 2020** matters most")
    assert "USD 108.9 million and USD 133.1 million" in text and "Region: North" in text


def test_scenario_displays_for_a_market_with_scenarios():
    styler = sensitivity.scenario_comparison(TINY)
    html = styler.to_html()
    assert "Base (market file)" in html and "144.0" in html and "+19.0%" in html
    notes = sensitivity.scenario_notes(TINY).data
    assert "**Low** (assumed). Growth halves." in notes
    assert "Growth rate of the series: 10.0% \u2192 5.0%" in notes and "North, own growth rate: market rate \u2192 5.0%" in notes
    chart = scenario_charts.fan_chart(TINY)
    assert isinstance(chart, Chart) and "High 144.0" in chart.alt


def test_market_without_scenarios_gets_a_note_and_no_chart(tmp_path: Path):
    lone = tmp_path / TINY.name
    shutil.copy(TINY, lone)
    assert "no scenario files" in sensitivity.scenario_comparison(lone).data
    assert scenario_charts.fan_chart(lone) is None and sensitivity.scenario_notes(lone) is None


def test_tornado_chart_puts_the_largest_bar_on_top():
    chart = scenario_charts.tornado_chart(load_params(TINY))
    ax = chart.figure.axes[0]
    labels = {tick.get_position()[1]: tick.get_text() for tick in ax.get_yticklabels()}
    assert labels[max(labels)].startswith("Base value 2020") and labels[min(labels)].startswith("Region: South")
    assert chart.png()[:4] == b"\x89PNG"


def test_charts_agree_with_their_tables_to_the_last_digit():
    p = load_params(DEFAULT_PARAMS)
    table = sensitivity.tornado_table(p).data
    labels = [t.get_text() for t in scenario_charts.tornado_chart(p).figure.axes[0].texts][:-1]  # last: base marker
    assert labels[0::2] == table["2033, driver low"].tolist()
    assert labels[1::2] == table["2033, driver high"].tolist()
    fan = [t.get_text() for t in scenario_charts.fan_chart(DEFAULT_PARAMS).figure.axes[0].texts]
    assert fan == sensitivity.scenario_comparison(DEFAULT_PARAMS).data["2033 value (USD million)"].tolist()


def test_item_sentence_gives_the_asymmetric_move_both_ways():
    p = load_params(DEFAULT_PARAMS)
    t = sensitivity.tornado(p)
    lead = t[t["level"] == "item"].iloc[0]
    base = sensitivity.end_value(p)
    assert lead["high_end"] - base > base - lead["low_end"] > 0, "compounding makes the upside larger"
    text = sensitivity.tornado_summary(p).data
    assert f"by {lead['low_end'] - base:+,.1f} to {lead['high_end'] - base:+,.1f} USD million" in text
