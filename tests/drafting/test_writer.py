"""Facts placed into a params mapping (schema v2) and written as YAML that loads back to the same mapping."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from draft_score import draft_release, releases, score_corpus

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.writer import build, in_unit, item_key, market_slug, scalar

CORPUS = Path(__file__).parents[1] / "data/releases"

KELP = """Kelp Farming Market Surpassing USD 2.4 Billion by 2031

Tideline Research | Press Release | 4 March 2025

OSLO, March 4, 2025 -- The global kelp farming market was valued at USD 1,180.40 million in 2024 and is projected
to reach USD 2,417.0 million by 2031, growing at a CAGR of 10.8% from 2025 to 2031, Tideline Research said.

By species, sugar kelp held 62.0% of revenue in 2024. Winged kelp is the fastest-growing species, at a CAGR of 12.5%.
Europe dominated with a 41.5% share in 2024, worth USD 489.9 million. Within Europe, Norway generated USD 0.21 billion
in 2024.

Seaweed Ltd bought a processing plant for USD 35 million. Between 2019 and 2024 the market grew at 8% a year.
FAQ: The kelp farming market is worth billions of dollars.
"""


@pytest.fixture(scope="module")
def kelp():
    return build(extract(KELP.replace("\n2", " 2").replace("million\nin", "million in")
                         .replace("billion\nin", "billion in")), "kelp.txt")


def test_market_source_and_size_keep_the_source_digits(kelp):
    p = kelp.params
    assert p["market"] == {"name": "Global Kelp Farming Market", "slug": "kelp-farming", "geography": "Global",
                           "currency": "USD", "unit": "million"}
    assert p["sources"][0] == {"id": "tideline-research-2025", "publisher": "Tideline Research",
                               "published": dt.date(2025, 3, 4), "kind": "press release", "place": "Oslo"}
    assert "# title: left out: the first line states figures: a headline, not a title" in kelp.yaml_text
    size = p["size"]
    assert (size["base"]["year"], size["base"]["value"]) == (2024, "1,180.40")
    assert (size["end"]["year"], size["end"]["value"]) == (2031, "2,417.0")
    assert size["cagr"]["rate"] == "10.8%" and (size["cagr"]["from_year"], size["cagr"]["to_year"]) == (2025, 2031)
    assert all(f["basis"] == "sourced" and f["quote"] for f in (size["base"], size["end"], size["cagr"]))


def test_breakdowns_items_parents_and_claims(kelp):
    by_id = {b["id"]: b for b in kelp.params["breakdowns"]}
    species = by_id["species"]
    assert (species["label"], species["geographic"], species["year"]) == ("Species", False, 2024)
    sugar, winged = species["items"]
    assert (sugar["name"], sugar["share"]) == ("sugar kelp", "62.0%")
    assert winged["cagr"] == "12.5%" and winged["claims"][0]["claim"] == "fastest-growing"
    europe = by_id["region"]["items"][0]
    assert (europe["share"], europe["value"], europe["claims"][0]["claim"]) == ("41.5%", 489.9, "largest")
    norway = by_id["country"]["items"][0]
    assert (norway["value"], norway["parent"], by_id["country"]["year"]) == (210, "Europe", 2024)


def test_a_headline_bound_becomes_a_claim_decoys_go_unplaced_and_a_past_rate_is_another_cagr(kelp):
    claims = kelp.params["claims"]
    assert {"text": "The kelp farming market is worth billions of dollars", "scale": "billion",
            "source": "tideline-research-2025"} in claims
    assert {"text": "Surpassing USD 2.4 Billion by 2031", "scale": "billion", "value": 2.4, "year": 2031,
            "bound": "at-least", "source": "tideline-research-2025"} in claims
    notes = {u["note"] for u in kelp.params["unplaced"]}
    assert any(n.startswith("not a market figure") for n in notes)
    assert [(c["rate"], c["from_year"], c["to_year"]) for c in kelp.params["size"]["other_cagrs"]] == [
        ("8%", 2019, 2024)]
    assert kelp.counts == {"totals": 2, "cagr": 1, "shares": 2, "values": 2, "item_cagrs": 1, "claims": 4,
                           "unplaced": 1}


def test_yaml_loads_back_to_the_mapping_and_every_quote_is_in_the_text(kelp):
    assert yaml.safe_load(kelp.yaml_text) == kelp.params
    assert "# TODO 'sources[0].url: not stated in the release'" in kelp.yaml_text


def test_what_is_missing_for_a_full_report():
    draft = build(extract("Note\n\nThe kelp market is estimated at USD 6.92 billion in 2024.\n"), "k.txt")
    assert "end" not in draft.params["size"]
    assert any(m.startswith("size.end") for m in draft.missing)
    assert any(m.startswith("sources[0].publisher") for m in draft.missing)
    assert set(draft.params["sources"][0]) == {"id"}  # no placeholder in any value
    assert "# publisher: left out: the release names no publisher" in draft.yaml_text
    assert any(m.startswith("breakdowns: none found") for m in draft.missing)


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


@pytest.mark.parametrize("number, scale, unit, expected", [
    ("1.12", "trillion", "billion", 1120),
    ("185.5", "million", "billion", 0.1855),
    ("1,861.2", "million", "million", "1,861.2"),
    ("504.90", "million", "million", "504.90"),
    ("0.93", "billion", "billion", 0.93),
])
def test_values_move_to_the_market_unit_exactly_or_keep_their_digits(number, scale, unit, expected):
    assert in_unit(number, scale, unit) == expected


@pytest.mark.parametrize("name, slug", [
    ("Global Healthcare CMO Market", "healthcare-cmo"),
    ("European EV Charging Infrastructure Market", "european-ev-charging-infrastructure"),
    ("Market", "market"),
])
def test_market_slug(name, slug):
    assert market_slug(name) == slug


@pytest.mark.parametrize("text", [
    "a: b, c", "#not a comment", "- dash", "{brace}", "it's \"quoted\"", "\x1b[31mred\x07", "tab\there", "★ ü",
    "yes", "null", "2024-01-01", "1,861.2", "62.0%", "@at", "*star", "&amp", "\u2028line", "\x85next",
])
def test_any_release_text_is_one_safe_yaml_scalar(text):
    out = scalar(text)
    assert "\n" not in out
    assert yaml.safe_load(f"k: [{out}, {{q: {out}}}]") == {"k": [text, {"q": text}]}


def test_hostile_release_text_still_gives_loadable_yaml():
    text = ("Evil: {Market} #1 \x1b[2J\n\nThe \"evil\" kelp market: was valued at USD 1.5 billion in 2024, "
            "reaching USD 3.0 billion by 2030 - #hash {x: y}.\n\u2028North America held 40% share in 2024 \x07.\n")
    draft = build(extract(text), "evil\x1b.txt")
    assert yaml.safe_load(draft.yaml_text) == draft.params
    assert "\x1b" not in draft.yaml_text and "\x07" not in draft.yaml_text


def test_corpus_meets_the_targets():
    """Precision >= 0.97 and recall >= 0.90 over our own 32 releases, and no fact under a wrong year or unit."""
    files = releases(CORPUS)
    assert len(files) >= 20
    score, _ = score_corpus(files)
    assert score.precision() >= 0.97, score.extras
    assert score.recall() >= 0.90, score.misses
    assert score.wrong_year_or_unit == []


def test_every_quote_in_every_corpus_draft_is_the_release_text():
    for release in releases(CORPUS):
        text, draft = draft_release(release)
        for quote in _quotes(draft.params):
            assert quote in text, (release.name, quote)


def _quotes(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("quote", "text") and isinstance(v, str):
                yield v
            else:
                yield from _quotes(v)
    elif isinstance(node, list):
        for v in node:
            yield from _quotes(v)


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


@pytest.mark.parametrize("count, placed", [("two", True), ("three", False), ("", True)])
def test_a_rate_said_of_all_regions_goes_to_each_region_named(count, placed):
    text = ("T\n\nThe kelp market was valued at USD 1.2 billion in 2024 and will reach USD 2.0 billion by 2030.\n"
            f"Europe held 41.0% of the market in 2024. Asia Pacific held 30.0% in 2024. All {count} regions are "
            "forecast to grow at the same CAGR of 8.9%.\n").replace("All  regions", "All regions")
    draft = build(extract(text), "k.txt")
    rates = [i.get("cagr", {}).get("rate") for i in draft.params["breakdowns"][0]["items"]]
    assert rates == (["8.9%", "8.9%"] if placed else [None, None])
    assert any("said of all regions" in u["note"] for u in draft.unplaced) is not placed


@pytest.mark.parametrize("a, b, same", [
    ("U.S.", "United States", True), ("Asia-Pacific", "Asia Pacific", True), ("the Hardware segment", "hardware", True),
    ("Western Europe", "Europe", False), ("Africa", "Middle East and Africa", False),
])
def test_item_names_that_are_one_item(a, b, same):
    assert (item_key(a) == item_key(b)) is same


def test_a_total_of_another_market_is_not_this_markets_total():
    text = ("T\n\nThe kelp market reached USD 1.2 billion in 2024 and will reach USD 2.0 billion by 2030. The broader "
            "seaweed food market was worth USD 9.0 billion in 2023.\n")
    draft = build(extract(text), "k.txt")
    assert "totals" not in draft.params
    assert any("another market" in u["note"] for u in draft.unplaced)
