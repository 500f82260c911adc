"""Facts placed into a params mapping (schema v2) and written as YAML that loads back to the same mapping."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from draft_score import draft_release, releases, score_corpus

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.writer import build

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
