"""Writing overrides (a scenario's or -P's) into a market's mapping: which keys may be set, what each marks as
assumed, and the checks a merged case must pass beyond the file's own (an idle override, a split left broken).
"""
from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.errors import ParamsError
from ..core.formatting import pct
from .breakdown_items import Breakdown
from .market_file import Params
from .migrate import current, migrate_overrides
from .params import parse_params

NAMED = "item name"  # marks a level whose keys are the market's item names
BREAKDOWN = "breakdown id"  # marks a level whose keys are the market's breakdown ids
# An item's own rate moves the mix over time; its share or value moves it now (the explorer's sliders save shares).
ITEM = {"cagr": None, "share": None, "value": None}
# What an overlay or a -P override may set; None marks a value.
ALLOWED: dict[str, Any] = {
    "size": {"base": {"value": None}, "end": {"value": None}, "cagr": {"rate": None}, "anchor": None},
    "breakdowns": BREAKDOWN,
}
# Under each anchor, the figure that does not drive the series: overriding it alone changes nothing.
IDLE_UNDER_ANCHOR = {"endpoints": ("size", "cagr", "rate"), "cagr": ("size", "end", "value")}



def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(("overrides", *map(str, path)))


def _refusal(key: Any, keys: list[str], market: dict, what: str) -> str:
    """Why a key cannot be set, with a did-you-mean hint when one is close."""
    if key in market:
        return f"'{key}' cannot be changed by a scenario or -P override; allowed here: {', '.join(keys)}"
    hint = difflib.get_close_matches(str(key), keys, n=1, cutoff=0.6)
    tip = f"did you mean '{hint[0]}'?" if hint else f"allowed here: {', '.join(keys) or 'nothing'}"
    return f"unknown {what} '{key}'; {tip}"


def _leaves(node: Any, spec: Any, market: Any, path: tuple, problems: list) -> list[tuple[tuple, Any]]:
    """Flatten overrides to (key path, value), recording every key a scenario may not set."""
    if spec is None:
        return [(path, node)]
    if spec in (NAMED, BREAKDOWN):
        field = "name" if spec == NAMED else "id"
        market = {entry[field]: entry for entry in market or [] if isinstance(entry, dict)}
    keys = list(market) if spec in (NAMED, BREAKDOWN) else list(spec)
    if not isinstance(node, dict):
        problems.append((_dotted(path), f"expected a mapping with {' or '.join(keys)}, got {node!r}"))
        return []
    market = market if isinstance(market, dict) else {}
    found = []
    for key, sub in node.items():
        if key in keys:
            child = ITEM if spec == NAMED else {"items": NAMED} if spec == BREAKDOWN else spec[key]
            found += _leaves(sub, child, market.get(key), (*path, key), problems)
        else:
            what = "item" if spec == NAMED else "breakdown id" if spec == BREAKDOWN else "key"
            problems.append((_dotted((*path, key)), _refusal(key, keys, market, what)))
    return found


def _apply(data: dict, leaves: list[tuple[tuple, Any]], note: Callable[[tuple], str]) -> None:
    """Write each override into the raw market mapping, marking what it replaces as assumed, with note(path) as why."""
    size = data["size"]
    for path, value in leaves:
        if path == ("size", "anchor"):
            size["anchor"] = value
        elif path[0] == "size":
            figure = size.setdefault(path[1], {})
            figure.pop("source", None)
            figure.pop("quote", None)
            figure.update({path[2]: value, "basis": "assumed", "rationale": note(path)})
            if path[1] == "cagr":
                figure.update(from_year=size["base"]["year"], to_year=size["end"]["year"])
        else:
            split = next(b for b in data["breakdowns"] if b["id"] == path[1])
            item = next(i for i in split["items"] if i["name"] == path[3])
            if path[4] == "cagr":
                item["cagr"] = {"rate": value, "basis": "assumed", "rationale": note(path)}
            else:  # share and value carry the item's own basis: its other figures keep theirs
                _own_basis(item)
                for key in ("source", "quote"):
                    item.pop(key, None)
                item.update({path[4]: value, "basis": "assumed", "rationale": note(path)})


