"""Params validation: good files load, bad input names the file, the key and the reason."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cmo_helpers.core import written
from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import PARAMS as ROOT_PARAMS
from cmo_helpers.core.paths import market_params_files
from cmo_helpers.inputs.load import load_params

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


@pytest.mark.parametrize("path", market_params_files(), ids=lambda p: p.name)
def test_shipped_params_are_valid(path: Path):
    p = load_params(path)
    assert p.market.slug == path.stem


def test_default_market_holds_the_seed_figures_exactly(cmo):
    s = cmo.size
    assert (s.base.year, s.base.value, s.end.year, s.end.value) == (2024, 504.9, 2033, 1861.2)
    assert (s.cagr.rate, s.cagr.from_year, s.cagr.to_year) == (0.166, 2025, 2033)
    assert s.anchor == "endpoints"
    service, region = cmo.breakdowns
    pharma = service.items[0]
    assert (pharma.share, pharma.basis, [c.claim for c in pharma.claims]) == (0.62, "sourced", ["largest"])
    na = region.item("North America")
    assert (na.share, na.value, region.year, na.basis) == (0.425, 185.5, 2023, "sourced")
    source = cmo.sources[0]
    assert source.publisher == "Market.us Media" and str(source.published) == "2025-10-10"


def test_default_market_invents_no_items(cmo):
    """Only what the release states: no 'Other ...' lumps, no assumed regions."""
    assert [i.name for b in cmo.breakdowns for i in b.items] == [
        "Pharmaceutical contract manufacturing", "North America", "Asia-Pacific"]
    assert not any(i.assumed for b in cmo.breakdowns for i in b.items)


def test_written_digits_are_kept(tmp_path):
    path = tmp_path / "digits.yaml"
    text = (ROOT_PARAMS / "healthcare-cmo.yaml").read_text()
    text = text.replace("value: 504.9,", "value: 504.90,").replace("share: 42.5%", "share: 0.4250")
    path.write_text(text)
    p = load_params(path)
    assert p.size.base.digits("value") == 2  # a YAML float keeps its trailing zero
    assert p.size.end.digits("value") == 1  # "1,861.2"
    assert p.size.cagr.digits("rate") == 1  # "16.6%"
    assert p.breakdowns[1].items[0].digits("share") == 2  # 0.4250 is 42.50%
    assert p.breakdowns[0].items[0].digits("share") == 1  # "62.0%"


@pytest.mark.parametrize("raw_value, value, decimals", [
    ("1,861.2", 1861.2, 1), ("95.81", 95.81, 2), (504, 504.0, 0), ("7", 7.0, 0),
])
def test_numbers_as_written(raw_value, value, decimals):
    assert written.parse(raw_value) == (pytest.approx(value), decimals)


@pytest.mark.parametrize("raw_value, value, decimals", [
    ("5.98%", 0.0598, 2), ("62.0 %", 0.62, 1), (0.166, 0.166, 1), (0.0598, 0.0598, 2), ("0.5348", 0.5348, 2),
])
def test_rates_as_written(raw_value, value, decimals):
    assert written.parse(raw_value, percent=True) == (pytest.approx(value), decimals)


@pytest.mark.parametrize("bad", ["1.2.3", "12%", "lots", "1,86", float("nan"), float("inf")])
def test_not_a_number(bad):
    with pytest.raises(ValueError):
        written.parse(bad)


def test_partial_and_over_full_breakdowns_validate(raw, build):
    """How far items cover the market is the audit's finding, never a reason to refuse the file."""
    raw["breakdowns"][1]["items"].append({"name": "Europe", "share": 0.7, "basis": "sourced",
                                          "source": "marketus-2025"})
    p = build(raw)
    assert [i.share for i in p.breakdowns[1].items if i.share] == [0.425, 0.7]


def test_items_with_only_a_rate_or_a_claim_validate(raw, build):
    raw["breakdowns"][0]["items"].append({"name": "Drug delivery", "cagr": "12.4%", "basis": "sourced",
                                          "source": "marketus-2025"})
    item = build(raw).breakdowns[0].items[-1]
    assert (item.cagr.rate, item.cagr.basis, item.has_point) == (0.124, "sourced", False)


def test_a_figure_inherits_its_items_basis_unless_it_says_otherwise(raw, build):
    na = raw["breakdowns"][1]["items"][0]
    na["cagr"] = {"rate": 0.12, "basis": "assumed", "rationale": "ours"}
    na["end"] = {"year": 2030, "value": 400}
    item = build(raw).breakdowns[1].items[0]
    assert (item.cagr.assumed, item.end.assumed, item.end.source) == (True, False, "marketus-2025")


