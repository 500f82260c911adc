"""Source audit: test a source's figures against each other before a client does."""
from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import pandas as pd
from IPython.display import HTML, Markdown
from pandas.io.formats.style import Styler

from . import escape, splits
from .forecast import endpoint_cagr, implied_cagr, project, totals
from .formatting import DASH, number, pct, pp, signed_pct
from .provenance import cite
from .tables import styled

if TYPE_CHECKING:
    from .params import Basis, Params, Split

Severity = Literal["error", "warning", "info"]
LOOKBACK_YEARS = 3
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
RATE_DECIMALS = {"cagr": 2, "shares": 2, "rollup": 3}
VERDICT_WORDS = {"error": "Error", "warning": "Warning", "info": "OK"}
ROW_STYLES = {"error": "background-color: #fdecea; font-weight: bold;", "warning": "background-color: #fff4e0;"}
ALERT_STYLE = (
    "border: 1px solid #b00020; border-left: 6px solid #b00020; background: #fdecea; color: #4a0010; "
    "padding: 0.6em 1em; margin: 0.6em 0 1em 0; border-radius: 3px;"
)


@dataclass(frozen=True)
class Finding:
    """One rule's outcome, with the figures it compared so a reader can redo the sum.

    `numbers` always holds `subject` (what was checked), `stated` and `model` (the two
    figures compared); rules add the intermediate figures behind their message.
    """

    rule: str
    severity: Severity
    message: str
    numbers: dict[str, float | int | str] = field(default_factory=dict)


def _splits(p: Params) -> tuple[Split, Split]:
    return p.segments, p.regions


def _given(obj: Basis) -> str:
    """'stated' for a sourced figure, 'assumed' for our own, so no message blames a source for our inputs."""
    return "assumed" if obj.assumed else "stated"


def _stated_total(p: Params, year: int) -> float | None:
    """The source's own market total for `year`, when it states one."""
    return {p.size.base.year: p.size.base.value, p.size.end.year: p.size.end.value}.get(year)


def _total_on(p: Params, rate: float, year: int) -> float:
    return float(project(p.size.base.value, rate, p.size.base.year, [year]).iloc[0])


def check_cagr(p: Params) -> list[Finding]:
    """A stated CAGR must follow from the endpoints under one of the two usual ways of counting years.

    n is tried as end - base and as end - first forecast year (the CAGR's from_year, else
    base + 1). Within `audit.cagr_tolerance_pp` of either is a pass; both failing is an error.
    """
    s = p.size
    if s.cagr is None or s.years <= 0:
        return []
    rate, tol = s.cagr.rate, p.audit.cagr_tolerance_pp / 100
    conventions = {"base": s.years}
    forecast_n = s.end.year - (s.cagr.from_year or s.base.year + 1)
    if 0 < forecast_n != s.years:
        conventions["forecast"] = forecast_n
    implied = {k: implied_cagr(s.base.value, s.end.value, n) for k, n in conventions.items()}
    gaps = {k: rate - r for k, r in implied.items()}
    best = min(gaps, key=lambda k: abs(gaps[k]))
    matched = abs(gaps[best]) <= tol + 1e-12
    shown = best if matched else "base"
    numbers: dict[str, float | int | str] = {
        "subject": "CAGR vs endpoints",
        "stated": rate,
        "model": implied[shown],
        "tolerance_pp": p.audit.cagr_tolerance_pp,
        "matching_n": conventions[best] if matched else "none",
    }
    for k, r in implied.items():
        n = conventions[k]
        numbers |= {f"n_{k}": n, f"implied_n_{k}": r, f"stated_end_n_{k}": s.base.value * (1 + rate) ** n}
    ends = f"{number(s.base.value)} ({s.base.year}) and {number(s.end.value)} ({s.end.year})"
    given = f"{_given(s.cagr).capitalize()} CAGR {pct(rate, 2)}"

    def over(k: str) -> str:
        n = conventions[k]
        return f"over the {n} years {s.end.year - n}\u2013{s.end.year}"

    if matched:
        return [Finding("cagr", "info", (
            f"{given} matches the {pct(implied[best], 2)} implied by {ends} {over(best)} "
            f"({pp(gaps[best], 2)}, tolerance {p.audit.cagr_tolerance_pp:.2f} pp)."
        ), numbers)]
    others = [k for k in implied if k != "base"]
    also = "".join(f", and with the {pct(implied[k], 2)} implied {over(k)}" for k in others)
    alt = "".join(f" (or {number(numbers[f'stated_end_n_{k}'])} counting {conventions[k]} years)" for k in others)
    return [Finding("cagr", "error", (
        f"{given} disagrees with the {pct(implied['base'], 2)} implied by {ends} {over('base')}{also}. "
        f"At {pct(rate, 2)}, {number(s.base.value)} would reach {number(numbers['stated_end_n_base'])} by {s.end.year}"
        f"{alt}, not the {_given(s.end)} {number(s.end.value)}."
    ), numbers)]


