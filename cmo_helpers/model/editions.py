"""Two editions of one release side by side: what was restated, re-based or carried over, from the figures alone."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from . import forecast, headline
from .conversion import Frame

if TYPE_CHECKING:
    from ..inputs.fields import Written
    from ..inputs.market_file import Params

Kind = Literal["year", "value", "rate", "share", "text"]


@dataclass(frozen=True)
class Value:
    """One edition's figure: the number in the frame, the decimals its source wrote, and whether we computed it."""

    number: float | int | str
    decimals: int | None = None
    computed: bool = False
    percent: bool = False  # a rate or share: its decimals count in percent

    def same(self, other: Value) -> bool:
        """Equal at the finer of the two written precisions: float noise from a unit conversion is no change."""
        if isinstance(self.number, str) or self.decimals is None or other.decimals is None:
            return self.number == other.number
        scale, digits = 100 if self.percent else 1, max(self.decimals, other.decimals)
        return round(self.number * scale, digits) == round(other.number * scale, digits)


@dataclass(frozen=True)
class Row:
    """One figure in both editions; either side may be missing."""

    figure: str
    kind: Kind
    old: Value | None
    new: Value | None

    @property
    def change(self) -> float | None:
        """New minus old, for numbers present in both editions."""
        if self.old is None or self.new is None or self.kind == "text":
            return None
        return self.new.number - self.old.number

    @property
    def status(self) -> str:
        if self.old is None:
            return "new"
        if self.new is None:
            return "dropped"
        return "unchanged" if self.old.same(self.new) else "changed"


def _written(obj: Written, key: str, factor: float = 1.0, extra: int = 0) -> Value:
    """A stated figure in the frame (times `factor`), with `extra` decimals so none of the written ones is lost."""
    percent = obj.NUMBERS[key]
    return Value(getattr(obj, key) * factor, (obj.digits(key) or (1 if percent else 0)) + extra, percent=percent)


def _stated_value(fig: Written, p: Params, frame: Frame) -> Value:
    return _written(fig, "value", frame.factor(p.market), frame.extra_decimals(p.market))


def figures(p: Params, frame: Frame) -> dict[str, tuple[Kind, Value]]:
    """Every figure an edition states (values in the frame), plus the endpoint-implied rate, which is ours."""
    s = p.size
    found: dict[str, tuple[Kind, Value]] = {
        "Base year": ("year", Value(s.base.year)),
        "Base value": ("value", _stated_value(s.base, p, frame)),
        "End year": ("year", Value(s.end.year)),
        "End value": ("value", _stated_value(s.end, p, frame)),
    }
    if s.cagr is not None:
        found["Stated CAGR"] = ("rate", _written(s.cagr, "rate"))
        if s.cagr.from_year and s.cagr.to_year:
            found["Stated CAGR period"] = ("text", Value(f"{s.cagr.from_year}\u2013{s.cagr.to_year}"))
    found["Endpoint-implied CAGR (ours)"] = ("rate", Value(forecast.endpoint_cagr(p), 2, computed=True, percent=True))
    for total in p.totals:
        found[f"Market total {total.year if total.dated else '(year not stated)'}"] = ("value",
                                                                                   _stated_value(total, p, frame))
    for b in p.breakdowns:
        for item in b.items:
            if item.share is not None:
                found[f"{b.label}: {item.name}, share"] = ("share", _written(item, "share"))
            if item.value is not None:
                found[f"{b.label}: {item.name}, value"] = ("value", _stated_value(item, p, frame))
            for claim in item.claims:
                found[f"{b.label}: {item.name}, claim"] = ("text", Value(claim.claim))
    for n, claim in enumerate(p.claims, 1):
        found[f"Claim on the market's scale {n}"] = ("text", Value(claim.text))
    return found


def rows(old: Params, new: Params, frame: Frame) -> list[Row]:
    """Every figure of either edition, in the older edition's order, then what only the newer one states."""
    a, b = figures(old, frame), figures(new, frame)
    return [Row(name, (a.get(name) or b[name])[0], a[name][1] if name in a else None,
                b[name][1] if name in b else None) for name in dict.fromkeys([*a, *b])]


@dataclass(frozen=True)
class Restated:
    """A year both editions state a total for, with different values."""

    year: int
    old: Value
    new: Value


@dataclass(frozen=True)
class EditionDiff:
    """What a reader asks of a new edition: which figures moved, and whether the forecast was revised or re-based."""

    old: Params
    new: Params
    frame: Frame
    rows: list[Row]
    restated: list[Restated]
    old_implied: float
    new_implied: float
    old_path_at_new_base: float  # the older edition's endpoint path, in the newer base year: ours
    verdicts: tuple[str, str]

    @property
    def base_moved(self) -> bool:
        return self.old.size.base.year != self.new.size.base.year

    @property
    def base_gap(self) -> float:
        """How far the newer base value sits from the older edition's path, as a fraction of that path."""
        return self.frame.convert(self.new.size.base.value, self.new.market) / self.old_path_at_new_base - 1

    def row(self, figure: str) -> Row | None:
        return next((r for r in self.rows if r.figure == figure), None)

    @property
    def end_kept(self) -> bool:
        end_year, end_value = self.row("End year"), self.row("End value")
        return end_year.status == "unchanged" and end_value.status == "unchanged"

    @property
    def rate_carried_over(self) -> bool:
        """The stated rate is unchanged while an endpoint moved: the rate was not worked out again."""
        stated = self.row("Stated CAGR")
        moved = any(self.row(name).status == "changed" for name in ("Base year", "Base value", "End year", "End value"))
        return stated is not None and stated.status == "unchanged" and moved


def diff(old: Params, new: Params, frame: Frame) -> EditionDiff:
    """Compare an older and a newer edition of one release, values in one frame."""
    a, b = forecast.stated_totals(old), forecast.stated_totals(new)
    pairs = {year: (_stated_value(a[year], old, frame), _stated_value(b[year], new, frame)) for year in a if year in b}
    restated = [Restated(year, old_value, new_value) for year, (old_value, new_value) in pairs.items()
                if not old_value.same(new_value)]
    on_old_path = frame.convert(forecast.total_on(old, forecast.endpoint_cagr(old), new.size.base.year), old.market)
    return EditionDiff(old, new, frame, rows(old, new, frame), restated, forecast.endpoint_cagr(old),
                       forecast.endpoint_cagr(new), on_old_path, (headline.verdict(old), headline.verdict(new)))


def older_first(params: list[Params]) -> list[Params]:
    """Editions by base year, then end year: the file order on the command line need not be the order of issue."""
    return sorted(params, key=lambda p: (p.size.base.year, p.size.end.year))
