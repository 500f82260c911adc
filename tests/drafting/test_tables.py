"""Tables in every shape a release flattens them to: each cell becomes a fact with its row as the quote."""
from __future__ import annotations

from cmo_helpers.drafting.facts import extract


def facts(text: str, kind: str | None = None):
    return [f for f in extract(text).facts if kind is None or f.kind == kind]


def one(text: str, kind: str):
    (found,) = facts(text, kind)
    return found


def test_a_pipe_table_gives_values_shares_and_cagrs_by_column():
    text = ("T\n\nRevenue by region, 2024\nRegion | Revenue (US$ billion) | Share | CAGR 2025-2030\n"
            "Europe | 4.19 | 36.5% | 7.1%\n")
    assert [(f.kind, f.number, f.year) for f in facts(text) if f.item == "Europe"] == [
        ("value", "4.19", 2024), ("share", "36.5", 2024), ("item_cagr", "7.1", None)]
    assert one(text, "value").scale == "billion"


def test_a_table_flattened_into_one_line_is_read_by_year():
    text = ("T\n\nRevenue by region, USD million\n"
            "Region 2022 2023 North America 10.50 11.25 Europe 8.10 8.40 Total 18.60 19.65\n")
    assert [(v.item, v.number, v.year) for v in facts(text, "value")] == [
        ("North America", "10.50", 2022), ("North America", "11.25", 2023), ("Europe", "8.10", 2022),
        ("Europe", "8.40", 2023)]


def test_a_two_column_attribute_table_is_read_as_sentences():
    text = ("T\n\nReport Attribute | Details\nMarket size value in 2024 | USD 7.2 billion\n"
            "Revenue forecast in 2030 | USD 23.9 billion\nGrowth rate | CAGR of 21.5% from 2025 to 2030\n"
            "Number of pages | 140\n")
    assert [(t.number, t.year) for t in facts(text, "total")] == [("7.2", 2024), ("23.9", 2030)]
    assert (one(text, "cagr").from_year, one(text, "cagr").to_year) == (2025, 2030)


def test_a_list_after_one_verb_gives_each_item_its_share():
    text = "T\n\nRetail captured 58.4% of 2024 revenue, hospitals 34.7% and clinics 6.9%.\n"
    assert [(s.item, s.number, s.year) for s in facts(text, "share")] == [
        ("Retail", "58.4", 2024), ("hospitals", "34.7", 2024), ("clinics", "6.9", 2024)]


def test_a_flattened_table_keeps_row_names_that_end_in_a_number():
    text = ("Kelp Market Revenue by Strain, 2022-2024 (USD Million), with the figures the survey team checked by hand\n"
            "Strain 2022 2023 2024 Sugar kelp 12.5 13.1 14.0 Strain 7 30.2 31.0 33.3 Others 4.4 4.9 5.0\n")
    values = facts(text, "value")
    assert {(f.item, f.year, f.number) for f in values if f.item == "Strain 7"} == {
        ("Strain 7", 2022, "30.2"), ("Strain 7", 2023, "31.0"), ("Strain 7", 2024, "33.3")}
    assert {f.dimension for f in values} == {"Strain"}


def test_key_value_rows_give_the_cagr_and_rank_claims_but_not_beside_volumes():
    money = "Key figures\nLabel | Value |\n---|---|\nCAGR (2024 - 2029) | 8.5 % |\nLargest Share by Grade | Grade A |\n"
    assert [(f.kind, f.number, f.from_year) for f in facts(money, "cagr")] == [("cagr", "8.5", 2024)]
    assert [(f.item, f.claim, f.dimension) for f in facts(money, "claim")] == [("Grade A", "largest", "Grade")]
    volume = money.replace("Label | Value |", "Label | Value |\nVolume (2024) | 3.1 Thousand MW |")
    assert facts(volume, "cagr") == []
    assert any("volumes" in (f.note or "") for f in facts(volume, "unplaced"))