def check_shares(p: Params) -> list[Finding]:
    """Each split must cover the whole market; a gap or overlap means an item is missing or double-counted."""
    out = []
    for split in _splits(p):
        year = p.split_year(split)
        total = sum(p.item_shares(split).values())
        gap = 1 - total
        numbers = {"subject": f"{split.label} shares ({year})", "stated": total, "model": 1.0,
                   "missing" if gap >= 0 else "extra": abs(gap)}
        head = f"{split.label}: the {len(split.items)} shares for {year} add up to {pct(total, 2)}"
        what = f"{pct(abs(gap), 2)} " + ("of the market is not itemised" if gap > 0 else "is counted twice")
        tol = p.audit.share_tolerance_pp
        if abs(gap) < 5e-5:
            out.append(Finding("shares", "info", f"{head}, as they should.", numbers))
        elif abs(gap) <= tol / 100 + 1e-12:
            out.append(Finding("shares", "info", f"{head}, within the {tol:.2f} pp tolerance: {what}.", numbers))
        else:
            out.append(Finding("shares", "error", f"{head}: {what}.", numbers))
    return out


def _path_rates(p: Params, year: int) -> dict[str, float]:
    """Growth paths a back-cast could follow; they coincide in the base year, so only one is kept there."""
    rates = {"implied": endpoint_cagr(p)}
    if p.size.cagr is not None and year != p.size.base.year:
        rates["stated"] = p.size.cagr.rate
    return rates


def _path_label(p: Params, name: str, rate: float, year: int) -> str:
    if year == p.size.base.year:
        return f"the {_given(p.size.base)} {year} total"
    return f"the {'endpoint-implied' if name == 'implied' else _given(p.size.cagr)} {pct(rate, 2)} path"


def check_stated_values(p: Params) -> list[Finding]:
    """An item given both as a share and a value pins the total in its year, which tells which growth path the source used.

    The item's value is compared with share x total on the endpoint-implied path and on the
    stated-CAGR path; the closest within `audit.value_tolerance_pct` is the one it corroborates.
    No match is an error when that year's total is itself stated, otherwise a warning.
    """
    out = []
    tol = p.audit.value_tolerance_pct / 100
    for split in _splits(p):
        year = p.split_year(split)
        for item in (i for i in split.items if i.share and i.value is not None):
            rates = _path_rates(p, year)
            model = {k: item.share * _total_on(p, r, year) for k, r in rates.items()}
            gaps = {k: v / item.value - 1 for k, v in model.items()}
            best = min(gaps, key=lambda k: abs(gaps[k]))
            ok = abs(gaps[best]) <= tol
            numbers = {"subject": f"{item.name} {year} value", "stated": item.value, "model": model[best],
                       "share": item.share, "year": year, "total_implied_by_value": item.value / item.share,
                       "corroborates": best if ok else "none"}
            numbers |= {f"{k}_path": v for k, v in model.items()}

            def on(k: str) -> str:
                return f"{_path_label(p, k, rates[k], year)} ({number(model[k])}, {signed_pct(gaps[k])})"

            head = f"{item.name}: {number(item.value)} in {year} at a {pct(item.share)} share"
            if ok:
                rest = "".join(f" rather than {on(k)}" for k in model if k != best)
                out.append(Finding("stated-value", "info", f"{head} corroborates {on(best)}{rest}.", numbers))
            else:
                severity = "error" if _stated_total(p, year) is not None else "warning"
                out.append(Finding("stated-value", severity, f"{head} does not match "
                                   f"{' or '.join(on(k) for k in model)} within {pct(tol)}.", numbers))
    return out


