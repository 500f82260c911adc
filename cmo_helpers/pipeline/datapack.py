"""The report's figures as data: every table and chart series from the executed notebooks, as a workbook and CSVs.

Read from the notebooks' outputs, so the data pack always holds exactly the tables and charts the
report shows, whatever builds them (`pack_contents`); written as a workbook (`pack_workbook`) and as
CSVs (`pack_csvs`).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.brand import DEFAULT, Brand
from ..core.formatting import long_date, source_line, unit_label
from ..core.report_date import report_date
from .pack_contents import charts, tables
from .pack_csvs import write_csvs
from .pack_workbook import Pack, write_workbook

if TYPE_CHECKING:
    from ..inputs.market_file import Params


def assumption_reasons(p: Params, overlays: dict) -> dict[str, str]:
    """Each assumed item's and scenario's rationale by the name its table rows carry."""
    found = {o.title: o.rationale for o in overlays.values()}
    for b in p.breakdowns:
        for item in b.items:
            why = item.rationale or next((f.rationale for f in (item.share, item.value, item.cagr)
                                          if getattr(f, "rationale", None)), None)
            if why:
                found[item.name] = why
    return found


def file_name(p: Params) -> str:
    """The workbook's name, after the market's slug, so the packs of several markets never collide."""
    return f"{p.market.slug}-data.xlsx"


def write(notebooks: list[Path], folder: Path, p: Params,
          reasons: dict[str, str] | None = None, brand: Brand = DEFAULT) -> Path:
    """The workbook beside the report and the same tables as CSVs in data/; returns the workbook."""
    found = tables(notebooks)
    unit = unit_label(p.market)
    write_csvs(found, folder / "data", p.market.name)
    pack = Pack(p.market.name, unit, long_date(report_date()), [source_line(s) for s in p.sources],
                reasons or {}, brand)
    return write_workbook(found, charts(notebooks), pack, folder / file_name(p))
