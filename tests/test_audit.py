"""Source audit rules: the default release's known contradictions, and one bent case per rule."""
from __future__ import annotations

import pytest
from audit_cases import assumed, make, sourced

from cmo_helpers import audit
from cmo_helpers.params import load_params
from cmo_helpers.paths import DEFAULT_PARAMS
from cmo_helpers.scenarios import apply_scenario


@pytest.fixture(scope="module")
def default():
    return load_params("healthcare-cmo")


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


# --- the default params: exactly the contradictions the release contains -------------------------


def test_default_gives_exactly_the_expected_findings(default):
    found = audit.run_audit(default)
    assert [(f.rule, f.severity) for f in found] == [
        ("cagr", "error"),
        ("shares", "info"),  # service type
        ("shares", "info"),  # region
        ("stated-value", "info"),  # North America 2023
        ("rollup", "info"),  # region own CAGRs
        ("years", "info"),
        ("scale-claim", "warning"),  # "billions"
    ]


def test_default_cagr_mismatch_names_both_rates_and_the_end_value(default):
    (f,) = by_rule(audit.run_audit(default), "cagr")
    n = f.numbers
    # (1861.2 / 504.9) ** (1/9) - 1 = 15.599%; over 8 years (from 2025): 17.713%.
    assert n["stated"] == 0.166
    assert n["model"] == pytest.approx(0.15599, abs=1e-5)
    assert n["implied_n_forecast"] == pytest.approx(0.17713, abs=1e-5)
    # 504.9 * 1.166 ** 9 = 2,011.37; ** 8 = 1,725.02.
    assert n["stated_end_n_base"] == pytest.approx(2011.37, abs=0.01)
    assert n["stated_end_n_forecast"] == pytest.approx(1725.02, abs=0.01)
    assert (n["n_base"], n["n_forecast"], n["matching_n"]) == (9, 8, "none")
    for text in ("16.60%", "15.60%", "17.71%", "504.9 (2024)", "1,861.2 (2033)", "2,011.4"):
        assert text in f.message


def test_default_north_america_corroborates_the_implied_path(default):
    (f,) = by_rule(audit.run_audit(default), "stated-value")
    n = f.numbers
    # 2023 total: 504.9 / 1.15599 = 436.77 (implied) and 504.9 / 1.166 = 433.02 (stated);
    # times 42.5%: 185.63 and 184.03 against the stated 185.5.
    assert n["implied_path"] == pytest.approx(185.63, abs=0.01)
    assert n["stated_path"] == pytest.approx(184.03, abs=0.01)
    assert n["corroborates"] == "implied"
    assert n["total_implied_by_value"] == pytest.approx(436.47, abs=0.01)  # 185.5 / 0.425
    assert "185.5" in f.message and "185.6" in f.message and "184.0" in f.message


def test_default_rollup_passes_narrowly(default):
    (f,) = by_rule(audit.run_audit(default), "rollup")
    # sum(share * (1 + cagr) ** 10) over the five regions, ** (1/10) - 1 = 15.595% vs 15.599%.
    assert f.numbers["stated"] == pytest.approx(0.15595, abs=1e-5)
    assert f.numbers["stated"] - f.numbers["model"] == pytest.approx(-0.00004, abs=1e-5)


def test_default_billions_claim_is_contradicted(default):
    (f,) = by_rule(audit.run_audit(default), "scale-claim")
    # Source dated 2025: 504.9 * 1.15599 = 583.7 million = 0.58 billion; a billion is passed in 2029 (1,042.3).
    assert f.numbers["year"] == 2025
    assert f.numbers["value_in_claimed_scale"] == pytest.approx(0.5837, abs=1e-4)
    assert "583.7 million" in f.message and "2029\u20132033" in f.message


# --- rule (a): stated CAGR against the endpoints --------------------------------------------------


