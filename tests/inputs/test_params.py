"""Reading a mapping into Params: every problem at once, each named by its YAML key path, old files migrated."""
from __future__ import annotations

from pathlib import Path

from cmo_helpers.inputs.load import load_params

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


def test_old_style_file_still_loads_as_breakdowns(build):
    p = load_params(TINY)
    assert [b.id for b in p.breakdowns] == ["segments", "regions"]
    assert p.breakdowns[1].geographic and p.breakdowns[1].year == 2019
    alpha = p.breakdowns[0].items[0]
    assert alpha.cagr.assumed, "an own CAGR without cagr_source was ours in the old schema"
    assert p.sources[0].published.isoformat() == "2024-01-01"


def test_share_above_one(raw, refused):
    raw["breakdowns"][0]["items"][0]["share"] = 1.2
    assert "breakdowns.0.items.0.share" not in (msg := refused(raw))
    assert "breakdowns[0].items[0].share: Input should be less than or equal to 1 (got 1.2)" in msg


def test_missing_section(raw, refused):
    del raw["market"]
    assert "market: required key is missing" in refused(raw)


def test_every_problem_is_reported_at_once(raw, refused):
    raw["size"]["base"]["value"] = 0
    raw["market"]["currency"] = "usd"
    msg = refused(raw)
    assert "size.base.value" in msg and "market.currency" in msg
