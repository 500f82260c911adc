"""Source audit rules: the default release's known contradictions, and one bent case per rule."""
from __future__ import annotations

import copy

import pytest
from audit_cases import CLEAN, assumed, breakdown, make, regions, sourced

from cmo_helpers.core.paths import DEFAULT_PARAMS, ROOT
from cmo_helpers.inputs.load import load_params
from cmo_helpers.inputs.params import parse_params
from cmo_helpers.inputs.session import load
from cmo_helpers.model import audit
from cmo_helpers.report import audit_view

RELEASES7 = ROOT / "tests" / "data" / "releases7"


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
        ("shares", "info"),  # service type: 62.0% itemised
        ("shares", "info"),  # region: 42.5% itemised
        ("stated-value", "info"),  # North America 2023
        ("items-total", "info"),  # 185.5 is under the 2023 total
        ("claim", "info"),  # pharmaceutical 'largest': 62.0% is more than the rest
        ("claim", "info"),  # North America 'largest': fits what is itemised
        ("claim", "info"),  # Asia-Pacific 'fast-growing': no rate given, not checked
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
    for text in ("16.6%", "15.60%", "17.71%", "504.9 (2024)", "1,861.2 (2033)", "2,011.4"):
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


def test_cagr_counted_from_a_stated_total_matches():
    # The source counts from its own 2025 total: 110 -> 200 over 9 years = exp(ln(1.81818) / 9) - 1 = 6.8682%.
    p = make(**{"size.cagr": sourced(rate=0.0687, from_year=2025, to_year=2034)},
             totals=[sourced(year=2025, value=110.0)])
    (f,) = audit.check_cagr(p)
    assert (f.severity, f.numbers["matching_n"]) == ("info", 9)
    assert f.numbers["implied_n_total"] == pytest.approx(0.068682, abs=1e-6)
    assert "110.0 (2025)" in f.message


def test_cagr_without_a_start_year_is_tried_from_each_stated_total():
    # No start year given: from the stated 2026 total, 120 -> 200 over 8 years = 6.5901%, which the 6.59% fits.
    p = make(**{"size.cagr": sourced(rate=0.0659, to_year=2034)}, totals=[sourced(year=2026, value=120.0)])
    (f,) = audit.check_cagr(p)
    assert (f.severity, f.numbers["matching_n"]) == ("info", 8)
    assert "120.0 (2026)" in f.message


# --- shares: a breakdown may cover part of the market, never more ---------------------------------


def test_partial_breakdown_is_normal_and_says_what_is_not_itemised():
    (f,) = [x for x in audit.check_shares(regions(sourced(name="North", share=0.4)))
            if x.numbers["subject"] == "Region shares"]
    assert f.severity == "info"
    assert "60.00% is not itemised by the source" in f.message
    assert f.numbers["model"] == "at most 100%"


def test_items_over_the_whole_market_are_an_error_when_sourced_and_a_warning_when_assumed():
    over = regions(sourced(name="North", share=0.6), sourced(name="South", share=0.45))
    (f,) = [x for x in audit.check_shares(over) if x.numbers["subject"] == "Region shares"]
    assert f.severity == "error" and "5.00% more than the whole market" in f.message
    ours = regions(sourced(name="North", share=0.6), assumed(name="South", share=0.45))
    (g,) = [x for x in audit.check_shares(ours) if x.numbers["subject"] == "Region shares"]
    assert g.severity == "warning"


def test_shares_within_tolerance_of_the_whole_are_complete():
    p = regions(sourced(name="North", share=0.499), assumed(name="South", share=0.5))
    (f,) = [x for x in audit.check_shares(p) if x.numbers["subject"] == "Region shares"]
    assert f.severity == "info" and "complete" in f.message


# --- a stated value against share x total -----------------------------------------------------------


def region_with_value(value: float, year: int = 2023):
    """North 50% with a value; stated CAGR 10% so the two back-cast paths differ."""
    return make(**{"size.cagr": sourced(rate=0.10, from_year=2025, to_year=2034),
                   "breakdowns.1": breakdown("region", sourced(name="North", share=0.5, value=value), year=year)})


def test_stated_value_corroborates_the_stated_path():
    # 2023 totals: 100 / 1.071773 = 93.30 (implied) and 100 / 1.10 = 90.91 (stated); halves 46.65 and 45.45.
    (f,) = audit.check_stated_values(region_with_value(45.5))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "stated")
    assert f.numbers["stated_path"] == pytest.approx(45.45, abs=0.01)


