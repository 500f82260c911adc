"""Sentences built from the model, so no figure is typed into prose and no sentence outruns the source."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core import brand
from ..core.escape import md
from ..core.formatting import (
    figure,
    figure_pct,
    in_year,
    money,
    money_figure,
    multiple,
    pct,
    pp,
    rate_decimals,
    share_decimals,
    source_line,
    unit_label,
    value_decimals,
    year_label,
)
from ..model import breakdowns as bd
from ..model import forecast, headline, statements, volume
from ..model.provenance import cite, mark, quoted_years, suffix

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.figures import StatedCagr
    from ..inputs.market_file import Params
    from ..inputs.session import Market

BOX_STYLE = (  # {primary}: the brand's colour (core/brand.py)
    "border: 1px solid {primary}; border-left: 6px solid {primary}; background: #f3f6f9; "
    "padding: 0.6em 1em; margin: 0.6em 0 1em 0; border-radius: 3px;"
)
TILE_STYLE = "display: inline-block; vertical-align: top; width: 30%; min-width: 10em; margin: 0.3em 1.5% 0.3em 0;"
CLAIM_WORDS = {"largest": "calls {name} the largest {label}", "smallest": "calls {name} the smallest {label}",
               "fastest-growing": "calls {name} the fastest-growing {label}",
               "fast-growing": "describes {name} as growing fast"}


def subtitle(m: Market) -> Markdown:
    """The market, geography, unit and any scenario under each section heading."""
    p = m.shown
    case = "" if m.scenario == "base" else f" \u00b7 **scenario: {md(m.title)}** (our assumptions)"
    return Markdown(f"**{md(p.market.name)}** \u00b7 {md(p.market.geography)} \u00b7 "
                    f"values in {md(unit_label(p.market))}{case}")


def _tile(label: str, value: str, note: str) -> str:
    size = "1.35em" if len(value) <= 20 else "1.0em"
    colour = brand.current().primary
    return (
        f'<div style="{TILE_STYLE}"><div style="font-size: 0.8em; color: #555;">{html.escape(label)}</div>'
        f'<div style="font-size: {size}; font-weight: bold; color: {colour};">{html.escape(value)}</div>'
        f'<div style="font-size: 0.8em;">{html.escape(note)}</div></div>'
    )


def _end_value(p: Params) -> str:
    return (money_figure(p.size.end, p.market) if p.size.end.year in quoted_years(p)
            else money(forecast.totals(p).iloc[-1], p.market, value_decimals(p)))


def _claimed(p: Params, item: Item, claim: str) -> str | None:
    """Citation of the source that makes `claim` about `item`, or None."""
    return next((cite(p, c.source) for c in item.claims if c.claim == claim), None)


def _share_or_value(p: Params, b: Breakdown, item: Item) -> str:
    year = bd.item_year(p, b, item)
    if item.share is not None:
        return figure_pct(item, "share") + ("" if year is not None else " (year not stated)")
    return money_figure(item, p.market) if item.value is not None else "no figure given"


def _tile_year(year: int | None) -> str:
    return f", {year}" if year is not None else " (year not stated)"


def _lead_figure(p: Params, b: Breakdown, lead: statements.Largest) -> str:
    """The figure a ranking rests on, as the source gave it: a share, or a value (never a share we computed)."""
    item = lead.item
    return figure_pct(item, "share") if lead.kind == "share" else money_figure(item, p.market)


def _breakdown_tile(p: Params, b: Breakdown) -> str | None:
    """The leading item of a breakdown: the source's own 'largest' when it names one, else the largest it sizes."""
    claimant = next((i for i in b.items if _claimed(p, i, "largest")), None)
    lead = statements.largest(p, b)
    if claimant is not None:
        note = f"{mark(p, claimant)}; called the largest by the source {_claimed(p, claimant, 'largest')}"
        shares = statements.comparable_shares(p, b) or {}
        if lead is not None and lead.item is not claimant and claimant.name in shares:
            note += "; its own figures disagree (see Source audit)"
        return _tile(f"Largest {b.label.lower()} (source's claim){_tile_year(bd.item_year(p, b, claimant))}",
                     f"{claimant.name}: {_share_or_value(p, b, claimant)}", note)
    if lead is None or not lead.proven:
        return None  # a ranking word only where the figures prove it
    return _tile(f"Largest {b.label.lower()}{_tile_year(lead.year)}", f"{lead.item.name}: {_lead_figure(p, b, lead)}",
                 mark(p, lead.item))