def test_claim_on_an_assumed_item_needs_its_own_source(raw, build):
    raw["breakdowns"][0]["items"].append({"name": "Devices", "share": 0.2, "basis": "assumed", "rationale": "ours",
                                          "claims": ["fastest-growing"]})
    assert "breakdowns[0].items[1].claims[0]: basis is 'sourced' but no 'source' id is given" in _error(build, raw)


def test_unknown_claim_kind_lists_the_choices(raw, build):
    raw["breakdowns"][0]["items"][0]["claims"] = ["biggest"]
    assert "breakdowns[0].items[0].claims[0].claim: Input should be 'largest'" in _error(build, raw)


def test_parent_must_name_one_item_of_another_breakdown(raw, build):
    raw["breakdowns"].append({"id": "country", "label": "Country", "geographic": True, "items": [
        {"name": "United States", "share": 0.2, "parent": "North America", "basis": "sourced",
         "source": "marketus-2025"}]})
    assert (build(raw).parents_of(build(raw).breakdowns[2], build(raw).breakdowns[2].items[0])[0][1].name
            == "North America")
    raw["breakdowns"][2]["items"][0]["parent"] = "Atlantis"
    assert "breakdowns[2].items[0].parent: 'Atlantis' is not an item of another breakdown" in _error(build, raw)
    raw["breakdowns"][2]["items"][0]["parent"] = "region/North America"
    assert build(raw).breakdowns[2].items[0].parent == "region/North America"


def test_newline_in_a_name_is_refused(raw, build):
    raw["market"]["name"] = "Widgets\nContents"
    assert "market.name: must be a single line of text without control characters; found '\\n'" in _error(build, raw)


def test_escape_character_in_an_item_name_is_refused(raw, build):
    raw["breakdowns"][0]["items"][0]["name"] = "Pharma\x1b[31m"
    assert "breakdowns[0].items[0].name: must be a single line of text without control characters" in _error(build, raw)


def test_undated_source_is_valid(raw, build):
    del raw["sources"][0]["published"]
    raw["sources"][0]["accessed"] = "2026-11-26"
    assert build(raw).sources[0].published is None


def test_old_style_file_still_loads_as_breakdowns(build):
    p = load_params(TINY)
    assert [b.id for b in p.breakdowns] == ["segments", "regions"]
    assert p.breakdowns[1].geographic and p.breakdowns[1].year == 2019
    alpha = p.breakdowns[0].items[0]
    assert alpha.cagr.assumed, "an own CAGR without cagr_source was ours in the old schema"
    assert p.sources[0].published.isoformat() == "2024-01-01"


def _error(build, data) -> str:
    with pytest.raises(ParamsError) as info:
        build(data)
    message = str(info.value)
    assert message.startswith("test.yaml: ")
    return message


def test_unknown_top_level_key_suggests_the_right_one(raw, build):
    raw["drivrs"] = raw.pop("drivers")
    assert "unknown key 'drivrs'; did you mean 'drivers'?" in _error(build, raw)


def test_unknown_nested_key_names_its_path(raw, build):
    raw["size"]["base"]["valeu"] = 1.0
    msg = _error(build, raw)
    assert "size.base: unknown key 'valeu'; did you mean 'value'?" in msg


def test_negative_value_is_rejected(raw, build):
    raw["size"]["base"]["value"] = -5
    assert "size.base.value: Input should be greater than 0 (got -5.0)" in _error(build, raw)


def test_cagr_out_of_range(raw, build):
    raw["size"]["cagr"]["rate"] = 2.5
    assert "size.cagr.rate: Input should be less than or equal to 2 (got 2.5)" in _error(build, raw)


def test_share_above_one(raw, build):
    raw["breakdowns"][0]["items"][0]["share"] = 1.2
    assert "breakdowns.0.items.0.share" not in (msg := _error(build, raw))
    assert "breakdowns[0].items[0].share: Input should be less than or equal to 1 (got 1.2)" in msg


def test_end_year_must_follow_base_year(raw, build):
    raw["size"]["end"]["year"] = 2020
    assert "size: end.year (2020) must be after base.year (2024)" in _error(build, raw)


