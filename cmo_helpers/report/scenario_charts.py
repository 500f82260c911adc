"""Scenario fan and tornado charts in the house style of house_chart.py, assumptions hatched."""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.patches import Patch

from ..core.formatting import number, unit_label, value_decimals
from ..inputs.overlays import BASE
from ..model import forecast, sensitivity
from ..model.provenance import total_text
from . import scenario_view
from .chart_layout import distinct_ticks, label_decimals, legend_below, room_for_labels, spread_labels
from .house_chart import HATCH, Chart, caption, colours, house_style, new_figure

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..inputs.session import Market

LABEL_WIDTH = 40
NBSP = "\u00a0"


@house_style
def fan_chart(m: Market) -> Chart | None:
    """Total by scenario over the forecast, base in bold, the range between them shaded; None without scenarios."""
    runs = m.cases
    if len(runs) == 1:
        return None
    base = runs[BASE]
    names = scenario_view.titles(m)
    paths = pd.DataFrame({name: forecast.totals(q) for name, q in runs.items()})
    d = label_decimals(paths.iloc[-1].values, value_decimals(m.published))  # as the scenario table, if they fit
    fig, ax = new_figure()
    c = colours()
    others = (c.series[3], c.series[2], *c.series[4:7])  # today: amber, green, rose, violet, grey
    end_labels = []
    ax.fill_between(paths.index, paths.min(axis=1), paths.max(axis=1), color=c.modelled, alpha=0.13, linewidth=0,
                    label="Range across scenarios")
    for n, (name, path) in enumerate(paths.items()):
        is_base = name == BASE
        colour = c.main if is_base else others[(n - 1) % len(others)]
        ax.plot(path.index, path.values, color=colour, linewidth=2.2 if is_base else 1.5,
                linestyle="-" if is_base else "--", marker="o" if is_base else None, ms=3.5,
                label=names[name] + ("" if is_base else " (assumed)"), zorder=3 if is_base else 2)
        end_labels.append(ax.annotate(number(path.iloc[-1], d), (path.index[-1], path.iloc[-1]), xytext=(5, 0),
                                      textcoords="offset points", va="center", fontsize=8, color=colour,
                                      fontweight="bold" if is_base else "normal"))
    ax.set_xticks(list(paths.index))
    ax.set_ylabel(unit_label(base.market))
    ax.set_title(f"Market size by scenario, {paths.index[0]}\u2013{paths.index[-1]}")
    legend_below(fig, ax)
    ax.margins(x=0.06)
    spread_labels(end_labels)
    ends = ", ".join(f"{names[n]} {number(v, d)}" for n, v in paths.iloc[-1].items())
    alt = f"Line chart of market size by scenario; in {paths.index[-1]}: {ends} {unit_label(base.market)}."
    text = f"Market size by scenario, {unit_label(base.market)}. Dashed paths follow our own scenario assumptions."
    return Chart(fig, alt, caption(base, text, False))


def _label(p: Params, row: pd.Series) -> str:
    """Driver with its setting and step; the setting never breaks across lines."""
    setting = f"({row['setting']} {scenario_view.step_text(row['kind'])})"
    return textwrap.fill(f"{row['driver']} {setting.replace(' ', NBSP)}", LABEL_WIDTH)


@house_style
def tornado_chart(p: Params) -> Chart:
    """Horizontal bars of the end-year total at each driver's low and high setting, largest on top."""
    t = sensitivity.tornado(p)
    base, year, unit = sensitivity.end_value(p), p.size.end.year, unit_label(p.market)
    d = label_decimals([*t["low_end"], *t["high_end"]], value_decimals(p))
    fig, ax = new_figure(height=0.42 * len(t) + 1.6)
    c = colours()
    lowered, raised = c.series[4], c.modelled
    for pos, row in zip(range(len(t) - 1, -1, -1), t.itertuples(), strict=True):
        hatch = HATCH if row.assumed else None
        ax.barh(pos, row.low_end - base, left=base, color=lowered, hatch=hatch, edgecolor="white", height=0.7)
        ax.barh(pos, row.high_end - base, left=base, color=raised, hatch=hatch, edgecolor="white", height=0.7)
        ax.annotate(number(row.low_end, d), (row.low_end, pos), xytext=(-3, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=7.5)
        ax.annotate(number(row.high_end, d), (row.high_end, pos), xytext=(3, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=7.5)
    ax.axvline(base, color=c.main, linewidth=1.2)
    ax.annotate(f"Report's {year} value: {total_text(p, year, base)}", (base, len(t) - 0.4), ha="center", va="bottom",
                fontsize=8, color=c.main, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    ax.set_yticks(range(len(t) - 1, -1, -1), [_label(p, row) for _, row in t.iterrows()], fontsize=8)
    ax.set_ylim(-0.6, len(t) + 0.2)
    distinct_ticks(ax.xaxis)
    ax.set_xlabel(f"{year} market size, {unit}")
    ax.set_title(f"What moves the {year} market size")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.margins(x=0.12)
    handles = [Patch(color=lowered, label="Driver lowered"), Patch(color=raised, label="Driver raised")]
    if t["assumed"].any():
        handles.append(Patch(facecolor="#cccccc", hatch=HATCH, edgecolor="white", label="Rests on an assumption"))
    legend_below(fig, ax, handles)
    room_for_labels(ax, "x")
    top = "; ".join(f"{r.driver} {number(r.low_end, d)} to {number(r.high_end, d)}" for r in t.head(3).itertuples())
    alt = f"Tornado chart of the {year} market size around {number(base, d)} {unit}; largest swings: {top}."
    text = (f"{year} market size when one driver moves: base value {scenario_view.step_text('value')}, "
            f"growth rates {scenario_view.step_text('rate')}, {unit}.")
    return Chart(fig, alt, caption(p, text, bool(t["assumed"].any())))
