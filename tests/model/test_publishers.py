"""Several publishers: the spread per common year, and outliers with the cause their params show."""
from __future__ import annotations

import pytest
from compare_cases import market

from cmo_helpers.model import publishers
from cmo_helpers.model.conversion import frame_for


def _found(*params):
    return publishers.paths(list(params), frame_for(list(params)))


def _three_and(odd):
    return [market("a", (2024, 40.0), (2030, 60.0), publisher="Alpha", unit="billion"),
            market("b", (2024, 50.0), (2030, 70.0), publisher="Beta", unit="billion"),
            market("c", (2024, 45.0), (2030, 80.0), publisher="Gamma", unit="billion"), odd]


def test_spread_per_common_year_has_each_value_the_median_and_the_range():
    found = _found(market("a", (2024, 40.0), (2030, 60.0), publisher="Alpha"),
                   market("b", (2025, 50.0), (2032, 70.0), publisher="Beta"),
                   market("c", (2023, 45.0), (2030, 80.0), publisher="Gamma"))
    years = publishers.common_years(found)
    assert years == list(range(2025, 2031))
    first = publishers.spread(found, years)[0]
    assert first.stated == {"Alpha": False, "Beta": True, "Gamma": False}
    assert first.values["Beta"] == 50.0
    assert first.median == pytest.approx(sorted(first.values.values())[1])
    assert first.ratio == pytest.approx(first.high / first.low)


def test_a_million_figure_among_billions_is_an_outlier_and_a_slip_explains_it():
    odd = market("d", (2024, 47.0), (2030, 66.0), publisher="Delta",
                 claims=[("a market worth billions", "billion")])  # 47 million = 0.047 billion
    found = _found(*_three_and(odd))
    (out,) = publishers.outliers(found, publishers.spread(found, publishers.common_years(found)))
    assert out.label == "Delta" and out.direction == "below" and out.years == list(range(2024, 2031))
    assert any("billion/million slip" in c and "x1,000" in c for c in out.causes)
    assert any("billions" in c and "millions" in c for c in out.causes)


def test_another_geography_and_scope_words_are_named():
    odd = market("d", (2024, 400.0), (2030, 900.0), publisher="Delta", unit="billion", geography="Asia-Pacific",
                 name="Widget Servicing and Repair Outsourcing Market")
    found = _found(*_three_and(odd))
    (out,) = publishers.outliers(found, publishers.spread(found, publishers.common_years(found)))
    assert out.direction == "above" and out.ratio > 3
    assert any("different geography: Asia-Pacific" in c for c in out.causes)
    assert any("outsourcing" in c and "repair" in c for c in out.causes)
    assert not any("slip" in c for c in out.causes)  # 8x: a thousandfold step would not bring it near


def test_three_times_the_median_is_the_edge():
    near = market("d", (2024, 140.0), (2030, 190.0), publisher="Delta", unit="billion")  # 140 / 47.5 = 2.9x
    found = _found(*_three_and(near))
    assert publishers.outliers(found, publishers.spread(found, publishers.common_years(found))) == []


def test_two_files_of_one_publisher_are_told_apart():
    found = _found(market("w-a", (2024, 1.0), (2030, 2.0)), market("w-b", (2025, 1.1), (2030, 2.0)))
    assert [s.label for s in found] == ["Acme Research (w-a)", "Acme Research (w-b)"]
