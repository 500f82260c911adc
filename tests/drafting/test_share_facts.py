"""A percentage said of an item is its share, unless the words say it is of something else; a bounded share is
drafted only when its item and its year are clear."""
from __future__ import annotations

import pytest
from fact_cases import facts, one

SIZE = "T\n\nThe moss tile market was valued at USD 820.4 million in 2024.\n"


def test_a_share_of_a_region_is_marked_as_such():
    assert one("T\n\nIn Europe, Germany accounted for 24.5% of regional sales in 2024.\n", "share").share_of == \
        "regional"


@pytest.mark.parametrize("sentence, item, number, quote", [
    ("Living moss tiles held over 40% of the market in 2024.", "Living moss tiles", "40",
     "Living moss tiles held over 40%"),
    ("In 2023, Europe accounted for nearly 38.5% of revenue.", "Europe", "38.5", "Europe accounted for nearly 38.5%"),
    ("Preserved moss tiles captured at least 12% of sales in 2023.", "Preserved moss tiles", "12",
     "Preserved moss tiles captured at least 12%"),
])
def test_a_share_with_a_bound_word_is_the_items_share(sentence, item, number, quote):
    share = one(SIZE + sentence + "\n", "share")
    assert (share.item, share.number, share.quote) == (item, number, quote)
    assert share.year == (2023 if "2023" in sentence else 2024)


@pytest.mark.parametrize("sentence, item, number, hedge", [
    ("Europe accounted for more than a third of the market in 2024.", "Europe", "33.3", "more-than"),
    ("Asia Pacific took over half of global revenue in 2024.", "Asia Pacific", "50", "over"),
    ("Living moss tiles held about two-thirds of the market in 2024.", "Living moss tiles", "66.7", "about"),
])
def test_a_bounded_fraction_is_a_share_with_its_bound(sentence, item, number, hedge):
    share = one(SIZE + sentence + "\n", "share")
    assert (share.item, share.number, share.hedge, share.year) == (item, number, hedge, 2024)


@pytest.mark.parametrize("sentence, note", [
    ("Europe held over 40% of the market.", "a share bounded by 'over' with no clear year"),
    ("Europe held over 40% of the market in 2023 and 2024.", "a share bounded by 'over' with no clear year"),
    ("Europe and North America together held over 60% of the market in 2024.",
     "a share bounded by 'over' said of Europe, North America together: a bounded share needs one item"),
    ("Europe accounted for nearly a third of the market in 2024.", "'a third' under 'nearly' names no exact"),
    ("Europe held less than 10% of the market in 2024.", "bounded by 'less than', a bound the schema has no word"),
    ("Europe's share grew by more than 4% in 2024.", "a change ('by more than'), not a share"),
    ("Europe's share will reach over 45% by 2030.", "a change ('reach over'), not a share"),
])
def test_a_bounded_share_without_a_clear_item_or_year_is_listed_with_why(sentence, note):
    found = facts(SIZE + sentence + "\n")
    assert [f.kind for f in found if f.kind != "total"] == ["unplaced"]
    assert note in found[-1].note
