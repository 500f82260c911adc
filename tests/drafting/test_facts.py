"""A release read paragraph by paragraph: a "By X" and a year carry only as far as they should; a run-on is not read."""
from __future__ import annotations

from fact_cases import facts


def test_a_by_dimension_carries_to_the_next_paragraph_under_the_same_heading():
    text = ("T\n\nThe kelp market was valued at USD 1.2 billion in 2024.\n\nSegment analysis\n"
            "By use, food kelp accounted for 57.8% of the market in 2024.\n"
            "Feed kelp is anticipated to grow at a CAGR of 14.9% through 2034.\n\nOther news\n"
            "Fertiliser kelp held 10.0% in 2024.\n")
    assert [(f.item, f.dimension) for f in facts(text) if f.item] == [
        ("food kelp", "use"), ("Feed kelp", "use"), ("Fertiliser kelp", None)]


def test_an_undated_share_takes_the_year_of_its_paragraph_only():
    text = "T\n\nSugar kelp held 40.0% of the market in 2024. Winged kelp took 30.0%.\n\nBrown kelp took 10.0%.\n"
    assert [(f.item, f.year) for f in facts(text, "share")] == [
        ("Sugar kelp", 2024), ("Winged kelp", 2024), ("Brown kelp", None)]


def test_a_sentence_too_long_to_be_prose_is_listed_not_read():
    found = facts("T\n\nThe kelp market " + "grew and grew " * 200 + "to USD 1.2 billion in 2024.\n")
    assert [f.kind for f in found] == ["unplaced"]
    assert "was not read (longer than 2,000)" in found[0].note
