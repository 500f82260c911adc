"""Helpers behind the cmo-reports notebooks: `import cmo_helpers as cmo`, then `cmo.load(...)`, `cmo.charts`, ...

The package is layered; imports only point down (import-linter holds this, see pyproject.toml):

    cli  ->  pipeline | drafting | typeset  ->  report  ->  model  ->  inputs  ->  core

Names load on first use, so a kernel imports only what its notebook calls and `cmo-report` can find
a run up to date without importing pandas.
"""
from __future__ import annotations

import importlib

# The notebooks' face: a short name for each module a notebook calls, and the loader.
_MODULES = {
    "audit": "model.audit", "breakdowns": "model.breakdowns", "compare": "model.comparison",
    "compare_charts": "report.compare_charts", "compare_view": "report.compare_view", "forecast": "model.forecast",
    "sensitivity": "model.sensitivity", "scenarios": "inputs.overlays", "explorer": "explore.widgets",
    "audit_view": "report.audit_view", "charts": "report.charts", "narrative": "report.narrative",
    "scenario_charts": "report.scenario_charts", "scenario_view": "report.scenario_view",
    "sections": "report.sections", "tables": "report.tables", "also_says": "report.also_says",
}
_NAMES = {"Market": "inputs.session", "load": "inputs.session", "Params": "inputs.market_file",
          "load_params": "inputs.load"}

__all__ = sorted([*_MODULES, *_NAMES])


def __getattr__(name: str):
    if name in _MODULES:
        return importlib.import_module(f".{_MODULES[name]}", __name__)
    if name in _NAMES:
        return getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