@dataclass
class HeadlineBox:
    """The headline tiles; the figures the manifest and the collection index list ride along as output metadata."""

    data: str
    figures: dict

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        return {"text/html": self.data, "text/plain": "Headline figures"}, {headline.KEY: self.figures}


def headline_box(m: Market) -> HeadlineBox:
    """The figures a reader needs first, each with its citation or assumption label."""
    p = m.shown
    s = p.size
    rate = forecast.anchor_rate(p)
    if s.anchor == "cagr":
        cagr_note = f"drives the series {mark(p, s.cagr)}"
    else:
        cagr_note = "implied by the two endpoints"
        if s.cagr is not None:
            cagr_note += (f"; {'source states' if not s.cagr.assumed else 'assumed CAGR'} "
                          f"{figure_pct(s.cagr)} {mark(p, s.cagr)}")
    end_note = (mark(p, s.end) if s.end.year in quoted_years(p)
                else f"modelled; {'source states' if not s.end.assumed else 'input end value'} "
                     f"{figure(s.end)} {mark(p, s.end)}")
    tiles = [
        _tile(f"Market size {s.base.year}", money_figure(s.base, p.market), mark(p, s.base)),
        _tile(f"Market size {s.end.year}", _end_value(p), end_note),
        _tile(f"CAGR {s.base.year}\u2013{s.end.year}", statements.path_hedge(p) + pct(rate, rate_decimals(p)),
              cagr_note),
    ]
    for group in (bd.segments(p), bd.geographic(p)):
        tile = _breakdown_tile(p, group[0]) if group else None
        if tile:
            tiles.append(tile)
    ratio = forecast.totals(p).iloc[-1] / s.base.value
    tiles.append(_tile(f"Growth multiple {s.base.year}\u2013{s.end.year}", statements.path_hedge(p) + multiple(ratio),
                       "modelled"))
    style = BOX_STYLE.format(primary=brand.current().primary)
    box = f'<div class="cmo-headline" style="{style}">{"".join(tiles)}</div>'
    return HeadlineBox(box, headline.headline(m.published, p))  # the audit judges the market file as published


def _direction(first: float, last: float) -> str:
    return "grows" if last > first else "shrinks" if last < first else "stays flat"


def _size_sentence(p: Params) -> str:
    s, total = p.size, forecast.totals(p)
    start, end = total.iloc[0], total.iloc[-1]
    return (f"The market {_direction(start, end)} from {money_figure(s.base, p.market)} in {s.base.year} "
            f"{mark(p, s.base)} to {_end_value(p)} in {s.end.year}"
            + (f" {mark(p, s.end)}" if s.end.year in quoted_years(p) else " on the model")
            + f", {statements.path_hedge(p)}{multiple(end / start)} in {s.years} years.")


def _period(cagr: StatedCagr) -> str:
    """The years a stated rate covers, as the source gave them, or that it gave none."""
    if cagr.from_year and cagr.to_year:
        return f"over {cagr.from_year}\u2013{cagr.to_year}"
    return f"to {cagr.to_year}" if cagr.to_year else "(period not stated)"


def other_cagrs_sentence(p: Params) -> str:
    """The further market growth rates the source states, each with its period: shown, audited, never used."""
    others = p.size.other_cagrs
    if not others:
        return ""
    listed = "; ".join(f"{figure_pct(c)} a year {_period(c)} {mark(p, c)}" for c in others)
    return (f"The source also states {listed}; the series does not use "
            f"{'it' if len(others) == 1 else 'them'} (see the CAGR table and the source audit).")


def _anchor_sentence(p: Params) -> str:
    s = p.size
    if s.cagr is None:
        return ("the source gives no growth rate for this period." if s.other_cagrs
                else "no separate growth rate is given.")
    word = "" if s.cagr.assumed else "stated "
    gap = s.cagr.rate - forecast.endpoint_cagr(p)
    if abs(gap) < p.audit.cagr_tolerance_pp / 100:
        return f"the {word}CAGR of {figure_pct(s.cagr)} {mark(p, s.cagr)} agrees with the endpoints."
    if s.anchor == "endpoints":
        who = "the source also states" if not s.cagr.assumed else "the assumed CAGR is"
        return (f"{who} {figure_pct(s.cagr)} {_period(s.cagr)} {mark(p, s.cagr)}, {pp(gap)} away from what the "
                f"{s.base.year} and {s.end.year} values imply; the series follows those endpoints.")
    return (f"this is the {word}CAGR {mark(p, s.cagr)}, which drives the series; the end value of "
            f"{figure(s.end)} {mark(p, s.end)} would need {pct(forecast.endpoint_cagr(p))}.")