def _own_basis(item: dict) -> None:
    """Write out the basis an item's rate, end value, history and claims inherit from it, before the item's changes."""
    said = {k: item[k] for k in ("basis", "source", "rationale") if item.get(k) is not None}
    history = item.get("values")
    if isinstance(history, dict):
        item["values"] = history = [{"year": y, "value": v} for y, v in history.items()]
    figures = [("cagr", item.get("cagr")), ("end", item.get("end"))] + [(n, f) for n, f in enumerate(history or [])]
    for key, figure in figures:
        if figure is not None and not (isinstance(figure, dict) and "basis" in figure):
            owner = item["values"] if isinstance(key, int) else item
            owner[key] = {**said, **(figure if isinstance(figure, dict) else {"rate": figure})}
    if item.get("basis") == "sourced":
        cited = {k: item[k] for k in ("source", "quote") if item.get(k)}
        item["claims"] = [{"claim": c, **cited} if isinstance(c, str) else c for c in item.get("claims", [])]


def _check_idle(anchor: str, paths: list[tuple], source: Path) -> None:
    """An override of the figure that does not drive the series, made alone, is almost surely a slip."""
    if anchor not in IDLE_UNDER_ANCHOR:
        return  # parse_params names the bad anchor
    other = next(a for a in IDLE_UNDER_ANCHOR if a != anchor)
    idle, driver = IDLE_UNDER_ANCHOR[anchor], IDLE_UNDER_ANCHOR[other]
    if idle in paths and driver not in paths:
        raise ParamsError(source, [(_dotted(idle),
                                          f"does not change the forecast while size.anchor is '{anchor}'; "
                                          f"also set size.anchor: {other}, or override {'.'.join(driver)} too")])


def _merged_key(key: str, data: dict) -> str:
    """Name items as an overlay does ('breakdowns.region.items.Europe'), not by their list position."""
    def name(m: re.Match) -> str:
        split = data["breakdowns"][int(m[1])]
        return f"breakdowns.{split['id']}.items.{split['items'][int(m[2])]['name']}"

    key = re.sub(r"^breakdowns\[(\d+)\]\.items\[(\d+)\]", name, key)
    key = re.sub(r"(\.items\.[^.]+\.cagr)\.rate$", r"\1", key)  # the overlay sets the rate as `cagr`
    return f"overrides.{key}" if key.split(".")[0] in ALLOWED else key


def merged(raw: dict, overrides: dict, source: Path, note: Callable[[tuple], str]) -> dict:
    """The raw market mapping with overrides written in (Params is frozen); a key that may not be set blames source."""
    problems: list[tuple[str, str]] = []
    raw = current(raw)
    leaves = _leaves(migrate_overrides(overrides), ALLOWED, raw, (), problems)
    if problems:
        raise ParamsError(source, problems)
    data = copy.deepcopy(raw)
    _apply(data, leaves, note)
    _check_idle(data["size"].get("anchor", "endpoints"), [path for path, _ in leaves], source)
    return data


def validated(data: dict, source: Path) -> Params:
    """Validate a merged mapping as the file is validated, naming overridden keys as the overrides wrote them."""
    try:
        return parse_params(data, source)
    except ParamsError as exc:
        raise ParamsError(source, [(_merged_key(k, data), r) for k, r in exc.problems]) from None


def _share_sum(b: Breakdown) -> float | None:
    """The items' stated shares added up, or None when they refer to different years (the audit's question then)."""
    shared = [i for i in b.items if i.share is not None]
    if len({i.year or b.year for i in shared}) > 1:
        return None
    return sum(i.share for i in shared)


def check_splits(published: Params, case: Params, source: Path) -> None:
    """A scenario that moves a share keeps its split whole: no split over 100 %, a full one still at 100 %.

    The report's audit judges the market file as published, so this is where a scenario's own split is judged.
    """
    tolerance = published.audit.share_tolerance_pp / 100 + 1e-12
    problems = []
    for before, after in zip(published.breakdowns, case.breakdowns, strict=True):
        was, now = _share_sum(before), _share_sum(after)
        if [i.share for i in before.items] == [i.share for i in after.items] or was is None or now is None:
            continue
        if now > 1 + tolerance or (abs(was - 1) <= tolerance < abs(now - 1)):
            problems.append((f"overrides.breakdowns.{after.id}.items",
                             f"{after.label}: the items' shares add up to {pct(now)} with this scenario's shares "
                             f"({pct(was)} in the market file); a scenario keeps a split whole, so move another "
                             f"item's share with it"))
    if problems:
        raise ParamsError(source, problems)