def test_duplicate_item_names(raw, build):
    raw["breakdowns"][1]["items"][1]["name"] = "north america"
    assert "breakdowns[1]: item name 'north america' appears twice in 'region'" in _error(build, raw)


def test_sourced_figure_needs_a_source(raw, build):
    del raw["size"]["base"]["source"]
    assert "size.base: basis is 'sourced' but no 'source' id is given" in _error(build, raw)


def test_assumed_figure_needs_a_rationale(raw, build):
    raw["breakdowns"][0]["items"].append({"name": "Devices", "share": 0.2, "basis": "assumed"})
    assert "breakdowns[0].items[1]: basis is 'assumed' but no one-line 'rationale' is given" in _error(build, raw)


def test_unknown_source_id_suggests_a_known_one(raw, build):
    raw["size"]["end"]["source"] = "marketus-2052"
    assert ("size.end.source 'marketus-2052' is not an id in 'sources'; did you mean 'marketus-2025'?"
            in _error(build, raw))


def test_bad_unit_lists_the_choices(raw, build):
    raw["market"]["unit"] = "millions"
    assert ("market.unit: Input should be 'thousand', 'million', 'billion' or 'trillion' (got 'millions')"
            in _error(build, raw))


def test_missing_section(raw, build):
    del raw["market"]
    assert "market: required key is missing" in _error(build, raw)


def test_wrong_type(raw, build):
    raw["size"]["end"]["value"] = "lots"
    assert "size.end.value: expected a number such as 1,861.2 or 16.6%, got 'lots'" in _error(build, raw)


def test_cagr_anchor_needs_a_cagr(raw, build):
    raw["size"]["anchor"] = "cagr"
    del raw["size"]["cagr"]
    assert "size: anchor is 'cagr' but no 'cagr' is given" in _error(build, raw)


def test_every_problem_is_reported_at_once(raw, build):
    raw["size"]["base"]["value"] = 0
    raw["market"]["currency"] = "usd"
    msg = _error(build, raw)
    assert "size.base.value" in msg and "market.currency" in msg


def test_yaml_syntax_error_names_the_line(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("market:\n  name: [unclosed\nsize: 1\n")
    with pytest.raises(ParamsError) as info:
        load_params(bad)
    assert str(info.value).startswith(f"{bad}: line ")
    assert "not valid YAML" in str(info.value)


def test_duplicate_yaml_key_is_an_error(tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text("market: {}\nmarket: {}\n")
    with pytest.raises(ParamsError, match=r"dup.yaml: line 2: not valid YAML: duplicate key 'market'"):
        load_params(bad)


def test_missing_file(tmp_path):
    with pytest.raises(ParamsError, match="nope.yaml: file not found"):
        load_params(tmp_path / "nope.yaml")


def test_top_level_must_be_a_mapping(tmp_path):
    bad = tmp_path / "list.yaml"
    bad.write_text("- a\n- b\n")
    with pytest.raises(ParamsError, match="expected a YAML mapping"):
        load_params(bad)


def test_the_documented_example_validates(raw, build):
    """params/README.md shows one example per kind of fact; it must stay valid."""
    text = (ROOT_PARAMS / "README.md").read_text(encoding="utf-8")
    example = yaml.safe_load(text.split("## One example per kind of fact")[1].split("```yaml")[1].split("```")[0])
    p = build({"market": raw["market"], **example})
    assert [b.id for b in p.breakdowns] == ["phase", "device", "region", "country"]
    assert p.claims[1].bound == "at-least"


def test_endpoints_implying_an_impossible_rate_are_refused(raw, build):
    raw["size"]["base"]["value"] = 1e-300
    assert "size: base.value 1e-300 and end.value 1861.2 imply" in _error(build, raw)
    raw["size"]["base"]["value"] = 504.9
    raw["size"]["end"]["value"] = 1.0  # -49.9 % a year over nine years: allowed, a shrinking market
    assert build(raw).size.end.value == 1.0
    raw["size"]["end"]["value"] = 0.5  # -51.7 % a year
    assert "outside the -50% to +200%" in _error(build, raw)


@pytest.mark.parametrize("bad", [".inf", ".nan", "1e400"])
def test_non_finite_numbers_are_refused(tmp_path, bad):
    path = tmp_path / "inf.yaml"
    path.write_text((ROOT_PARAMS / "healthcare-cmo.yaml").read_text().replace('value: "1,861.2"', f"value: {bad}"))
    with pytest.raises(ParamsError, match=r"size\.end"):
        load_params(path)
