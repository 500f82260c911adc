"""Scenario comparison and a tornado of the end-year market size, so readers see what matters most.

The tornado moves one driver at a time and holds every other input where it is:

* Base value, +/- VALUE_STEP (10%): end = base x (1 + g)^n, with g the growth rate that drives
  the series and n the forecast years. The growth rate is held, not the end value; otherwise,
  with endpoint anchoring, the end value would absorb any change to the base.
* Market growth rate, +/- RATE_STEP (2 pp): end = base x (1 + g +/- 0.02)^n.
* Each item's own CAGR (the market rate for an item without one), +/- RATE_STEP, for every item
  of both splits. The model rescales items to the total, so an item's rate alone never moves
  the total. The bar therefore reads the total bottom-up: the item grows at the changed rate
  from its split year while every other item keeps its path, so
  end = total + E_i x (((1 + r_i +/- 0.02) / (1 + r_i))^h - 1), with E_i the item's modelled
  end-year value, r_i its rate and h the years from the split year to the end year.

Bars are sorted by swing (high end minus low end), largest first. A driver is flagged 'assumed'
when its figure, or the item share its bar rests on, is our assumption rather than sourced.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pandas as pd
from IPython.display import Markdown
from pandas.io.formats.style import Styler

from . import escape, forecast, scenarios, splits
from .formatting import DASH, money, number, pct, signed, signed_pct, unit_label
from .params import load_params
from .provenance import ASSUMED, rate_assumed
from .tables import styled

if TYPE_CHECKING:
    from pathlib import Path

    from .params import Params

VALUE_STEP = 0.10
RATE_STEP = 0.02
COLUMNS = ["driver", "level", "kind", "value", "low_value", "high_value", "low_end", "high_end", "swing", "assumed"]


def end_value(p: Params) -> float:
    """The end-year total on the series the report shows: the centre line of the tornado."""
    return float(forecast.totals(p).iloc[-1])


def _drivers(p: Params) -> Iterator[tuple[str, str, str, float, Callable[[float], float], bool]]:
    """Each driver as (label, level, kind, current value, end-year total as a function of it, assumed)."""
    s, g = p.size, p.anchor_rate
    yield f"Base value {s.base.year}", "market", "value", s.base.value, lambda v: v * (1 + g) ** s.years, s.base.assumed
    yield "Market growth rate", "market", "rate", g, lambda r: s.base.value * (1 + r) ** s.years, rate_assumed(p)
    total = end_value(p)
    for split in (p.segments, p.regions):
        h = s.end.year - p.split_year(split)
        ends = splits.value_at(p, split, s.end.year)
        rates = splits.item_rates(p, split)
        for item in split.items:
            e, r0 = ends[item.name], rates[item.name]
            yield (f"{split.label}: {item.name}", "item", "rate", r0,
                   lambda r, e=e, r0=r0, h=h: total + e * (((1 + r) / (1 + r0)) ** h - 1),
                   item.assumed or item.cagr_assumed)


def _step(kind: str, value: float, sign: int) -> float:
    return value * (1 + sign * VALUE_STEP) if kind == "value" else value + sign * RATE_STEP


def tornado(p: Params) -> pd.DataFrame:
    """End-year total at each driver's low and high setting, largest swing first."""
    rows = []
    for driver, level, kind, value, end_of, assumed in _drivers(p):
        low, high = _step(kind, value, -1), _step(kind, value, +1)
        rows.append({"driver": driver, "level": level, "kind": kind, "value": value, "low_value": low, "high_value": high,
                     "low_end": end_of(low), "high_end": end_of(high), "assumed": assumed})
    frame = pd.DataFrame(rows)
    frame["swing"] = frame["high_end"] - frame["low_end"]
    return frame[COLUMNS].sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def step_text(kind: str) -> str:
    """The documented step of a driver kind, as printed beside each bar."""
    return f"\u00b1{VALUE_STEP:.0%}" if kind == "value" else f"\u00b1{RATE_STEP * 100:g}\u00a0pp"


def driver_input(kind: str, value: float) -> str:
    """A driver's setting in its own unit: a value or a rate."""
    return number(value) if kind == "value" else pct(value)


def tornado_table(p: Params) -> Styler:
    """The tornado as numbers, for readers who want more than bar lengths."""
    t = tornado(p)
    year, unit, base = p.size.end.year, unit_label(p.market), end_value(p)
    frame = pd.DataFrame({
        "Driver": t["driver"],
        "Setting": [driver_input(k, v) for k, v in zip(t["kind"], t["value"])],
        "Step": [step_text(k) for k in t["kind"]],
        f"{year}, driver low": [number(v) for v in t["low_end"]],
        f"{year}, driver high": [number(v) for v in t["high_end"]],
        "Swing": [number(v) for v in t["swing"]],
        "Swing % of base": [pct(v / base) for v in t["swing"]],
        "Basis": [ASSUMED if a else "Rests on sourced figures" for a in t["assumed"]],
    })
    caption = f"Sensitivity of the {year} market size ({unit}), one driver at a time"
    return styled(frame, caption, list(t["assumed"]))


