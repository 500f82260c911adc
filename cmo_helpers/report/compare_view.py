"""A comparison's common parts, every number from the compare model: what is compared, files, rates, audit, references.

What changed between editions is `compare_editions`; where several publishers sit, `compare_publishers`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core.escape import md
from ..core.formatting import DASH, number, pct, source_line, value_decimals
from ..model import crossfile, publishers
from ..model.audit_finding import Finding
from ..model.comparison import Comparison, as_report
from ..model.provenance import cite
from .house_table import Cell, Table

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..model.conversion import Frame


def decimals(p: Params, frame: Frame) -> int:
    """The source's digits, carried into the frame: 504.9 million shows as 0.5049 billion."""
    return value_decimals(p) + frame.extra_decimals(p.market)


def subtitle(cmp: Comparison) -> str:
    """The cover's line under the title: what kind of comparison, over which years."""
    report = as_report(cmp)
    years = f"{report.size.base.year}\u2013{report.size.end.year}"
    if cmp.editions:
        return f"Comparison of {len(cmp.params)} editions of one release: what changed, {years}"
    return f"Comparison of {len(cmp.params)} sources on one market: size, spread and growth, {years}"


def money(value: float, frame: Frame, d: int) -> str:
    """A value in the comparison's one currency and unit, with the digits asked for."""
    return f"{frame.currency} {number(value, d)} {frame.unit}"


def _cite_base(cmp: Comparison, p: Params) -> str:
    source = p.size.base.source
    return f" {cite(as_report(cmp), source)}" if source else " (assumed)"


def intro(cmp: Comparison) -> Markdown:
    """What is compared, in which unit, and every conversion the figures went through (rates with their source)."""
    frame = cmp.frame
    kind = "editions of one release" if cmp.editions else "sources on one market"
    lines = [f"Compared: {len(cmp.params)} {kind}, values in **{md(frame.label)}**."]
    for p in cmp.params:
        factor = frame.factor(p.market)
        if factor != 1:
            rate = frame.rate_for(p.market.currency)
            how = f" at {md(rate.label)}" if rate else ""
            lines.append(f"{md(p.market.name)} states its figures in {md(p.market.currency)} {md(p.market.unit)}; "
                         f"they are shown here times {number(factor, 6).rstrip('0').rstrip('.')}{how}.")
    lines.append("Figures a source states keep its digits; rates implied by endpoints, medians and spreads are "
                 "computed by cmo-reports and labelled as ours.")
    return Markdown(" ".join(lines))


def files_table(cmp: Comparison) -> Table:
    """Each file: who published it, its market's name and geography, base and end as its source states them."""
    report, rows = as_report(cmp), []
    for name, p in cmp.files:
        s = p.size
        rows.append({"File": name, "Publisher": publishers.publisher(p) + _cite_base(cmp, p),
                     "Market as named": p.market.name, "Geography": p.market.geography,
                     "Unit": f"{p.market.currency} {p.market.unit}",
                     "Base": Cell(s.base.value, f"{number(s.base.value, s.base.digits('value') or 0)} ({s.base.year})"),
                     "End": Cell(s.end.value, f"{number(s.end.value, s.end.digits('value') or 0)} ({s.end.year})")})
    return Table(f"The files compared ({len(rows)}); sources listed under References [{len(report.sources)}]", rows)


def rates_table(cmp: Comparison) -> Table:
    """Each source's stated CAGR with its period, beside the rate its own endpoints imply (ours)."""
    found = publishers.paths(cmp.params, cmp.frame)
    rows = [{"Source": r.label,
             "Stated CAGR": DASH if r.stated is None else Cell(r.stated, pct(r.stated, max(1, r.stated_decimals or 0))),
             "Stated period": r.stated_period or DASH,
             "Implied by endpoints (ours)": Cell(r.implied, pct(r.implied, 2)), "Endpoint years": r.implied_period}
            for r in publishers.rates(found)]
    return Table("Growth rates side by side, with their periods", rows)


def _finding_line(f: Finding) -> str:
    return f"- **{f.severity}** ({md(f.rule)}): {md(f.message)}"


def crossfile_findings(cmp: Comparison) -> Markdown:
    """The audit across files: one source id with different figures, restated years, one slug or scope twice."""
    found = crossfile.run(cmp.files)
    if not found:
        return Markdown("Across the files: no source id names two documents or gives two figures for one year, "
                        "no year is restated between editions, and no two files share a slug or a scope.")
    return Markdown("\n".join(_finding_line(f) for f in found))


def references(cmp: Comparison) -> Markdown:
    """Every source of every file, numbered as the tables cite them."""
    report = as_report(cmp)
    return Markdown("\n".join(f"{n}. {md(source_line(s))}" for n, s in enumerate(report.sources, 1)))
