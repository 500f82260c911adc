"""Sources: a part the source does not give is left out."""
from __future__ import annotations


def test_undated_source_is_valid(raw, build):
    del raw["sources"][0]["published"]
    raw["sources"][0]["accessed"] = "2026-11-26"
    assert build(raw).sources[0].published is None
