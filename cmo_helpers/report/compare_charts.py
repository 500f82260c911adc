"""One chart of every compared path: stated years as filled markers, modelled years as a thin line."""
from __future__ import annotations

from ..core.formatting import number
from ..model import publishers
from ..model.comparison import Comparison, as_report
from .house_chart import Chart, caption, colours, house_style, new_figure

LOG_SPREAD = 30.0  # sources more than 30x apart share one chart only on a log scale


@house_style
def paths_chart(cmp: Comparison) -> Chart:
    """Every file's path in the frame; for several publishers, also the median per common year (ours)."""
    found = publishers.paths(cmp.params, cmp.frame)
    fig, ax = new_figure(7.0, 4.0)
    palette = colours().series
    for n, s in enumerate(found):
        colour = palette[n % len(palette)]
        ax.plot(s.values.index, s.values.values, color=colour, linewidth=1, linestyle="--",
                label=f"{s.label}: modelled years")
        years = sorted(s.stated)
        ax.plot(years, [s.stated[y] for y in years], color=colour, marker="o", linestyle="none",
                label=f"{s.label}: stated years")
    rows = publishers.spread(found, publishers.common_years(found))
    if not cmp.editions and rows:
        ax.plot([r.year for r in rows], [r.median for r in rows], color="black", linestyle=":", linewidth=1.5,
                label="Median of these sources (ours, not a consensus)")
    low = min(v for s in found for v in s.values)
    high = max(v for s in found for v in s.values)
    if high / low > LOG_SPREAD:
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(lambda v, _pos: number(v, 0 if v >= 1 else 2))
    years = sorted({y for s in found for y in s.values.index})
    ax.set_xticks(years)
    ax.tick_params(axis="x", labelrotation=45 if len(years) > 12 else 0)
    ax.set_ylabel(cmp.frame.label)
    ax.set_title("Market paths, as each file gives them" if cmp.editions else "Market size by source")
    ax.legend(frameon=False, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2)
    alt = (f"Line chart of {len(found)} market paths in {cmp.frame.label}, from {number(low, 2)} to "
           f"{number(high, 2)}{', on a log scale' if high / low > LOG_SPREAD else ''}.")
    return Chart(fig, alt, caption(as_report(cmp), f"Market size by year and file, {cmp.frame.label}.", False))
