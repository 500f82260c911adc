"""Signs of a slip in the source itself: years outside the forecast, one fact stated twice two ways."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import as_written
from ..inputs.fields import NOT_STATED
from .audit_finding import Finding
from .conversion import SCALES
from .provenance import cite

if TYPE_CHECKING:
    from ..inputs.market_file import Params

LOOKBACK_YEARS = 5
TWIN_SCALES = {**SCALES, "unit": 1.0, "percent": 1.0}


def check_years(p: Params) -> list[Finding]:
    """Years far outside the forecast usually mean a typo or figures from another study.

    Item, total and CAGR start years may lie inside the forecast or at most LOOKBACK_YEARS before
    the base year (warning); item end years and CAGR end years must not lie after the forecast.
    """
    s = p.size
    low, high = s.base.year - LOOKBACK_YEARS, s.end.year
    out = []

    def bad(subject: str, stated: int, message: str) -> None:
        out.append(Finding("years", "warning", message,
                           {"subject": subject, "stated": stated, "model": f"{low}\u2013{high}"}))

    def window(subject: str, year: int | None) -> None:
        if year is not None and not low <= year <= high:
            bad(subject, year, f"{subject} {year} lies outside {low}\u2013{high}, the forecast "
                f"{s.base.year}\u2013{s.end.year} and the {LOOKBACK_YEARS} years before it.")

    for b in p.breakdowns:
        window(f"{b.label} year", b.year if b.year != NOT_STATED else None)
        for item in b.items:
            window(f"{item.name} year", item.year if item.year != NOT_STATED else None)
            if item.end is not None:
                window(f"{item.name} end year", item.end.year)
    for t in p.totals:
        window("Total year", t.year if t.dated else None)
    for c in s.other_cagrs:
        window("Other CAGR start year", c.from_year)
    if s.cagr is not None:
        window("CAGR start year", s.cagr.from_year)
        if s.cagr.to_year is not None and s.cagr.to_year != s.end.year:
            bad("CAGR end year", s.cagr.to_year, f"The stated CAGR runs to {s.cagr.to_year} but the forecast ends in "
                f"{s.end.year}, so the rate and the endpoints describe different periods.")
        if s.cagr.from_year and s.cagr.to_year and s.cagr.from_year >= s.cagr.to_year:
            out.append(Finding("years", "error", f"The stated CAGR period {s.cagr.from_year}\u2013{s.cagr.to_year} "
                               "does not run forwards.",
                               {"subject": "CAGR period", "stated": s.cagr.from_year, "model": s.cagr.to_year}))
    if not out:
        out.append(Finding("years", "info", f"Every year lies within {low}\u2013{high}: the forecast "
                           f"{s.base.year}\u2013{s.end.year} and the {LOOKBACK_YEARS} years before it.",
                           {"subject": "Years", "stated": f"{s.base.year}\u2013{s.end.year}",
                            "model": f"within {low}\u2013{high}"}))
    return out


def check_twins(p: Params) -> list[Finding]:
    """The same fact stated twice must agree within the rounding of its coarser statement, and in its year."""
    out = []
    for twin in p.twins:
        a, b = twin.first, twin.second
        subject = f"{twin.what} {cite(p, twin.source)}"
        numbers = {"subject": subject, "stated": as_written(a), "model": as_written(b)}
        said = f"{subject}: {as_written(a)} and {as_written(b)}"
        if (a.scale == "percent") != (b.scale == "percent"):
            out.append(Finding("twins", "warning", f"{said}: a percentage and an amount can't be one fact; "
                               "check the link.", numbers))
            continue
        slack = max(0.5 * 10 ** -(x.digits("value") or 0) * TWIN_SCALES[x.scale] for x in (a, b))
        gap = abs(a.value * TWIN_SCALES[a.scale] - b.value * TWIN_SCALES[b.scale])
        years = {x.year for x in (a, b) if x.year not in (None, NOT_STATED)}
        if gap > slack * (1 + 1e-9):
            out.append(Finding("twins", "error", f"{said} disagree beyond the rounding of their digits.", numbers))
        elif len(years) > 1:
            out.append(Finding("twins", "warning", f"{said} agree in value but give different years.", numbers))
        else:
            out.append(Finding("twins", "info", f"{said} agree within the rounding of their digits.", numbers))
    return out
