"""Size and growth sentences: the direction, the digits and the acronyms the model and the tables give."""
from __future__ import annotations

from cmo_helpers.report import size_tables, size_text, summary_view


def test_shrinking_market_is_not_said_to_grow(raw, build):
    raw["size"]["end"]["value"] = 300.0
    text = summary_view.takeaways(build(raw)).data
    assert "The market shrinks from" in text and "grows" not in text
    assert "Each year the market loses" in size_text.growth_summary(build(raw)).data


def test_money_sentences_show_modelled_values_as_the_size_table_does(cmo, irrigation):
    for p, low, high in ((cmo, "USD 78.8 million", "USD 251.2 million"),
                         (irrigation, "USD 0.23 billion", "USD 0.59 billion")):
        change = size_tables.size_table(p).shown()["Change"].tolist()
        assert (f"+{low.split()[1]}", f"+{high.split()[1]}") == (change[1], change[-1]), "the same digits as the table"
        assert f"adds between {low} and {high}." in size_text.growth_summary(p).data


def test_growth_summary_keeps_acronyms(cmo, heat):
    assert "The source also states 16.6% over 2025–2033 [1]" in size_text.growth_summary(cmo).data
    assert "The CAGR of 10% (assumed) agrees" in size_text.growth_summary(heat).data
