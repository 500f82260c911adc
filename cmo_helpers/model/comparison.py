"""What a comparison notebook loads once: the files, the frame they are shown in, and whether they are editions."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..inputs.load import load_all
from ..inputs.market_file import Params
from . import crossfile, editions
from .conversion import ExchangeRate, Frame, frame_for

Mode = Literal["auto", "editions", "publishers"]
MAX_SLUG = 80


@dataclass(frozen=True)
class Comparison:
    """Market files read once, in one currency unit; editions ordered oldest first."""

    names: list[str]
    params: list[Params]
    frame: Frame
    editions: bool

    @property
    def files(self) -> list[tuple[str, Params]]:
        return list(zip(self.names, self.params, strict=True))

    def edition_diffs(self) -> list[editions.EditionDiff]:
        """Each edition against the one before it."""
        ordered = editions.older_first(self.params)
        return [editions.diff(a, b, self.frame) for a, b in zip(ordered, ordered[1:], strict=False)]


def load(params_files: list[str | Path], rates: list[ExchangeRate | dict] = (), mode: Mode = "auto") -> Comparison:
    """Read every file (all problems reported at once), refuse mixed currencies without a rate, pick the mode.

    A rate may come as a mapping (a notebook parameter: from_, to, rate, source).
    """
    rates = [r if isinstance(r, ExchangeRate) else ExchangeRate(**r) for r in rates]
    if len(params_files) < 2:
        raise ValueError(f"a comparison needs two or more params files; got {len(params_files)}")
    loaded = load_all(params_files)
    is_editions = crossfile.same_release(loaded) if mode == "auto" else mode == "editions"
    return Comparison([Path(n).name for n in params_files], loaded, frame_for(loaded, rates), is_editions)


def title(cmp: Comparison) -> str:
    """The report's name: the newest file's market, and what is compared."""
    newest = editions.older_first(cmp.params)[-1]
    name = re.sub(r"\s*\([^)]*\)$", "", newest.market.name)  # a publisher's name in brackets ends some names
    what = "editions compared" if cmp.editions else f"{len(cmp.params)} sources compared"
    return f"{name}: {what}"


def slug(params: list[Params]) -> str:
    """Folder name under outputs/: the files' slugs, or the first one and a hash when that would run long."""
    slugs = [p.market.slug for p in params]
    joined = "compare-" + "-".join(slugs)
    if len(joined) <= MAX_SLUG:
        return joined
    return f"compare-{slugs[0][:50]}-{hashlib.sha1(joined.encode()).hexdigest()[:8]}"


def as_report(cmp: Comparison) -> Params:
    """The frame the export prints around a comparison: its title, the shown unit, the years, each source once."""
    ordered = editions.older_first(cmp.params)
    newest = ordered[-1]
    market = newest.market.model_copy(update={"name": title(cmp), "slug": slug(cmp.params),
                                              "currency": cmp.frame.currency, "unit": cmp.frame.unit})
    first_base = min((p.size.base for p in cmp.params), key=lambda f: f.year)
    last_end = max((p.size.end for p in cmp.params), key=lambda f: f.year)
    sources = list({s.id: s for p in cmp.params for s in p.sources}.values())
    return newest.model_copy(update={"market": market, "sources": sources, "totals": [], "breakdowns": [],
                                     "claims": [], "unplaced": [],
                                     "size": newest.size.model_copy(update={"base": first_base, "end": last_end})})


def headline(cmp: Comparison) -> dict:
    """What the collection index shows of a comparison: its name, unit, years, and the audit across the files."""
    report = as_report(cmp)
    severities = {f.severity for f in crossfile.run(cmp.files)}
    return {
        "name": report.market.name,
        "unit": cmp.frame.label,
        "start_year": report.size.base.year,
        "end_year": report.size.end.year,
        "compared": f"Comparison of {len(cmp.params)} files",
        "audit": "fail" if "error" in severities else "warn" if "warning" in severities else "pass",
    }
