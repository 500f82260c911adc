"""A saved page's `key: value` header is read as the source's metadata and never as the release's text."""
from __future__ import annotations

from cmo_helpers.drafting.header import split_header
from cmo_helpers.drafting.release import draft_release

PAGE = """url: https://example.org/news/quillwort-market
publisher: Quillfeather Research (press release on Wirely)
date: 2025-03-04
retrieved-via: a search index

The quillwort market was valued at USD 2.10 billion in 2024 and is expected to reach USD 3.90 billion by 2031,
growing at a CAGR of 9.2% from 2025 to 2031.
"""


def test_header_lines_become_metadata_and_leave_the_text():
    header, body = split_header(PAGE)
    assert header["url"] == "https://example.org/news/quillwort-market"
    assert header["publisher"].startswith("Quillfeather Research")
    assert body.startswith("The quillwort market")


def test_the_market_is_never_named_after_a_header_key():
    _, draft = draft_release("quillwort.txt", PAGE)
    market, source = draft.params["market"], draft.params["sources"][0]
    assert market["name"] == "Quillwort Market"
    assert source["publisher"] == "Quillfeather Research"
    assert str(source["published"]) == "2025-03-04"
    assert source["url"] == "https://example.org/news/quillwort-market"
    assert "url" not in market["slug"]


def test_a_release_that_opens_with_a_label_is_not_a_header():
    text = ("Summary: quillwort sales rose.\nOutlook: steady\n\n"
            "The quillwort market was valued at USD 2 billion in 2024.\n")
    assert split_header(text) == ({}, text)


def test_the_store_date_stamp_is_metadata_too():
    page = "url: https://example.org/q\n\n date 2024-11-02 is expected to be worth USD 5.5 billion by 2030.\n"
    header, body = split_header(page)
    assert header["stamp"] == "2024-11-02"
    assert body.startswith("is expected")