def test_cagr_near_miss_inside_tolerance_passes():
    # 7.22% - 7.1773% = 0.043 pp <= 0.05 pp.
    (f,) = audit.check_cagr(make(**{"size.cagr": sourced(rate=0.0722, from_year=2025, to_year=2034)}))
    assert f.severity == "info"
    assert f.numbers["matching_n"] == 10
    assert "+0.04 pp" in f.message


def test_cagr_just_outside_tolerance_fails_both_conventions():
    # 7.23% is 0.053 pp from the 10-year 7.1773% and far from the 9-year 2 ** (1/9) - 1 = 8.006%.
    (f,) = audit.check_cagr(make(**{"size.cagr": sourced(rate=0.0723, from_year=2025, to_year=2034)}))
    assert f.severity == "error"
    assert f.numbers["matching_n"] == "none"
    assert f.numbers["implied_n_forecast"] == pytest.approx(0.08006, abs=1e-5)
    # 100 * 1.0723 ** 10 = 100 * exp(10 * 0.069805) = 200.98; ** 9 = 187.43.
    assert "201.0" in f.message and "187.4" in f.message


def test_cagr_counted_from_the_first_forecast_year_matches():
    # 8.01% vs 2 ** (1/9) - 1 = 8.006%: the source counted 9 years, 2025-2034.
    (f,) = audit.check_cagr(make(**{"size.cagr": sourced(rate=0.0801, from_year=2025, to_year=2034)}))
    assert (f.severity, f.numbers["matching_n"]) == ("info", 9)


def test_cagr_tolerance_comes_from_params():
    p = make(**{"size.cagr": sourced(rate=0.0723), "audit": {"cagr_tolerance_pp": 0.1}})
    assert audit.check_cagr(p)[0].severity == "info"


def test_no_stated_cagr_means_nothing_to_compare():
    assert audit.check_cagr(make(**{"size.cagr": None})) == []


# --- rule (b): shares add up to 100% --------------------------------------------------------------


def with_north_share(share: float):
    """Bypass validation, which would reject the bad sum before the audit could see it."""
    p = make()
    north, south = p.regions.items
    regions = p.regions.model_copy(update={"items": [north.model_copy(update={"share": share}), south]})
    return p.model_copy(update={"regions": regions})


def test_shares_missing_are_an_error():
    segments, regions = audit.check_shares(with_north_share(0.4))  # 40% + 50% = 90%
    assert segments.severity == "info"
    assert regions.severity == "error"
    assert regions.numbers["missing"] == pytest.approx(0.10)
    assert "10.00% of the market is not itemised" in regions.message


def test_shares_extra_are_an_error():
    _, regions = audit.check_shares(with_north_share(0.55))  # 105%
    assert regions.severity == "error"
    assert regions.numbers["extra"] == pytest.approx(0.05)
    assert "counted twice" in regions.message


def test_shares_gap_inside_a_wider_tolerance_passes_and_says_so():
    p = make(regions={"label": "Region", "items": [sourced(name="North", share=0.49), assumed(name="South", share=0.49)]},
             audit={"share_tolerance_pp": 3})
    _, regions = audit.check_shares(p)
    assert regions.severity == "info"
    assert "2.00% of the market is not itemised" in regions.message


# --- rule (c): a stated value against share x total ------------------------------------------------


def region_with_value(value: float, year: int = 2023):
    """North 50% with a value; stated CAGR 10% so the two back-cast paths differ."""
    return make(
        **{"size.cagr": sourced(rate=0.10, from_year=2025, to_year=2034)},
        regions={"label": "Region", "year": year,
                 "items": [sourced(name="North", share=0.5, value=value), assumed(name="South", share=0.5)]},
    )


def test_stated_value_corroborates_the_stated_path():
    # 2023 totals: 100 / 1.071773 = 93.30 (implied) and 100 / 1.10 = 90.91 (stated); halves 46.65 and 45.45.
    (f,) = audit.check_stated_values(region_with_value(45.5))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "stated")
    assert f.numbers["stated_path"] == pytest.approx(45.45, abs=0.01)


