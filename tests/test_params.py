"""Params validation: good files load, bad input names the file, the key and the reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from cmo_helpers.errors import ParamsError
from cmo_helpers.params import load_params
from cmo_helpers.paths import market_params_files


@pytest.mark.parametrize("path", market_params_files(), ids=lambda p: p.name)
def test_shipped_params_are_valid(path: Path):
    p = load_params(path)
    assert p.market.slug == path.stem


def test_default_market_holds_the_seed_figures_exactly(cmo):
    s = cmo.size
    assert (s.base.year, s.base.value, s.end.year, s.end.value) == (2024, 504.9, 2033, 1861.2)
    assert (s.cagr.rate, s.cagr.from_year, s.cagr.to_year) == (0.166, 2025, 2033)
    assert s.anchor == "endpoints"
    pharma = cmo.segments.items[0]
    assert (pharma.share, pharma.basis) == (0.62, "sourced")
    na = next(i for i in cmo.regions.items if i.name == "North America")
    assert (na.share, na.value, cmo.regions.year, na.basis) == (0.425, 185.5, 2023, "sourced")
    source = cmo.sources[0]
    assert source.publisher == "Market.us Media" and str(source.date) == "2025-10-10"


def test_only_release_figures_are_marked_sourced(cmo):
    sourced = [i.name for split in (cmo.segments, cmo.regions) for i in split.items if not i.assumed]
    assert sourced == ["Pharmaceutical contract manufacturing", "North America"]
    assert all(i.cagr_assumed for i in cmo.regions.items)


def test_value_only_item_takes_its_share_from_the_total(raw, build):
    # North America without a share: 185.5 / back-cast 2023 total (504.9 / 1.155990 = 436.768) = 42.47 %
    del raw["regions"]["items"][0]["share"]
    p = build(raw)
    assert p.item_shares(p.regions)["North America"] == pytest.approx(185.5 / 436.768, abs=1e-5)


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
    assert "size.base.value: Input should be greater than 0 (got -5)" in _error(build, raw)


def test_cagr_out_of_range(raw, build):
    raw["size"]["cagr"]["rate"] = 2.5
    assert "size.cagr.rate: Input should be less than or equal to 2 (got 2.5)" in _error(build, raw)


def test_share_above_one(raw, build):
    raw["segments"]["items"][0]["share"] = 1.2
    assert "segments.items.0.share" not in (msg := _error(build, raw))
    assert "segments.items[0].share: Input should be less than or equal to 1 (got 1.2)" in msg


def test_end_year_must_follow_base_year(raw, build):
    raw["size"]["end"]["year"] = 2020
    assert "size: end.year (2020) must be after base.year (2024)" in _error(build, raw)


def test_shares_must_sum_to_100(raw, build):
    raw["segments"]["items"][1]["share"] = 0.15  # 62 + 15 + 10 + 8 = 95 %
    assert "segments.items: shares sum to 95.00%, not 100% (5.00% missing)" in _error(build, raw)


def test_shares_over_100_are_called_extra(raw, build):
    raw["regions"]["items"][1]["share"] = 0.30  # 42.5 + 30 + 22 + 5 + 3.5 = 103 %
    assert "regions.items: shares sum to 103.00%, not 100% (3.00% extra)" in _error(build, raw)


def test_shares_within_a_tenth_of_a_point_pass(raw, build):
    raw["segments"]["items"][3]["share"] = 0.0809  # sums to 100.09 %
    assert build(raw).segments.items[3].share == 0.0809


def test_duplicate_item_names(raw, build):
    raw["regions"]["items"][1]["name"] = "north america"
    assert "regions.items: item name 'north america' appears twice" in _error(build, raw)


def test_sourced_figure_needs_a_source(raw, build):
    del raw["size"]["base"]["source"]
    assert "size.base: basis is 'sourced' but no 'source' id is given" in _error(build, raw)


def test_assumed_figure_needs_a_rationale(raw, build):
    del raw["regions"]["items"][2]["rationale"]
    assert "regions.items[2]: basis is 'assumed' but no one-line 'rationale' is given" in _error(build, raw)


def test_unknown_source_id_suggests_a_known_one(raw, build):
    raw["size"]["end"]["source"] = "marketus-2052"
    assert "size.end.source 'marketus-2052' is not an id in 'sources'; did you mean 'marketus-2025'?" in _error(build, raw)


def test_bad_unit_lists_the_choices(raw, build):
    raw["market"]["unit"] = "millions"
    assert "market.unit: Input should be 'thousand', 'million' or 'billion' (got 'millions')" in _error(build, raw)


def test_missing_section(raw, build):
    del raw["market"]
    assert "market: required key is missing" in _error(build, raw)


def test_wrong_type(raw, build):
    raw["size"]["end"]["value"] = "lots"
    assert "size.end.value: Input should be a valid number" in _error(build, raw)


def test_cagr_anchor_needs_a_cagr(raw, build):
    raw["size"]["anchor"] = "cagr"
    del raw["size"]["cagr"]
    assert "size: anchor is 'cagr' but no 'cagr' is given" in _error(build, raw)


def test_item_needs_share_or_value(raw, build):
    del raw["segments"]["items"][1]["share"]
    assert "item 'Medical device manufacturing' needs a 'share' or a 'value'" in _error(build, raw)


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
