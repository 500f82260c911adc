"""Audit across market files: what no single file's audit can see. Findings only, as the one-file audit gives."""
from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from ..core.formatting import figure
from . import forecast
from .audit_finding import Finding

if TYPE_CHECKING:
    from ..inputs.market_file import Params

Named = tuple[str, "Params"]  # a file's name as the reader typed it, and its params


def same_source_id(files: list[Named]) -> list[Finding]:
    """One source id naming different sources, or citing different totals for one year, in two files."""
    out = []
    for (name_a, a), (name_b, b) in combinations(files, 2):
        for sid in sorted({s.id for s in a.sources} & {s.id for s in b.sources}):
            if a.source(sid) != b.source(sid):
                out.append(Finding("source-id", "warning", f"Source id '{sid}' names different sources in {name_a} "
                                   f"and {name_b}: one id should mean one document.",
                                   {"subject": sid, "stated": name_a, "model": name_b}))
            cited_a = {y: f for y, f in forecast.stated_totals(a).items() if f.source == sid}
            cited_b = {y: f for y, f in forecast.stated_totals(b).items() if f.source == sid}
            for year in sorted(cited_a.keys() & cited_b.keys()):
                if cited_a[year].value != cited_b[year].value:
                    out.append(Finding("source-id", "error", f"Source id '{sid}' gives {year} as "
                                       f"{figure(cited_a[year])} in {name_a} and {figure(cited_b[year])} in {name_b}.",
                                       {"subject": f"{sid} {year}", "stated": cited_a[year].value,
                                        "model": cited_b[year].value}))
    return out


def restated_years(files: list[Named]) -> list[Finding]:
    """A year both editions of one publisher's release state, with different totals: the newer edition restated it."""
    out = []
    for (name_a, a), (name_b, b) in combinations(files, 2):
        if not _same_release(a, b):
            continue
        ta, tb = forecast.stated_totals(a), forecast.stated_totals(b)
        for year in sorted(ta.keys() & tb.keys()):
            if ta[year].value != tb[year].value:
                out.append(Finding("restated", "warning", f"{year} is stated as {figure(ta[year])} in {name_a} and "
                                   f"{figure(tb[year])} in {name_b} ({a.market.currency} {a.market.unit} and "
                                   f"{b.market.currency} {b.market.unit}): one edition restated it.",
                                   {"subject": f"Total {year}", "stated": ta[year].value, "model": tb[year].value}))
    return out


def same_slug_or_scope(files: list[Named]) -> list[Finding]:
    """Two files for one slug, or for one edition of one market: one would overwrite or shadow the other."""
    out = []
    for (name_a, a), (name_b, b) in combinations(files, 2):
        if a.market.slug == b.market.slug:
            out.append(Finding("slug", "error", f"{name_a} and {name_b} share the slug '{a.market.slug}': their "
                               "reports would land in one folder.",
                               {"subject": a.market.slug, "stated": name_a, "model": name_b}))
        elif _same_release(a, b) and a.market.name == b.market.name and a.size.base.year == b.size.base.year:
            out.append(Finding("scope", "warning", f"{name_a} and {name_b} hold one edition of one market "
                               f"({a.market.name}, {a.market.geography}, base {a.size.base.year}) under two slugs.",
                               {"subject": a.market.name, "stated": name_a, "model": name_b}))
    return out


def _same_release(a: Params, b: Params) -> bool:
    """Editions of one release: the same publisher sized the same geography."""
    base_a, base_b = a.size.base, b.size.base
    return (base_a.source is not None and base_b.source is not None and a.market.geography == b.market.geography
            and a.source(base_a.source).publisher is not None
            and a.source(base_a.source).publisher == b.source(base_b.source).publisher)


def same_release(params: list[Params]) -> bool:
    """Whether every file is an edition of one release, so the comparison is an edition diff."""
    return len(params) >= 2 and all(_same_release(params[0], p) for p in params[1:])


def run(files: list[Named]) -> list[Finding]:
    """Every cross-file rule, in a fixed order."""
    return [*same_source_id(files), *restated_years(files), *same_slug_or_scope(files)]
