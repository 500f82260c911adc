"""Real releases tempt a wrong reading: each fixture here (our own words and figures) has one, and the draft
must place the market's figures right, leave every other number under `unplaced` with a reason, and validate."""
from __future__ import annotations

import pytest

from cmo_helpers.drafting.release import draft_release
from cmo_helpers.inputs.params import parse_params
from cmo_helpers.model.forecast import compound


def draft(text: str, name: str = "r.txt") -> dict:
    """The drafted params mapping, after checking that the project's own schema accepts it."""
    _, d = draft_release(name, text, grow=compound)
    parse_params(d.params, name)
    return d.params


def unplaced(params: dict) -> str:
    return " | ".join(f"{u['quote']} => {u['note']}" for u in params.get("unplaced", []))


def items(params: dict) -> dict[str, dict]:
    return {i["name"]: i for b in params.get("breakdowns", []) for i in b["items"]}


def test_a_deal_amount_beside_the_market_size_is_not_an_item_value():
    p = draft("The kelp snack market was valued at USD 2.40 billion in 2024 and is projected to reach USD 4.10 "
              "billion by 2031, at a CAGR of 7.9% from 2025 to 2031. Snack makers have joined a buying spree, with "
              "Brinewood spending USD 1.1 billion on its purchase of Crisp Tide.\n")
    assert (p["size"]["base"]["value"], p["size"]["end"]["value"]) == ("2.40", "4.10")
    assert not any("value" in i for i in items(p).values())
    assert "USD 1.1 billion" in unplaced(p)


def test_a_production_share_and_a_share_of_another_quantity_are_not_market_shares():
    p = draft("The tidal turbine market was valued at USD 5.2 billion in 2024 and will reach USD 9.8 billion by "
              "2030. At present, Norway's production share of the world's turbine blades is above 70%. Tidal plants "
              "could meet 12% of coastal power demand by 2035.\n")
    assert not items(p)
    assert "above 70%" in unplaced(p) and "12% of coastal power demand" in unplaced(p)


def test_a_change_is_not_a_share():
    p = draft("The reef survey market was valued at USD 1.5 billion in 2024 and will reach USD 2.5 billion by 2030. "
              "According to the Ocean Office, drones can cut survey times by up to 40% in Canada.\n")
    assert not items(p)


def test_a_one_year_step_is_not_the_market_cagr_and_a_lead_in_is_not_an_item():
    p = draft("The sodium battery market is set to increase from $12.5 billion in 2025 to $13.6 billion in 2026, "
              "which is a compound annual growth rate (CAGR) of 8.8%. Down the road, the market is expected to "
              "reach $19.9 billion by 2030, with a CAGR of 10.0%.\n")
    assert p["size"]["cagr"]["rate"] == "10.0%"
    assert p["size"]["end"]["value"] == 19.9
    assert "Down the road" not in items(p)
    step = p["size"]["other_cagrs"]
    assert [(c["rate"], c["from_year"], c["to_year"], c["quote"]) for c in step] == [
        ("8.8%", 2025, 2026, "compound annual growth rate (CAGR) of 8.8%")]


def test_a_trillion_bound_is_the_end_value_with_its_bound():
    p = draft("The tidal power market stood at USD 310.5 billion in 2024 and should cross USD 2.2 trillion by "
              "the end of 2036, growing at more than 17% CAGR between 2025-2036. In 2025, the industry size of tidal "
              "power is put at USD 362.4 billion.\n")
    size = p["size"]
    assert (size["base"]["year"], size["end"]["year"]) == (2024, 2036)
    assert float(size["end"]["value"]) == 2200
    assert (size["end"]["bound"], size["end"]["quote"]) == ("over", "cross USD 2.2 trillion by the end of 2036")
    assert size["cagr"]["bound"] == "more-than"
    assert "bound" not in unplaced(p)
    assert [t["value"] for t in p.get("totals", [])] == [362.4]


def test_a_volume_series_gives_no_money_figure_and_is_the_volume_with_its_cagr():
    p = draft("The Ruritania wind farm market is estimated at 12.4 thousand MW in 2024 and is expected to reach "
              "20.1 thousand MW by 2029, growing at a CAGR of 10.1%. Further, the market is expected to generate "
              "revenue of USD 8,200 million in 2024 and is projected to reach USD 15,400 million by 2029, growing at "
              "a CAGR of 13.1% during the forecast period (2024-2029).\n")
    assert p["size"]["base"]["value"] == "8,200" and p["size"]["end"]["value"] == "15,400"
    assert p["size"]["cagr"]["rate"] == "13.1%"
    assert "Further" not in items(p)
    assert "10.1%" not in unplaced(p)
    volume = p["volume"]
    assert (volume["unit"], volume["base"]["value"], volume["end"]["value"], volume["cagr"]["rate"]) == (
        "thousand MW", 12.4, 20.1, "10.1%")


