"""What a clause is about: the item its subject names, and a country's region as its parent."""
from __future__ import annotations

import pytest
from fact_cases import one


@pytest.mark.parametrize("sentence, item, dimension", [
    ("By product, the hand tools segment accounted for 41.0% of revenue in 2024.", "hand tools", "product"),
    ("Service Analysis: Repair services account for a dominant 41.0% share of the market.", "Repair services",
     "Service"),
    ("Cordless drills held 41.0% of the market in 2024.", "Cordless drills", None),
    ("Cordless drills, at 41.0%, are the top category.", "Cordless drills", None),
])
def test_segment_names_come_from_the_sentence_subject(sentence, item, dimension):
    share = one("T\n\n" + sentence + "\n", "share")
    assert (share.item, share.number, share.dimension) == (item, "41.0", dimension)


def test_a_country_named_with_its_region_gets_it_as_parent():
    text = "T\n\nThe United States, which alone held 31.2% of global revenue in 2024, leads North America.\n"
    share = one(text, "share")
    assert (share.item, share.geo, share.parent) == ("United States", "country", "North America")