def check_rollup(p: Params) -> list[Finding]:
    """Item growth rates weighted by their values must compound to the market's own growth, or the mix is fiction.

    Weights are the split-year shares; items without an own CAGR grow at the anchored rate;
    the horizon runs from the split year to the end year. Tolerance: `audit.cagr_tolerance_pp`.
    """
    out = []
    for split in _splits(p):
        year = p.split_year(split)
        horizon = p.size.end.year - year
        if horizon <= 0 or all(i.cagr is None for i in split.items):
            continue
        weights = pd.Series(p.item_shares(split), dtype=float)
        growth = (weights / weights.sum() * (1 + splits.item_rates(p, split)) ** horizon).sum()
        rollup = float(growth ** (1 / horizon) - 1)
        gap = rollup - p.anchor_rate
        numbers = {"subject": f"{split.label} growth roll-up", "stated": rollup, "model": p.anchor_rate,
                   "from_year": year, "to_year": p.size.end.year}
        head = (f"{split.label}: item growth rates weighted by their {year} values compound to {pct(rollup, 3)} a year "
                f"over {year}\u2013{p.size.end.year}, against the market's {pct(p.anchor_rate, 3)} ({pp(gap, 3)})")
        if abs(gap) <= p.audit.cagr_tolerance_pp / 100 + 1e-12:
            out.append(Finding("rollup", "info", head + ".", numbers))
        else:
            out.append(Finding("rollup", "warning", head + "; the model rescales shares so the items still add up, "
                               "so their modelled growth will differ from the rates given.", numbers))
    return out


def check_items_total(p: Params) -> list[Finding]:
    """When every item of a split carries a value, those values must add up to the market total of that year.

    Compared with the stated total when the source gives one for that year (a mismatch is an
    error), otherwise with the modelled total (a warning). Tolerance: `audit.value_tolerance_pct`.
    """
    out = []
    for split in _splits(p):
        if any(i.value is None for i in split.items):
            continue
        year = p.split_year(split)
        stated_total = _stated_total(p, year)
        total = stated_total if stated_total is not None else p.total_at(year)
        items_sum = sum(i.value for i in split.items)
        gap = items_sum / total - 1
        numbers = {"subject": f"{split.label} values vs total ({year})", "stated": items_sum, "model": total,
                   "year": year}
        whose = "stated" if stated_total is not None else "modelled"
        head = (f"{split.label}: the {len(split.items)} item values for {year} add up to {number(items_sum)}, "
                f"against a {whose} market total of {number(total)} ({signed_pct(gap)})")
        if abs(gap) <= p.audit.value_tolerance_pct / 100:
            out.append(Finding("items-total", "info", head + ".", numbers))
        else:
            out.append(Finding("items-total", "error" if stated_total is not None else "warning", head + ".", numbers))
    return out


def check_years(p: Params) -> list[Finding]:
    """Years out of order or far outside the forecast usually mean a typo or figures from another study.

    Base must precede end (an error, after which nothing else is judged). Split years and the
    CAGR's from_year may lie inside the forecast or at most LOOKBACK_YEARS before the base year
    (warning); the CAGR period must end in the end year (warning) and run forwards (error).
    """
    s = p.size
    low, high = s.base.year - LOOKBACK_YEARS, s.end.year
    out = []

    def bad(severity: Severity, subject: str, stated: int, expected: int, message: str) -> None:
        out.append(Finding("years", severity, message, {"subject": subject, "stated": stated, "model": expected}))

    def in_window(subject: str, year: int | None) -> None:
        if year is not None and not low <= year <= high:
            bad("warning", subject, year, min(max(year, low), high),
                f"{subject} {year} lies outside {low}\u2013{high}, the forecast {s.base.year}\u2013{s.end.year} "
                f"and the {LOOKBACK_YEARS} years before it.")

    if s.end.year <= s.base.year:
        bad("error", "End year", s.end.year, s.base.year + 1,
            f"The end year {s.end.year} does not come after the base year {s.base.year}; no other year can be judged.")
        return out
    for split in _splits(p):
        in_window(f"{split.label} year", split.year)
    if s.cagr is not None:
        in_window("CAGR start year", s.cagr.from_year)
        if s.cagr.to_year is not None and s.cagr.to_year != s.end.year:
            bad("warning", "CAGR end year", s.cagr.to_year, s.end.year,
                f"The stated CAGR runs to {s.cagr.to_year} but the forecast ends in {s.end.year}, "
                "so the rate and the endpoints describe different periods.")
        if s.cagr.from_year and s.cagr.to_year and s.cagr.from_year >= s.cagr.to_year:
            bad("error", "CAGR period", s.cagr.from_year, s.cagr.to_year,
                f"The stated CAGR period {s.cagr.from_year}\u2013{s.cagr.to_year} does not run forwards.")
    if not out:
        dated = [f"{x.label.lower()} {x.year}" for x in _splits(p) if x.year is not None]
        if s.cagr is not None and s.cagr.from_year:
            dated.append(f"CAGR {s.cagr.from_year}\u2013{s.cagr.to_year or s.end.year}")
        stated = ", ".join([f"forecast {s.base.year}\u2013{s.end.year}", *dated])
        window = f"{low}\u2013{high}"
        out.append(Finding("years", "info", f"Years in order: {stated}, all within {window}.",
                           {"subject": "Years", "stated": stated, "model": f"within {window}"}))
    return out


