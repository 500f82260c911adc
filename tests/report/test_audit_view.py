"""The source audit as readers see it: the one-line verdict, the warning box and the reconciliation table."""
from __future__ import annotations

import pytest
from audit_cases import make

from cmo_helpers.core.paths import DEFAULT_PARAMS, ROOT
from cmo_helpers.inputs.load import load_params
from cmo_helpers.inputs.session import load
from cmo_helpers.model import audit
from cmo_helpers.report import audit_view

RELEASES7 = ROOT / "tests" / "data" / "releases7"


@pytest.fixture(scope="module")
def default():
    return load_params("healthcare-cmo")


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


def test_warning_box_in_a_scenario_describes_the_series_it_shows():
    m = load(DEFAULT_PARAMS, "conservative")
    box = audit_view.warning_html(m.published, m.shown)
    assert "Stated CAGR 16.6% disagrees" in box, "the source's contradiction is still reported"
    assert "The series follows the assumed CAGR of 12.6%" in box
