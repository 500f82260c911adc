"""Each kind of fact is found with its year, unit and exact words; numbers that are not market figures are not."""
from __future__ import annotations

import pytest

from cmo_helpers.drafting.facts import extract, sentences


def facts(text: str, kind: str | None = None):
    found = extract(text).facts
    for f in found:
        assert text[f.start:f.start + len(f.quote)] == f.quote, f
    return [f for f in found if kind is None or f.kind == kind]


def one(text: str, kind: str):
    found = facts(text, kind)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, number, scale, year", [
    ("The kelp market was valued at USD 1.18 billion in 2024.", "1.18", "billion", 2024),
    ("The kelp market is estimated at US$ 1,180.4 Mn in 2024.", "1,180.4", "million", 2024),
    ("In 2024, the kelp market was worth $1.18 bn.", "1.18", "billion", 2024),
    ("The kelp market reached 1.18 billion USD in 2024.", "1.18", "billion", 2024),
    ("The kelp market is projected to reach EUR 2.04 trillion by 2031.", "2.04", "trillion", 2031),
    ("The kelp market stood at USD 812.50 thousand in 2023.", "812.50", "thousand", 2023),
])
def test_a_dated_market_total_keeps_its_digits_scale_and_year(sentence, number, scale, year):
    total = one("Kelp News\n\n" + sentence + "\n", "total")
    assert (total.number, total.scale, total.year) == (number, scale, year)
    assert number in total.quote and str(year) in total.quote


def test_from_x_in_one_year_to_y_by_another_gives_two_totals_and_the_range_is_no_cagr_period():
    text = "T\n\nThe kelp market will grow from USD 1.18 billion in 2025 to USD 2.40 billion by 2034.\n"
    assert [(t.number, t.year) for t in facts(text, "total")] == [("1.18", 2025), ("2.40", 2034)]
    assert facts(text, "cagr") == []


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


def test_shares_values_item_cagrs_and_claims_belong_to_their_item():
    text = ("T\n\nNorth America held the largest share of 38.6% in 2024, generating USD 1.2 billion. "
            "Asia Pacific is expected to be the fastest-growing region, registering a CAGR of 17.1% over the "
            "forecast period.\n")
    share, value = one(text, "share"), one(text, "value")
    assert (share.item, share.number, share.year, share.geo) == ("North America", "38.6", 2024, "region")
    assert (value.item, value.number, value.scale, value.year) == ("North America", "1.2", "billion", 2024)
    cagr = one(text, "item_cagr")
    assert (cagr.item, cagr.number) == ("Asia Pacific", "17.1")
    assert {(c.item, c.claim) for c in facts(text, "claim")} == {("North America", "largest"),
                                                                 ("Asia Pacific", "fastest-growing")}
    assert facts(text, "total") == []


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


def test_a_share_of_a_region_is_marked_as_such():
    assert one("T\n\nIn Europe, Germany accounted for 24.5% of regional sales in 2024.\n", "share").share_of == \
        "regional"


@pytest.mark.parametrize("sentence", [
    "In January 2025, Brookfield Inc. acquired Kelpco for USD 450 million.",
    "Seaweed Ltd reported annual revenue of USD 2.7 billion for 2024.",
    "KelpTech raised USD 120 million in a Series C round in 2024.",
    "The full report runs to 250 pages and profiles 30 companies.",
    "In a survey, 68% of buyers said prices rose in 2024.",
    "Order now for a 20% discount on the USD 4,950 licence.",
])
def test_decoy_numbers_are_never_market_facts(sentence):
    found = facts("T\n\n" + sentence + "\n")
    assert all(f.kind == "unplaced" for f in found), found


def test_a_headline_total_is_marked_and_a_bound_is_not_a_figure():
    found = facts("Kelp Market Surpassing USD 2 Billion by 2031\n\nBody.\n", "total")
    assert len(found) == 1 and found[0].headline and found[0].bound


@pytest.mark.parametrize("sentence, scale", [
    ("The kelp market is measured in billions of dollars.", "billion"),
    ("It is a multi-million-dollar market.", "million"),
])
def test_scale_words_about_the_market_are_scale_claims(sentence, scale):
    assert one("T\n\n" + sentence + "\n", "scale_claim").scale == scale


def test_sentences_do_not_break_after_abbreviations():
    line = "Acme Inc. and the U.S. market grew. Sales rose 5% in Oct. 2024 overall. End."
    assert [s for s, _ in sentences(line, 0)] == ["Acme Inc. and the U.S. market grew.",
                                                   "Sales rose 5% in Oct. 2024 overall.", "End."]


def test_a_by_dimension_carries_to_the_next_paragraph_under_the_same_heading():
    text = ("T\n\nThe kelp market was valued at USD 1.2 billion in 2024.\n\nSegment analysis\n"
            "By use, food kelp accounted for 57.8% of the market in 2024.\n"
            "Feed kelp is anticipated to grow at a CAGR of 14.9% through 2034.\n\nOther news\n"
            "Fertiliser kelp held 10.0% in 2024.\n")
    assert [(f.item, f.dimension) for f in facts(text) if f.item] == [
        ("food kelp", "use"), ("Feed kelp", "use"), ("Fertiliser kelp", None)]


def test_a_label_can_make_the_claim():
    text = "T\n\n- Largest region: Europe, with a 41.0% share in 2024\n- Fastest-growing type: dried kelp\n"
    claims = {(c.item, c.claim) for c in facts(text, "claim")}
    assert claims == {("Europe", "largest"), ("dried kelp", "fastest-growing")}
    assert one(text, "share").item == "Europe"


@pytest.mark.parametrize("sentence", [
    "The kelp market is forecast to increase by USD 4.8 billion by 2029.",
    "The kelp market will add USD 4.8 billion in 2029.",
    "The kelp market offers an incremental growth of USD 4.8 billion by 2029.",
    "The kelp market in India reached INR 12,500 crore in 2024.",
])
def test_growth_amounts_and_unknown_scales_are_not_totals(sentence):
    assert facts("T\n\n" + sentence + "\n", "total") == []
    assert facts("T\n\n" + sentence + "\n", "unplaced")


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


@pytest.mark.parametrize("sentence", [
    "The kelp market will grow at a CAGR of 5-7% through 2030.",
    "The kelp market will grow at a CAGR of 5% to 7% through 2030.",
    "Europe held between 30% and 35% of the market in 2024.",
])
def test_a_range_of_rates_is_not_one_figure(sentence):
    found = facts("T\n\n" + sentence + "\n")
    assert [f.kind for f in found if f.number] == ["unplaced"] * len([f for f in found if f.number])
