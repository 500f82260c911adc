"""Breakdowns and their items: shares, values, growth, history, claims and parents, each figure with its basis."""
from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from ..core import text as policy
from .fields import SLUG, Line, MaybeYear, Share, Strict, Text, Value
from .figures import Basis, Figure, StatedCagr

CLAIMS = ("largest", "fastest-growing", "fast-growing", "smallest")


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
            if policy.same(item.name) in seen:
                raise ValueError(f"item name '{item.name}' appears twice in '{self.id}'")
            seen.add(policy.same(item.name))
        return self

    def item(self, name: str) -> Item:
        return next(i for i in self.items if i.name == name)
