"""The source audit as readers see it: reconciliation table, verdict, and the warning box."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from IPython.display import HTML, Markdown

from ..core.escape import md
from ..core.formatting import DASH, figure, figure_pct, number, pct, pp, signed, signed_pct, value_decimals
from ..model.audit import errors, run_audit
from ..model.audit_finding import Finding
from ..model.forecast import anchor_rate
from ..model.provenance import cite
from .house_table import Cell, Table

if TYPE_CHECKING:
    from ..inputs.figures import Basis
    from ..inputs.market_file import Params
    from ..inputs.session import Market

RATE_DECIMALS = {"cagr": 2, "shares": 2, "rollup": 3, "item-cagr": 2, "volume": 2}
VERDICT_WORDS = {"error": "Error", "warning": "Warning", "info": "OK"}
ALERT_STYLE = (
    "border: 1px solid #b00020; border-left: 6px solid #b00020; background: #fdecea; color: #4a0010; "
    "padding: 0.6em 1em; margin: 0.6em 0 1em 0; border-radius: 3px;"
)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _cell(rule: str, value: float | int | str, decimals: int) -> Cell | str:
    if isinstance(value, str):
        return value
    if rule in RATE_DECIMALS:
        return Cell(value, pct(value, RATE_DECIMALS[rule]))
    if rule == "years" or isinstance(value, int):  # a year (a scale claim's, outside the forecast) is no amount
        return str(value)
    return Cell(value, number(value, decimals))


def _difference(rule: str, stated: float | int | str, model: float | int | str, decimals: int) -> Cell | str:
    if isinstance(stated, str) or isinstance(model, str):
        return DASH
    if rule in RATE_DECIMALS:
        return Cell(stated - model, pp(stated - model, RATE_DECIMALS[rule]))
    if rule == "years":
        return f"{stated - model:+d} years" if stated != model else DASH
    return Cell(stated - model, f"{signed(stated - model, decimals)} ({signed_pct(stated / model - 1)})")


def _format(f: Finding) -> str:
    """The rule whose format a finding's figures take: a country's share against its region's reads as shares."""
    return "shares" if f.rule == "parent" and f.numbers.get("compares") == "shares" else f.rule


def reconciliation_table(p: Params) -> Table:
    """Every check in one table, stated beside model, so the reader sees the size of each disagreement."""
    found, d = run_audit(p), value_decimals(p)
    rows = [{"Check": f.numbers["subject"],
             "Stated": (Cell(f.numbers["stated"], f.numbers["stated_text"]) if "stated_text" in f.numbers
                        else _cell(_format(f), f.numbers["stated"], d)),
             "Implied / model": _cell(_format(f), f.numbers["model"], d),
             "Difference": _difference(_format(f), f.numbers["stated"], f.numbers["model"], d),
             "Verdict": VERDICT_WORDS[f.severity]} for f in found]
    return Table("Source audit: stated figures against what they imply", rows,
                 [f.severity if f.severity != "info" else "" for f in found])


def anchor_note(p: Params) -> str:
    """Which figure drives the series and which is only shown, since the two may disagree."""
    s = p.size
    if s.anchor == "cagr":
        return (f"The series follows the {_given(s.cagr)} CAGR of {figure_pct(s.cagr, decimals=2)} "
                f"{_ref(p, s.cagr)}from {figure(s.base)} in {s.base.year}; the {_given(s.end)} {s.end.year} value of "
                f"{figure(s.end)} {_ref(p, s.end)}is {_shown(s.end)}.")
    note = (f"The series follows the endpoints, {figure(s.base)} in {s.base.year} and {figure(s.end)} "
            f"in {s.end.year} ({pct(anchor_rate(p), 2)} a year)")
    if s.cagr is None:
        return note + "."
    return note + (f"; the {_given(s.cagr)} CAGR of {figure_pct(s.cagr, decimals=2)} "
                   f"{_ref(p, s.cagr)}is {_shown(s.cagr)}.")


def _given(obj: Basis) -> str:
    return "assumed" if obj.assumed else "stated"


def _ref(p: Params, obj: Basis) -> str:
    return "" if obj.assumed else f"{cite(p, obj.source)} "


def _shown(obj: Basis) -> str:
    return "shown for comparison" if obj.assumed else "shown as stated"


def _listed(found: list[Finding]) -> str:
    return "\n".join(f"- **{VERDICT_WORDS[f.severity]}:** {md(f.message)}" for f in found)


def verdict(p: Params) -> Markdown:
    """The audit in a few lines; a consistent source gets a single line."""
    found = run_audit(p)
    flagged = [f for f in found if f.severity != "info"]
    if not flagged:
        return Markdown(f"All {len(found)} checks pass: the figures are consistent with each other. "
                        f"{md(anchor_note(p))}")
    n_err = len(errors(found))
    head = (f"**{_count(n_err, 'error')} and {_count(len(flagged) - n_err, 'warning')} in {len(found)} checks.** "
            + ("The figures contradict each other; read them with the caveats below. " if n_err else
               "Nothing contradicts the series, but the points below need a look. ") + md(anchor_note(p)))
    return Markdown(head + "\n\n" + _listed(flagged))


def findings_list(p: Params) -> Markdown:
    """Every finding, passes included, so the reader can see what was checked."""
    return Markdown("\n".join(f"- **{VERDICT_WORDS[f.severity]}** ({f.rule}): {md(f.message)}" for f in run_audit(p)))


def warning_html(published: Params, shown: Params | None = None) -> str:
    """Red box listing the source's contradictions, for the executive summary and the PDF cover; '' when none.

    `published` is the market file as published (what the audit judges); `shown` is what the
    report shows (a scenario), whose series the box describes.
    """
    found = errors(run_audit(published))
    if not found:
        return ""
    items = "".join(f"<li>{html.escape(f.message)}</li>" for f in found)
    return (
        f'<div class="cmo-audit-warning" style="{ALERT_STYLE}"><strong>The figures contradict each other '
        f"({_count(len(found), 'error')}).</strong> {html.escape(anchor_note(shown or published))} "
        f"Every check is listed under <em>Source audit</em>.<ul style=\"margin: 0.4em 0 0 0;\">{items}</ul></div>"
    )


def warning_box(m: Market) -> HTML:
    """The warning box for a notebook cell; an empty output when the source is consistent."""
    return HTML(warning_html(m.published, m.shown))