def check_claims(p: Params) -> list[Finding]:
    """A scale claim ("billions of dollars") that the figures contradict undermines the whole release.

    Rule: a claim describes the market when its source was published (that year clamped into
    the forecast). It holds if the total that year is at least 1 and under 1,000 in the claimed
    scale; otherwise it is a warning naming the years, if any, in which it would hold. The
    default release says "billions" in 2025, when the market is about 0.58 billion: a warning,
    although the end value 1,861.2 million does pass a billion from 2029.
    """
    series = totals(p) * SCALES[p.market.unit]
    out = []
    for claim in p.claims:
        year = min(max(p.source(claim.source).date.year, p.size.base.year), p.size.end.year)
        in_scale = series / SCALES[claim.scale]
        fits = [int(y) for y, v in in_scale.items() if 1 <= v < 1000]
        value = float(in_scale[year])
        numbers = {"subject": f"Claim \u201c{claim.text}\u201d {cite(p, claim.source)}", "stated": f"{claim.scale}s",
                   "model": f"{number(value, 2)} {claim.scale} ({year})", "year": year, "value_in_claimed_scale": value}
        holds = year in fits
        message = (f"The claim \u201c{claim.text}\u201d {cite(p, claim.source)} {'fits' if holds else 'contradicts'} the "
                   f"figures: in {year}, when the source was published, the market is "
                   f"{number(series[year] / SCALES[p.market.unit])} {p.market.unit} ({number(value, 2)} {claim.scale})")
        if holds:
            out.append(Finding("scale-claim", "info", message + ".", numbers))
            continue
        span = f"the {p.size.base.year}\u2013{p.size.end.year} forecast"
        when = f"; only {fits[0]}\u2013{fits[-1]} of {span} are" if fits else f"; no year of {span} is"
        out.append(Finding("scale-claim", "warning", f"{message}{when} in {claim.scale}s.", numbers))
    return out


RULES: tuple[Callable[[Params], list[Finding]], ...] = (
    check_cagr, check_shares, check_stated_values, check_rollup, check_items_total, check_years, check_claims,
)


