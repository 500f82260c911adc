"""Synthetic params for the audit tests: one consistent market that each test bends one way."""
from __future__ import annotations

import copy

from cmo_helpers.inputs.market_file import Params
from cmo_helpers.inputs.params import parse_params

SOURCE = {"id": "src", "publisher": "Example Research", "title": "Widget market outlook", "published": "2024-06-01"}


def sourced(**fields) -> dict:
    return {**fields, "basis": "sourced", "source": "src"}


def assumed(**fields) -> dict:
    return {**fields, "basis": "assumed", "rationale": "placeholder for the test"}


def breakdown(bid: str, *items: dict, **fields) -> dict:
    return {"id": bid, "label": bid.capitalize(), **fields, "items": list(items)}


# 100 (2024) to 200 (2034) doubles in 10 years: implied CAGR 2 ** (1/10) - 1 = 7.1773%.
# The stated 7.18% is 0.0027 pp away, well inside the default 0.05 pp tolerance.
CLEAN = {
    "market": {"name": "Widget market", "slug": "widgets", "currency": "USD", "unit": "million"},
    "sources": [SOURCE],
    "size": {
        "base": sourced(year=2024, value=100.0),
        "end": sourced(year=2034, value=200.0),
        "cagr": sourced(rate=0.0718, from_year=2025, to_year=2034),
    },
    "breakdowns": [
        breakdown("product", sourced(name="Gadgets", share=0.6), assumed(name="Gizmos", share=0.4)),
        breakdown("region", sourced(name="North", share=0.5), assumed(name="South", share=0.5), geographic=True),
    ],
    # 100 million in 2024, the source's year: a "millions" claim fits.
    "claims": [{"text": "a market worth millions", "scale": "million", "source": "src"}],
}


def make(**changes) -> Params:
    """CLEAN with top-level keys replaced or, for dotted keys like 'size.cagr', one nested key."""
    data = copy.deepcopy(CLEAN)
    for key, value in changes.items():
        *parents, last = key.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        key = int(last) if last.isdigit() else last
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return parse_params(data)


def regions(*items: dict, **fields) -> Params:
    """CLEAN with its regional breakdown replaced."""
    return make(**{"breakdowns.1": breakdown("region", *items, geographic=True, **fields)})
