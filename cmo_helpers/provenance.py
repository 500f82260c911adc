"""Citations and assumption labels, so every figure says where it came from."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .formatting import long_date

if TYPE_CHECKING:
    from .params import Basis, Figure, Item, Params, Source

ASSUMED = "Assumed"
MODELLED = "Modelled"
MODELLED_ASSUMED = "Modelled (assumed)"


def cite(p: Params, source_id: str) -> str:
    """Numbered citation marker, e.g. '[1]'."""
    return f"[{p.citation_number(source_id)}]"


def basis_label(p: Params, obj: Basis) -> str:
    """'Sourced [1]' or 'Assumed': the label every table row and chart legend uses."""
    return ASSUMED if obj.assumed else f"Sourced {cite(p, obj.source)}"


def suffix(obj: Basis) -> str:
    """Text appended to an item's name wherever it is shown: ' (assumed)' or nothing."""
    return " (assumed)" if obj.assumed else ""


def series_label(item: Item) -> str:
    """Name for a series over time: values after the split year also rest on the item's growth rate."""
    if item.assumed:
        return f"{item.name} (assumed)"
    return f"{item.name} (growth assumed)" if item.cagr_assumed else item.name


def source_line(source: Source) -> str:
    """Full reference in one line: publisher (kind), author: "title", place, date."""
    who = source.publisher + (f" ({source.kind})" if source.kind else "")
    if source.author:
        who += f", {source.author}"
    where = ", ".join(x for x in (source.place, long_date(source.date)) if x)
    url = f" {source.url}" if source.url else ""
    return f"{who}: \u201c{source.title}\u201d, {where}.{url}"


def quoted_years(p: Params) -> dict[int, Figure]:
    """Yearly totals the report quotes rather than computes: the base, and the end when it anchors."""
    quoted = {p.size.base.year: p.size.base}
    if p.size.anchor == "endpoints":
        quoted[p.size.end.year] = p.size.end
    return quoted


def rate_assumed(p: Params) -> bool:
    """Whether the growth rate that drives the series comes from an assumed figure."""
    s = p.size
    return s.cagr.assumed if s.anchor == "cagr" else s.base.assumed or s.end.assumed


def path_assumed(p: Params) -> bool:
    """Whether the modelled years rest on an assumed input: the base value or the driving rate."""
    return p.size.base.assumed or rate_assumed(p)