def volume_summary(p: Params) -> Markdown | None:
    """The second series in its own words and unit; it is never added to the money values."""
    v = p.volume
    if v is None:
        return None
    stated = (f" The source states a CAGR of {figure_pct(v.cagr)} {_period(v.cagr)} {mark(p, v.cagr)} "
              "for it (checked in the source audit)." if v.cagr else "")
    return Markdown(f"The source also sizes the market in {md(v.unit)}: {figure(v.base)} in {v.base.year} "
                    f"{mark(p, v.base)} and {figure(v.end)} in {v.end.year} {mark(p, v.end)}, "
                    f"{pct(volume.rate(v), volume.rate_decimals(v))} a year between them.{stated} This series has its "
                    "own unit, table and chart, and is never added to or compared with the values in money.")


def _share_text(p: Params, b: Breakdown, item: Item) -> str:
    return f"{figure_pct(item, 'share')} of the market{in_year(bd.item_year(p, b, item))} {mark(p, item)}"


def _figure_text(p: Params, b: Breakdown, item: Item) -> str:
    """An item's share, else its value, as the source gave it, with its year (or none stated) and citation."""
    if item.share is not None:
        return _share_text(p, b, item)
    return f"{money_figure(item, p.market)}{in_year(bd.item_year(p, b, item))} {mark(p, item)}"


def _claim_sentences(p: Params, b: Breakdown) -> list[str]:
    """Each claim the source makes about an item, as the source's, with the figures it gives for it."""
    label, lines = md(b.label.lower()), []
    for item in b.items:
        for claim in dict.fromkeys(c.claim for c in item.claims):
            figures = f", with {_figure_text(p, b, item)}" if item.share is not None or item.value is not None else ""
            rate = ""
            if claim.endswith("growing") and item.cagr:
                rate = f", at {figure_pct(item.cagr)} a year {mark(p, item.cagr)}"
                level = bd.same_rate(p, b, item)
                if level:
                    rate += f"; {len(level)} other items grow at the same rate, so the figures cannot confirm it"
            said = CLAIM_WORDS[claim].format(name=md(item.name), label=label)
            lines.append(f"The source {said} {_claimed(p, item, claim)}{figures}{rate}.")
    return lines


def breakdown_sentences(p: Params, b: Breakdown) -> list[str]:
    """What the source says of a breakdown's items, then only the rankings its figures prove (model/statements)."""
    label = md(b.label.lower())
    lines = _claim_sentences(p, b)
    lead = statements.largest(p, b)
    if lead is not None and not any(_claimed(p, i, "largest") for i in b.items):
        item, shown = lead.item, _figure_text(p, b, lead.item)
        if lead.proven:
            lines.append(f"{md(item.name)} is the largest {label}, with {shown}.")
    fast = statements.fastest(p, b)
    if fast is not None and not any(_claimed(p, i, "fastest-growing") for i in b.items):
        lines.append(f"Of the growth rates the source gives for every {label}, {md(fast.name)}'s "
                     f"{figure_pct(fast.cagr)} {mark(p, fast.cagr)} is the highest.")
    return lines


def takeaways(p: Params) -> Markdown:
    """Key findings as bullets, each sentence filled from the model."""
    lines = [_size_sentence(p),
             f"That is {statements.path_hedge(p)}{pct(forecast.anchor_rate(p), rate_decimals(p))} a year, compounded; "
             + _anchor_sentence(p)]
    if p.size.other_cagrs:
        lines.append(other_cagrs_sentence(p))
    for group in (bd.segments(p), bd.geographic(p)):
        if group:
            lines += breakdown_sentences(p, group[0])
    return Markdown("\n".join(f"- {line}" for line in lines))


def _sentence(clause: str) -> str:
    """Capitalise the first letter only, so 'CAGR' survives."""
    return clause[:1].upper() + clause[1:]


def growth_summary(p: Params) -> Markdown:
    """One paragraph on the yearly change and which growth rate drives the series."""
    g = forecast.growth_table(p)
    low, high = g["change"].min(), g["change"].max()
    verb = "adds" if low >= 0 else "loses" if high <= 0 else "changes by"
    d = value_decimals(p)
    amounts = (f"between {money(abs(low), p.market, d)} and {money(abs(high), p.market, d)}" if verb != "changes by"
               else f"between {money(low, p.market, d)} and {money(high, p.market, d)}")
    if verb == "loses":
        amounts = f"between {money(abs(high), p.market, d)} and {money(abs(low), p.market, d)}"
    return Markdown(" ".join(filter(None, (f"Each year the market {verb} {amounts}.", _sentence(_anchor_sentence(p)),
                                           other_cagrs_sentence(p)))))


