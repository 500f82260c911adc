"""-P key=value: merged and checked as a scenario overlay is, named as typed, and frozen for a render."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.inputs import overrides
from cmo_helpers.inputs.load import load_params, read_yaml
from cmo_helpers.inputs.migrate import migrate, to_yaml
from cmo_helpers.inputs.params import parse_params
from cmo_helpers.model import forecast

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


def _applied(*pairs: str, path: Path = TINY):
    return parse_params(overrides.apply(path, list(pairs)), path)


def test_an_override_drives_the_series_and_says_where_it_came_from():
    p = _applied("size.end.value=144")
    # endpoints 100 -> 144 over 2 years: sqrt(1.44) - 1 = 20%
    assert forecast.anchor_rate(p) == pytest.approx(0.20)
    assert p.size.end.assumed and p.size.end.source is None
    assert p.size.end.rationale == "override on the command line: -P size.end.value=144"
    assert not p.size.base.assumed, "what was not overridden keeps its source"


def test_an_item_share_is_ours_while_its_rate_and_claims_keep_their_source(tmp_path):
    data = migrate(read_yaml(TINY))
    data["breakdowns"][0]["items"][0] = {"name": "Alpha", "share": 0.6, "cagr": 0.10, "claims": ["largest"],
                                         "basis": "sourced", "source": "src", "quote": "Alpha leads"}
    path = tmp_path / "tiny.yaml"
    path.write_text(to_yaml(data))
    alpha = _applied("breakdowns.segments.items.Alpha.share=55%", path=path).breakdown("segments").items[0]
    assert alpha.share == pytest.approx(0.55) and alpha.assumed
    assert alpha.cagr.rate == pytest.approx(0.10) and not alpha.cagr.assumed and alpha.cagr.source == "src"
    assert [(c.claim, c.source, c.quote) for c in alpha.claims] == [("largest", "src", "Alpha leads")]


def test_item_names_may_hold_dots(tmp_path):
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY.read_text().replace("name: North", "name: N.A."))
    north = _applied("breakdowns.regions.items.N.A..cagr=4%", path=path).breakdown("regions").items[0]
    assert north.name == "N.A." and north.cagr.rate == pytest.approx(0.04) and north.cagr.assumed


def test_a_typed_number_keeps_its_written_digits():
    assert _applied("size.end.value=144.50").size.end.digits("value") == 2


@pytest.mark.parametrize(("pair", "key", "reason"), [
    ("size.end.valeu=150", "-P size.end.valeu", "unknown key 'valeu'; did you mean 'value'?"),
    ("breakdowns.regions.items.Nort.cagr=5%", "-P breakdowns.regions.items.Nort",
     "unknown item 'Nort'; did you mean 'North'?"),
    ("size.cagr.rate=5%", "-P size.cagr.rate", "does not change the forecast while size.anchor is 'endpoints'"),
    ("market.name=Other", "-P market", "'market' cannot be changed by a scenario or -P override"),
])
def test_a_bad_key_names_the_file_and_the_key_as_typed(pair, key, reason):
    with pytest.raises(ParamsError) as info:
        overrides.apply(TINY, [pair])
    assert info.value.path == TINY
    assert str(info.value).startswith(f"{TINY}: {key}: {reason}")


@pytest.mark.parametrize("value", ["abc", "-900%", "0"])
def test_a_bad_value_gets_the_message_the_same_value_in_the_file_gets(value, tmp_path):
    in_file = tmp_path / "tiny.yaml"
    data = yaml.safe_load(TINY.read_text())
    data["size"]["end"]["value"] = value
    in_file.write_text(yaml.safe_dump(data))
    with pytest.raises(ParamsError) as from_file:
        load_params(in_file)
    with pytest.raises(ParamsError) as from_flag:
        overrides.apply(TINY, [f"size.end.value={value}"])
    assert [r for _, r in from_flag.value.problems] == [r for _, r in from_file.value.problems]
    assert [k for k, _ in from_flag.value.problems] == ["-P size.end.value"]


def test_every_scenario_is_checked_on_top_of_the_overrides(tmp_path):
    shutil.copytree(TINY.parent, tmp_path / "params")
    path = tmp_path / "params" / TINY.name
    # the 'high' scenario moves only the end value: idle once -P anchors the series on the CAGR
    with pytest.raises(ParamsError) as info:
        overrides.apply(path, ["size.anchor=cagr"])
    assert "high.yaml: overrides.size.end.value: does not change the forecast" in str(info.value)


@pytest.mark.parametrize("text", ["size.cagr.rate", "=12%"])
def test_a_pair_without_a_key_is_refused(text):
    with pytest.raises(ValueError, match="-P takes key=value"):
        overrides.split(text)


def test_the_frozen_file_is_valid_params_with_the_overrides_in_and_says_so():
    text = overrides.frozen_text(TINY, ["size.end.value=144"])
    assert text.startswith("# tiny.yaml with the command line's overrides written in: -P 'size.end.value=144'\n")
    assert parse_params(yaml.safe_load(text), TINY).size.end.value == 144


def test_an_old_style_key_works_on_an_old_style_file():
    north = _applied("regions.items.North.cagr=4%").breakdown("regions").items[0]
    assert north.cagr.rate == pytest.approx(0.04)
    assert north.cagr.rationale == "override on the command line: -P breakdowns.regions.items.North.cagr"
