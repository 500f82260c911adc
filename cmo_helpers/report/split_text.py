"""Sentences on a breakdown: what it covers, what its source says, the rankings its figures prove, how its mix moves."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core.escape import md
from ..core.formatting import figure_pct, in_year, money_figure, pct, share_decimals, year_label
from ..model import breakdowns as bd
from ..model import statements
from ..model.provenance import cite, mark, suffix

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.market_file import Params

CLAIM_WORDS = {"largest": "calls {name} the largest {label}", "smallest": "calls {name} the smallest {label}",
               "fastest-growing": "calls {name} the fastest-growing {label}",
               "fast-growing": "describes {name} as growing fast"}


def claimed(p: Params, item: Item, claim: str) -> str | None:
    """Citation of the source that makes `claim` about `item`, or None."""
    return next((cite(p, c.source) for c in item.claims if c.claim == claim), None)


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
            lines.append(f"The source {said} {claimed(p, item, claim)}{figures}{rate}.")
    return lines


def breakdown_sentences(p: Params, b: Breakdown) -> list[str]:
    """What the source says of a breakdown's items, then only the rankings its figures prove (model/statements)."""
    label = md(b.label.lower())
    lines = _claim_sentences(p, b)
    lead = statements.largest(p, b)
    if lead is not None and not any(claimed(p, i, "largest") for i in b.items):
        item, shown = lead.item, _figure_text(p, b, lead.item)
        if lead.proven:
            lines.append(f"{md(item.name)} is the largest {label}, with {shown}.")
    fast = statements.fastest(p, b)
    if fast is not None and not any(claimed(p, i, "fastest-growing") for i in b.items):
        lines.append(f"Of the growth rates the source gives for every {label}, {md(fast.name)}'s "
                     f"{figure_pct(fast.cagr)} {mark(p, fast.cagr)} is the highest.")
    return lines


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
