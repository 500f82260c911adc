"""Several publishers on one market: each path in one frame, the spread per common year, and the outliers."""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from . import forecast
from .conversion import Frame

if TYPE_CHECKING:
    from ..inputs.market_file import Params

OUTLIER_RATIO = 3.0  # more than 3x, or less than a third of, the median of the sources in that year
SLIP = 1000.0  # one step between thousand, million, billion and trillion
_PLAIN_WORDS = {"global", "market", "the", "and", "of", "worldwide", "world"}


@dataclass(frozen=True)
class SourcePath:
    """One file's market path in the frame, and the years whose total its source states."""

    label: str
    params: Params
    values: pd.Series  # modelled totals, base to end year, in the frame
    stated: dict[int, float]  # years whose total the source states, in the frame

    @property
    def years(self) -> range:
        return forecast.years(self.params)


def publisher(p: Params) -> str:
    """Who sized the market: the publisher its base value cites (its title or id when it names none), or ours."""
    base = p.size.base
    if not base.source:
        return "Our assumption"
    source = p.source(base.source)
    return source.publisher or source.title or source.id


def label(p: Params, params: list[Params]) -> str:
    """The publisher, with the file's slug when two files share one publisher (two editions)."""
    same = [q for q in params if publisher(q) == publisher(p)]
    return publisher(p) if len(same) == 1 else f"{publisher(p)} ({p.market.slug})"


def paths(params: list[Params], frame: Frame) -> list[SourcePath]:
    """Every file's anchored path and stated totals, converted into the frame."""
    out = []
    for p in params:
        factor = frame.factor(p.market)
        stated = {year: fig.value * factor for year, fig in forecast.stated_totals(p).items()}
        out.append(SourcePath(label(p, params), p, forecast.totals(p) * factor, stated))
    return out


def common_years(found: list[SourcePath]) -> list[int]:
    """Years every path covers; when none, the years at least two paths cover."""
    every = set.intersection(*(set(s.years) for s in found))
    if every:
        return sorted(every)
    return sorted(y for y in set().union(*(s.years for s in found)) if sum(y in s.years for s in found) >= 2)


@dataclass(frozen=True)
class YearSpread:
    """Each source's value in one year (stated where its source states it, else modelled), the median and range."""

    year: int
    values: dict[str, float]
    stated: dict[str, bool]

    @property
    def median(self) -> float:
        return statistics.median(self.values.values())

    @property
    def low(self) -> float:
        return min(self.values.values())

    @property
    def high(self) -> float:
        return max(self.values.values())

    @property
    def ratio(self) -> float:
        """Highest over lowest: how many times apart the sources are."""
        return self.high / self.low


def spread(found: list[SourcePath], years: list[int]) -> list[YearSpread]:
    """One row per common year; a source outside its own years has no value there."""
    rows = []
    for year in years:
        have = [s for s in found if year in s.years]
        rows.append(YearSpread(year, {s.label: float(s.stated.get(year, s.values[year])) for s in have},
                               {s.label: year in s.stated for s in have}))
    return rows


@dataclass(frozen=True)
class Outlier:
    """A source far from the median in the common years, with what in its params could explain it."""

    label: str
    years: list[int]
    ratio: float  # its value over the median, in the year furthest off
    causes: list[str] = field(default_factory=list)

    @property
    def direction(self) -> str:
        return "above" if self.ratio > 1 else "below"


def _far(ratio: float) -> bool:
    return ratio > OUTLIER_RATIO or ratio < 1 / OUTLIER_RATIO


def _scope_words(p: Params) -> set[str]:
    """The words of a market's name that say what it covers, without the publisher's name in brackets."""
    name = p.market.name.replace(f"({publisher(p)})", "")
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", name)} - _PLAIN_WORDS


def likely_causes(s: SourcePath, found: list[SourcePath], ratio: float) -> list[str]:
    """What the params show that could explain an outlier: a unit slip, a different geography, other scope words."""
    p = s.params
    others = [o.params for o in found if o is not s]
    causes = []
    for step, word in ((SLIP, "x1,000"), (1 / SLIP, "/1,000")):
        if not _far(ratio * step):
            causes.append(f"a billion/million slip would explain it: its values {word} land within "
                          f"{OUTLIER_RATIO:g}x of the median")
    for claim in p.claims:
        if claim.scale != p.market.unit:
            causes.append(f"its own text calls the market \u201c{claim.text}\u201d while its figures are in "
                          f"{p.market.unit}s")
    geographies = {o.market.geography for o in others}
    if geographies and p.market.geography not in geographies:
        causes.append(f"a different geography: {p.market.geography}, against {', '.join(sorted(geographies))}")
    extra = _scope_words(p) - set().union(*(_scope_words(o) for o in others))
    if extra:
        causes.append(f"scope words only its market name uses: {', '.join(sorted(extra))}")
    return causes


def outliers(found: list[SourcePath], rows: list[YearSpread]) -> list[Outlier]:
    """Sources more than 3x, or less than a third of, the median in a common year, each once."""
    out = []
    for s in found:
        far = [(r.year, r.values[s.label] / r.median) for r in rows if s.label in r.values
               and _far(r.values[s.label] / r.median)]
        if far:
            ratio = max((q for _, q in far), key=lambda q: max(q, 1 / q))
            out.append(Outlier(s.label, [y for y, _ in far], ratio, likely_causes(s, found, ratio)))
    return out


@dataclass(frozen=True)
class Rates:
    """A source's stated CAGR with its period, beside the rate its endpoints imply (ours)."""

    label: str
    stated: float | None
    stated_decimals: int | None
    stated_period: str
    implied: float
    implied_period: str


def rates(found: list[SourcePath]) -> list[Rates]:
    out = []
    for s in found:
        size = s.params.size
        c = size.cagr
        period = f"{c.from_year}\u2013{c.to_year}" if c is not None and c.from_year and c.to_year else ""
        out.append(Rates(s.label, c.rate if c else None, c.digits("rate") if c else None, period,
                         forecast.endpoint_cagr(s.params), f"{size.base.year}\u2013{size.end.year}"))
    return out