def test_the_markets_own_region_is_the_market_and_a_country_market_inside_it_an_item():
    p = draft("North America Kelp Snack Market Outlook\n\n"
              "The North America kelp snack market size was valued at USD 1.20 billion in 2024 and is expected to "
              "reach USD 2.05 billion by 2034, growing at a CAGR of 5.5% from 2025 to 2034.\n"
              "The U.S. kelp snack market size was evaluated at USD 0.80 billion in 2024 and is expected to reach "
              "USD 1.31 billion by 2034, growing at a CAGR of 5.1% from 2025 to 2034.\n")
    assert p["market"]["geography"] == "North America"
    assert p["size"]["cagr"]["rate"] == "5.5%"
    found = items(p)
    assert "North America" not in found
    us = found["United States"]
    assert (us["value"], us["end"]["value"], us["cagr"]["rate"]) == ("0.80", 1.31, "5.1%")


def test_claims_come_only_from_rank_words_about_items():
    p = draft("The seed bank market was valued at USD 3.1 billion in 2024 and will reach USD 5.0 billion by 2030. "
              "Cloud cataloguing speeds up tracking and cuts labelling error, leading to quicker audits. Young "
              "breeding startups have led seed bank growth. Cryo vaults held the largest "
              "revenue share of 44.5% in 2024.\n")
    found = items(p)
    claimed = {name for name, i in found.items() if i.get("claims")}
    assert claimed == {"Cryo vaults"}
    assert found["Cryo vaults"]["share"] == "44.5%"


def test_a_segments_cagr_is_the_segments_not_the_markets():
    p = draft("The moss flooring market was valued at USD 4.4 billion in 2024 and will reach USD 8.1 billion by 2034, "
              "growing at a CAGR of 6.3% from 2025 to 2034.\n"
              "By product, the dried moss tiles market segment is expected to grow at the fastest CAGR of 7.7% from "
              "2025 to 2034.\n")
    assert p["size"]["cagr"]["rate"] == "6.3%"
    tiles = items(p)["dried moss tiles"]
    assert tiles["cagr"]["rate"] == "7.7%"
    assert [c["claim"] for c in tiles["claims"]] == ["fastest-growing"]


@pytest.mark.parametrize("line", [
    "Report attributes | Pages: 212 | Companies profiled: 18",
    "Edition: 12; Released: May 2024",
])
def test_report_metadata_never_becomes_a_figure(line):
    p = draft(f"{line}\n\nThe moss flooring market was valued at USD 4.4 billion in 2024 and will reach USD 8.1 "
              "billion by 2034.\n")
    assert not items(p)


def test_a_base_and_a_cagr_alone_give_an_end_marked_as_ours():
    p = draft("The global moss tile market was valued at $40.0 billion in 2024. The moss tile market is expected to "
              "grow at a compound annual growth rate (CAGR) of 5.0% during 2024 to 2030.\n")
    end = p["size"]["end"]
    assert (end["year"], end["basis"], p["size"]["anchor"]) == (2030, "assumed", "cagr")
    assert end["value"] == 53.6 and "not stated in the release" in end["rationale"]


def test_places_listed_after_the_figures_are_not_their_subject():
    p = draft("Report Attributes Details Market Size in 2024 US$ 610 Billion Market Size by 2031 US$ 990.5 Billion "
              "Key Regional Coverage North America (US, Canada), Europe (Germany, France)\n")
    assert not items(p)
    assert (p["size"]["base"]["value"], p["size"]["end"]["value"]) == (610, 990.5)


def test_a_title_ranks_nothing_and_a_predicate_is_no_item():
    p = draft("Moss Tile Market: Growth Trends, Leading Players & Forecast to 2032\n\n"
              "In 2024, the market was valued at USD 61.5 billion, and it's projected to grow steadily, reaching USD "
              "99.1 billion by 2032, expanding at a CAGR of 6.1% during the forecast period.\n")
    assert not items(p)
    assert p["size"]["end"]["value"] == 99.1 and p["size"]["cagr"]["rate"] == "6.1%"


def test_growth_rates_of_two_places_in_one_breath_are_not_shares():
    p = draft("The moss tile market was valued at USD 1.5 billion in 2020 and will reach USD 3.0 billion by 2027. Over "
              "the same years, Japan and Canada are expected to expand at 6.5 percent and 12%, respectively.\n")
    assert not any("share" in i for i in items(p).values())


def test_an_item_larger_than_the_whole_market_is_another_markets_figure():
    p = draft("In Europe, revenue in the moss tile market is projected to reach €3.90bn in 2025 and €5.10bn in 2029. "
              "Worldwide, Japan earns the most, at an estimated €6.10bn in 2025.\n")
    assert "Japan" not in items(p)
    assert "larger than this market" in unplaced(p)


