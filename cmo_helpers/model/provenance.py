"""Citations and assumption labels, so every figure says where it came from."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import figure, number, value_decimals
from . import breakdowns

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.figures import Basis, Figure
    from ..inputs.market_file import Params

ASSUMED = "Assumed"
MODELLED = "Modelled"
MODELLED_ASSUMED = "Modelled (assumed)"


def cite(p: Params, source_id: str) -> str:
    """Numbered citation marker, e.g. '[1]'."""
    return f"[{p.citation_number(source_id)}]"


def mark(p: Params, obj: Basis) -> str:
    """Citation marker or '(assumed)' after a figure in running text."""
    return "(assumed)" if obj.assumed else cite(p, obj.source)


def basis_label(p: Params, obj: Basis) -> str:
    """'Sourced [1]' or 'Assumed': the label every table row and chart legend uses."""
    return ASSUMED if obj.assumed else f"Sourced {cite(p, obj.source)}"


def suffix(obj: Basis) -> str:
    """Text appended to an item's name wherever it is shown: ' (assumed)' or nothing."""
    return " (assumed)" if obj.assumed else ""


def growth_assumed(p: Params, b: Breakdown, item: Item) -> bool:
    """Whether the item's path over the years rests on a rate the source did not give for it."""
    kind = breakdowns.rate(p, b, item).kind
    if kind == "own":
        return item.cagr.assumed
    if kind == "implied":
        return item.end.assumed
    return True


def series_label(p: Params, b: Breakdown, item: Item) -> str:
    """Name for a series over time: values away from the stated year also rest on a growth rate."""
    if item.assumed:
        return f"{item.name} (assumed)"
    return f"{item.name} (growth assumed)" if growth_assumed(p, b, item) else item.name


def source_year(p: Params, source_id: str) -> int:
    """The year a source speaks from: published, else accessed, else the base year."""
    s = p.source(source_id)
    when = s.published or s.accessed
    return when.year if when else p.size.base.year


def quoted_years(p: Params) -> dict[int, Figure]:
    """Forecast years whose total the report quotes rather than computes: stated totals on the series."""
    quoted = {p.size.base.year: p.size.base}
    if p.size.anchor == "endpoints":
        quoted[p.size.end.year] = p.size.end
    return quoted


def total_text(p: Params, year: int, value: float) -> str:
    """A year's total as text: the source's own figure (digits, bound) in a year it states, else the model's."""
    stated = quoted_years(p).get(year)
    return figure(stated) if stated is not None else number(value, value_decimals(p))


def rate_assumed(p: Params) -> bool:
    """Whether the growth rate that drives the series comes from an assumed figure."""
    s = p.size
    return s.cagr.assumed if s.anchor == "cagr" else s.base.assumed or s.end.assumed


def path_assumed(p: Params) -> bool:
    """Whether the modelled years rest on an assumed input: the base value or the driving rate."""
    return p.size.base.assumed or rate_assumed(p)
