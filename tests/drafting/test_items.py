"""One item from every fact said of it: the first figure of each kind wins, and a clash is listed, never merged."""
from __future__ import annotations

from cmo_helpers.drafting.items import item_of
from cmo_helpers.drafting.patterns import Fact


def fact(kind: str, number: str, year: int | None, quote: str, **more) -> Fact:
    return Fact(kind, quote, 0, number=number, year=year, item="Peat moss", **more)


def test_a_share_and_a_value_of_one_year_make_one_item_with_one_quote():
    quote = "Peat moss held 31.5% in 2024, worth USD 212.0 million"
    unplaced: list[dict] = []
    item = item_of([fact("share", "31.5", 2024, quote),
                    fact("value", "212.0", 2024, quote, scale="million", currency="USD")],
                   "USD", "million", "src", unplaced, 2024)
    assert (item["share"], item["value"], item["quote"], item["_year"]) == ("31.5%", "212.0", quote, 2024)
    assert unplaced == []


def test_a_value_of_another_year_than_the_share_and_a_second_share_are_listed():
    unplaced: list[dict] = []
    item = item_of([fact("share", "31.5", 2024, "Peat moss held 31.5% in 2024"),
                    fact("share", "29.0", 2024, "Peat moss took 29.0% in 2024"),
                    fact("value", "180.0", 2023, "Peat moss was worth USD 180.0 million in 2023", scale="million",
                         currency="USD")],
                   "USD", "million", "src", unplaced, 2024)
    assert item["share"] == "31.5%" and "value" not in item
    assert [u["note"] for u in unplaced] == ["another share for Peat moss; the draft uses 31.5",
                                            "a value for 2023, the share is for 2024"]
