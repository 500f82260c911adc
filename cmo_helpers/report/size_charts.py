"""Charts of the market's size and growth: yearly totals, the series used beside the alternative path, the volume."""
from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.patches import Patch

from ..core.formatting import figure, figure_pct, number, pct, rate_decimals, unit_label, value_decimals
from ..model import forecast, volume
from ..model.forecast import anchor_rate
from ..model.provenance import path_assumed, quoted_years, suffix
from .chart_layout import bar_labels, label_decimals, legend_below, spread_labels
from .house_chart import HATCH, Chart, caption, colours, house_style, new_figure, total_label

if TYPE_CHECKING:
    from ..inputs.market_file import Params


@house_style
def size_chart(p: Params) -> Chart:
    """Bars of the yearly total; sourced years dark, modelled years light, assumed inputs hatched."""
    c = colours()
    total = forecast.totals(p)
    fig, ax = new_figure()
    size = p.size
    quoted = quoted_years(p)
    modelled_assumed = path_assumed(p)
    d = value_decimals(p)
    shown = label_decimals(total.values, d)
    labels = []
    for year, value in total.items():
        stated = quoted.get(year)
        assumed = stated.assumed if stated is not None else modelled_assumed
        ax.bar(year, value, color=c.main if stated is not None else c.modelled, hatch=HATCH if assumed else None,
               edgecolor="white", width=0.7)
        labels.append((year, value, total_label(p, year, value, shown)))
    quoted_assumed = any(f.assumed for f in quoted.values())
    handles = [
        Patch(facecolor=c.main, hatch=HATCH if quoted_assumed else None, edgecolor="white",
              label="Assumed input" if quoted_assumed else "From the source"),
        Patch(facecolor=c.modelled, hatch=HATCH if modelled_assumed else None, edgecolor="white",
              label="Modelled from assumed inputs" if modelled_assumed else "Modelled"),
    ]
    markers = []
    if size.anchor == "cagr":
        (marker,) = ax.plot([size.end.year], [size.end.value], marker="D", color=c.alternative, linestyle="none",
                            label="Stated end value" + suffix(size.end))
        handles.append(marker)
        markers.append((size.end.year, size.end.value))
    inside = [t for t in p.totals if t.year in total.index]
    if inside:
        stated_totals = "; ".join(f"{figure(t, decimals=shown)} in {t.year}" for t in inside)
        (dots,) = ax.plot([t.year for t in inside], [t.value for t in inside], marker="o", color="black",
                          linestyle="none", markersize=4, label=f"Other totals the source states: {stated_totals}")
        handles.append(dots)
        markers += [(t.year, t.value) for t in inside]
    bar_labels(ax, labels, markers)
    legend_below(fig, ax, handles)
    ax.set_xticks(list(total.index))
    ax.set_ylabel(unit_label(p.market))
    ax.set_title(f"Market size, {total.index[0]}\u2013{total.index[-1]}")
    ax.margins(y=0.12)
    alt = (f"Bar chart of market size from {number(total.iloc[0], d)} in {total.index[0]} to "
           f"{number(total.iloc[-1], d)} in {total.index[-1]} {unit_label(p.market)}.")
    assumed = quoted_assumed or modelled_assumed
    return Chart(fig, alt, caption(p, f"Market size by year, {unit_label(p.market)}.", assumed))


@house_style
def growth_chart(p: Params) -> Chart:
    """The anchored path beside the path the other figure would give, so the gap is visible."""
    c = colours()
    fig, ax = new_figure()
    anchored = forecast.totals(p)
    d = label_decimals(anchored.values, value_decimals(p))
    used = pct(anchor_rate(p), rate_decimals(p))
    ax.plot(anchored.index, anchored.values, color=c.main, marker="o", ms=3.5, label=f"Series used: {used} a year")
    other, label, rate = forecast.alternative_path(p)
    last = (anchored.index[-1], anchored.iloc[-1])
    ends = [ax.annotate(total_label(p, *last, d), last, xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=8, color=c.main)]
    if other is not None:
        shown = figure_pct(p.size.cagr) if p.size.anchor == "endpoints" else pct(rate)
        ax.plot(other.index, other.values, color=c.alternative, linestyle="--",
                label=f"{label}: {shown} a year (not used)")
        ends.append(ax.annotate(number(other.iloc[-1], d), (other.index[-1], other.iloc[-1]), xytext=(4, 0),
                                textcoords="offset points", va="center", fontsize=8, color=c.alternative))
    ax.scatter([p.size.end.year], [p.size.end.value], marker="D", color="black", zorder=5,
               label=f"Stated {p.size.end.year} value" + suffix(p.size.end))
    ax.set_xticks(list(anchored.index))
    ax.set_ylabel(unit_label(p.market))
    ax.set_title("Growth paths: the series used and the alternative")
    legend_below(fig, ax)
    ax.margins(x=0.08)
    spread_labels(ends)
    assumed = p.size.base.assumed or p.size.end.assumed or (p.size.cagr is not None and p.size.cagr.assumed)
    alt = f"Line chart comparing the market path used ({used} a year) with the alternative growth path."
    return Chart(fig, alt, caption(p, "Growth paths by year.", assumed))


@house_style
def volume_chart(p: Params) -> Chart | None:
    """Bars of the second series in its own unit and on its own axis, so it is never read as money."""
    c = colours()
    v = p.volume
    if v is None:
        return None
    path = volume.series(v)
    stated = {v.base.year: v.base, v.end.year: v.end}
    fig, ax = new_figure()
    for year, value in path.items():
        ax.bar(year, value, color=c.main if year in stated else c.modelled, edgecolor="white", width=0.7,
               hatch=HATCH if (stated.get(year) or v.base).assumed else None)
        label = figure(stated[year]) if year in stated else number(value, volume.decimals(v))
        ax.annotate(label, (year, value), ha="center", va="bottom", fontsize=7.5, xytext=(0, 2),
                    textcoords="offset points")
    ax.set_xticks(list(path.index))
    ax.set_ylabel(v.unit)
    ax.set_title(f"Volume, {path.index[0]}\u2013{path.index[-1]} ({v.unit})")
    ax.margins(y=0.12)
    alt = f"Bar chart of volume from {figure(v.base)} in {v.base.year} to {figure(v.end)} in {v.end.year} {v.unit}."
    return Chart(fig, alt, caption(p, f"Volume by year, {v.unit}; dark bars are stated, light bars modelled.",
                                   v.base.assumed or v.end.assumed))
