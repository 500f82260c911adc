"""Rank claims go to one item (from its words, a label or an FAQ answer); scale words are scale claims."""
from __future__ import annotations

import pytest
from fact_cases import facts, one


@pytest.mark.parametrize("sentence, scale", [
    ("The kelp market is measured in billions of dollars.", "billion"),
    ("It is a multi-million-dollar market.", "million"),
])
def test_scale_words_about_the_market_are_scale_claims(sentence, scale):
    assert one("T\n\n" + sentence + "\n", "scale_claim").scale == scale


def test_a_label_can_make_the_claim():
    text = "T\n\n- Largest region: Europe, with a 41.0% share in 2024\n- Fastest-growing type: dried kelp\n"
    claims = {(c.item, c.claim) for c in facts(text, "claim")}
    assert claims == {("Europe", "largest"), ("dried kelp", "fastest-growing")}
    assert one(text, "share").item == "Europe"


def test_an_faq_answer_takes_the_claim_of_its_question():
    text = ("T\n\nWhich product held the largest share?\nBehind-the-ear devices, with 57.1% in 2024.\n\n"
            "Which region grows fastest?\nAsia Pacific, helped by ageing populations.\n\n"
            "Which regions dominate the market?\nNorth America and Europe dominate. However, Asia Pacific is "
            "emerging as a fast-growing region.\n")
    assert {(c.item, c.claim) for c in facts(text, "claim")} == {
        ("Behind-the-ear devices", "largest"), ("Asia Pacific", "fastest-growing"), ("Asia Pacific", "fast-growing")}


def test_a_claim_said_of_two_items_together_is_listed_not_placed():
    found = facts("T\n\nNorth America and Europe dominate the kelp market.\n")
    assert [f.kind for f in found] == ["unplaced"]
    assert found[0].note == "'largest' said of North America, Europe together: a claim needs one item"
