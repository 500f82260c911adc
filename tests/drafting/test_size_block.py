"""One total a year, the base the last full year before publication; a rounded headline is a claim."""
from __future__ import annotations

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.writer import build


def test_a_rounded_headline_is_a_claim_and_a_conflicting_total_is_unplaced():
    text = ("Kelp Market to Reach USD 2 Billion by 2031\n\nThe kelp market was valued at USD 1.18 billion in 2024 and "
            "will reach USD 2.04 billion by 2031. Another estimate puts the market at USD 1.50 billion in 2024.\n")
    draft = build(extract(text), "k.txt")
    assert draft.params["size"]["base"]["value"] == 1.18
    assert draft.params["claims"] == [{"text": "USD 2 Billion by 2031", "scale": "billion", "value": 2, "year": 2031,
                                       "source": "release-source"}]
    assert any("second, different total for 2024" in u["note"] for u in draft.unplaced)


def test_the_base_is_the_last_full_year_before_publication():
    text = ("Kelp Report\n\nKelp Analytics | Press Release | 2 May 2024\n\nRevenue rose from USD 1.1 billion in 2021 "
            "to USD 1.2 billion in 2022 and USD 1.3 billion in 2023, and will reach USD 2.0 billion by 2030.\n")
    size = build(extract(text), "k.txt").params
    assert (size["size"]["base"]["year"], size["size"]["end"]["year"]) == (2023, 2030)
    assert [t["year"] for t in size["totals"]] == [2021, 2022]
