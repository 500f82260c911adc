"""A market file as a whole: the market's name and unit, the audit's tolerances, and the checks across its parts."""
from __future__ import annotations

import difflib
from typing import Literal

from pydantic import Field, model_validator

from .breakdown_items import Breakdown, Item
from .fields import SLUG, Line, Strict
from .figures import Total
from .size import Size, Volume
from .sources import ScaleClaim, Source, StatedTable, Twin, Unplaced


class Market(Strict):
    name: Line = Field(min_length=3, max_length=200)
    slug: str = Field(pattern=SLUG, max_length=80)
    geography: Line = "Global"
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    unit: Literal["thousand", "million", "billion", "trillion"]


class AuditSettings(Strict):
    cagr_tolerance_pp: float = Field(default=0.05, ge=0, le=5)
    share_tolerance_pp: float = Field(default=0.1, ge=0, le=5)
    value_tolerance_pct: float = Field(default=1.0, ge=0, le=50)


class Params(Strict):
    market: Market
    sources: list[Source] = Field(default_factory=list)
    size: Size
    volume: Volume | None = None
    totals: list[Total] = Field(default_factory=list)
    breakdowns: list[Breakdown] = Field(default_factory=list)
    drivers: list[Line] = Field(default_factory=list)
    trends: list[Line] = Field(default_factory=list)
    claims: list[ScaleClaim] = Field(default_factory=list)
    unplaced: list[Unplaced] = Field(default_factory=list)
    twins: list[Twin] = Field(default_factory=list)
    tables: list[StatedTable] = Field(default_factory=list)
    audit: AuditSettings = AuditSettings()

    @model_validator(mode="after")
    def _cross_checks(self) -> Params:
        problems = []
        ids = [s.id for s in self.sources]
        for key, source_id in self._cited():
            if source_id not in ids:
                hint = difflib.get_close_matches(source_id, ids, n=1)
                tip = f"; did you mean '{hint[0]}'?" if hint else f"; known ids: {', '.join(ids) or 'none'}"
                problems.append(f"{key}.source '{source_id}' is not an id in 'sources'{tip}")
        if len(set(ids)) != len(ids):
            problems.append("sources: ids must be unique")
        bids = [b.id for b in self.breakdowns]
        if len(set(bids)) != len(bids):
            problems.append("breakdowns: ids must be unique")
        years = [t.year for t in self.totals if t.dated] + [self.size.base.year, self.size.end.year]
        if len(set(years)) != len(years):
            problems.append("totals: each year may appear once, and not repeat size.base or size.end")
        for i, b in enumerate(self.breakdowns):
            for j, item in enumerate(b.items):
                if item.parent is not None and len(self.parents_of(b, item)) != 1:
                    found = self.parents_of(b, item)
                    why = "is an item of several other breakdowns" if found else "is not an item of another breakdown"
                    problems.append(f"breakdowns[{i}].items[{j}].parent: '{item.parent}' {why}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _cited(self):
        s = self.size
        for key, fig in (("size.base", s.base), ("size.end", s.end), ("size.cagr", s.cagr),
                         *((f"size.other_cagrs[{n}]", c) for n, c in enumerate(s.other_cagrs))):
            if fig is not None and fig.source:
                yield key, fig.source
        v = self.volume
        for key, fig in (("volume.base", v and v.base), ("volume.end", v and v.end), ("volume.cagr", v and v.cagr)):
            if fig is not None and fig.source:
                yield key, fig.source
        for i, t in enumerate(self.totals):
            if t.source:
                yield f"totals[{i}]", t.source
        for i, b in enumerate(self.breakdowns):
            for j, item in enumerate(b.items):
                key = f"breakdowns[{i}].items[{j}]"
                for sub, fig in (("", item), (".cagr", item.cagr), (".end", item.end),
                                 *((f".values[{n}]", v) for n, v in enumerate(item.values))):
                    if fig is not None and fig.source:
                        yield key + sub, fig.source
                for k, c in enumerate(item.claims):
                    yield f"{key}.claims[{k}]", c.source
        for key, found in (("claims", self.claims), ("twins", self.twins), ("tables", self.tables)):
            for i, c in enumerate(found):
                yield f"{key}[{i}]", c.source

    def parents_of(self, breakdown: Breakdown, item: Item) -> list[tuple[Breakdown, Item]]:
        """Items of other breakdowns that `item.parent` names, as 'Item name' or 'breakdown-id/Item name'."""
        bid, _, name = item.parent.rpartition("/") if "/" in item.parent else ("", "", item.parent)
        return [(b, i) for b in self.breakdowns if b.id != breakdown.id and bid in ("", b.id)
                for i in b.items if i.name == name]

    def breakdown(self, bid: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.id == bid)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def citation_number(self, source_id: str) -> int:
        return [s.id for s in self.sources].index(source_id) + 1
