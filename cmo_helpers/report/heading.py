"""The line under every section's heading: the market, its geography, the unit and any scenario."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core.escape import md
from ..core.formatting import unit_label

if TYPE_CHECKING:
    from ..inputs.session import Market


def subtitle(m: Market) -> Markdown:
    """The market, geography, unit and any scenario under each section heading."""
    p = m.shown
    case = "" if m.scenario == "base" else f" \u00b7 **scenario: {md(m.title)}** (our assumptions)"
    return Markdown(f"**{md(p.market.name)}** \u00b7 {md(p.market.geography)} \u00b7 "
                    f"values in {md(unit_label(p.market))}{case}")
