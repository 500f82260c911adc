"""Helpers behind the cmo-reports notebooks: params, model, tables, charts, text, rendering."""
from . import audit, charts, forecast, narrative, scenario_charts, scenarios, sensitivity, splits, tables
from .params import Params, load_params
from .session import load

__all__ = ["Params", "audit", "charts", "forecast", "load", "load_params", "narrative", "scenario_charts", "scenarios", "sensitivity", "splits", "tables"]
