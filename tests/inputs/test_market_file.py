"""A market file as a whole: the shipped files, the seed figures, and the checks across parts."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cmo_helpers.core.paths import PARAMS as ROOT_PARAMS
from cmo_helpers.core.paths import market_params_files
from cmo_helpers.inputs.load import load_params


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


def test_parent_must_name_one_item_of_another_breakdown(raw, build, refused):
    raw["breakdowns"].append({"id": "country", "label": "Country", "geographic": True, "items": [
        {"name": "United States", "share": 0.2, "parent": "North America", "basis": "sourced",
         "source": "marketus-2025"}]})
    assert (build(raw).parents_of(build(raw).breakdowns[2], build(raw).breakdowns[2].items[0])[0][1].name
            == "North America")
    raw["breakdowns"][2]["items"][0]["parent"] = "Atlantis"
    assert "breakdowns[2].items[0].parent: 'Atlantis' is not an item of another breakdown" in refused(raw)
    raw["breakdowns"][2]["items"][0]["parent"] = "region/North America"
    assert build(raw).breakdowns[2].items[0].parent == "region/North America"


def test_unknown_source_id_suggests_a_known_one(raw, refused):
    raw["size"]["end"]["source"] = "marketus-2052"
    assert ("size.end.source 'marketus-2052' is not an id in 'sources'; did you mean 'marketus-2025'?"
            in refused(raw))


def test_bad_unit_lists_the_choices(raw, refused):
    raw["market"]["unit"] = "millions"
    assert ("market.unit: Input should be 'thousand', 'million', 'billion' or 'trillion' (got 'millions')"
            in refused(raw))


def test_the_documented_example_validates(raw, build):
    """params/README.md shows one example per kind of fact; it must stay valid."""
    text = (ROOT_PARAMS / "README.md").read_text(encoding="utf-8")
    example = yaml.safe_load(text.split("## One example per kind of fact")[1].split("```yaml")[1].split("```")[0])
    p = build({"market": raw["market"], **example})
    assert [b.id for b in p.breakdowns] == ["phase", "device", "region", "country"]
    assert p.claims[1].bound == "at-least"
