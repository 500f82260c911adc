"""House-style charts: assumed figures are hatched and labelled, values match the tables."""
from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..core import brand
from ..core.formatting import (
    figure,
    figure_pct,
    number,
    pct,
    rate_decimals,
    share_decimals,
    unit_label,
    value_decimals,
    year_label,
)
from ..model import breakdowns as bd
from ..model import forecast, volume
from ..model.forecast import anchor_rate
from ..model.provenance import cite, path_assumed, quoted_years, series_label, suffix, total_text
from . import chart_images, chart_series
from .chart_layout import bar_labels, distinct_ticks, label_decimals, legend_below, spread_labels

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.market_file import Params

HATCH = "///"
ASSUMED_NOTE = "Hatched: assumed by us, not from a source."
RC = {
    "font.size": 9,
    "text.parse_math": False,  # labels are params text: '$5-$10' is money, '$x^$' must not crash mathtext
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}


@dataclass(frozen=True)
class Colours:
    """The brand's palette in the roles charts give colours: main series, modelled years, the alternative, all."""

    main: str
    modelled: str
    alternative: str
    series: tuple[str, ...]


def colours() -> Colours:
    """The colours of the brand this kernel draws in (today's navy, teal and amber without one)."""
    palette = brand.current().palette
    return Colours(palette[0], palette[1], palette[3], palette)


@dataclass
class Chart:
    """A figure with alt text and caption, shown as an SVG output that keeps both (see chart_images.py)."""

    figure: Figure
    alt: str
    caption: str

    def svg(self) -> str:
        """Vector copy with text kept as text (editable, twice as fast as outlined glyphs); no date: stable files."""
        buf = io.StringIO()
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "cmo-reports"}):
            self.figure.savefig(buf, format="svg", metadata={"Date": None})  # constrained layout: one draw
        return buf.getvalue()

    @property
    def name(self) -> str:
        """Readable file stem from the chart's title."""
        return chart_images.slug(chart_series.title(self.figure) or self.alt)

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        svg = self.svg()  # drawn first, so tick labels are final when the series are read
        data = {"title": chart_series.title(self.figure), "unit": chart_series.value_label(self.figure),
                "columns": chart_series.COLUMNS, "rows": chart_series.series(self.figure),
                "kind": chart_series.kind(self.figure), "colours": chart_series.colours(self.figure)}
        return chart_images.image_output(svg, self.alt, self.caption, self.name, data)

    def _ipython_display_(self) -> None:
        """The chart as an image output, then its caption as text under it."""
        from IPython.display import display

        data, metadata = self._repr_mimebundle_()
        display(data, raw=True, metadata=metadata)
        data, metadata = chart_images.caption_output(self.caption, metadata[chart_images.KEY]["name"])
        display(data, raw=True, metadata=metadata)


def house_style(build: Callable[..., Chart]) -> Callable[..., Chart]:
    """Run a chart builder under the house rc settings and the brand's font, so fonts match on every machine."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs) -> Chart:
        house = brand.current()
        _register(house.font_files)
        with matplotlib.rc_context({**RC, "font.family": house.font}):
            return build(*args, **kwargs)

    return wrapper


@functools.cache
def _register(files: tuple[str, ...]) -> None:
    """A brand's bundled font files, made known to matplotlib once per kernel."""
    from matplotlib import font_manager

    for path in files:
        font_manager.fontManager.addfont(path)


def new_figure(width: float = 7.0, height: float = 3.6) -> tuple[Figure, object]:
    """A pyplot-free figure, so notebooks show each chart once and tests need no display."""
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    distinct_ticks(ax.yaxis)
    return fig, ax


def total_label(p: Params, year: int, value: float, decimals: int) -> str:
    """A year's total over its bar or line: as the source states it in a year it quotes, else the model's, with
    the decimals the chart's labels fit (chart_layout.label_decimals)."""
    return total_text(p, year, value) if year in quoted_years(p) else number(value, decimals)


def caption(p: Params, text: str, assumed: bool) -> str:
    """Every chart names its sources and, when any bar rests on one, the assumption hatching."""
    sources = ", ".join(f"{cite(p, s.id)} {s.publisher or s.title or ''}".strip() for s in p.sources)
    sources = sources or "analyst assumptions"
    return f"{text} Source: {sources}; model by cmo-reports." + (f" {ASSUMED_NOTE}" if assumed else "")


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
