"""What a notebook's first code cell calls: the market, with its scenario applied."""
from __future__ import annotations

from pathlib import Path

from .params import Params, load_params
from .scenarios import apply_scenario


def load(params_file: str | Path, scenario: str = "base") -> Params:
    """Params for one notebook run: a market file, with a scenario overlay unless 'base'."""
    p = load_params(params_file)
    return p if scenario == "base" else apply_scenario(p, params_file, scenario)
