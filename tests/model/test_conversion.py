"""One currency unit for several files: scales convert, currencies need a stated rate with its source."""
from __future__ import annotations

import pytest
from compare_cases import market

from cmo_helpers.core.errors import MixedCurrencies
from cmo_helpers.model.conversion import ExchangeRate, frame_for, parse_rate


def test_million_and_billion_meet_in_the_unit_most_files_use():
    small = market("small", (2024, 250.0), (2030, 400.0))  # USD million
    big = [market(f"big-{n}", (2024, 0.3 + n / 10), (2030, 0.5), unit="billion") for n in range(2)]
    frame = frame_for([small, *big])
    assert (frame.currency, frame.unit) == ("USD", "billion")
    assert frame.convert(250.0, small.market) == pytest.approx(0.25)  # 250 million = 0.25 billion
    assert frame.convert(0.3, big[0].market) == pytest.approx(0.3)


def test_a_tie_of_units_goes_to_the_larger():
    millions = market("a", (2024, 900.0), (2030, 990.0))
    frame = frame_for([millions, market("b", (2024, 1.1), (2030, 1.3), unit="billion")])
    assert frame.unit == "billion" and frame.convert(900.0, millions.market) == pytest.approx(0.9)


def test_thousand_to_million_divides_by_a_thousand():
    k = market("k", (2024, 7500.0), (2030, 9000.0), unit="thousand")
    frame = frame_for([k, market("m", (2024, 8.0), (2030, 9.5)), market("n", (2024, 7.0), (2030, 9.1))])
    assert frame.unit == "million" and frame.convert(7500.0, k.market) == pytest.approx(7.5)


def test_different_currencies_are_refused_without_a_rate():
    files = [market("usd", (2024, 120.0), (2030, 180.0)),
             market("eur", (2024, 100.0), (2030, 150.0), currency="EUR")]
    with pytest.raises(MixedCurrencies, match="different currencies.*EUR.*no rate"):
        frame_for(files)


def test_a_stated_rate_with_its_source_converts():
    eur = market("eur", (2024, 100.0), (2030, 150.0), currency="EUR")
    files = [market("usd", (2024, 120.0), (2030, 180.0)), market("usd-2", (2024, 130.0), (2030, 170.0)), eur]
    frame = frame_for(files, [ExchangeRate("EUR", "USD", 1.25, "Example central bank, 2 January 2025")])
    assert frame.convert(100.0, eur.market) == pytest.approx(125.0)
    assert "Example central bank" in frame.rate_for("EUR").label


def test_a_rate_needs_a_source_and_a_readable_form():
    with pytest.raises(MixedCurrencies, match="needs its source"):
        parse_rate("EUR:USD=1.25", " ")
    with pytest.raises(MixedCurrencies, match="FROM:TO=VALUE"):
        parse_rate("EURUSD 1.25", "someone")
    assert parse_rate("eur:usd=1.25", "someone") == ExchangeRate("EUR", "USD", 1.25, "someone")
