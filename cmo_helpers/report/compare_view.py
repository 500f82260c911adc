"""A comparison in tables and sentences, every number from the compare model: editions, or several publishers."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown, display

from ..core.escape import md
from ..core.formatting import DASH, number, pct, pp, signed, source_line, value_decimals
from ..model import crossfile, publishers
from ..model.audit_finding import Finding
from ..model.comparison import Comparison, as_report
from ..model.provenance import cite
from .tables import Cell, Table

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..model.conversion import Frame
    from ..model.editions import EditionDiff, Row, Value

VERDICTS = {"pass": "consistent", "warn": "warnings", "fail": "contradictions"}
NOT_CONSENSUS = "our computation from these sources, not a consensus"


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


def _money(value: float, frame: Frame, d: int) -> str:
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


def _shown(v: Value | None, kind: str) -> str:
    if v is None:
        return DASH
    if kind in ("year", "text"):
        return str(v.number)
    if kind in ("rate", "share"):
        return pct(v.number, v.decimals)
    return number(v.number, v.decimals)


def _change(r: Row) -> Cell | str:
    if r.change is None:
        return {"new": "only in the newer", "dropped": "only in the older"}.get(r.status, r.status)
    d = max(r.old.decimals or 0, r.new.decimals or 0)
    if r.kind in ("rate", "share"):
        return Cell(r.change, pp(r.change, d))
    return Cell(r.change, signed(r.change, d) if r.kind == "value" else f"{r.change:+d}")


def edition_table(diff: EditionDiff) -> Table:
    """Every figure in both editions: older, newer, change and whether it moved."""
    rows, kinds = [], []
    for r in diff.rows:
        rows.append({"Figure": r.figure,
                     "Older edition": Cell(None if r.old is None else r.old.number, _shown(r.old, r.kind)),
                     "Newer edition": Cell(None if r.new is None else r.new.number, _shown(r.new, r.kind)),
                     "Change": _change(r), "Status": r.status})
        kinds.append("warning" if r.status == "changed" else "")
    return Table(f"Every figure in both editions ({diff.frame.label}; rates in %)", rows, kinds,
                 {"Older edition": diff.frame.label, "Newer edition": diff.frame.label})


def _value(diff: EditionDiff, p: Params, which: str) -> str:
    fig = getattr(p.size, which)
    return _money(diff.frame.convert(fig.value, p.market), diff.frame, fig.digits("value") or 0)


def _base_sentence(diff: EditionDiff) -> str:
    old, new = diff.old.size.base, diff.new.size.base
    a, b = _value(diff, diff.old, "base"), _value(diff, diff.new, "base")
    if diff.base_moved:
        return f"The base moved from {a} ({old.year}) to {b} ({new.year})."
    status = diff.row("Base value").status
    return f"The {new.year} base {'stayed at ' + b if status == 'unchanged' else f'changed from {a} to {b}'}."


def _end_sentence(diff: EditionDiff) -> str:
    old, new = diff.old.size.end, diff.new.size.end
    a, b = _value(diff, diff.old, "end"), _value(diff, diff.new, "end")
    if diff.end_kept:
        return f"The {new.year} value stayed at {b}."
    return f"The end value moved from {a} ({old.year}) to {b} ({new.year})."


def _rate_sentence(diff: EditionDiff) -> str:
    row = diff.row("Stated CAGR")
    if row is None or row.old is None or row.new is None:
        return "The two editions do not both state a CAGR."
    periods = diff.row("Stated CAGR period")
    over = ""
    if periods is not None and periods.old is not None and periods.new is not None:
        over = (f" (for {periods.new.number} in both)" if periods.status == "unchanged"
                else f" (for {periods.old.number} in the older edition, {periods.new.number} in the newer)")
    if row.status == "unchanged":
        carried = (": the endpoints moved, so the rate was carried over rather than worked out again"
                   if diff.rate_carried_over else "")
        return f"The stated CAGR stayed at {_shown(row.new, 'rate')}{over}{carried}."
    return f"The stated CAGR changed from {_shown(row.old, 'rate')} to {_shown(row.new, 'rate')}{over}."


def _implied_sentence(diff: EditionDiff) -> str:
    a, b = pct(diff.old_implied), pct(diff.new_implied)
    years = (f"{diff.old.size.base.year}\u2013{diff.old.size.end.year} and "
             f"{diff.new.size.base.year}\u2013{diff.new.size.end.year}")
    if a == b:
        return (f"Both editions' endpoints imply about {b} a year ({pct(diff.old_implied, 2)} and "
                f"{pct(diff.new_implied, 2)} over {years}; our computation).")
    return f"The endpoints imply {a} a year in the older edition and {b} in the newer ({years}; our computation)."


def _path_sentence(diff: EditionDiff, tolerance_pct: float) -> str:
    if not diff.base_moved:
        return ""
    year = diff.new.size.base.year
    on_path = _money(diff.old_path_at_new_base, diff.frame, decimals(diff.old, diff.frame))
    close = abs(diff.base_gap) * 100 <= tolerance_pct
    said = (f"On the older edition's endpoint path, {year} comes to {on_path} (our computation); the newer base "
            f"differs from it by {pct(diff.base_gap, 2)}.")
    if close and diff.end_kept:
        return said + " The newer base sits on the older path and the end value is unchanged: the forecast was " \
                      "re-based, not revised."
    if close:
        return said + " The newer base sits on the older path, but the end value moved: the forecast was revised."
    return said + " The newer base is off the older path: the market was re-sized."


def edition_summary(diff: EditionDiff) -> Markdown:
    """What changed and what did not, each clause from the diff's numbers."""
    restated = ("; ".join(f"{r.year}: {number(r.old.number, r.old.decimals)} to {number(r.new.number, r.new.decimals)}"
                          for r in diff.restated))
    parts = [_base_sentence(diff), _end_sentence(diff), _rate_sentence(diff), _implied_sentence(diff),
             _path_sentence(diff, diff.new.audit.value_tolerance_pct),
             f"Restated totals (a year both editions state, with different values): {restated}." if restated
             else "No year is stated by both editions with different values."]
    old, new = (VERDICTS.get(v, v) for v in diff.verdicts)
    parts.append(f"The source audit of each edition on its own finds: older, {old}; newer, {new}.")
    return Markdown(" ".join(p for p in parts if p))


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
        parts.append(f"In {r.year} the {len(r.values)} sources range from {_money(r.low, cmp.frame, 2)} "
                     f"({md(low)}) to {_money(r.high, cmp.frame, 2)} ({md(high)}), {number(r.ratio, 1)} times "
                     f"apart; their median is {_money(r.median, cmp.frame, 2)} ({NOT_CONSENSUS}).")
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


def findings(cmp: Comparison) -> None:
    """The comparison's own section: what changed between editions, or where each source sits."""
    if cmp.editions:
        for diff in cmp.edition_diffs():
            display(Markdown("## What changed between the editions"), edition_summary(diff), edition_table(diff))
    else:
        display(Markdown("## Where each source sits"), spread_summary(cmp), spread_table(cmp))
