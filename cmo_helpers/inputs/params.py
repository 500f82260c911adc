"""The params schema: what a market file may state, checked before anything runs. Holds no maths."""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..core import written
from ..core.errors import ParamsError

MIN_RATE, MAX_RATE = -0.5, 2.0
MAX_VALUE = 1e15
Year = Annotated[int, Field(ge=1900, le=2200)]
Bound = Literal["about", "nearly", "over", "more-than", "at-least", "up-to"]
MaybeYear = Year | Literal["not stated"]
SLUG = r"^[a-z0-9][a-z0-9-]*$"
SCALES = ("thousand", "million", "billion", "trillion")
CLAIMS = ("largest", "fastest-growing", "fast-growing", "smallest")
# A source's hedge on a figure, as the report prints it before the figure ("nearly 6.3%").
BOUNDS = {"about": "about", "nearly": "nearly", "over": "over", "more-than": "more than", "at-least": "at least",
          "up-to": "up to"}
NOT_STATED = "not stated"  # a figure's year when the source gives none: never printed with a year
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """Names and titles land in headings, running headers and table cells, where a line break breaks layout."""
    bad = re.search(r"[\n\r]", text) or _CONTROL.search(text)
    if bad:
        raise ValueError(f"must be a single line of text without control characters; found {bad.group()!r}")
    if not text.strip():
        raise ValueError("must not be blank")
    return text


def _printable(text: str) -> str:
    """Longer text may wrap over lines, but control characters never reach a page or a terminal."""
    bad = _CONTROL.search(text)
    if bad:
        raise ValueError(f"contains the control character {bad.group()!r}")
    return text


Line = Annotated[str, AfterValidator(_one_line)]
Text = Annotated[str, AfterValidator(_printable)]


class Strict(BaseModel):
    """Rejects unknown keys with a did-you-mean hint instead of pydantic's bare message."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            allowed = [f.alias or name for name, f in cls.model_fields.items()]
            for key in data:
                if key not in allowed:
                    hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                    tip = f"did you mean '{hint[0]}'?" if hint else f"allowed keys: {', '.join(allowed)}"
                    raise ValueError(f"unknown key '{key}'; {tip}")
        return data


class Written(Strict):
    """A model whose numbers may be written as '1,861.2' or '16.6%' and keep their written decimals."""

    NUMBERS: ClassVar[dict[str, bool]] = {}  # field name -> is a rate or share (percent allowed)
    _digits: dict[str, int] = PrivateAttr(default_factory=dict)

    @field_validator("*", mode="before")
    @classmethod
    def _number(cls, value: Any, info: ValidationInfo) -> Any:
        """'1,861.2' and '16.6%' become numbers here, so an error names the key itself."""
        if info.field_name in cls.NUMBERS and value is not None and not isinstance(value, dict):
            return written.parse(value, cls.NUMBERS[info.field_name])[0]
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _written_digits(cls, data: Any, handler):
        """Remember how many decimals each number was written with, before it becomes a float."""
        model = handler(data)
        if isinstance(data, dict):
            for key, percent in cls.NUMBERS.items():
                if data.get(key) is not None and not isinstance(data[key], dict):
                    decimals = written.parse(data[key], percent)[1]
                    if decimals is not None:
                        model._digits[key] = decimals
        return model

    def digits(self, key: str) -> int | None:
        """Decimals the source wrote for `key`, so the report can show at least as many."""
        return self._digits.get(key)


def _bound_words(value: Any) -> Any:
    """'more than' and 'more-than' both name the same bound, as an analyst may write either."""
    if isinstance(value, str):
        return value.strip().replace(" ", "-")
    if isinstance(value, dict):
        return {k: _bound_words(v) for k, v in value.items()}
    return value


class Basis(Written):
    """Every figure says where it came from: a cited source (with its words) or our own assumption."""

    basis: Literal["sourced", "assumed"]
    source: str | None = None
    rationale: Text | None = None
    quote: Text | None = None
    bound: Annotated[Bound | dict[str, Bound] | None, BeforeValidator(_bound_words)] = None

    @field_validator("bound")
    @classmethod
    def _bound_keys(cls, value: Any) -> Any:
        if isinstance(value, dict):
            unknown = [k for k in value if k not in cls.NUMBERS]
            if unknown:
                raise ValueError(f"bound for '{unknown[0]}', which is not a figure here; "
                                 f"figures: {', '.join(cls.NUMBERS) or 'none'}")
        return value

    def bound_of(self, key: str) -> str | None:
        """The source's hedge on one figure ('nearly'), printed with it wherever it appears."""
        word = self.bound.get(key) if isinstance(self.bound, dict) else self.bound
        return BOUNDS[word] if word else None

    @model_validator(mode="after")
    def _basis_complete(self) -> Basis:
        if self.basis == "sourced" and not self.source:
            raise ValueError("basis is 'sourced' but no 'source' id is given")
        if self.basis == "assumed" and not self.rationale:
            raise ValueError("basis is 'assumed' but no one-line 'rationale' is given")
        if self.basis == "assumed" and self.source:
            raise ValueError("basis is 'assumed' but a 'source' is given; use basis: sourced, or drop the source")
        return self

    @property
    def assumed(self) -> bool:
        return self.basis == "assumed"


