"""The source audit: test a source's figures against each other before a client does. Findings only.

Each family of checks has its module (growth, history, sums, claims, sources); this one runs them all
in a fixed order.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .audit_claims import check_claims, check_scale_claims
from .audit_growth import check_cagr, check_item_cagr, check_rollup, check_volume
from .audit_history import check_other_cagrs, check_totals
from .audit_sources import check_twins, check_years
from .audit_sums import check_items_total, check_parents, check_shares, check_stated_values

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from .audit_finding import Finding

RULES: tuple[Callable[[Params], list[Finding]], ...] = (
    check_cagr, check_other_cagrs, check_totals, check_shares, check_stated_values, check_item_cagr,
    check_items_total, check_parents, check_claims, check_rollup, check_years, check_scale_claims, check_volume,
    check_twins,
)


def run_audit(p: Params) -> list[Finding]:
    """Every rule's findings in a fixed order, so reports and the CLI list them alike."""
    return [finding for rule in RULES for finding in rule(p)]


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings that make a report unfit to send without a fix or a caveat."""
    return [f for f in findings if f.severity == "error"]
