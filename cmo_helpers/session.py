"""What a notebook's first code cell calls: load the market once, display-ready."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .params import Params, load_params


def load(params_file: str | Path, scenario: str = "base") -> Params:
    """Params for one notebook run: a market file, with a scenario overlay unless 'base'."""
    pd.set_option("display.max_columns", 50)
    p = load_params(params_file)
    if scenario != "base":
        from .scenarios import apply_scenario

        p = apply_scenario(p, params_file, scenario)
    return p
