"""The explorer's state saved as a scenario overlay: checked as a hand-written one is, then written whole."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import atomic
from ..core.errors import ParamsError
from ..core.paths import scenario_folder
from ..inputs import overlays, override_merge
from ..inputs.migrate import to_yaml
from . import controls

if TYPE_CHECKING:
    from ..inputs.session import Market

HEADER = "# Written by the cmo-reports explorer from {market}. Every figure set here is our assumption.\n"


def target(m: Market, name: str) -> Path:
    """Where overlay `name` of this market lives; a name a scenario cannot take is refused with the rule."""
    folder = scenario_folder(m.path, m.published.market.slug)
    if name == overlays.BASE or not re.fullmatch(overlays.NAME_PATTERN, name):
        raise ParamsError(folder, [("name", f"'{name}' cannot name a scenario: use lowercase letters, digits and "
                                            f"hyphens, and not '{overlays.BASE}', which is the market file itself")])
    return folder / f"{name}.yaml"


def text(m: Market, c: controls.Controls, title: str, rationale: str) -> str:
    """The overlay file's text: a note on where it came from, then title, rationale and overrides."""
    body = {"title": title.strip(), "rationale": rationale.strip(), "overrides": controls.overrides(m, c)}
    return HEADER.format(market=m.path.name) + to_yaml(body)


def save(m: Market, c: controls.Controls, name: str, title: str, rationale: str, replace: bool = False) -> Path:
    """Write the overlay if it validates as a scenario file would; never over another scenario unless asked."""
    path, title, rationale = target(m, name), title.strip(), rationale.strip()
    if path.exists() and not replace:
        raise ParamsError(path, [("name", f"scenario '{name}' exists; choose another name or replace it")])
    moved = controls.overrides(m, c)
    if not moved:
        raise ParamsError(path, [("overrides", "nothing is moved from the starting case; move a slider first")])
    overlay = overlays.parse_overlay({"title": title, "rationale": rationale, "overrides": moved}, path)
    override_merge.check_splits(m.published, overlays.scenario_case(m.raw, overlay), path)
    return atomic.write_text(path, text(m, c, title, rationale))
