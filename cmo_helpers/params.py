"""Load and validate a market's params file so bad input fails before anything runs."""
from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import source_files
from .errors import ParamsError
from .forecast import project

MIN_RATE, MAX_RATE = -0.5, 2.0


class Strict(BaseModel):
    """Rejects unknown keys with a did-you-mean hint instead of pydantic's bare message."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            allowed = list(cls.model_fields)
            for key in data:
                if key not in cls.model_fields:
                    hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                    tip = f"did you mean '{hint[0]}'?" if hint else f"allowed keys: {', '.join(allowed)}"
                    raise ValueError(f"unknown key '{key}'; {tip}")
        return data


class Basis(Strict):
    """Every figure says where it came from: a cited source or our own assumption."""

    basis: Literal["sourced", "assumed"]
    source: str | None = None
    rationale: str | None = None

    @model_validator(mode="after")
    def _basis_complete(self) -> "Basis":
        if self.basis == "sourced" and not self.source:
            raise ValueError("basis is 'sourced' but no 'source' id is given")
        if self.basis == "assumed" and not self.rationale:
            raise ValueError("basis is 'assumed' but no one-line 'rationale' is given")
        return self

    @property
    def assumed(self) -> bool:
        return self.basis == "assumed"


class Source(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    publisher: str
    title: str
    date: dt.date
    author: str | None = None
    place: str | None = None
    kind: str | None = None
    url: str | None = None


class Market(Strict):
    name: str = Field(min_length=3)
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    geography: str = "Global"
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    unit: Literal["thousand", "million", "billion"]


class Figure(Basis):
    year: int = Field(ge=1900, le=2200)
    value: float = Field(gt=0)


class StatedCagr(Basis):
    rate: float = Field(ge=MIN_RATE, le=MAX_RATE)
    from_year: int | None = Field(default=None, ge=1900, le=2200)
    to_year: int | None = Field(default=None, ge=1900, le=2200)


class Size(Strict):
    base: Figure
    end: Figure
    cagr: StatedCagr | None = None
    anchor: Literal["endpoints", "cagr"] = "endpoints"

    @model_validator(mode="after")
    def _years_and_anchor(self) -> "Size":
        if self.end.year <= self.base.year:
            raise ValueError(f"end.year ({self.end.year}) must be after base.year ({self.base.year})")
        if self.anchor == "cagr" and self.cagr is None:
            raise ValueError("anchor is 'cagr' but no 'cagr' is given")
        return self

    @property
    def years(self) -> int:
        return self.end.year - self.base.year


class Item(Basis):
    name: str = Field(min_length=1)
    share: float | None = Field(default=None, ge=0, le=1)
    value: float | None = Field(default=None, gt=0)
    cagr: float | None = Field(default=None, ge=MIN_RATE, le=MAX_RATE)
    cagr_source: str | None = None

    @property
    def cagr_assumed(self) -> bool:
        """An own CAGR without its own citation is ours, even on a sourced item."""
        return self.cagr is not None and self.cagr_source is None

    @model_validator(mode="after")
    def _share_or_value(self) -> "Item":
        if self.share is None and self.value is None:
            raise ValueError(f"item '{self.name}' needs a 'share' or a 'value'")
        return self


class Split(Strict):
    label: str = Field(min_length=1)
    year: int | None = Field(default=None, ge=1900, le=2200)
    items: list[Item] = Field(min_length=1)

    @field_validator("items")
    @classmethod
    def _unique_names(cls, items: list[Item]) -> list[Item]:
        seen: set[str] = set()
        for item in items:
            if item.name.casefold() in seen:
                raise ValueError(f"item name '{item.name}' appears twice")
            seen.add(item.name.casefold())
        return items


class Claim(Strict):
    """A scale statement from a source, kept as text so the audit can test it against the figures."""

    text: str
    scale: Literal["thousand", "million", "billion", "trillion"]
    source: str


class AuditSettings(Strict):
    cagr_tolerance_pp: float = Field(default=0.05, ge=0, le=5)
    share_tolerance_pp: float = Field(default=0.1, ge=0, le=5)
    value_tolerance_pct: float = Field(default=1.0, ge=0, le=50)


class Params(Strict):
    market: Market
    sources: list[Source] = Field(default_factory=list)
    size: Size
    segments: Split
    regions: Split
    drivers: list[str] = Field(default_factory=list)
    trends: list[str] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    audit: AuditSettings = AuditSettings()

    @model_validator(mode="after")
    def _cross_checks(self) -> "Params":
        problems = []
        ids = [s.id for s in self.sources]
        for key, obj in self._cited():
            if obj.source and obj.source not in ids:
                hint = difflib.get_close_matches(obj.source, ids, n=1)
                tip = f"; did you mean '{hint[0]}'?" if hint else f"; known ids: {', '.join(ids)}"
                problems.append(f"{key}.source '{obj.source}' is not an id in 'sources'{tip}")
        if len(set(ids)) != len(ids):
            problems.append("sources: ids must be unique")
        for key in ("segments", "regions"):
            split = getattr(self, key)
            total = sum(self.item_shares(split).values())
            if abs(total - 1) > self.audit.share_tolerance_pp / 100:
                gap = "missing" if total < 1 else "extra"
                problems.append(
                    f"{key}.items: shares sum to {total:.2%}, not 100% ({abs(1 - total):.2%} {gap}); "
                    "add or correct items, marking filled-in ones as assumed"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _cited(self):
        yield "size.base", self.size.base
        yield "size.end", self.size.end
        if self.size.cagr:
            yield "size.cagr", self.size.cagr
        for key in ("segments", "regions"):
            for i, item in enumerate(getattr(self, key).items):
                yield f"{key}.items[{i}]", item
                if item.cagr_source:
                    yield f"{key}.items[{i}].cagr", Basis(basis="sourced", source=item.cagr_source)
        for i, claim in enumerate(self.claims):
            yield f"claims[{i}]", claim

    @property
    def anchor_rate(self) -> float:
        """The growth rate that drives the series: endpoint-implied or stated."""
        if self.size.anchor == "cagr":
            return self.size.cagr.rate
        return (self.size.end.value / self.size.base.value) ** (1 / self.size.years) - 1

    def split_year(self, split: Split) -> int:
        """The year a split's shares refer to; the base year when the source gives none."""
        return split.year if split.year is not None else self.size.base.year

    def total_at(self, year: int) -> float:
        """Market total in any year on the anchored path, back-cast before the base year."""
        return float(project(self.size.base.value, self.anchor_rate, self.size.base.year, [year]).iloc[0])

    def item_shares(self, split: Split) -> dict[str, float]:
        """Each item's share in the split year; value-only items are divided by that year's total."""
        total = self.total_at(self.split_year(split))
        return {i.name: i.share if i.share is not None else i.value / total for i in split.items}

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def citation_number(self, source_id: str) -> int:
        return [s.id for s in self.sources].index(source_id) + 1