def run_audit(p: Params) -> list[Finding]:
    """Every rule's findings in a fixed order, so reports and the CLI list them alike."""
    return [finding for rule in RULES for finding in rule(p)]


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings that make a report unfit to send without a fix or a caveat."""
    return [f for f in findings if f.severity == "error"]


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _cell(rule: str, value: float | int | str) -> str:
    if isinstance(value, str):
        return value
    if rule in RATE_DECIMALS:
        return pct(value, RATE_DECIMALS[rule])
    if rule == "years":
        return str(value)
    return number(value)


def _difference(rule: str, stated: float | int | str, model: float | int | str) -> str:
    if isinstance(stated, str) or isinstance(model, str):
        return DASH
    if rule in RATE_DECIMALS:
        return pp(stated - model, RATE_DECIMALS[rule])
    if rule == "years":
        return f"{stated - model:+d} years" if stated != model else DASH
    return f"{stated - model:+,.1f} ({signed_pct(stated / model - 1)})"


def reconciliation_table(p: Params) -> Styler:
    """Every check in one table, stated beside model, so the reader sees the size of each disagreement."""
    found = run_audit(p)
    frame = pd.DataFrame([
        {
            "Check": f.numbers["subject"],
            "Stated": _cell(f.rule, f.numbers["stated"]),
            "Implied / model": _cell(f.rule, f.numbers["model"]),
            "Difference": _difference(f.rule, f.numbers["stated"], f.numbers["model"]),
            "Verdict": VERDICT_WORDS[f.severity],
        }
        for f in found
    ], columns=["Check", "Stated", "Implied / model", "Difference", "Verdict"])
    severity = pd.Series([f.severity for f in found], index=frame.index)
    return styled(frame, "Source audit: stated figures against what they imply").apply(
        lambda row: [ROW_STYLES.get(severity[row.name], "")] * len(row), axis=1
    )


def anchor_note(p: Params) -> str:
    """Which figure drives the series and which is only shown, since the two may disagree."""
    s = p.size
    if s.anchor == "cagr":
        return (f"The series follows the {_given(s.cagr)} CAGR of {pct(s.cagr.rate, 2)} {_ref(p, s.cagr)}from "
                f"{number(s.base.value)} in {s.base.year}; the {_given(s.end)} {s.end.year} value of "
                f"{number(s.end.value)} {_ref(p, s.end)}is {_shown(s.end)}.")
    note = (f"The series follows the endpoints, {number(s.base.value)} in {s.base.year} and {number(s.end.value)} "
            f"in {s.end.year} ({pct(p.anchor_rate, 2)} a year)")
    if s.cagr is None:
        return note + "."
    return note + (f"; the {_given(s.cagr)} CAGR of {pct(s.cagr.rate, 2)} {_ref(p, s.cagr)}is {_shown(s.cagr)}.")


def _ref(p: Params, obj: Basis) -> str:
    return "" if obj.assumed else f"{cite(p, obj.source)} "


def _shown(obj: Basis) -> str:
    return "shown for comparison" if obj.assumed else "shown as stated"


def verdict_text(p: Params) -> str:
    """The audit in a few lines of Markdown; a consistent source gets a single line."""
    found = run_audit(p)
    flagged = [f for f in found if f.severity != "info"]
    if not flagged:
        return f"All {len(found)} checks pass: the figures are consistent with each other. {anchor_note(p)}"
    n_err = len(errors(found))
    head = (f"**{_count(n_err, 'error')} and {_count(len(flagged) - n_err, 'warning')} in {len(found)} checks.** "
            + ("The figures contradict each other; read them with the caveats below. " if n_err else
               "Nothing contradicts the series, but the points below need a look. ")
            + anchor_note(p))
    return head + "\n\n" + "\n".join(f"- **{VERDICT_WORDS[f.severity]}:** {escape.md(f.message)}" for f in flagged)


def verdict(p: Params) -> Markdown:
    """The verdict for a notebook cell."""
    return Markdown(verdict_text(p))


def findings_list(p: Params) -> Markdown:
    """Every finding, passes included, so the reader can see what was checked."""
    return Markdown("\n".join(f"- **{VERDICT_WORDS[f.severity]}** ({f.rule}): {escape.md(f.message)}" for f in run_audit(p)))


def warning_html(p: Params, shown: Params | None = None) -> str:
    """Red box listing the contradictions, for the executive summary and the PDF cover; '' when there are none.

    `p` is the market file as published; `shown` is what the report shows (a scenario), whose
    anchor the box describes.
    """
    found = errors(run_audit(p))
    if not found:
        return ""
    items = "".join(f"<li>{html.escape(f.message)}</li>" for f in found)
    return (
        f'<div class="cmo-audit-warning" style="{ALERT_STYLE}"><strong>The figures contradict each other '
        f"({_count(len(found), 'error')}).</strong> {html.escape(anchor_note(shown or p))} Every check is listed under "
        f"<em>Source audit</em>.<ul style=\"margin: 0.4em 0 0 0;\">{items}</ul></div>"
    )


def warning_box(p: Params, shown: Params | None = None) -> HTML:
    """The warning box for a notebook cell; an empty cell output when the source is consistent."""
    return HTML(warning_html(p, shown))
