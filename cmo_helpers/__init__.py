"""Helpers behind the cmo-reports notebooks: params, model, tables, charts, text, rendering."""
from .params import Params, load_params

__all__ = ["Params", "load_params"]
