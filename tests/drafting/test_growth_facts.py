"""A growth rate keeps the period the release states, and a past rate is marked as past."""
from __future__ import annotations

import pytest
from fact_cases import one


@pytest.mark.parametrize("sentence, period", [
    ("The market will grow at a CAGR of 6.2% from 2025 to 2033.", (2025, 2033)),
    ("The market will grow at a CAGR of 6.2% during the forecast period (2025-2033).", (2025, 2033)),
    ("The market will grow at a compound annual growth rate (CAGR) of 6.2% between 2025 and 2033.", (2025, 2033)),
    ("The CAGR over 2025–2033 is 6.2%.", (2025, 2033)),
    ("The market will grow at a CAGR of 6.2% during the forecast period.", (None, None)),
    ("The market will grow at a CAGR of 6.2%.", (None, None)),
    ("The market will expand 6.2% annually through 2033.", (None, 2033)),
])
def test_the_market_cagr_keeps_its_period_exactly_as_written(sentence, period):
    cagr = one("T\n\n" + sentence + "\n", "cagr")
    assert (cagr.number, (cagr.from_year, cagr.to_year)) == ("6.2", period)


def test_a_past_growth_rate_is_marked_historic():
    assert one("T\n\nBetween 2019 and 2024 the market grew at about 11% a year.\n", "cagr").historic
