"""Helpers behind the cmo-reports notebooks: `import cmo_helpers as cmo`, then `cmo.load(...)`, `cmo.size_charts`, ...

The package is layered; imports only point down (import-linter holds this, see pyproject.toml):

    cli  ->  pipeline | drafting | typeset  ->  report  ->  model  ->  inputs  ->  core

Names load on first use, so a kernel imports only what its notebook calls and `cmo-report` can find
a run up to date without importing pandas.
"""
from __future__ import annotations

import importlib

# The notebooks' face: a short name for each module a notebook (or an analyst in Lab) calls, and the loader.
_MODULES = {
    "audit": "model.audit", "breakdowns": "model.breakdowns", "compare": "model.comparison",
    "forecast": "model.forecast", "sensitivity": "model.sensitivity", "scenarios": "inputs.overlays",
    "explorer": "explore.widgets",
    "heading": "report.heading", "summary_view": "report.summary_view",
    "size_tables": "report.size_tables", "size_charts": "report.size_charts", "size_text": "report.size_text",
    "split_tables": "report.split_tables", "split_charts": "report.split_charts", "split_text": "report.split_text",
    "sections": "report.sections", "audit_view": "report.audit_view", "scenario_charts": "report.scenario_charts",
    "scenario_view": "report.scenario_view", "sources_view": "report.sources_view", "also_says": "report.also_says",
    "compare_view": "report.compare_view", "compare_charts": "report.compare_charts",
    "compare_editions": "report.compare_editions", "compare_publishers": "report.compare_publishers",
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
