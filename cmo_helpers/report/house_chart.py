"""The house chart: one rc style and the brand's palette and font, captions naming the sources, SVG outputs.

Assumed figures are hatched and labelled; values match the tables (see size_charts, split_charts).
"""
from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure

from ..core import brand
from ..core.formatting import number
from ..model.provenance import cite, quoted_years, total_text
from . import chart_images, chart_series
from .chart_layout import distinct_ticks

if TYPE_CHECKING:
    from ..inputs.market_file import Params

HATCH = "///"
ASSUMED_NOTE = "Hatched: assumed by us, not from a source."
RC = {
    "font.size": 9,
    "text.parse_math": False,  # labels are params text: '$5-$10' is money, '$x^$' must not crash mathtext
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}


@dataclass(frozen=True)
class Colours:
    """The brand's palette in the roles charts give colours: main series, modelled years, the alternative, all."""

    main: str
    modelled: str
    alternative: str
    series: tuple[str, ...]


def colours() -> Colours:
    """The colours of the brand this kernel draws in (today's navy, teal and amber without one)."""
    palette = brand.current().palette
    return Colours(palette[0], palette[1], palette[3], palette)


@dataclass
class Chart:
    """A figure with alt text and caption, shown as an SVG output that keeps both (see chart_images.py)."""

    figure: Figure
    alt: str
    caption: str

    def svg(self) -> str:
        """Vector copy with text kept as text (editable, twice as fast as outlined glyphs); no date: stable files."""
        buf = io.StringIO()
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "cmo-reports"}):
            self.figure.savefig(buf, format="svg", metadata={"Date": None})  # constrained layout: one draw
        return buf.getvalue()

    @property
    def name(self) -> str:
        """Readable file stem from the chart's title."""
        return chart_images.slug(chart_series.title(self.figure) or self.alt)

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        svg = self.svg()  # drawn first, so tick labels are final when the series are read
        data = {"title": chart_series.title(self.figure), "unit": chart_series.value_label(self.figure),
                "columns": chart_series.COLUMNS, "rows": chart_series.series(self.figure),
                "kind": chart_series.kind(self.figure), "colours": chart_series.colours(self.figure)}
        return chart_images.image_output(svg, self.alt, self.caption, self.name, data)

    def _ipython_display_(self) -> None:
        """The chart as an image output, then its caption as text under it."""
        from IPython.display import display

        data, metadata = self._repr_mimebundle_()
        display(data, raw=True, metadata=metadata)
        data, metadata = chart_images.caption_output(self.caption, metadata[chart_images.KEY]["name"])
        display(data, raw=True, metadata=metadata)


def house_style(build: Callable[..., Chart]) -> Callable[..., Chart]:
    """Run a chart builder under the house rc settings and the brand's font, so fonts match on every machine."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs) -> Chart:
        house = brand.current()
        _register(house.font_files)
        with matplotlib.rc_context({**RC, "font.family": house.font}):
            return build(*args, **kwargs)

    return wrapper


@functools.cache
def _register(files: tuple[str, ...]) -> None:
    """A brand's bundled font files, made known to matplotlib once per kernel."""
    from matplotlib import font_manager

    for path in files:
        font_manager.fontManager.addfont(path)


def new_figure(width: float = 7.0, height: float = 3.6) -> tuple[Figure, object]:
    """A pyplot-free figure, so notebooks show each chart once and tests need no display."""
    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    distinct_ticks(ax.yaxis)
    return fig, ax


def total_label(p: Params, year: int, value: float, decimals: int) -> str:
    """A year's total over its bar or line: as the source states it in a year it quotes, else the model's, with
    the decimals the chart's labels fit (chart_layout.label_decimals)."""
    return total_text(p, year, value) if year in quoted_years(p) else number(value, decimals)


def caption(p: Params, text: str, assumed: bool) -> str:
    """Every chart names its sources and, when any bar rests on one, the assumption hatching."""
    sources = ", ".join(f"{cite(p, s.id)} {s.publisher or s.title or ''}".strip() for s in p.sources)
    sources = sources or "analyst assumptions"
    return f"{text} Source: {sources}; model by cmo-reports." + (f" {ASSUMED_NOTE}" if assumed else "")