def test_stated_value_corroborates_the_implied_path():
    (f,) = audit.check_stated_values(region_with_value(46.6))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "implied")


def test_stated_value_off_both_paths_warns():
    # 50 is 7.2% above 46.65 and 10% above 45.45: outside 1% on both.
    (f,) = audit.check_stated_values(region_with_value(50.0))
    assert (f.severity, f.numbers["corroborates"]) == ("warning", "none")


def test_stated_value_in_the_base_year_contradicts_the_stated_total():
    # 2024 total is the stated 100: 50% of it is 50, not 55 (-9.1%).
    (f,) = audit.check_stated_values(region_with_value(55.0, year=2024))
    assert f.severity == "error"
    assert f.numbers["model"] == pytest.approx(50.0)
    assert "stated_path" not in f.numbers  # both paths pass through the stated base value
    assert "-9.1%" in f.message


# --- rule (d): item growth rates roll up to the total ---------------------------------------------


def regions_growing_at(north: float, south: float):
    return make(regions={"label": "Region", "items": [sourced(name="North", share=0.5, cagr=north),
                                                       assumed(name="South", share=0.5, cagr=south)]})


def test_rollup_that_reproduces_the_total_passes():
    # 0.5 * 1.05 ** 10 + 0.5 * 1.0902 ** 10 = 2.00065 -> 7.1790% vs 7.1773% (+0.002 pp).
    (f,) = audit.check_rollup(regions_growing_at(0.05, 0.0902))
    assert f.severity == "info"
    assert f.numbers["stated"] == pytest.approx(0.071790, abs=1e-6)


def test_rollup_faster_than_the_total_warns():
    # Both regions at 10% roll up to 10%, 2.82 pp above the 7.18% total.
    (f,) = audit.check_rollup(regions_growing_at(0.10, 0.10))
    assert f.severity == "warning"
    assert f.numbers["stated"] - f.numbers["model"] == pytest.approx(0.0282, abs=1e-4)


def test_rollup_skips_splits_without_own_rates():
    assert audit.check_rollup(make()) == []


# --- rule (e): item values add up to the total ----------------------------------------------------


def regions_valued(north: float, south: float, year: int = 2024):
    return make(regions={"label": "Region", "year": year,
                         "items": [sourced(name="North", share=0.6, value=north),
                                   assumed(name="South", share=0.4, value=south)]})


def test_item_values_matching_the_stated_total_pass():
    (f,) = audit.check_items_total(regions_valued(60.0, 40.0))
    assert f.severity == "info"


def test_item_values_above_the_stated_total_are_an_error():
    (f,) = audit.check_items_total(regions_valued(60.0, 45.0))  # 105 vs the stated 100
    assert f.severity == "error"
    assert (f.numbers["stated"], f.numbers["model"]) == (105.0, 100.0)


def test_item_values_against_a_modelled_total_warn():
    # 2023 is not stated: 100 / 1.071773 = 93.30; 60 + 40 = 100 is 7.2% above it.
    (f,) = audit.check_items_total(regions_valued(60.0, 40.0, year=2023))
    assert f.severity == "warning"
    assert f.numbers["model"] == pytest.approx(93.30, abs=0.01)


def test_items_without_values_are_not_checked():
    assert audit.check_items_total(make()) == []


# --- rule (f): years and scale claims -------------------------------------------------------------


def test_split_year_long_before_the_base_warns():
    p = make(regions={**make().regions.model_dump(exclude_none=True), "year": 2015})
    (f,) = audit.check_years(p)
    assert f.severity == "warning"
    assert (f.numbers["stated"], f.numbers["model"]) == (2015, 2021)  # window starts 3 years before 2024


def test_split_year_three_years_before_the_base_passes():
    p = make(regions={**make().regions.model_dump(exclude_none=True), "year": 2021})
    assert [f.severity for f in audit.check_years(p)] == ["info"]


