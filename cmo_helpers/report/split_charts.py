"""Charts of a breakdown: each item's share as given, and values by year stacked up to the market total."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import figure_pct, pct, share_decimals, unit_label, value_decimals, year_label
from ..model import breakdowns as bd
from ..model import forecast
from ..model.provenance import series_label, suffix
from .chart_layout import bar_labels, label_decimals, legend_below
from .house_chart import HATCH, Chart, caption, colours, house_style, new_figure, total_label

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.market_file import Params

REST_GREY = "#c8c8c8"


def _share_label(p: Params, b: Breakdown, item: Item, share: float, year: int | None, mixed: bool) -> str:
    """A bar's label: the share as the source wrote it, or '(computed)' from its value; its year when years differ."""
    shown = figure_pct(item, "share") if item.share is not None else f"{pct(share)} (computed)"
    return f"{shown} ({year_label(year)})" if mixed else shown


@house_style
def share_chart(p: Params, b: Breakdown) -> Chart | None:
    """Horizontal bars of each item's share as given, and a grey bar for what the source does not itemise.

    A chart is titled with a year only when every share refers to it; shares of different years are
    labelled one by one, with no remainder, since they do not add up.
    """
    c = colours()
    groups = bd.share_groups(p, b)
    if not groups:
        return None
    mixed = len(groups) > 1
    bars = []
    for year, stated in groups.items():
        for name, share in stated.items():
            i = b.item(name)
            bars.append((i.name + suffix(i), share, _share_label(p, b, i, share, year, mixed),
                         c.series[b.items.index(i) % len(c.series)], i.assumed))
    bars.sort(key=lambda bar: bar[1])
    left = 1 - sum(bar[1] for bar in bars)
    if not mixed and left > 1e-9 and not bd.complete(p, b):
        shown = pct(left, share_decimals([b.item(n) for n in next(iter(groups.values())).index]))
        bars.insert(0, (bd.REST, left, shown, REST_GREY, False))
    fig, ax = new_figure(height=0.45 * len(bars) + 1.2)
    for pos, (_name, share, label, colour, assumed) in enumerate(bars):
        ax.barh(pos, share * 100, color=colour, hatch=HATCH if assumed else None, edgecolor="white")
        ax.annotate(label, (share * 100, pos), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(range(len(bars)), [bar[0] for bar in bars])
    when = "years differ, each labelled" if mixed else year_label(next(iter(groups)))
    ax.set_xlabel(f"Share of market, {when} (%)")
    ax.set_title(f"{b.label}: shares as stated, {when}" if mixed or next(iter(groups)) is None
                 else f"{b.label}: shares in {when}")
    ax.margins(x=0.12)
    alt = "; ".join(f"{bar[0]} {bar[2]}" for bar in reversed(bars))
    note = " Grey: not itemised by the source." if bars[0][0] == bd.REST else ""
    assumed = any(bar[4] for bar in bars)
    return Chart(fig, f"{b.label} shares, {when}: {alt}.", caption(p, f"{b.label} shares, {when}.{note}", assumed))


@house_style
def stacked_chart(p: Params, b: Breakdown) -> Chart | None:
    """Stacked yearly bars of item values and the unitemised rest; stack heights equal the market total.

    None when the items' figures are of different years, which a stack would add up.
    """
    c = colours()
    v = bd.values(p, b)
    if v.empty or not bd.one_year(p, b):
        return None
    fig, ax = new_figure(height=4.0)
    bottom = v.sum(axis=1) * 0
    for item in bd.placed(p, b):
        ax.bar(v.index, v[item.name], bottom=bottom, width=0.7, color=c.series[b.items.index(item) % len(c.series)],
               hatch=HATCH if item.assumed else None, edgecolor="white", linewidth=0.5, label=series_label(p, b, item))
        bottom = bottom + v[item.name]
    if not bd.complete(p, b):
        left = bd.rest(p, b).clip(lower=0)
        ax.bar(v.index, left, bottom=bottom, width=0.7, color=REST_GREY, edgecolor="white", linewidth=0.5,
               label=bd.REST)
    totals = forecast.totals(p)
    d = label_decimals(totals.values, value_decimals(p))
    bar_labels(ax, [(year, total, total_label(p, year, total, d)) for year, total in totals.items()])
    ax.set_xticks(list(v.index))
    ax.set_ylabel(unit_label(p.market))
    ax.set_title(f"{b.label}: values by year")
    legend_below(fig, ax)
    ax.margins(y=0.1)
    alt = f"Stacked bars of {b.label.lower()} values by year, summing to the market total."
    text = (f"{b.label} values by year, {unit_label(p.market)}. "
            "Values away from the year the source gives follow each item's growth rate.")
    return Chart(fig, alt, caption(p, text, any(i.assumed for i in bd.placed(p, b))))
