"""Invented market files for the comparison tests: small, in our own words, figures checked by hand."""
from __future__ import annotations

from cmo_helpers.inputs.market_file import Params
from cmo_helpers.inputs.params import parse_params


def market(slug: str, base: tuple[int, float], end: tuple[int, float], *, publisher: str = "Acme Research",
           source_id: str = "acme", unit: str = "million", currency: str = "USD", geography: str = "Global",
           name: str = "Widget Servicing Market", cagr: float | None = None, totals: tuple = (),
           claims: tuple = ()) -> Params:
    """One market file: a sourced base and end, an optional stated rate, further totals and scale claims."""
    cited = {"basis": "sourced", "source": source_id}
    size = {"base": {"year": base[0], "value": base[1], **cited}, "end": {"year": end[0], "value": end[1], **cited}}
    if cagr is not None:
        size["cagr"] = {"rate": cagr, **cited}
    return parse_params({
        "market": {"name": name, "slug": slug, "geography": geography, "currency": currency, "unit": unit},
        "sources": [{"id": source_id, "publisher": publisher, "title": f"{name} outlook"}],
        "size": size,
        "totals": [{"year": y, "value": v, **cited} for y, v in totals],
        "claims": [{"text": text, "scale": scale, "source": source_id} for text, scale in claims],
    }, f"{slug}.yaml")
