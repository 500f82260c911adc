"""Sources and assumptions: references dated honestly, every input with the source's own words, isolated."""
from __future__ import annotations

from cmo_helpers.report import sources_view


def test_inputs_table_quotes_the_source(cmo):
    t = sources_view.inputs_table(cmo).shown()
    row = t[t["Figure"] == "Market size 2024"].iloc[0]
    assert (row["Value"], row["Basis"]) == ("504.9", "Sourced [1]")
    assert row["Source's words or our rationale"] == "\u201cUSD 504.9 Million in 2024\u201d"


def test_a_quote_with_a_bidi_override_is_isolated_from_its_neighbours(raw, build):
    """Issue 21: an unclosed right-to-left override in a quote must not reverse the rationale beside it."""
    figure = raw["size"]["base"]
    figure["quote"] = "USD 504.9 \u202eMillion"
    t = sources_view.inputs_table(build(raw)).shown()
    note = t[t["Figure"].str.startswith("Market size")].iloc[0]["Source's words or our rationale"]
    assert note == "\u201c\u2068USD 504.9 \u202eMillion\u2069\u201d"


def test_references_date_an_undated_source_honestly(raw, build):
    del raw["sources"][0]["published"]
    raw["sources"][0]["accessed"] = "2026-11-26"
    assert "date not stated; accessed 26 November 2026" in sources_view.references(build(raw)).data
