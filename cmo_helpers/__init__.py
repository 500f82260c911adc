"""Helpers behind the cmo-reports notebooks: params, model, tables, charts, text, rendering.

Names load on first use, so `cmo-report` can find a run up to date without importing pandas.
"""
from __future__ import annotations

import importlib

_MODULES = {"audit", "audit_view", "breakdowns", "charts", "forecast", "narrative", "scenario_charts", "scenario_view",
            "scenarios", "sections", "sensitivity", "tables"}
_NAMES = {"Market": "session", "Params": "params", "load_params": "params", "load": "session"}

__all__ = sorted([*_MODULES, *_NAMES])


def __getattr__(name: str):
    if name in _MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _NAMES:
        return getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