def _loc(loc: tuple) -> str:
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


def _reason(err: dict) -> str:
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "missing":
        return "required key is missing"
    if "input" in err and err["type"] not in {"value_error", "model_type"} and not isinstance(err["input"], dict):
        return f"{msg} (got {err['input']!r})"
    return msg


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; an analyst's typo deserves an error."""

    def construct_mapping(self, node, deep=False):
        keys = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            keys.add(key)
        return super().construct_mapping(node, deep)


def read_yaml(path: Path) -> dict:
    """Read one YAML mapping, reporting syntax errors with their line."""
    if Path(path).suffix.lower() == ".xlsx":  # a workbook made by `cmo-report params to-xlsx`
        from .params_xlsx import read_workbook
        return read_workbook(Path(path))[0]
    try:
        data = yaml.load(source_files.yaml_text(path), Loader=_UniqueKeyLoader)
    except TypeError:  # an unhashable key (a list or mapping) reaches the duplicate-key check
        raise ParamsError(path, [("", "a key is a list or mapping; keys must be plain words")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(yaml)"
        raise ParamsError(path, [(where, f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    if not isinstance(data, dict):
        raise ParamsError(path, [("", "expected a YAML mapping of keys at the top level")])
    return data


def parse_params(data: dict, path: Path | str = "<params>") -> Params:
    """Validate an already-read mapping, naming the file in every error."""
    try:
        return Params.model_validate(data)
    except ValidationError as exc:
        raise ParamsError(path, [(_loc(e["loc"]), _reason(e)) for e in exc.errors()]) from None


def load_params(path: str | Path) -> Params:
    """Read and validate one market params file."""
    from .paths import resolve_params

    path = resolve_params(path)
    if path.suffix.lower() == ".xlsx":  # errors then name the workbook's sheet and cell
        from .params_xlsx import load
        return load(path)
    return parse_params(read_yaml(path), path)
