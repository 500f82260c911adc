"""The draft's citation: an id from the publisher and year, only the parts the release gives, and why others lack."""
from __future__ import annotations

import datetime as dt

from cmo_helpers.drafting.citation import NOT_STATED, citation, citation_id, why_left_out
from cmo_helpers.drafting.source import SourceMeta

MARKET = "Global Moss Tile Market"


def test_the_id_names_the_publisher_and_year_or_says_neither_is_known():
    assert citation_id(SourceMeta(publisher="Fernbank Insights & Co.", published="2025-06-30")) == \
        "fernbank-insights-co-2025"
    assert citation_id(SourceMeta()) == "release-source"


def test_a_citation_holds_only_what_the_release_gives():
    meta = SourceMeta(title="Moss Tile Market Outlook", publisher="Fernbank Insights", published="2025-06-30",
                      kind="press release")
    assert citation(meta, "fernbank-insights-2025", MARKET) == {
        "id": "fernbank-insights-2025", "publisher": "Fernbank Insights", "title": "Moss Tile Market Outlook",
        "published": dt.date(2025, 6, 30), "kind": "press release"}


def test_a_headline_is_no_title_and_each_missing_part_says_why():
    meta = SourceMeta(title="Moss Tile Market to Pass USD 3 Billion by 2032")
    assert "title" not in citation(meta, "release-source", MARKET)
    why = why_left_out(meta, MARKET)
    assert why["title"] == "the first line states figures: a headline, not a title"
    assert (why["publisher"], why["published"], why["url"]) == ("the release names no publisher", NOT_STATED,
                                                                NOT_STATED)
