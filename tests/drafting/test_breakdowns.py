"""Items grouped into breakdowns by their stated dimension, else by section, never overfilled."""
from __future__ import annotations

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.writer import build


def test_items_without_a_dimension_are_grouped_by_section_and_never_overfilled():
    text = ("T\n\nThe kelp market was valued at USD 1.2 billion in 2024 and will reach USD 2.0 billion by 2030.\n\n"
            "Products\nSugar kelp held 40.0% of the market in 2024. Winged kelp took 30.0% in 2024.\n\n"
            "Other figures\nRestaurants represented 78.5% of sales in 2024.\n"
            "Retailers held 37.0% of the market in 2024.\n\n"
            "Platforms\nFarmed kelp is the largest source platform with 70.0% in 2024. Wild kelp is the "
            "fastest-growing platform.\n")
    labels = [(b["label"], [i["name"] for i in b["items"]]) for b in build(extract(text), "k.txt").params["breakdowns"]]
    assert labels == [("Product", ["Sugar kelp", "Winged kelp"]), ("Segment", ["Restaurants"]),
                      ("Segment", ["Retailers"]), ("Source platform", ["Farmed kelp", "Wild kelp"])]
