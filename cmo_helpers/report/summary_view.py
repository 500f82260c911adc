"""The executive summary: headline tiles, key takeaways and the analyst's points, every figure labelled."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core import brand
from ..core.escape import md
from ..core.formatting import figure, figure_pct, money_figure, multiple, pct, rate_decimals
from ..model import breakdowns as bd
from ..model import forecast, headline, statements
from ..model.provenance import mark, quoted_years
from .size_text import anchor_sentence, end_value, other_cagrs_sentence, size_sentence
from .split_text import breakdown_sentences, claimed

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.market_file import Params
    from ..inputs.session import Market

BOX_STYLE = (  # {primary}: the brand's colour (core/brand.py)
    "border: 1px solid {primary}; border-left: 6px solid {primary}; background: #f3f6f9; "
    "padding: 0.6em 1em; margin: 0.6em 0 1em 0; border-radius: 3px;"
)
TILE_STYLE = "display: inline-block; vertical-align: top; width: 30%; min-width: 10em; margin: 0.3em 1.5% 0.3em 0;"


def _tile(label: str, value: str, note: str) -> str:
    size = "1.35em" if len(value) <= 20 else "1.0em"
    colour = brand.current().primary
    return (
        f'<div style="{TILE_STYLE}"><div style="font-size: 0.8em; color: #555;">{html.escape(label)}</div>'
        f'<div style="font-size: {size}; font-weight: bold; color: {colour};">{html.escape(value)}</div>'
        f'<div style="font-size: 0.8em;">{html.escape(note)}</div></div>'
    )


def _share_or_value(p: Params, item: Item) -> str:
    """The item's own figure; the tile's label carries its year (or says none is stated), once."""
    if item.share is not None:
        return figure_pct(item, "share")
    return money_figure(item, p.market) if item.value is not None else "no figure given"


def _tile_year(year: int | None) -> str:
    return f", {year}" if year is not None else " (year not stated)"


def _lead_figure(p: Params, b: Breakdown, lead: statements.Largest) -> str:
    """The figure a ranking rests on, as the source gave it: a share, or a value (never a share we computed)."""
    item = lead.item
    return figure_pct(item, "share") if lead.kind == "share" else money_figure(item, p.market)


def _breakdown_tile(p: Params, b: Breakdown) -> str | None:
    """The leading item of a breakdown: the source's own 'largest' when it names one, else the largest it sizes."""
    claimant = next((i for i in b.items if claimed(p, i, "largest")), None)
    lead = statements.largest(p, b)
    if claimant is not None:
        note = f"{mark(p, claimant)}; called the largest by the source {claimed(p, claimant, 'largest')}"
        shares = statements.comparable_shares(p, b) or {}
        if lead is not None and lead.item is not claimant and claimant.name in shares:
            note += "; its own figures disagree (see Source audit)"
        return _tile(f"Largest {b.label.lower()} (source's claim){_tile_year(bd.item_year(p, b, claimant))}",
                     f"{claimant.name}: {_share_or_value(p, claimant)}", note)
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
        _tile(f"Market size {s.end.year}", end_value(p), end_note),
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


def takeaways(p: Params) -> Markdown:
    """Key findings as bullets, each sentence filled from the model."""
    lines = [size_sentence(p),
             f"That is {statements.path_hedge(p)}{pct(forecast.anchor_rate(p), rate_decimals(p))} a year, compounded; "
             + anchor_sentence(p)]
    if p.size.other_cagrs:
        lines.append(other_cagrs_sentence(p))
    for group in (bd.segments(p), bd.geographic(p)):
        if group:
            lines += breakdown_sentences(p, group[0])
    return Markdown("\n".join(f"- {line}" for line in lines))


def points(title: str, lines: list[str]) -> Markdown | None:
    """A titled list of the analyst's points; nothing when there are none, so no empty heading reaches a client."""
    if not lines:
        return None
    return Markdown(f"## {title}\n\n" + "\n".join(f"- {md(line)}" for line in lines))
