"""The explorer's inputs as plain numbers, the case they make, and the overrides that say it as an overlay.

A case is made the way a scenario is: the overrides are merged into the market file and validated like
it, so what the explorer shows is what a render of the saved overlay shows.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..inputs import override_merge
from ..inputs.migrate import migrate_overrides
from ..inputs.overlays import BASE
from ..model import forecast

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..inputs.session import Market

ItemKey = tuple[str, str]  # (breakdown id, item name)
SHARE_DIGITS = 4  # a share as a fraction to hundredths of a point: 0.4250
SAME = 1e-9  # a slider value this close to the case's own is the case's own


@dataclass(frozen=True)
class Controls:
    """What the sliders hold: the starting case, the first year's value, the growth rate and each stated share."""

    scenario: str
    base_value: float
    rate: float
    shares: dict[ItemKey, float] = field(default_factory=dict)


def start(m: Market, scenario: str = BASE) -> Controls:
    """The controls as a case has them, so the explorer opens on exactly that case."""
    case = m.cases[scenario]
    shares = {(b.id, i.name): i.share for b in case.breakdowns for i in b.items if i.share is not None}
    return Controls(scenario, case.size.base.value, forecast.anchor_rate(case), shares)


def rebalanced(c: Controls, key: ItemKey, share: float) -> Controls:
    """Set one share and scale the split's other stated shares so their total stays what it was.

    Shares are kept to hundredths of a point, the rounding going to the largest other item, so the total is exact.
    """
    split = {k: v for k, v in c.shares.items() if k[0] == key[0]}
    others = {k: v for k, v in split.items() if k != key}
    if not others:
        return replace(c, shares={**c.shares, key: share})
    total, share = sum(split.values()), min(share, sum(split.values()))
    weights = others if sum(others.values()) > 0 else dict.fromkeys(others, 1.0)
    scale = (total - share) / sum(weights.values())
    moved = {k: round(v * scale, SHARE_DIGITS) for k, v in weights.items()}
    largest = max(moved, key=moved.get)
    moved[largest] = round(moved[largest] + total - share - sum(moved.values()), SHARE_DIGITS)
    return replace(c, shares={**c.shares, **moved, key: share})


def overrides(m: Market, c: Controls) -> dict[str, Any]:
    """The starting scenario's overrides plus every control moved away from it, as an overlay's `overrides:`."""
    started = start(m, c.scenario)
    found = copy.deepcopy(migrate_overrides(m.overlays[c.scenario].overrides)) if c.scenario != BASE else {}
    size = found.setdefault("size", {})
    if abs(c.base_value - started.base_value) > SAME:
        size["base"] = {"value": c.base_value}
    if abs(c.rate - started.rate) > SAME:
        size.update(anchor="cagr", cagr={"rate": c.rate})
    for (split, name), share in c.shares.items():
        if abs(share - started.shares[split, name]) > SAME:
            items = found.setdefault("breakdowns", {}).setdefault(split, {}).setdefault("items", {})
            items.setdefault(name, {})["share"] = share
    return {key: value for key, value in found.items() if value}


def case(m: Market, c: Controls, why: str) -> Params:
    """The market under the controls, validated as a scenario is; ParamsError names what is out of bounds."""
    found = overrides(m, c)
    if not found:
        return m.published
    p = override_merge.validated(override_merge.merged(m.raw, found, m.path, lambda path: why), m.path)
    override_merge.check_splits(m.published, p, m.path)
    return p