class Source(Strict):
    """Where figures come from; a part the source does not give is left out, never filled with a placeholder."""

    id: str = Field(pattern=SLUG)
    publisher: Line | None = None  # left out of the citation when the source does not name one
    title: Line | None = None
    published: dt.date | None = None
    accessed: dt.date | None = None
    author: Line | None = None
    place: Line | None = None
    kind: Line | None = None
    url: Line | None = None


class Market(Strict):
    name: Line = Field(min_length=3, max_length=200)
    slug: str = Field(pattern=SLUG, max_length=80)
    geography: Line = "Global"
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    unit: Literal["thousand", "million", "billion", "trillion"]


Value = Annotated[float, Field(gt=0, le=MAX_VALUE)]
Rate = Annotated[float, Field(ge=MIN_RATE, le=MAX_RATE)]
Share = Annotated[float, Field(ge=0, le=1)]


class Figure(Basis):
    """A value the source states for a year: a market total, an item's value in another year, its end value."""

    NUMBERS: ClassVar[dict[str, bool]] = {"value": False}
    year: Year
    value: Value


class Total(Figure):
    """A further market total; a source may give one without a year, and then it is never shown under one."""

    year: MaybeYear

    @property
    def dated(self) -> bool:
        return self.year != NOT_STATED


class StatedCagr(Basis):
    """A growth rate with the period the source gave it for, of the market or of one item."""

    NUMBERS: ClassVar[dict[str, bool]] = {"rate": True}
    rate: Rate
    from_year: Year | None = None
    to_year: Year | None = None


class Size(Strict):
    base: Figure
    end: Figure
    cagr: StatedCagr | None = None
    other_cagrs: list[StatedCagr] = Field(default_factory=list)  # further stated rates: shown and audited, not used
    anchor: Literal["endpoints", "cagr"] = "endpoints"

    @model_validator(mode="after")
    def _years_and_anchor(self) -> Size:
        if self.end.year <= self.base.year:
            raise ValueError(f"end.year ({self.end.year}) must be after base.year ({self.base.year})")
        if self.anchor == "cagr" and self.cagr is None:
            raise ValueError("anchor is 'cagr' but no 'cagr' is given")
        implied = math.exp(math.log(self.end.value / self.base.value) / self.years) - 1
        if not MIN_RATE <= implied <= MAX_RATE:
            raise ValueError(f"base.value {self.base.value:g} and end.value {self.end.value:g} imply {implied:.1%} "
                             f"a year, outside the {MIN_RATE:.0%} to {MAX_RATE:+.0%} a growth rate may take; "
                             "check the unit and digits")
        return self

    @property
    def years(self) -> int:
        return self.end.year - self.base.year


class Volume(Strict):
    """A second series in another unit (MW, units, tonnes): charted and audited on its own, never added to money."""

    unit: Line = Field(max_length=40)
    base: Figure
    end: Figure
    cagr: StatedCagr | None = None

    @model_validator(mode="after")
    def _forwards(self) -> Volume:
        if self.end.year <= self.base.year:
            raise ValueError(f"end.year ({self.end.year}) must be after base.year ({self.base.year})")
        return self


class Claim(Basis):
    """A source's own word about an item ('the largest'), reported as its claim and checked by the audit."""

    claim: Literal["largest", "fastest-growing", "fast-growing", "smallest"]
    basis: Literal["sourced"] = "sourced"


def _inherit(data: dict, key: str, wrap: str | None = None) -> None:
    """A figure written bare, or without its own basis, takes the item's basis, source and rationale.

    A sourced figure of the item's own source without its own quote takes the item's quote: the analyst
    gives a figure its own `quote` when it comes from another sentence.
    """
    raw = data.get(key)
    if raw is None:
        return
    fig = {wrap: raw} if wrap and not isinstance(raw, dict) else dict(raw) if isinstance(raw, dict) else raw
    if isinstance(fig, dict) and "basis" not in fig:
        for k in ("basis", "source", "rationale"):
            if data.get(k) is not None:
                fig.setdefault(k, data[k])
    if (isinstance(fig, dict) and data.get("quote") and fig.get("basis") == "sourced"
            and fig.get("source") == data.get("source")):
        fig.setdefault("quote", data["quote"])
    data[key] = fig