def _coverage(p: Params, b: Breakdown) -> str:
    """How much of the market the items cover, summed only within one year (or among shares without one)."""
    groups = bd.share_groups(p, b)
    label = md(b.label.lower())
    if not any(i.share is not None or i.value is not None for i in b.items):
        # the release may give one the analyst left unplaced ('What the source also says'): say only what the file holds
        return f"No {label} has a share or value among this report's figures, so none is drawn."
    if not groups:
        return "The source gives the values without a year, so they are shown as stated and not drawn."
    if len(groups) > 1:
        years = ", ".join(year_label(y) for y in sorted(groups, key=lambda y: (y is None, y or 0)))
        return (f"The source gives these figures for different years ({years}), so they are not added up, "
                "charted as one year or ranked against each other.")
    (year, shares), = groups.items()
    when = in_year(year)
    if bd.complete(p, b):
        return f"The {len(b.items)} items cover the whole market{when}."
    covered = float(shares.sum())
    if covered > 1:
        return (f"The items add up to {pct(covered)} of the market{when}, more than all of it: see the source audit.")
    ours = sum(shares[i.name] for i in b.items if i.assumed and i.name in shares.index)
    own = f"; we add {pct(ours)} as our assumption" if ours else ""
    decimals = share_decimals([b.item(n) for n in shares.index])  # a sum of stated shares keeps the source's digits
    return (f"The source itemises {pct(covered - ours, decimals)} of the market{when}{own}; "
            f"the other {pct(1 - covered, decimals)} is not itemised by the source and is shown in grey, unnamed.")


def breakdown_summary(p: Params, b: Breakdown) -> Markdown:
    """How much of the market a breakdown covers, what its source says, and how its mix moves."""
    sourced = [i for i in b.items if not i.assumed]
    assumed = [i for i in b.items if i.assumed]
    parts = [_coverage(p, b)]
    if assumed:
        n = len(assumed)
        parts.append(f"{n} of the {len(b.items)} items {'is our assumption' if n == 1 else 'are our assumptions'}, "
                     "marked as such."
                     if sourced else f"All {len(b.items)} items are our assumptions, so none is ranked.")
    parts += breakdown_sentences(p, b)
    only_rate = [i for i in b.items if i.cagr is not None and not i.has_point]
    if only_rate:
        parts.append("Known only by a growth rate, with no value: " + "; ".join(
            f"{md(i.name)}{suffix(i)} {figure_pct(i.cagr)} a year {mark(p, i.cagr)}" for i in only_rate) + ".")
    moving = _mix_sentence(p, b)
    if moving:
        parts.append(moving)
    return Markdown(" ".join(parts))


def _mix_sentence(p: Params, b: Breakdown) -> str:
    """How the biggest change of share plays out; nothing when no share moves at the shown precision."""
    sh = bd.shares(p, b)
    if sh.empty:
        return ""
    first, last = sh.iloc[0], sh.iloc[-1]
    moves = (last - first).abs()
    name = moves.idxmax()
    if pct(first[name]) == pct(last[name]):
        return ""
    item = b.item(name)
    stated = (item.share is not None and bd.item_year(p, b, item) == sh.index[0]
              and pct(first[name], 4) == pct(item.share, 4))
    shown = figure_pct(item, "share") if stated else pct(first[name])  # the source's own figure keeps its digits
    return (f"On the model, {md(name)}{suffix(item)} moves from {shown} of the market in {sh.index[0]} to "
            f"{pct(last[name])} in {sh.index[-1]}, because its growth rate differs from the market's.")


def points(title: str, lines: list[str]) -> Markdown | None:
    """A titled list of the analyst's points; nothing when there are none, so no empty heading reaches a client."""
    if not lines:
        return None
    return Markdown(f"## {title}\n\n" + "\n".join(f"- {md(line)}" for line in lines))


def references(p: Params) -> Markdown:
    """Numbered references."""
    if not p.sources:
        return Markdown("No published source is cited: every figure in this report is an analyst assumption.")
    return Markdown("\n".join(f"{n}. {md(source_line(s))}" for n, s in enumerate(p.sources, 1)))