def test_cagr_period_ending_early_warns_and_backwards_is_an_error():
    (early,) = audit.check_years(make(**{"size.cagr": sourced(rate=0.0718, from_year=2025, to_year=2033)}))
    assert (early.severity, early.numbers["stated"], early.numbers["model"]) == ("warning", 2033, 2034)
    backwards = audit.check_years(make(**{"size.cagr": sourced(rate=0.0718, from_year=2034, to_year=2030)}))
    assert sorted(f.severity for f in backwards) == ["error", "warning"]


def test_end_before_base_is_an_error():
    p = make()
    size = p.size.model_copy(update={"end": p.size.end.model_copy(update={"year": 2020})})
    p = p.model_copy(update={"size": size})
    assert [f.severity for f in audit.check_years(p)] == ["error"]
    assert audit.check_cagr(p) == []  # no year count to compare over


def test_scale_claims_fit_or_contradict():
    millions, thousands = audit.check_claims(make(claims=[
        {"text": "worth millions", "scale": "million", "source": "src"},
        {"text": "worth thousands", "scale": "thousand", "source": "src"},
    ]))
    assert millions.severity == "info"
    # 100-200 million is 100,000-200,000 thousand in every year: never in thousands.
    assert thousands.severity == "warning"
    assert "no year of the 2024\u20132034 forecast" in thousands.message


# --- the clean file and the report pieces ---------------------------------------------------------


def test_clean_params_audit_clean_and_say_so_in_one_line():
    p = make()
    assert {f.severity for f in audit.run_audit(p)} == {"info"}
    text = audit.verdict_text(p)
    assert "\n" not in text
    assert "consistent" in text and "follows the endpoints" in text
    assert audit.warning_html(p) == ""
    assert audit.warning_box(p).data == ""


def test_default_verdict_and_warning_box(default):
    text = audit.verdict_text(default)
    assert text.startswith("**1 error and 1 warning in 7 checks.**")
    assert "follows the endpoints" in text and "shown as stated" in text
    box = audit.warning_html(default)
    assert 'class="cmo-audit-warning"' in box
    assert box.count("<li>") == 1 and "16.60%" in box and "15.60%" in box


def test_verdict_names_the_cagr_when_it_drives_the_series():
    p = make(**{"size.anchor": "cagr"})
    assert "follows the stated CAGR of 7.18%" in audit.anchor_note(p)


def test_reconciliation_table_rows(default):
    table = audit.reconciliation_table(default)
    frame = table.data
    assert list(frame.columns) == ["Check", "Stated", "Implied / model", "Difference", "Verdict"]
    assert frame.iloc[0].tolist() == ["CAGR vs endpoints", "16.60%", "15.60%", "+1.00 pp", "Error"]
    assert list(frame["Verdict"]) == ["Error", "OK", "OK", "OK", "OK", "OK", "Warning"]
    assert "#fdecea" in table.to_html()  # the error row is shaded


def test_assumed_figures_are_not_called_stated():
    # 100 * 1.09 ** 10 = 236.7 against the sourced 200.
    (f,) = audit.check_cagr(make(**{"size.cagr": assumed(rate=0.09)}))
    assert f.message.startswith("Assumed CAGR 9.00% disagrees")
    assert "236.7" in f.message and "not the stated 200.0" in f.message
    assert "assumed CAGR of 9.00% is shown for comparison" in audit.anchor_note(make(**{"size.cagr": assumed(rate=0.09)}))


def test_warning_box_in_a_scenario_describes_the_series_it_shows():
    source = load_params(DEFAULT_PARAMS)
    conservative = apply_scenario(source, DEFAULT_PARAMS, "conservative")
    box = audit.warning_html(source, conservative)
    assert "Stated CAGR 16.60% disagrees" in box, "the source's contradiction is still reported"
    assert "The series follows the assumed CAGR of 12.60%" in box
    assert "The series follows the endpoints" in audit.warning_html(source)
