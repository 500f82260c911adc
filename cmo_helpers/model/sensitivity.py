"""Scenario comparison and a tornado of the end-year market size, so readers see what matters most.

The tornado moves one driver at a time and holds every other input where it is:

* Base value, +/- VALUE_STEP (10%): end = base x (1 + g)^n, with g the growth rate that drives
  the series and n the forecast years. The growth rate is held, not the end value; otherwise,
  with endpoint anchoring, the end value would absorb any change to the base.
* Market growth rate, +/- RATE_STEP (2 pp): end = base x (1 + g +/- 0.02)^n.
* Each item's own CAGR, +/- RATE_STEP, for every item of every breakdown that has one. An item's
  rate alone never moves the market's series, so the bar reads the total bottom-up: the item grows
  at the changed rate from the year of its figure while everything else keeps its path, so
  end = total + E_i x (((1 + r_i +/- 0.02) / (1 + r_i))^h - 1), with E_i the item's modelled
  end-year value, r_i its rate and h the years from its figure's year to the end year.

Bars are sorted by swing (high end minus low end), largest first. A driver is flagged 'assumed'
when its figure, or the item share its bar rests on, is our assumption rather than sourced.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pandas as pd

from ..core.formatting import figure, figure_pct, pct, rate_decimals
from . import breakdowns as bd
from .forecast import anchor_rate, compound, totals
from .provenance import rate_assumed

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..inputs.session import Market

VALUE_STEP = 0.10
RATE_STEP = 0.02
COLUMNS = ["driver", "level", "kind", "value", "setting", "low_value", "high_value", "low_end", "high_end", "swing",
           "assumed"]


def end_value(p: Params) -> float:
    """The end-year total on the series the report shows: the centre line of the tornado."""
    return float(totals(p).iloc[-1])


def _drivers(p: Params) -> Iterator[tuple[str, str, str, float, str, Callable[[float], float], bool]]:
    """Each driver as (label, level, kind, current value, that value as shown, end-year total as a function of it,
    assumed); a stated setting is shown with the source's digits."""
    s, g = p.size, anchor_rate(p)
    yield (f"Base value {s.base.year}", "market", "value", s.base.value, figure(s.base),
           lambda v: compound(v, g, s.years), s.base.assumed)
    yield ("Market growth rate", "market", "rate", g, pct(g, rate_decimals(p)),
           lambda r: compound(s.base.value, r, s.years), rate_assumed(p))
    total = end_value(p)
    for b in p.breakdowns:
        ends = bd.value_at(p, b, s.end.year)
        for item in (i for i in b.items if i.cagr is not None and i.name in ends.index):
            h = s.end.year - bd.point(p, b, item).year
            e, r0 = ends[item.name], item.cagr.rate
            yield (f"{b.label}: {item.name}", "item", "rate", r0, figure_pct(item.cagr),
                   lambda r, e=e, r0=r0, h=h: total + e * (compound(1, r, h) / compound(1, r0, h) - 1),
                   item.assumed or item.cagr.assumed)


def _step(kind: str, value: float, sign: int) -> float:
    return value * (1 + sign * VALUE_STEP) if kind == "value" else value + sign * RATE_STEP


def tornado(p: Params) -> pd.DataFrame:
    """End-year total at each driver's low and high setting, largest swing first."""
    rows = []
    for driver, level, kind, value, setting, end_of, assumed in _drivers(p):
        low, high = _step(kind, value, -1), _step(kind, value, +1)
        rows.append({"driver": driver, "level": level, "kind": kind, "value": value, "setting": setting,
                     "low_value": low,
                     "high_value": high, "low_end": end_of(low), "high_end": end_of(high), "assumed": assumed})
    frame = pd.DataFrame(rows)
    frame["swing"] = frame["high_end"] - frame["low_end"]
    return frame[COLUMNS].sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def scenario_table(m: Market) -> pd.DataFrame:
    """End value and CAGR of every case, with the difference to base."""
    base = end_value(m.published)
    rows = [{"scenario": name, "end_year": q.size.end.year, "end_value": end_value(q), "cagr": anchor_rate(q),
             "difference": end_value(q) - base, "difference_pct": end_value(q) / base - 1,
             "assumed": name != "base"} for name, q in m.cases.items()]
    return pd.DataFrame(rows)


def settings(q: Params) -> dict[str, float | None]:
    """The inputs a scenario can move, keyed by how the notes name them; None where an item follows the market."""
    out: dict[str, float | None] = {f"Base value {q.size.base.year}": q.size.base.value,
                                    "Growth rate of the series": anchor_rate(q)}
    for b in q.breakdowns:
        out.update({f"{i.name}, own growth rate": i.cagr.rate if i.cagr else None for i in b.items})
    return out