def test_stated_value_corroborates_the_implied_path():
    (f,) = audit.check_stated_values(region_with_value(46.6))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "implied")


def test_stated_value_off_both_paths_warns():
    (f,) = audit.check_stated_values(region_with_value(50.0, year=2026))
    assert (f.severity, f.numbers["corroborates"]) == ("warning", "none")


def test_a_value_off_the_models_back_projection_is_not_blamed_on_the_source():
    # 2023 lies before the first year the source sizes: its total is our extrapolation, not the source's.
    (f,) = audit.check_stated_values(region_with_value(50.0))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "none")
    assert "back-projection" in f.message and "not a figure the source states" in f.message


def test_stated_value_in_the_base_year_contradicts_the_stated_total():
    # 2024 total is the stated 100: 50% of it is 50, not 55 (-9.1%).
    (f,) = audit.check_stated_values(region_with_value(55.0, year=2024))
    assert f.severity == "error"
    assert f.numbers["model"] == pytest.approx(50.0)
    assert "stated_path" not in f.numbers
    assert "-9.1%" in f.message


# --- an item's CAGR against its own start and end values ------------------------------------------


def test_item_cagr_against_its_own_values():
    # 10 (2024) -> 30 (2034): 3 ** (1/10) - 1 = 11.612%.
    ok = regions(sourced(name="North", value=10.0, year=2024, cagr=0.1161, end={"year": 2034, "value": 30.0}))
    (f,) = audit.check_item_cagr(ok)
    assert f.severity == "info" and f.numbers["model"] == pytest.approx(0.11612, abs=1e-5)
    bad = regions(sourced(name="North", value=10.0, year=2024, cagr=0.093, end={"year": 2034, "value": 30.0}))
    (g,) = audit.check_item_cagr(bad)
    assert g.severity == "error" and "-2.31 pp" in g.message


def test_item_cagr_from_a_share():
    # 25% of 100 in 2024 = 25 -> 50 in 2034: 7.1773%.
    (f,) = audit.check_item_cagr(regions(sourced(name="North", share=0.25, cagr=0.0718,
                                                 end={"year": 2034, "value": 50.0})))
    assert f.severity == "info" and "25% share" in f.message


# --- item values against the total ------------------------------------------------------------------


def test_item_values_above_the_stated_total_are_an_error():
    (f,) = audit.check_items_total(regions(sourced(name="North", value=60.0), sourced(name="South", value=45.0),
                                           year=2024))
    assert f.severity == "error"
    assert (f.numbers["stated"], f.numbers["total"], f.numbers["model"]) == (105.0, 100.0, "at most 100.0")


def test_partial_item_values_under_the_total_pass():
    (f,) = audit.check_items_total(regions(sourced(name="North", value=60.0), year=2024))
    assert f.severity == "info" and f.numbers["model"] == "at most 100.0"


def test_complete_breakdown_short_of_the_total_warns():
    p = regions(sourced(name="North", share=0.5, value=40.0), sourced(name="South", share=0.5, value=40.0), year=2024)
    (f,) = audit.check_items_total(p)
    assert f.severity == "warning" and "should add up to the total" in f.message


def test_dated_item_values_are_summed_per_year():
    # 2022: 40 + 45 = 85 against a stated 2022 total of 85.0.
    p = make(totals=[sourced(year=2022, value=85.0)], **{"breakdowns.1": breakdown(
        "region", sourced(name="North", value=50.0, values={2022: 40.0}),
        sourced(name="South", value=50.0, values={2022: 45.0}), year=2024)})
    found = {f.numbers["year"]: f for f in audit.check_items_total(p)}
    assert found[2022].severity == "info" and found[2022].numbers["stated"] == pytest.approx(85.0)


# --- a child against its parent ---------------------------------------------------------------------


def parse_with_country(us_share: float):
    """CLEAN plus a country breakdown whose one country lies in the sourced North (50%)."""
    data = copy.deepcopy(CLEAN)
    data["breakdowns"].append(breakdown("country", sourced(name="Utopia", share=us_share, parent="North"),
                                        geographic=True))
    return parse_params(data)


