"""The whole source audit: the default release's known contradictions, in the runner's fixed order."""
from __future__ import annotations

import pytest

from cmo_helpers.inputs.load import load_params
from cmo_helpers.model import audit


@pytest.fixture(scope="module")
def default():
    return load_params("healthcare-cmo")


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


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
