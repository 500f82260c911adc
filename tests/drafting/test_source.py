"""What a release says about itself is read from its first lines; nothing is invented when it says nothing."""
from __future__ import annotations

import pytest

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.source import market_name, source_meta, title_problem


def test_source_meta_reads_the_title_publisher_date_place_and_url():
    text = ("Kelp Market to Reach USD 2.4 Billion by 2031\n\nTideline Research | Press Release | 4 March 2025\n\n"
            "OSLO, March 4, 2025 -- The kelp market was valued at USD 1.18 billion in 2024, Tideline Research "
            "said. Details: https://example.org/kelp.\n")
    meta = source_meta(text)
    assert (meta.title, meta.publisher, meta.published, meta.place, meta.url, meta.kind) == (
        "Kelp Market to Reach USD 2.4 Billion by 2031", "Tideline Research", "2025-03-04", "Oslo",
        "https://example.org/kelp", "press release")


def test_market_name_comes_from_the_sentence_with_the_first_total():
    assert extract("News\n\nThe global kelp farming market was valued at USD 1.18 billion in 2024.\n").market_name \
        == "Global Kelp Farming Market"


def test_a_runaway_first_line_gives_a_clipped_title():
    title = source_meta("word " * 400 + "\n\nBody.\n").title
    assert len(title) <= 202 and title.endswith(" …")


def test_nothing_stated_gives_none_not_a_guess():
    meta = source_meta("Kelp news\n\nThe kelp market was valued at USD 1.2 billion in 2024.\n")
    assert (meta.publisher, meta.published, meta.place, meta.url, meta.kind) == (None, None, None, None, None)


def test_the_market_is_named_by_the_words_of_its_first_total_not_by_a_publisher():
    text = ("T\n\nAccording to the latest study by Pinecrest Market Insights, the cloud gaming market size was "
            "USD 7,860 million in 2024.\n")
    assert extract(text).market_name == "Cloud Gaming Market"


@pytest.mark.parametrize("title, why", [
    ("Moss Brick Market Outlook and Forecast (2026 - 2033)", None),
    ("The moss brick market was valued at a record high this year.", "sentence"),
    ("Issue: 7; Out: June 2031", "label"),
    ("“Bricks That Breathe”", "tagline"),
    ("Moss Brick Market to Pass USD 4.5 Bn by 2033", "figures"),
    ("Grey Owl Analytics", "does not name"),
    ("Regional Market Size and Trends", "does not name"),
])
def test_a_title_is_taken_only_when_it_reads_as_one(title, why):
    problem = title_problem(title, "Global Moss Brick Market")
    assert (problem is None) if why is None else why in problem


def test_a_market_named_at_the_start_of_a_line_loses_its_article():
    text = "The Pondland Moss Tile Market size is estimated at 4.2 thousand tonnes in 2025.\n"
    assert market_name(text, extract(text).facts) == "Pondland Moss Tile Market"
