"""The few market figures a manifest and the collection index show, read through the model's own functions.

The executive summary's headline box carries them out of the kernel as output metadata (KEY), so the
export reads them from the executed notebook and never imports the model (or pandas); a notebook set
without that box falls back to computing them here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import rate_decimals, unit_label, value_decimals
from . import audit, forecast

if TYPE_CHECKING:
    from ..inputs.market_file import Params

KEY = "cmo-headline"  # output metadata of the executive summary's headline box


def verdict(source: Params) -> str:
    """'fail' when the published figures contradict each other, 'warn' for softer findings, else 'pass'."""
    severities = {f.severity for f in audit.run_audit(source)}
    return "fail" if "error" in severities else "warn" if "warning" in severities else "pass"


def headline(source: Params, shown: Params) -> dict:
    """Name, years, first and last total, growth rate and audit verdict of one report.

    `source` is the market file as published (what the audit judges); `shown` is what the report
    shows, the market under its scenario.
    """
    total = forecast.totals(shown)
    return {
        "name": shown.market.name,
        "unit": unit_label(shown.market),
        "start_year": int(total.index[0]),
        "start_value": float(total.iloc[0]),
        "end_year": int(total.index[-1]),
        "end_value": float(total.iloc[-1]),
        "cagr": float(forecast.anchor_rate(shown)),
        "value_decimals": value_decimals(shown),  # so the collection index shows the report's digits
        "rate_decimals": rate_decimals(shown),
        "audit": verdict(source),
    }
