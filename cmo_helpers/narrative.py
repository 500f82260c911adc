"""Sentences built from the model, so no figure is ever typed into prose."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from IPython.display import HTML, Markdown

from . import escape, forecast, splits
from .formatting import money, multiple, number, pct, pp, unit_label
from .provenance import basis_label, cite, source_line, suffix

if TYPE_CHECKING:
    from .params import Basis, Params, Split

BOX_STYLE = (
    "border: 1px solid #1f3b57; border-left: 6px solid #1f3b57; background: #f3f6f9; "
    "padding: 0.6em 1em; margin: 0.6em 0 1em 0; border-radius: 3px;"
)
TILE_STYLE = "display: inline-block; vertical-align: top; width: 30%; min-width: 10em; margin: 0.3em 1.5% 0.3em 0;"


def mark(p: Params, obj: Basis) -> str:
    """Citation marker or '(assumed)' after a figure in running text."""
    return "(assumed)" if obj.assumed else cite(p, obj.source)


def subtitle(p: Params, scenario: str = "base") -> Markdown:
    """The market, geography, unit and any scenario under each section heading."""
    case = "" if scenario == "base" else f" \u00b7 **scenario: {scenario}** (our assumptions)"
    return Markdown(f"**{escape.md(p.market.name)}** \u00b7 {escape.md(p.market.geography)} \u00b7 values in "
                    f"{unit_label(p.market)}{case}")


def _tile(label: str, value: str, note: str) -> str:
    size = "1.35em" if len(value) <= 20 else "1.0em"
    return (
        f'<div style="{TILE_STYLE}"><div style="font-size: 0.8em; color: #555;">{html.escape(label)}</div>'
        f'<div style="font-size: {size}; font-weight: bold; color: #1f3b57;">{html.escape(value)}</div>'
        f'<div style="font-size: 0.8em;">{html.escape(note)}</div></div>'
    )


def _leader(p: Params, split: Split) -> tuple:
    year = p.split_year(split)
    shares = splits.share_at(p, split, year)
    name = shares.idxmax()
    return next(i for i in split.items if i.name == name), shares[name], year


def headline_box(p: Params) -> HTML:
    """The figures a reader needs first, each with its citation or assumption label."""
    s = p.size
    seg, seg_share, seg_year = _leader(p, p.segments)
    reg, reg_share, reg_year = _leader(p, p.regions)
    stated = "source states" if not s.end.assumed else "input end value"
    if s.anchor == "cagr":
        cagr_note = f"drives the series {mark(p, s.cagr)}"
    else:
        cagr_note = "implied by the two endpoints"
        if s.cagr is not None:
            cagr_note += f"; {'source states' if not s.cagr.assumed else 'assumed CAGR'} {pct(s.cagr.rate)} {mark(p, s.cagr)}"
    tiles = [
        _tile(f"Market size {s.base.year}", money(s.base.value, p.market), mark(p, s.base)),
        _tile(f"Market size {s.end.year}", money(forecast.totals(p).iloc[-1], p.market),
              mark(p, s.end) if s.anchor == "endpoints" else f"modelled; {stated} {number(s.end.value)} {mark(p, s.end)}"),
        _tile(f"CAGR {s.base.year}\u2013{s.end.year}", pct(p.anchor_rate), cagr_note),
        _tile(f"Largest {p.segments.label.lower()}, {seg_year}", f"{seg.name}: {pct(seg_share)}", mark(p, seg)),
        _tile(f"Leading {p.regions.label.lower()}, {reg_year}", f"{reg.name}: {pct(reg_share)}", mark(p, reg)),
        _tile(f"Growth multiple {s.base.year}\u2013{s.end.year}", multiple(forecast.totals(p).iloc[-1] / s.base.value), "modelled"),
    ]
    return HTML(f'<div class="cmo-headline" style="{BOX_STYLE}">{"".join(tiles)}</div>')


def takeaways(p: Params) -> Markdown:
    """Key findings as bullets, each sentence filled from the model."""
    s = p.size
    total = forecast.totals(p)
    seg, seg_share, seg_year = _leader(p, p.segments)
    reg, reg_share, reg_year = _leader(p, p.regions)
    fast = splits.fastest_growing(p, p.regions)
    fast_item = next(i for i in p.regions.items if i.name == fast)
    fast_rate = splits.item_cagrs(p, p.regions)[fast]
    lines = [
        f"The market grows from {money(total.iloc[0], p.market)} in {s.base.year} {mark(p, s.base)} to "
        f"{money(total.iloc[-1], p.market)} in {s.end.year}, {multiple(total.iloc[-1] / total.iloc[0])} in {s.years} years.",
        f"That is {pct(p.anchor_rate)} a year, compounded; " + _anchor_sentence(p),
        f"{seg.name} is the largest {p.segments.label.lower()} with {pct(seg_share)} of the market in {seg_year} {mark(p, seg)}.",
        f"{reg.name} leads the regions with {pct(reg_share)} in {reg_year} {mark(p, reg)}, about "
        f"{money(splits.value_at(p, p.regions, reg_year)[reg.name], p.market)} on the model.",
        f"{fast}{suffix(fast_item)} is the fastest-growing {p.regions.label.lower()} at {pct(fast_rate)} a year"
        + (" (own growth rate assumed)." if fast_item.cagr_assumed else "."),
    ]
    return Markdown("\n".join(f"- {line}" for line in lines))


def _anchor_sentence(p: Params) -> str:
    s = p.size
    if s.cagr is None:
        return "no separate growth rate is given."
    word = "" if s.cagr.assumed else "stated "
    gap = s.cagr.rate - forecast.endpoint_cagr(p)
    if abs(gap) < p.audit.cagr_tolerance_pp / 100:
        return f"the {word}CAGR of {pct(s.cagr.rate)} {mark(p, s.cagr)} agrees with the endpoints."
    if s.anchor == "endpoints":
        return (f"the source also states {pct(s.cagr.rate)} {mark(p, s.cagr)}, {pp(gap)} away from what its own "
                "endpoints imply; the series follows the endpoints.")
    return (f"this is the {word}CAGR {mark(p, s.cagr)}, which drives the series; the end value of "
            f"{number(s.end.value)} {mark(p, s.end)} would need {pct(forecast.endpoint_cagr(p))}.")


def _sentence(clause: str) -> str:
    """Capitalise the first letter only, so 'CAGR' survives."""
    return clause[:1].upper() + clause[1:]


def growth_summary(p: Params) -> Markdown:
    """One paragraph on the growth rates and which one drives the series."""
    g = forecast.growth_table(p)
    return Markdown(
        f"Each year the market adds between {money(g['change'].min(), p.market)} and {money(g['change'].max(), p.market)}. "
        + _sentence(_anchor_sentence(p))
    )


def split_summary(p: Params, split: Split) -> Markdown:
    """How a split is made up and how its mix moves over the forecast."""
    year = p.split_year(split)
    start = splits.share_at(p, split, year)
    end = splits.share_at(p, split, p.size.end.year)
    rates = splits.item_cagrs(p, split)
    fast, slow = rates.idxmax(), rates.idxmin()
    items = {i.name: i for i in split.items}
    sourced = [i for i in split.items if not i.assumed]
    if not sourced:
        parts = [f"All {len(split.items)} items are assumptions, not sourced figures."]
    elif len(sourced) == len(split.items):
        parts = [f"All {len(split.items)} items come from the source."]
    else:
        parts = [
            f"The source itemises {len(sourced)} of {len(split.items)} items, covering "
            f"{pct(sum(start[i.name] for i in sourced))} of the market in {year}; the rest is assumed and marked as such."
        ]
    if (rates.max() - rates.min()) > 1e-9:
        parts.append(
            f"{fast}{suffix(items[fast])} grows fastest ({pct(rates[fast])} a year) and {slow}{suffix(items[slow])} "
            f"slowest ({pct(rates[slow])}), so {fast}'s share moves from {pct(start[fast])} in {year} to "
            f"{pct(end[fast])} in {p.size.end.year}."
        )
    else:
        parts.append(f"No item has its own growth rate, so every share stays as in {year}.")
    if split.year is None:
        parts.append(f"No year is given for these shares, so they are applied to the base year {year}.")
    return Markdown(" ".join(parts))


def bullets(lines: list[str]) -> Markdown:
    """A Markdown list, or a note that the params give none."""
    if not lines:
        return Markdown("_None recorded in the params file._")
    return Markdown("\n".join(f"- {escape.md(line)}" for line in lines))


def _figures(p: Params):
    s = p.size
    yield f"Market size {s.base.year}", number(s.base.value), s.base
    yield f"Market size {s.end.year}", number(s.end.value), s.end
    if s.cagr is not None:
        yield "Stated CAGR", pct(s.cagr.rate), s.cagr
    for split in (p.segments, p.regions):
        year = p.split_year(split)
        for item in split.items:
            figure = pct(item.share) if item.share is not None else ""
            if item.value is not None:
                figure += (" / " if figure else "") + number(item.value)
            yield f"{split.label}: {item.name} ({year})", figure, item


def sources_appendix(p: Params) -> Markdown:
    """Numbered references, then every input figure with its basis and our rationale."""
    refs = "\n".join(f"{n}. {escape.md(source_line(s))}" for n, s in enumerate(p.sources, 1))
    rows = ["| Figure | Value | Basis | Note |", "|---|---|---|---|"]
    for label, value, obj in _figures(p):
        rows.append(f"| {escape.md(label)} | {value} | {basis_label(p, obj)} | {escape.md(obj.rationale or '')} |")
    for split in (p.segments, p.regions):
        for item in split.items:
            if item.cagr_assumed:
                rows.append(f"| {split.label}: {item.name}, own CAGR | {pct(item.cagr)} | Assumed | see the row above |")
    return Markdown(
        f"### References\n\n{refs}\n\n### Inputs and their basis\n\nValues in {unit_label(p.market)}. "
        "Every row marked *Assumed* was filled in by the analyst, not taken from a source.\n\n" + "\n".join(rows)
    )