def test_country_inside_its_region_passes_and_above_it_is_an_error():
    (ok,) = audit.check_parents(parse_with_country(0.3))
    assert ok.severity == "info"
    (bad,) = audit.check_parents(parse_with_country(0.6))  # 60 against North's 50
    assert bad.severity == "error"  # both the country and its region are sourced
    assert (bad.numbers["stated"], bad.numbers["model"]) == pytest.approx((0.6, 0.5)), "shares against shares"


# --- claims against the figures ---------------------------------------------------------------------


def test_largest_claim_contradicted_by_a_sourced_share_is_an_error():
    p = regions(sourced(name="North", share=0.3, claims=["largest"]), sourced(name="South", share=0.5))
    (f,) = audit.check_claims(p)
    assert f.severity == "error" and "South (50%)" in f.message


def test_largest_claim_overturned_by_our_assumption_warns():
    p = regions(sourced(name="North", share=0.3, claims=["largest"]), assumed(name="South", share=0.5))
    (f,) = audit.check_claims(p)
    assert f.severity == "warning" and "contradicted by our assumption" in f.message


def test_largest_claim_that_the_remainder_could_hide_is_reported_not_confirmed():
    (f,) = audit.check_claims(regions(sourced(name="North", share=0.3, claims=["largest"])))
    assert f.severity == "info" and "70% not itemised could hide a larger item" in f.message


def test_fastest_growing_claim_against_rates():
    slower = regions(sourced(name="North", cagr=0.05, claims=["fastest-growing"]), sourced(name="South", cagr=0.08))
    assert audit.check_claims(slower)[0].severity == "error"
    equal = regions(sourced(name="North", cagr=0.08, claims=["fastest-growing"]), sourced(name="South", cagr=0.08))
    assert audit.check_claims(equal)[0].severity == "warning"
    fits = regions(sourced(name="North", cagr=0.09, claims=["fastest-growing"]), sourced(name="South", cagr=0.08))
    assert audit.check_claims(fits)[0].severity == "info"
    unrated = regions(sourced(name="North", claims=["fastest-growing"]))
    assert "not checked" in audit.check_claims(unrated)[0].message


# --- dated totals against both paths ----------------------------------------------------------------


def test_dated_totals_say_which_path_they_support():
    # Stated CAGR 10%; 2026 totals: implied 100 * 1.071773 ** 2 = 114.87, stated 121.0.
    base = {"size.cagr": sourced(rate=0.10, from_year=2025, to_year=2034)}
    for value, supports, severity in ((121.0, "stated", "info"), (114.9, "implied", "info"),
                                      (130.0, "none", "warning")):
        (f,) = audit.check_totals(make(totals=[sourced(year=2026, value=value)], **base))
        assert (f.numbers["supports"], f.severity) == (supports, severity)


# --- years and scale claims -------------------------------------------------------------------------


def test_breakdown_year_long_before_the_base_warns():
    (f,) = audit.check_years(regions(sourced(name="North", share=0.5), year=2015))
    assert f.severity == "warning" and f.numbers["stated"] == 2015


def test_cagr_period_ending_early_warns_and_backwards_is_an_error():
    (early,) = audit.check_years(make(**{"size.cagr": sourced(rate=0.0718, from_year=2025, to_year=2033)}))
    assert (early.severity, early.numbers["stated"]) == ("warning", 2033)
    backwards = audit.check_years(make(**{"size.cagr": sourced(rate=0.0718, from_year=2034, to_year=2030)}))
    assert sorted(f.severity for f in backwards) == ["error", "warning"]


def test_scale_claims_fit_or_contradict():
    millions, thousands = audit.check_scale_claims(make(claims=[
        {"text": "worth millions", "scale": "million", "source": "src"},
        {"text": "worth thousands", "scale": "thousand", "source": "src"},
    ]))
    assert millions.severity == "info"
    assert thousands.severity == "warning"
    assert "no year of the 2024\u20132034 forecast" in thousands.message


def test_scale_claim_reads_value_and_year():
    claim = {"text": "USD 0.2 billion by 2034", "scale": "billion", "value": 0.2, "year": 2034, "source": "src"}
    assert audit.check_scale_claims(make(claims=[claim]))[0].severity == "info"
    (wrong,) = audit.check_scale_claims(make(claims=[{**claim, "value": 0.3}]))
    assert wrong.severity == "warning" and "0.20 billion" in wrong.message
    (late,) = audit.check_scale_claims(make(claims=[{**claim, "year": 2040}]))
    assert late.severity == "warning" and "outside the forecast" in late.message
    floor = {**claim, "value": 0.15, "bound": "at-least"}
    assert audit.check_scale_claims(make(claims=[floor]))[0].severity == "info"


