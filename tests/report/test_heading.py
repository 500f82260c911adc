"""The line under every section's heading names the market and any scenario."""
from __future__ import annotations

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.inputs.session import load
from cmo_helpers.report import heading


def test_subtitle_names_a_scenario():
    base, cons = load(DEFAULT_PARAMS), load(DEFAULT_PARAMS, "conservative")
    assert heading.subtitle(base).data == (
        "**Global Healthcare Contract Manufacturing (CMO) Market** \u00b7 Global \u00b7 values in USD million")
    assert heading.subtitle(cons).data.endswith("**scenario: Conservative** (our assumptions)")