def test_three_places_in_one_subject_share_one_claim_and_no_one_gets_it():
    p = draft("The moss tile market was valued at €10 billion in 2025 and will reach €15 billion by 2033. Spain, "
              "Italy, and Greece are the largest national markets.\n")
    assert not any(i.get("claims") for i in items(p).values())
    assert "together" in unplaced(p)


def test_an_aftermarket_is_an_item_and_led_lamps_lead_nothing():
    p = draft("The moss lamp market size stands at USD 3.60 billion in 2025 and is projected to reach USD 4.50 billion "
              "by 2030, expanding at a 4.50% CAGR.\n"
              "- By vehicle type, vans commanded a 61.20% share of the LED moss lamp market in 2024.The aftermarket is "
              "forecast to advance at a 5.20% CAGR through 2030.\n"
              "- By installation type, new-build lamps accounted for 60.30% of the market in 2024.\n")
    assert p["size"]["cagr"]["rate"] == "4.50%"
    found = items(p)
    assert found["aftermarket"]["cagr"]["rate"] == "5.20%"
    assert not found["vans"].get("claims")
    labels = sorted(b["label"] for b in p["breakdowns"])
    assert "Installation type" in labels and "Vehicle type" in labels


def test_a_bound_on_the_cagr_is_the_cagrs_bound():
    p = draft("The moss lamp market was valued at approximately €10 billion in 2025, projected to maintain a CAGR "
              "exceeding 6% through 2033.\n")
    assert p["size"]["cagr"]["rate"] == "6%"
    assert p["size"]["cagr"]["bound"] == "over"
    assert p["size"]["base"]["bound"] == "about"


def test_a_range_of_amounts_and_another_markets_total_are_not_this_markets():
    p = draft("The global moss education market is projected to reach USD 125.0 billion by 2030 from USD 80.5 billion "
              "in 2024, at a CAGR of 7.6% during the forecast period. The global moss IT market size was valued at USD "
              "130.5 billion in 2025. The moss media market may attain $5 trillion to $9 trillion by 2035.\n")
    assert (p["size"]["base"]["value"], p["size"]["end"]["value"]) == (80.5, "125.0")
    assert not p.get("totals")
    assert "another market" in unplaced(p) and "a range of amounts" in unplaced(p)


def test_the_market_named_after_a_place_is_the_subject_and_an_entrant_is_no_item():
    p = draft("Per Quill Insights, an analyst house from Lyon, France, the value of the moss "
              "market reached $62.50 billion in 2024 and will reach $90.00 billion by 2030. Mossly (NASDAQ: MSLY) is "
              "the biggest entrant.\n")
    assert p["size"]["base"]["value"] == "62.50"
    assert not items(p)


def test_bounds_go_on_their_figures_and_an_undated_share_takes_no_year():
    p = draft("The global moss brick market was valued at USD 120.5 million in 2024 and is expected to reach nearly "
              "USD 200.0 million by 2030, growing at a CAGR of 8.8% from 2024 to 2030.\n\n"
              "By region, Europe generated around USD 50.2 million in 2024.\n\n"
              "Asia Pacific accounted for 22.5% of the market.\n")
    end = p["size"]["end"]
    assert (end["bound"], end["quote"]) == ("nearly", "nearly USD 200.0 million by 2030")
    assert "bound" not in p["size"]["base"] and "bound" not in p["size"]["cagr"]
    region = items(p)
    assert (region["Europe"]["bound"], "year" in region["Europe"]) == ({"value": "about"}, False)
    assert (region["Asia Pacific"]["share"], region["Asia Pacific"]["year"]) == ("22.5%", "not stated")
    assert p["breakdowns"][0]["year"] == 2024


def test_a_breakdown_of_undated_shares_is_not_put_in_the_base_year():
    p = draft("The global moss brick market was valued at USD 120.5 million in 2024 and is expected to reach "
              "USD 200.0 million by 2030.\n\nEurope accounted for 31.5% of the market.\n")
    assert p["breakdowns"][0]["year"] == "not stated"


def test_a_bounded_share_is_drafted_with_its_bound_only_when_its_item_and_year_are_clear():
    p = draft("The global moss tile market was valued at USD 820.4 million in 2024 and is projected to reach "
              "USD 1,402.6 million by 2031.\n\nBy region, Europe held over 40% of the market in 2024. Asia Pacific "
              "took more than a fifth of the market in 2024. North America held over 25% of the market.\n")
    region = items(p)
    assert (region["Europe"]["share"], region["Europe"]["bound"]) == ("40%", {"share": "over"})
    assert (region["Asia Pacific"]["share"], region["Asia Pacific"]["bound"]) == ("20%", {"share": "more-than"})
    assert region["Europe"]["quote"] == "Europe held over 40%"
    assert "North America" not in region
    assert "North America held over 25% of the market. => a share bounded by 'over' with no clear year" in unplaced(p)