# --- the clean file and the views -------------------------------------------------------------------


def test_clean_params_audit_clean_and_say_so_in_one_line():
    p = make()
    assert {f.severity for f in audit.run_audit(p)} == {"info"}
    text = audit_view.verdict(p).data
    assert "\n" not in text
    assert "consistent" in text and "follows the endpoints" in text
    assert audit_view.warning_html(p) == ""


def test_default_verdict_and_warning_box(default):
    text = audit_view.verdict(default).data
    assert text.startswith("**1 error and 1 warning in 10 checks.**")
    box = audit_view.warning_html(default)
    assert 'class="cmo-audit-warning"' in box
    assert box.count("<li>") == 1 and "16.6%" in box and "15.60%" in box


def test_reconciliation_table_rows(default):
    table = audit_view.reconciliation_table(default)
    shown = table.shown()
    assert list(shown.columns) == ["Check", "Stated", "Implied / model", "Difference", "Verdict"]
    assert shown.iloc[0].tolist() == ["CAGR vs endpoints", "16.6%", "15.60%", "+1.00 pp", "Error"]
    assert table.data().iloc[0]["Stated"] == pytest.approx(0.166)
    assert "#fdecea" in table._repr_html_()  # the error row is shaded


def test_reconciliation_shows_modelled_values_with_the_sources_digits_and_shares_as_shares():
    forklift = load_params(RELEASES7 / "forklift-inconsistent.yaml")  # sized as USD 2.36 and 6.94 billion
    shown = audit_view.reconciliation_table(forklift).shown().set_index("Check")
    # North America: 41.5% of the stated 2024 total 2.36 is 0.9794, against the stated 1.21 (+23.5%)
    assert shown.loc["North America 2024 value"].tolist()[:3] == ["1.21", "0.98", "+0.23 (+23.5%)"]
    assert shown.loc["United States within North America (2024)"].tolist()[:3] == ["44.00%", "41.50%", "+2.50 pp"]
    claim = next(c for c in shown.index if c.startswith("Claim"))
    assert shown.loc[claim, "Stated"] == "2033", "a year is not an amount"
    messages = " ".join(f.message for f in audit.run_audit(forklift))
    # 2.36 x 1.112^8 = 2.36 x 2.3380 = 5.518, shown 5.52 (the house decimal gave 5.5 beside the stated 6.94)
    assert "At 11.2%, 2.36 would reach 5.52 by 2032 (or 4.96 counting 7 years)" in messages
    assert "does not match the stated 2024 total (0.98, -19.1%)" in messages
    default = audit_view.reconciliation_table(load_params(DEFAULT_PARAMS)).shown().set_index("Check")
    assert default.loc["North America 2023 value"].tolist()[:3] == ["about 185.5", "185.6", "-0.1 (-0.1%)"], \
        "unchanged, with the source's 'approximately'"


def test_assumed_figures_are_not_called_stated():
    # 100 * 1.09 ** 10 = 236.7 against the sourced 200.
    (f,) = audit.check_cagr(make(**{"size.cagr": assumed(rate=0.09)}))
    assert f.message.startswith("Assumed CAGR 9% disagrees") and f.severity == "warning"
    assert "236.7" in f.message and "not the stated 200.0" in f.message


def test_warning_box_in_a_scenario_describes_the_series_it_shows():
    m = load(DEFAULT_PARAMS, "conservative")
    box = audit_view.warning_html(m.published, m.shown)
    assert "Stated CAGR 16.6% disagrees" in box, "the source's contradiction is still reported"
    assert "The series follows the assumed CAGR of 12.6%" in box


def test_a_total_that_starts_the_stated_cagr_says_so():
    # 2024 100 -> 2025 112 (a fast first year, 12.0%), then 112 -> 200 over 2025-2034 is 6.6568% a year, as stated.
    p = make(**{"size.cagr": sourced(rate=0.0666, from_year=2025, to_year=2034)},
             totals=[sourced(year=2025, value=112.0)])
    (f,) = audit.check_totals(p)
    assert f.severity == "warning" and "starts the stated CAGR's period" in f.message
    assert "growth from 2024 to 2025 (12.0% a year) differs from its rate after" in f.message
