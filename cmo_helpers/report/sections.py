"""Whole breakdown sections for the notebooks: one call shows every breakdown of a kind in reading order."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown, display

from ..core.escape import md
from ..model import breakdowns as bd
from . import size_charts, size_tables, size_text, split_charts, split_tables, split_text

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown
    from ..inputs.market_file import Params

EMPTY = {"cmo": {"empty_section": True}}  # output metadata: export leaves such a section out of the client's report


def show_breakdown(p: Params, b: Breakdown, heading: bool = True) -> None:
    """A breakdown's summary, what the source gives, its shares and its values over time."""
    if heading:
        display(Markdown(f"## {md(b.label)}"))
    for view in (split_text.breakdown_summary(p, b), split_tables.breakdown_table(p, b),
                 split_tables.history_table(p, b), split_charts.share_chart(p, b),
                 split_tables.breakdown_values_table(p, b), split_charts.stacked_chart(p, b)):
        if view is not None:
            display(view)


def _show(p: Params, group: list[Breakdown], missing: str) -> None:
    if not group:
        display(Markdown(f"_{missing}_"), metadata=EMPTY)
    for b in group:
        show_breakdown(p, b)


def service_split(p: Params) -> None:
    """The first breakdown by anything but geography: the service (or product) split."""
    _show(p, bd.segments(p)[:1], "The source gives no breakdown by service, product or segment.")


def regional_split(p: Params) -> None:
    """Every geographic breakdown: regions, then countries within them."""
    _show(p, bd.geographic(p), "The source gives no regional breakdown.")


def further_breakdowns(p: Params) -> None:
    """Any other breakdowns the source gives, in the order of the params file."""
    _show(p, bd.segments(p)[1:], "The source gives no further breakdowns.")


def volume(p: Params) -> None:
    """The second series in another unit, under its own heading; nothing when the source gives none."""
    if p.volume is None:
        return
    display(Markdown(f"## Volume ({md(p.volume.unit)})"))
    for view in (size_text.volume_summary(p), size_tables.volume_table(p), size_charts.volume_chart(p)):
        display(view)
