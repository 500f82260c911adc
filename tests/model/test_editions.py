"""Two editions of one release: restated years, a moved base, a carried-over rate, computed by hand."""
from __future__ import annotations

import pytest
from compare_cases import market

from cmo_helpers.model import comparison, editions
from cmo_helpers.model.conversion import frame_for


def _diff(old, new):
    return editions.diff(old, new, frame_for([old, new]))


def test_a_year_both_editions_state_with_other_values_is_restated():
    old = market("w-2022", (2022, 80.0), (2030, 160.0), totals=[(2025, 100.0)])
    new = market("w-2023", (2023, 90.0), (2030, 170.0), totals=[(2025, 104.5)])
    d = _diff(old, new)
    assert [(r.year, r.old.number, r.new.number) for r in d.restated] == [(2025, 100.0, 104.5), (2030, 160.0, 170.0)]
    row = d.row("Market total 2025")
    assert row.status == "changed" and row.change == pytest.approx(4.5)


def test_a_unit_change_alone_is_no_restatement():
    old = market("w-2022", (2022, 800.0), (2030, 1600.0), totals=[(2025, "1,250.0")])  # USD million
    new = market("w-2023", (2023, 0.9), (2030, 1.6), totals=[(2025, 1.25)], unit="billion")
    d = _diff(old, new)
    assert d.frame.unit == "billion"  # a tie goes to the larger scale
    assert d.restated == [] and d.row("End value").status == "unchanged"
    assert d.row("Market total 2025").old.decimals == 4  # 1,250.0 million is 1.2500 billion


def test_a_rebased_edition_keeps_its_end_and_sits_on_the_old_path():
    # old: 100 -> 200 over 2020-2030, 7.177% a year; on that path 2021 is 107.18
    old = market("w-2020", (2020, 100.0), (2030, 200.0), cagr=0.08)
    new = market("w-2021", (2021, 107.2), (2030, 200.0), cagr=0.08)
    d = _diff(old, new)
    assert d.base_moved and d.end_kept
    assert d.old_path_at_new_base == pytest.approx(107.177, abs=1e-3)
    assert d.base_gap == pytest.approx(107.2 / 107.177 - 1, abs=1e-5)
    assert d.rate_carried_over  # 8% stated in both while the base moved
    assert d.old_implied == pytest.approx(0.07177, abs=1e-5)
    assert d.new_implied == pytest.approx((200 / 107.2) ** (1 / 9) - 1)


def test_a_rate_that_changed_is_not_carried_over():
    d = _diff(market("a", (2020, 100.0), (2030, 200.0), cagr=0.08),
              market("b", (2021, 110.0), (2030, 210.0), cagr=0.075))
    assert not d.rate_carried_over and d.row("Stated CAGR").status == "changed"
    assert d.row("Stated CAGR").change == pytest.approx(-0.005)


def test_editions_are_ordered_by_base_year_whatever_the_command_line_order():
    newer = market("b", (2021, 110.0), (2030, 210.0))
    older = market("a", (2020, 100.0), (2030, 200.0))
    assert editions.older_first([newer, older]) == [older, newer]


def test_the_shipped_editions_were_rebased_not_revised():
    cmp = comparison.load(["healthcare-cmo.yaml", "healthcare-cmo-2023-edition.yaml"])
    assert cmp.editions
    (d,) = cmp.edition_diffs()
    assert (d.old.size.base.year, d.new.size.base.year) == (2023, 2024)
    assert d.end_kept and d.rate_carried_over and d.restated == []
    # 436.7 * (1861.2 / 436.7) ** (1/10) = 504.83; 504.9 / 504.83 - 1 = +0.014 %
    assert d.old_path_at_new_base == pytest.approx(504.83, abs=0.01)
    assert round(d.old_implied * 100, 1) == round(d.new_implied * 100, 1) == 15.6
