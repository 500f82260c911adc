"""Scenario overlays: values against hand arithmetic, and bad overlays named by file and key."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmo_helpers.core import source_files
from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import DEFAULT_PARAMS, PARAMS
from cmo_helpers.inputs import overlays as scenarios
from cmo_helpers.inputs.session import load
from cmo_helpers.model import forecast, sensitivity

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """The tiny market and its overlays in a scratch folder that a test may add bad overlays to."""
    shutil.copytree(TINY.parent, tmp_path / "params")
    return tmp_path / "params" / TINY.name


def _overlay_error(params_file: Path, text: str) -> str:
    """Write text as overlay 'bad' next to the market and return the error its use raises."""
    path = params_file.parent / "scenarios" / "tiny" / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ParamsError) as info:
        load(params_file, "bad")
    message = str(info.value)
    assert message.startswith(f"{path}: "), message
    return message


def test_names_are_found_next_to_the_market_file_and_sorted():
    assert scenarios.scenario_names(TINY) == ["high", "low"]
    assert list(scenarios.all_scenarios(TINY)) == ["base", "high", "low"]


def test_cagr_override_drives_the_series_and_is_marked_assumed():
    low = load(TINY, "low").shown
    # anchor cagr at 5%: 100 x 1.05^2 = 110.25
    assert forecast.totals(low).iloc[-1] == pytest.approx(110.25)
    cagr = low.size.cagr
    assert (cagr.basis, cagr.source, cagr.from_year, cagr.to_year) == ("assumed", None, 2020, 2022)
    assert cagr.rationale == "Low scenario: Growth halves."
    assert not low.size.end.assumed  # untouched figures keep their source
    north = low.breakdown("regions").items[0]
    assert north.cagr.rate == 0.05 and north.cagr.assumed
    assert north.cagr.rationale == "Low scenario: Growth halves."
    assert not north.assumed, "the share stays sourced; only the rate is ours"


def test_end_value_override_moves_the_endpoint_rate():
    high = load(TINY, "high").shown
    # endpoints 100 -> 144 over 2 years: sqrt(1.44) - 1 = 20%
    assert forecast.anchor_rate(high) == pytest.approx(0.20)
    assert high.size.end.assumed and high.size.end.source is None


def test_base_is_the_market_file_itself():
    m = load(TINY)
    assert m.shown is m.published and m.cases["base"] is m.published


def test_session_load_applies_the_overlay_and_reads_each_file_once(monkeypatch):
    reads = []
    real = source_files._read_bounded

    def counting(path):
        reads.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(source_files, "_read_bounded", counting)
    m = load(TINY, "low")
    assert forecast.totals(m.shown).iloc[-1] == pytest.approx(110.25)
    assert sorted(reads) == ["high.yaml", "low.yaml", "tiny.yaml"], "one read per file"


def test_scenario_table_against_hand_arithmetic():
    t = sensitivity.scenario_table(load(TINY)).set_index("scenario")
    # base 121; high 144 (+23, +23/121 = +19.008%); low 110.25 (-10.75, -8.884%)
    assert t["end_value"].to_dict() == pytest.approx({"base": 121.0, "high": 144.0, "low": 110.25})
    assert t.loc["high", "difference"] == pytest.approx(23.0)
    assert t.loc["high", "difference_pct"] == pytest.approx(23 / 121)
    assert t.loc["low", "difference_pct"] == pytest.approx(-10.75 / 121)
    assert t["cagr"].to_dict() == pytest.approx({"base": 0.10, "high": 0.20, "low": 0.05})
    assert t["assumed"].to_dict() == {"base": False, "high": True, "low": True}


def test_default_market_scenarios():
    runs = scenarios.all_scenarios(DEFAULT_PARAMS)
    assert list(runs) == ["base", "conservative", "optimistic"]
    ends = {name: forecast.totals(q).iloc[-1] for name, q in runs.items()}
    # conservative: 504.9 x 1.126^9 = 504.9 x 2.909682 = 1469.10;
    # optimistic: 504.9 x 1.186^9 = 504.9 x 4.642610 = 2344.05
    assert ends == pytest.approx({"base": 1861.2, "conservative": 1469.10, "optimistic": 2344.05}, abs=0.01)
    for name in ("conservative", "optimistic"):
        q = runs[name]
        assert q.size.cagr.assumed and q.breakdown("region").item("North America").cagr.assumed
        assert q.size.base == runs["base"].size.base


def test_unknown_scenario_lists_the_available_ones():
    with pytest.raises(ParamsError, match="no scenario 'hgh'; did you mean 'high'. available: base, high, low"):
        load(TINY, "hgh")


def test_market_without_overlays_has_only_base(tmp_path: Path):
    lone = tmp_path / TINY.name
    shutil.copy(TINY, lone)
    assert scenarios.scenario_names(lone) == []
    assert list(scenarios.all_scenarios(lone)) == ["base"]
    scenarios.validate_scenarios(lone)


def test_shipped_overlays_are_valid():
    for path in sorted(PARAMS.glob("*.yaml")):
        scenarios.validate_scenarios(path)


@pytest.mark.parametrize(
    ("overrides", "key", "reason"),
    [
        ("sise: {end: {value: 150}}", "overrides.sise", "unknown key 'sise'; did you mean 'size'?"),
        ("market: {name: Other}", "overrides.market", "'market' cannot be changed by a scenario"),
        ("size: {end: {year: 2030}}", "overrides.size.end.year",
         "'year' cannot be changed by a scenario or -P override; allowed here: value"),
        ("size: {end: {valeu: 150}}", "overrides.size.end.valeu", "unknown key 'valeu'; did you mean 'value'?"),
        ("size: {end: 150}", "overrides.size.end", "expected a mapping with value, got 150"),
        ("regions: {items: {Nort: {cagr: 0.1}}}", "overrides.breakdowns.regions.items.Nort",
         "unknown item 'Nort'; did you mean 'North'?"),
        ("breakdowns: {regions: {items: {North: {share: 0.5}}}}", "overrides.breakdowns.regions.items",
         "Region: the items' shares add up to 75.0% with this scenario's shares (100.0% in the market file)"),
        ("breakdowns: {regions: {items: {North: {share: 0.9}}}}", "overrides.breakdowns.regions.items",
         "add up to 115.0%"),
        ("breakdowns: {regions: {items: {North: {shares: 0.5}}}}", "overrides.breakdowns.regions.items.North.shares",
         "unknown key 'shares'; did you mean 'share'?"),
        ("breakdowns: {regions: {items: {North: {cagr: 5.0}}}}", "overrides.breakdowns.regions.items.North.cagr",
         "less than or equal to 2"),
        ("breakdowns: {regions: {items: {North: {cagr: fast}}}}", "overrides.breakdowns.regions.items.North.cagr",
         "expected a number"),
        ("size: {end: {value: -1}}", "overrides.size.end.value", "greater than 0"),
        ("size: {anchor: both}", "overrides.size.anchor", "'endpoints' or 'cagr'"),
        ("breakdowns: {regoins: {items: {}}}", "overrides.breakdowns.regoins",
         "unknown breakdown id 'regoins'; did you mean 'regions'?"),
        ("size: {cagr: {rate: 0.2}}", "overrides.size.cagr.rate",
         "does not change the forecast while size.anchor is 'endpoints'"),
    ],
)
def test_invalid_overlay_names_file_and_key(tiny_copy: Path, overrides: str, key: str, reason: str):
    message = _overlay_error(tiny_copy, f"title: Bad\nrationale: Broken on purpose.\noverrides: {{{overrides}}}\n")
    assert f": {key}: " in message and reason in message, message


def test_a_scenario_may_move_shares_that_keep_the_split_whole(tiny_copy: Path):
    path = tiny_copy.parent / "scenarios" / "tiny" / "shift.yaml"
    path.write_text("title: Shift\nrationale: North gains ground.\n"
                    "overrides: {breakdowns: {regions: {items: {North: {share: 0.8}, South: {share: 0.2}}}}}\n")
    north, south = load(tiny_copy, "shift").shown.breakdown("regions").items
    assert (north.share, south.share) == (0.8, 0.2) and north.assumed and south.assumed
    assert north.rationale == "Shift scenario: North gains ground."
    assert not load(tiny_copy).shown.breakdown("regions").items[0].assumed, "the market file is untouched"


def test_every_bad_key_is_reported_at_once(tiny_copy: Path):
    text = "title: Bad\nrationale: x\noverrides:\n  sise: {}\n  regions: {items: {Est: {cagr: 0.1}}}\n"
    message = _overlay_error(tiny_copy, text)
    assert "overrides.sise" in message and "overrides.breakdowns.regions.items.Est" in message


def test_end_value_with_a_matching_cagr_is_allowed(tiny_copy: Path):
    overlay = tiny_copy.parent / "scenarios" / "tiny" / "pair.yaml"
    overlay.write_text("title: Pair\nrationale: Both agree.\n"
                       "overrides:\n  size: {end: {value: 144}, cagr: {rate: 0.2}}\n")
    assert load(tiny_copy, "pair").shown.size.cagr.assumed


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("title: Bad\noverrides: {size: {end: {value: 150}}}\n", "rationale", "required key is missing"),
        ("title: Bad\nrationale: x\noverrides: {}\n", "overrides", "at least 1 item"),
        ("title: Bad\nrationale: x\nnotes: y\noverrides: {size: {end: {value: 150}}}\n", "", "unknown key 'notes'"),
    ],
)
def test_overlay_file_structure_is_checked(tiny_copy: Path, text: str, key: str, reason: str):
    message = _overlay_error(tiny_copy, text)
    assert reason in message and (not key or f": {key}: " in message), message


def test_validate_stops_on_a_bad_overlay(tiny_copy: Path):
    (tiny_copy.parent / "scenarios" / "tiny" / "zzz.yaml").write_text("title: Z\nrationale: z\noverrides: {sise: {}}\n")
    with pytest.raises(ParamsError, match=r"zzz\.yaml: overrides\.sise"):
        scenarios.validate_scenarios(tiny_copy)


def test_base_is_not_a_scenario_file_name(tiny_copy: Path):
    path = tiny_copy.parent / "scenarios" / "tiny" / "base.yaml"
    path.write_text("title: B\nrationale: b\noverrides: {size: {end: {value: 150}}}\n")
    with pytest.raises(ParamsError, match="cannot name a scenario"):
        scenarios.load_overlay(path)
