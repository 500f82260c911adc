"""Scenarios and sensitivity as readers see them: comparison table, notes, tornado table and summary."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core.escape import md, md_isolated
from ..core.formatting import (
    DASH,
    money,
    money_figure,
    number,
    pct,
    rate_decimals,
    signed,
    signed_pct,
    unit_label,
    value_decimals,
)
from ..inputs.overlays import BASE
from ..model import sensitivity, statements
from ..model.provenance import ASSUMED, quoted_years
from .house_table import Cell, Table, num, rate

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..inputs.session import Market


def step_text(kind: str) -> str:
    """The documented step of a driver kind, as printed beside each bar."""
    return (f"\u00b1{sensitivity.VALUE_STEP:.0%}" if kind == "value"
            else f"\u00b1{sensitivity.RATE_STEP * 100:g}\u00a0pp")


def tornado_table(p: Params) -> Table:
    """The tornado as numbers, for readers who want more than bar lengths."""
    t = sensitivity.tornado(p)
    year, unit, base = p.size.end.year, unit_label(p.market), sensitivity.end_value(p)
    d = value_decimals(p)
    rows = [{
        "Driver": r.driver,
        "Setting": Cell(r.value, r.setting),
        "Step": step_text(r.kind),
        f"{year}, driver low": num(r.low_end, d),
        f"{year}, driver high": num(r.high_end, d),
        "Swing": num(r.swing, d),
        "Swing % of base": rate(r.swing / base),
        "Basis": ASSUMED if r.assumed else "Rests on sourced figures",
    } for r in t.itertuples()]
    caption = f"Sensitivity of the {year} market size ({unit}), one driver at a time"
    return Table(caption, rows, ["assumed" if a else "" for a in t["assumed"]],
                 {f"{year}, driver low": unit, f"{year}, driver high": unit, "Swing": unit})


def _shown_total(p: Params, year: int, value: float, decimals: int) -> str:
    """The end total as the report shows it: the source's figure with its bound before the currency, else ours."""
    stated = quoted_years(p).get(year)
    return money_figure(stated, p.market) if stated is not None else money(value, p.market, decimals)


def tornado_summary(p: Params) -> Markdown:
    """Name the driver that matters most, and the item that does, in figures from the model."""
    t = sensitivity.tornado(p)
    top, year, base, d = t.iloc[0], p.size.end.year, sensitivity.end_value(p), value_decimals(p)
    text = (f"**{md(top['driver'])}** matters most: moving it by {step_text(top['kind'])} puts the {year} market "
            f"between {money(top['low_end'], p.market, d)} and {money(top['high_end'], p.market, d)}, a swing of "
            f"{money(top['swing'], p.market, d)} or {pct(top['swing'] / base)} of the {_shown_total(p, year, base, d)} "
            "the report shows.")
    items = t[t["level"] == "item"]
    if items.empty:
        return Markdown(f"{text} {statements.no_item_tested(p)}")
    lead = items.iloc[0]
    return Markdown(text + f" Among single items, {md(lead['driver'])} matters most: {step_text(lead['kind'])} on its "
                           f"{lead['setting']} a year moves the total by {signed(lead['low_end'] - base, d)} to "
                           f"{signed(lead['high_end'] - base, d)} {md(unit_label(p.market))}.")


def method_note() -> Markdown:
    """How the bars are computed, with the step sizes the code uses."""
    return Markdown(
        f"Each bar moves one driver and holds everything else: the base value by {step_text('value')}, "
        f"the market growth rate and each item's own growth rate by {step_text('rate')}. "
        "The growth rate, not the end value, is held when the base value moves. An item's bar reads the total "
        "bottom-up: that item grows at the changed rate from the year of its figure while everything else keeps its "
        "path. Only items with a growth rate of their own are tested. Hatched bars and shaded rows rest on our "
        "assumptions."
    )


def titles(m: Market) -> dict[str, str]:
    """Display name of every case, 'base' first, for tables and legends."""
    return {BASE: "Base (market file)", **{n: o.title for n, o in m.overlays.items()}}


def scenario_comparison(m: Market) -> Table | Markdown:
    """The scenario table in house style, or a one-line note when the market has no scenarios."""
    if not m.overlays:
        return Markdown("_This market has no scenario files, so the report shows the base case only. Add one under "
                        f"`params/scenarios/{md(m.published.market.slug)}/` to compare cases._")
    t = sensitivity.scenario_table(m)
    names, s = titles(m), m.published.size
    unit, d = unit_label(m.published.market), value_decimals(m.published)
    rows = [{
        "Scenario": names[r.scenario],
        f"{s.end.year} value ({unit})": num(r.end_value, d),
        f"CAGR {s.base.year}\u2013{s.end.year}": rate(r.cagr, rate_decimals(m.published)),
        "Difference to base": Cell(r.difference, signed(r.difference, d)) if r.assumed else DASH,
        "Difference %": Cell(r.difference_pct, signed_pct(r.difference_pct)) if r.assumed else DASH,
        "Basis": ASSUMED if r.assumed else "Market file",
    } for r in t.itertuples()]
    return Table(f"{m.published.market.name}: scenarios compared", rows, ["assumed" if a else "" for a in t["assumed"]],
                 {f"{s.end.year} value ({unit})": unit, "Difference to base": unit})


def _setting(value: float | None, kind: str, decimals: int) -> str:
    if value is None:
        return "market rate"
    return number(value, decimals) if kind == "value" else pct(value)


def scenario_notes(m: Market) -> Markdown | None:
    """Each scenario's rationale, labelled as our assumption, with the inputs it changes."""
    if not m.overlays:
        return None
    before, d = sensitivity.settings(m.published), value_decimals(m.published)
    parts = []
    for name, overlay in m.overlays.items():
        after = sensitivity.settings(m.cases[name])
        changes = "; ".join(f"{md(k)}: {_setting(before.get(k), 'value' if k.startswith('Base') else 'rate', d)} "
                            f"\u2192 {_setting(v, 'value' if k.startswith('Base') else 'rate', d)}"
                            for k, v in after.items() if v != before.get(k))
        parts.append(f"**{md(overlay.title)}** (assumed). {md_isolated(overlay.rationale)}\n\n"
                     f"_Changes to the market file:_ {changes}.")
    return Markdown("### What each scenario assumes\n\n" + "\n\n".join(parts))