class Item(Basis):
    """One member of a breakdown, with any of the figures a source gives for it."""

    NUMBERS: ClassVar[dict[str, bool]] = {"share": True, "value": False}
    name: Line = Field(max_length=120)
    year: MaybeYear | None = None
    share: Share | None = None
    value: Value | None = None
    cagr: StatedCagr | None = None
    end: Figure | None = None
    values: list[Figure] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    parent: Line | None = None
    quotes: dict[Literal["share", "value"], Text] = Field(default_factory=dict)  # a figure's own words, if not `quote`

    @model_validator(mode="before")
    @classmethod
    def _inherit_basis(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        _inherit(data, "cagr", "rate")
        _inherit(data, "end")
        history = data.get("values")
        if isinstance(history, dict):
            history = [{"year": y, "value": v} for y, v in history.items()]
        if isinstance(history, list):
            data["values"] = history
            for n in range(len(history)):
                data[f"values.{n}"] = history[n]
                _inherit(data, f"values.{n}")
                history[n] = data.pop(f"values.{n}")
        claims = data.get("claims")
        if isinstance(claims, list):
            said = {k: data[k] for k in ("source", "quote") if data.get("basis") == "sourced" and data.get(k)}
            # a bare claim word cites the item's own source and quote: the item's words say it
            data["claims"] = [{"claim": c, **said} if isinstance(c, str) else c for c in claims]
        return data

    def quote_of(self, key: str) -> str | None:
        """The words one of the item's own figures came from: its own quote, else the item's."""
        return self.quotes.get(key, self.quote)

    @property
    def has_point(self) -> bool:
        """Whether the item has a figure that places it on a value path (share, value or end value)."""
        return self.share is not None or self.value is not None or self.end is not None

    @property
    def rate_sourced(self) -> bool:
        return self.cagr is not None and not self.cagr.assumed


class Breakdown(Strict):
    id: str = Field(pattern=SLUG, max_length=60)
    label: Line = Field(max_length=60)
    geographic: bool = False
    year: MaybeYear | None = None
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> Breakdown:
        seen: set[str] = set()
        for item in self.items:
            if item.name.casefold() in seen:
                raise ValueError(f"item name '{item.name}' appears twice in '{self.id}'")
            seen.add(item.name.casefold())
        return self

    def item(self, name: str) -> Item:
        return next(i for i in self.items if i.name == name)


class ScaleClaim(Written):
    """A statement about the whole market's size ('billions of dollars', '$7.1 billion by 2033')."""

    NUMBERS: ClassVar[dict[str, bool]] = {"value": False}
    text: Line
    scale: Literal["thousand", "million", "billion", "trillion"]
    value: Value | None = None
    bound: Literal["about", "at-least", "at-most"] = "about"  # 'topping $7.1 billion' is at-least
    year: Year | None = None
    source: str
    quote: Text | None = None


class Unplaced(Strict):
    """Something a draft found in a release but could not place; shown with the analyst's reason, never dropped."""

    quote: Text
    note: Text | None = None


class Stated(Written):
    """One statement of a figure as written: its number, scale ('percent' for a rate or share), year and words."""

    NUMBERS: ClassVar[dict[str, bool]] = {"value": False}
    value: Annotated[float, Field(ge=-MAX_VALUE, le=MAX_VALUE)]
    scale: Literal["unit", "thousand", "million", "billion", "trillion", "percent"]
    year: MaybeYear | None = None
    quote: Text | None = None


class Twin(Strict):
    """The same fact stated twice (in another scale or year): linked, and the audit says whether they agree."""

    what: Line
    first: Stated
    second: Stated
    source: str
    note: Text | None = None


class StatedTable(Strict):
    """A table of the release kept as it stands (cells as written): shown, never extrapolated or summed."""

    title: Line
    columns: list[Line] = Field(min_length=1)
    rows: list[list[Annotated[str, AfterValidator(_printable)]]] = Field(min_length=1)
    source: str
    note: Text | None = None

    @model_validator(mode="after")
    def _rows_fit(self) -> StatedTable:
        for n, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"rows[{n}] has {len(row)} cells for {len(self.columns)} columns")
        return self


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


def key_path(loc: tuple) -> str:
    """Turn pydantic's location tuple into the key path an analyst sees in YAML."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-", "literal[")):
            continue  # pydantic's validator and union markers, not YAML keys
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def problem(err: dict) -> str:
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "missing":
        return "required key is missing"
    if "input" in err and err["type"] not in {"value_error", "model_type"} and not isinstance(err["input"], dict):
        shown = repr(err["input"])
        return f"{msg} (got {shown if len(shown) <= 80 else shown[:77] + '...'})"
    return msg


def parse_params(data: dict, path: Path | str = "<params>") -> Params:
    """Validate an already-read mapping (new or old schema), naming the file in every error."""
    from .migrate import current

    data = current(data)
    try:
        return Params.model_validate(data)
    except ValidationError as exc:
        raise ParamsError(path, [(key_path(e["loc"]), problem(e)) for e in exc.errors()]) from None
