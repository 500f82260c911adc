"""Several publishers on one market: where each source sits among the others, year by year, outliers named."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown, display

from ..core.escape import md
from ..core.formatting import DASH, number
from ..model import publishers
from .compare_view import decimals, money
from .house_table import Cell, Table

if TYPE_CHECKING:
    from ..model.comparison import Comparison

NOT_CONSENSUS = "our computation from these sources, not a consensus"


def _spread_rows(cmp: Comparison) -> tuple[list[publishers.SourcePath], list[publishers.YearSpread]]:
    found = publishers.paths(cmp.params, cmp.frame)
    return found, publishers.spread(found, publishers.common_years(found))


def spread_table(cmp: Comparison) -> Table:
    """Per common year: each source's value (stated or modelled), the median, the range; outliers flagged."""
    found, rows = _spread_rows(cmp)
    far = {o.label: set(o.years) for o in publishers.outliers(found, rows)}
    d = {s.label: decimals(s.params, cmp.frame) for s in found}
    table, kinds = [], []
    for r in rows:
        row: dict[str, Cell | str] = {"Year": str(r.year)}
        for s in found:
            value = r.values.get(s.label)
            mark = " (stated)" if r.stated.get(s.label) else ""
            mark += " outlier" if r.year in far.get(s.label, ()) else ""
            row[s.label] = DASH if value is None else Cell(value, number(value, d[s.label]) + mark)
        middle = max(d.values())
        row["Median (ours)"] = Cell(r.median, number(r.median, min(middle, 2)))
        row["High / low (ours)"] = Cell(r.ratio, f"{number(r.ratio, 1)}\u00d7")
        table.append(row)
        kinds.append("warning" if any(r.year in years for years in far.values()) else "")
    units = {s.label: cmp.frame.label for s in found} | {"Median (ours)": cmp.frame.label}
    return Table(f"Market size per common year ({cmp.frame.label}); values between a source's stated years are "
                 "modelled on its own endpoints", table, kinds, units)


def spread_summary(cmp: Comparison) -> Markdown:
    """How far apart the sources are in the first and last common year, and which ones sit far off the median."""
    found, rows = _spread_rows(cmp)
    if not rows:
        return Markdown("The sources share no year, so no value can be set side by side.")
    parts = []
    far = {o.label: set(o.years) for o in publishers.outliers(found, rows)}
    for r in [rows[0], rows[-1]] if len(rows) > 1 else rows:
        low = min(r.values, key=r.values.get)
        high = max(r.values, key=r.values.get)
        parts.append(f"In {r.year} the {len(r.values)} sources range from {money(r.low, cmp.frame, 2)} "
                     f"({md(low)}) to {money(r.high, cmp.frame, 2)} ({md(high)}), {number(r.ratio, 1)} times "
                     f"apart; their median is {money(r.median, cmp.frame, 2)} ({NOT_CONSENSUS}).")
        rest = [v for k, v in r.values.items() if r.year not in far.get(k, ())]
        if len(rest) > 1 and len(rest) < len(r.values):
            parts[-1] += f" Without the outliers, {number(max(rest) / min(rest), 1)} times apart."
    found_out = publishers.outliers(found, rows)
    if not found_out:
        parts.append(f"No source is more than {publishers.OUTLIER_RATIO:g} times above or below the median.")
    for o in found_out:
        span = f"{o.years[0]}\u2013{o.years[-1]}" if len(o.years) > 1 else str(o.years[0])
        times = number(o.ratio if o.ratio > 1 else 1 / o.ratio, 0)
        cause = ("Likely cause, from its params: " + "; ".join(md(c) for c in o.causes) + "." if o.causes
                 else "Its params show no cause.")
        parts.append(f"**Outlier:** {md(o.label)} sits about {times} times {o.direction} the median in {span}. {cause}")
    return Markdown("\n\n".join(parts))


def where_sources_sit(cmp: Comparison) -> None:
    """The sources' own section: where each sits among the others, in sentences and year by year."""
    display(Markdown("## Where each source sits"), spread_summary(cmp), spread_table(cmp))