def tornado_summary(p: Params) -> Markdown:
    """Name the driver that matters most, and the item that does, in figures from the model."""
    t = tornado(p)
    top, year, base = t.iloc[0], p.size.end.year, end_value(p)
    text = (f"**{escape.md(top['driver'])}** matters most: moving it by {step_text(top['kind'])} puts the {year} market between "
            f"{money(top['low_end'], p.market)} and {money(top['high_end'], p.market)}, a swing of "
            f"{money(top['swing'], p.market)} or {pct(top['swing'] / base)} of the {money(base, p.market)} "
            "the report shows.")
    lead = t[t["level"] == "item"].iloc[0]
    return Markdown(text + f" Among single items, {escape.md(lead['driver'])} matters most: {step_text(lead['kind'])} on its "
                           f"{pct(lead['value'])} a year moves the total by {signed(lead['low_end'] - base)} to "
                           f"{signed(lead['high_end'] - base)} {unit_label(p.market)}.")


def method_note() -> Markdown:
    """How the bars are computed, with the step sizes the code uses."""
    return Markdown(
        f"Each bar moves one driver and holds everything else: the base value by {step_text('value')}, "
        f"the market growth rate and each item's own growth rate by {step_text('rate')}. "
        "The growth rate, not the end value, is held when the base value moves. Items are rescaled to "
        "the total in the model, so an item's bar reads the total bottom-up: that item grows at the "
        "changed rate from the year of its split while every other item keeps its path. An item without "
        "its own rate follows the market rate. Hatched bars and shaded rows rest on our assumptions."
    )


def scenario_table(params_file: str | Path) -> pd.DataFrame:
    """End value and CAGR of every scenario, with the difference to base."""
    runs = scenarios.all_scenarios(params_file)
    base = end_value(runs[scenarios.BASE])
    rows = [{"scenario": name, "end_year": q.size.end.year, "end_value": end_value(q), "cagr": q.anchor_rate,
             "difference": end_value(q) - base, "difference_pct": end_value(q) / base - 1,
             "assumed": name != scenarios.BASE} for name, q in runs.items()]
    return pd.DataFrame(rows)


def titles(params_file: str | Path) -> dict[str, str]:
    """Display name of every scenario, 'base' first, for tables and legends."""
    return {scenarios.BASE: "Base (market file)", **{n: o.title for n, o in scenarios.overlays(params_file).items()}}


def no_scenarios_note(params_file: str | Path) -> Markdown:
    """Said once where the comparison would stand, so a market without overlays still reads well."""
    folder = scenarios.scenario_dir(params_file)
    return Markdown(f"_This market has no scenario files, so the report shows the base case only. "
                    f"Add one under `params/{folder.parent.name}/{folder.name}/` to compare cases._")


def scenario_comparison(params_file: str | Path) -> Styler | Markdown:
    """The scenario table in house style, or a one-line note when the market has no scenarios."""
    if not scenarios.scenario_names(params_file):
        return no_scenarios_note(params_file)
    t = scenario_table(params_file)
    base = load_params(params_file)
    names, s = titles(params_file), base.size
    frame = pd.DataFrame({
        "Scenario": [names[n] for n in t["scenario"]],
        f"{s.end.year} value ({unit_label(base.market)})": [number(v) for v in t["end_value"]],
        f"CAGR {s.base.year}\u2013{s.end.year}": [pct(v) for v in t["cagr"]],
        "Difference to base": [signed(d) if a else DASH for d, a in zip(t["difference"], t["assumed"])],
        "Difference %": [signed_pct(d) if a else DASH for d, a in zip(t["difference_pct"], t["assumed"])],
        "Basis": [ASSUMED if a else "Market file" for a in t["assumed"]],
    })
    return styled(frame, f"{base.market.name}: scenarios compared", list(t["assumed"]))


def _settings(q: Params) -> dict[str, str]:
    """The inputs a scenario can move, formatted, keyed by how the notes name them."""
    out = {f"Base value {q.size.base.year}": number(q.size.base.value),
           "Growth rate of the series": pct(q.anchor_rate)}
    for split in (q.segments, q.regions):
        out.update({f"{i.name}, own growth rate": pct(i.cagr) if i.cagr is not None else "market rate"
                    for i in split.items})
    return out


def _changes(base: Params, alt: Params) -> list[str]:
    """What a scenario sets differently from the market file, read off the two validated models."""
    before, after = _settings(base), _settings(alt)
    return [f"{k}: {before[k]} \u2192 {after[k]}" for k in after if after[k] != before[k]]


def scenario_notes(params_file: str | Path) -> Markdown | None:
    """Each scenario's rationale, labelled as our assumption, with the inputs it changes."""
    runs = scenarios.all_scenarios(params_file)
    if len(runs) == 1:
        return None
    base = runs[scenarios.BASE]
    parts = []
    for name, overlay in scenarios.overlays(params_file).items():
        changes = "; ".join(_changes(base, runs[name]))
        parts.append(f"**{escape.md(overlay.title)}** (assumed). {escape.md(overlay.rationale)}\n\n"
                     f"_Changes to the market file:_ {escape.md(changes)}.")
    return Markdown("### What each scenario assumes\n\n" + "\n\n".join(parts))
