"""Scenario overlays: a few changed assumptions on a market file, checked as strictly as the file.

An overlay lives in ``<params dir>/scenarios/<market slug>/<name>.yaml``; the market file itself
is the scenario called 'base'. Every figure an overlay sets becomes 'assumed' with the overlay's
rationale, so tables and charts label it without further work. Format: params/scenarios/README.md.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr, ValidationError

from ..core.errors import ParamsError
from ..core.paths import resolve_params, scenario_folder
from .fields import Line, Strict, Text
from .load import load_params, read_yaml
from .market_file import Params
from .override_merge import check_splits, merged, validated
from .params import key_path, parse_params, problem

BASE = "base"
NAME_PATTERN = r"[a-z0-9][a-z0-9-]*"


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


def scenario_case(raw: dict, overlay: Overlay) -> Params:
    """Merge an overlay file and validate again, blaming the overlay file."""
    why = f"{overlay.title} scenario: {overlay.rationale}"
    return validated(merged(raw, overlay.overrides, overlay.path, lambda path: why), overlay.path)
