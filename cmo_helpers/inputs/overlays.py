"""Scenario overlays: a few changed assumptions on a market file, checked as strictly as the file.

An overlay lives in ``<params dir>/scenarios/<market slug>/<name>.yaml``; the market file itself
is the scenario called 'base'. Every figure an overlay sets becomes 'assumed' with the overlay's
rationale, so tables and charts label it without further work. Format: params/scenarios/README.md.
"""
from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr, ValidationError

from ..core.errors import ParamsError
from ..core.formatting import pct
from ..core.paths import resolve_params, scenario_folder
from .breakdown_items import Breakdown
from .fields import Line, Strict, Text
from .load import load_params, read_yaml
from .market_file import Params
from .migrate import current, migrate_overrides
from .params import key_path, parse_params, problem

BASE = "base"
NAME_PATTERN = r"[a-z0-9][a-z0-9-]*"
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


class Overlay(Strict):
    """One scenario file: what it changes, and why, in our own words."""

    title: Line = Field(min_length=1)
    rationale: Text = Field(min_length=1)
    overrides: dict[str, Any] = Field(min_length=1)
    _path: Path = PrivateAttr(default=Path())

    @property
    def path(self) -> Path:
        return self._path


def load_overlay(path: str | Path) -> Overlay:
    """Read one overlay file, so a malformed one fails before any market is touched."""
    path = Path(path)
    data = read_yaml(path)
    if path.stem == BASE or not re.fullmatch(NAME_PATTERN, path.stem):
        raise ParamsError(path, [("", f"'{path.stem}' cannot name a scenario: use lowercase letters, digits "
                                      f"and hyphens, and not '{BASE}', which is the market file itself")])
    return parse_overlay(data, path)


def parse_overlay(data: Any, path: Path) -> Overlay:
    """Validate an overlay's mapping, naming `path` and the key in every problem."""
    try:
        overlay = Overlay.model_validate(data)
    except ValidationError as exc:
        raise ParamsError(path, [(key_path(e["loc"]), problem(e)) for e in exc.errors()]) from None
    overlay._path = path
    return overlay


def scenario_dir(params_file: str | Path) -> Path:
    """Where a market's overlays live, next to its params file, so any params folder works."""
    return _folder(resolve_params(params_file), load_params(params_file).market.slug)


def scenario_names(params_file: str | Path) -> list[str]:
    """The market's scenarios other than 'base', sorted; empty when it has none."""
    return _names(scenario_dir(params_file))


def overlays(params_file: str | Path) -> dict[str, Overlay]:
    """Every overlay of a market by name, for tables that quote titles and rationales."""
    folder = scenario_dir(params_file)
    return {name: load_overlay(folder / f"{name}.yaml") for name in _names(folder)}


def cases(path: Path, raw: dict, p: Params) -> tuple[dict[str, Overlay], dict[str, Params]]:
    """Every overlay and every case of a market ('base' first) from one read of its file."""
    found = {name: load_overlay(_folder(path, p.market.slug) / f"{name}.yaml")
             for name in _names(_folder(path, p.market.slug))}
    every = {name: scenario_case(raw, overlay) for name, overlay in found.items()}
    for name, case in every.items():
        check_splits(p, case, found[name].path)
    return found, {BASE: p, **every}


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


def check_name(path: Path, p: Params, name: str) -> None:
    """Refuse an unknown scenario name with the list of the market's scenarios."""
    folder = _folder(path, p.market.slug)
    names = _names(folder)
    if name != BASE and name not in names:
        hint = difflib.get_close_matches(name, names, n=1)
        tip = f"did you mean '{hint[0]}'? " if hint else ""
        raise ParamsError(folder, [("scenario", f"no scenario '{name}'; {tip}available: {', '.join([BASE, *names])}")])


def all_scenarios(params_file: str | Path) -> dict[str, Params]:
    """Every scenario of a market, 'base' first, so comparisons read from the market outwards."""
    path = resolve_params(params_file)
    raw = read_yaml(path)
    return cases(path, raw, parse_params(raw, path))[1]


def validate_scenarios(params_file: str | Path) -> None:
    """Raise ParamsError for the first bad overlay, so nothing renders on a broken scenario."""
    all_scenarios(params_file)


def _folder(params_path: Path, slug: str) -> Path:
    return scenario_folder(params_path, slug)


def _names(folder: Path) -> list[str]:
    return sorted(f.stem for f in folder.glob("*.yaml"))


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


def scenario_case(raw: dict, overlay: Overlay) -> Params:
    """Merge an overlay file and validate again, blaming the overlay file."""
    why = f"{overlay.title} scenario: {overlay.rationale}"
    return validated(merged(raw, overlay.overrides, overlay.path, lambda path: why), overlay.path)
