"""Saving the explorer's case: the overlay renders the very case the explorer showed, and never clobbers one."""
from __future__ import annotations

from dataclasses import replace

import pytest

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.explore import controls, overlay_file
from cmo_helpers.inputs.session import load
from cmo_helpers.model import forecast


def test_a_saved_case_loads_as_a_scenario_with_the_same_figures(tiny):
    moved = replace(controls.start(tiny, "low"), base_value=95.5, rate=0.072)
    c = controls.rebalanced(moved, ("regions", "North"), 0.7)
    path = overlay_file.save(tiny, c, "north-heavy", "North heavy", "  North wins share.  ")
    assert path == tiny.path.parent / "scenarios" / "tiny" / "north-heavy.yaml"
    text = path.read_text()
    assert text.startswith("# Written by the cmo-reports explorer from tiny.yaml.")
    assert "value: 95.5\n" in text and "rate: 0.072\n" in text and "share: 0.7\n" in text, "values as moved"
    saved = load(tiny.path, "north-heavy").shown
    shown = controls.case(tiny, c, "explored")
    assert list(forecast.totals(saved)) == pytest.approx(list(forecast.totals(shown)))
    assert [i.share for i in saved.breakdown("regions").items] == pytest.approx([0.7, 0.3])
    assert saved.size.base.rationale == "North heavy scenario: North wins share."
    assert saved.breakdown("regions").items[0].cagr.rate == 0.05, "the starting scenario's own changes are kept"


@pytest.mark.parametrize(
    ("name", "title", "rationale", "moved", "reason"),
    [
        ("base", "T", "Why.", True, "'base' cannot name a scenario"),
        ("My case", "T", "Why.", True, "'My case' cannot name a scenario"),
        ("low", "T", "Why.", True, "scenario 'low' exists"),
        ("fresh", "T", "   ", True, "rationale:"),
        ("fresh", "T", "Why.", False, "nothing is moved from the starting case"),
    ],
)
def test_a_save_that_cannot_be_made_says_why_and_writes_nothing(tiny, name, title, rationale, moved, reason):
    c = controls.start(tiny)
    c = replace(c, rate=0.3) if moved else c
    before = sorted((tiny.path.parent / "scenarios" / "tiny").iterdir())
    low = (tiny.path.parent / "scenarios" / "tiny" / "low.yaml").read_text()
    with pytest.raises(ParamsError, match=reason):
        overlay_file.save(tiny, c, name, title, rationale)
    assert sorted((tiny.path.parent / "scenarios" / "tiny").iterdir()) == before
    assert (tiny.path.parent / "scenarios" / "tiny" / "low.yaml").read_text() == low


def test_a_split_moved_by_hand_is_refused_on_save(tiny):
    c = controls.start(tiny)
    c = replace(c, shares={**c.shares, ("segments", "Alpha"): 0.3})
    with pytest.raises(ParamsError, match="Segment: the items' shares add up to 70.0%"):
        overlay_file.save(tiny, c, "broken", "Broken", "On purpose.")
    assert not (tiny.path.parent / "scenarios" / "tiny" / "broken.yaml").exists()


def test_replacing_an_explored_scenario_is_allowed_when_asked(tiny):
    first = overlay_file.save(tiny, replace(controls.start(tiny), rate=0.2), "mine", "Mine", "First go.")
    overlay_file.save(tiny, replace(controls.start(tiny), rate=0.25), "mine", "Mine", "Second go.", replace=True)
    assert "rate: 0.25\n" in first.read_text()
