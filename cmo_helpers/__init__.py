"""Helpers behind the cmo-reports notebooks: params, model, tables, charts, text, rendering."""
from . import audit, audit_view, breakdowns, charts, forecast, narrative, scenario_charts, scenario_view, scenarios, sections, sensitivity, tables
from .params import Params, load_params
from .session import Market, load

__all__ = ["Market", "Params", "audit", "audit_view", "breakdowns", "charts", "forecast", "load", "load_params", "narrative",
           "scenario_charts", "scenario_view", "scenarios", "sections", "sensitivity", "tables"]
