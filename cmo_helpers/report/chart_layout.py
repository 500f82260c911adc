"""Chart layout that reads at any scale: distinct tick labels, value labels sized to the data, legends off the data."""
from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import Formatter

from ..core.formatting import number

MAX_DECIMALS = 6
LABEL_DIGITS = 6  # a value label never shows more digits than this, so labels over narrow bars stay short
LEGEND_SIZE = 8
LABEL_SIZE, SMALLEST_LABEL = 7.5, 6.0  # points
AXIS_ROOM = 70  # points left of the plot for the value axis' ticks and title
MARKER_ROOM = 4  # points between a marker drawn on a bar and the bar's label
LABEL_GAP = 3  # points between two labels moved apart
FILL = 0.88  # share of the bar pitch a label may take


class DistinctTicks(Formatter):
    """Tick labels with thousands separators and the decimals the tick positions need, so no two print alike."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return number(x, self.decimals(self.locs or [x]))

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        self.set_locs(values)
        d = self.decimals(values)
        return [number(v, d) for v in values]

    @staticmethod
    def decimals(values: Sequence[float]) -> int:
        """Fewest decimals that print every tick exactly (0 for 0, 100, 200; 1 for 0.5, 1.0, 1.5; 2 for 2.25)."""
        span = max((abs(v) for v in values), default=1.0) or 1.0
        for d in range(MAX_DECIMALS + 1):
            if all(abs(v - round(v, d)) <= span * 1e-9 for v in values):
                return d
        return MAX_DECIMALS


def distinct_ticks(*axes) -> None:
    """Give each numeric axis the distinct-label formatter."""
    for axis in axes:
        axis.set_major_formatter(DistinctTicks())


def label_decimals(values: Sequence[float], decimals: int) -> int:
    """The table's decimals, fewer for large values (1,234,567 not 1,234,567.0), so labels fit over their bars."""
    largest = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    whole = len(f"{largest:.0f}") if largest >= 1 else 0
    return max(0, min(decimals, LABEL_DIGITS - whole))


def _width(text: str, size: float) -> float:
    """Width of a label in points, from the font's glyphs (no renderer needed)."""
    width, _height, _descent = text_to_path.get_text_width_height_descent(text, FontProperties(size=size), ismath=False)
    return width


def _columns(labels: list[str], space: float, size: float) -> int:
    """Most legend columns whose entries fit across the figure (legends fill column by column)."""
    per_label = [_width(label, size) + 5 * size for label in labels]  # handle, its gap, the column gap, the border
    for ncols in range(len(labels), 1, -1):
        rows, longer = divmod(len(labels), ncols)  # matplotlib's split: the first columns take one entry more
        ends = list(itertools.accumulate([rows + 1] * longer + [rows] * (ncols - longer)))
        columns = [per_label[start:end] for start, end in zip([0, *ends], ends, strict=False) if end > start]
        if sum(max(c) for c in columns) <= space:
            return ncols
    return 1


def bar_labels(ax: Axes, bars: Sequence[tuple[float, float, str]], markers: Sequence[tuple[float, float]] = ()) -> None:
    """Each bar's value over it, small enough to leave a gap to its neighbours (upright when even the smallest size
    would not), and above any marker drawn on the bar."""
    if not bars:
        return
    pitch = (ax.get_figure().get_figwidth() * 72 - AXIS_ROOM) / (len(bars) + 1)
    widest = max(_width(label, LABEL_SIZE) for *_, label in bars)
    size = max(SMALLEST_LABEL, min(LABEL_SIZE, LABEL_SIZE * FILL * pitch / widest))
    upright = widest * size / LABEL_SIZE > FILL * pitch
    tops: dict[float, float] = {}
    for x, y in markers:
        tops[x] = max(tops.get(x, y), y)
    for x, y, label in bars:
        ax.annotate(label, (x, max(y, tops.get(x, y))), xytext=(0, 2 + (MARKER_ROOM if x in tops else 0)),
                    textcoords="offset points", ha="center", va="bottom", fontsize=size, rotation=90 if upright else 0)


def legend_below(fig: Figure, ax: Axes, handles: list | None = None) -> None:
    """The legend under the plot, outside the axes, in as many columns as fit: it never covers a bar, line or label."""
    handles = handles if handles is not None else ax.get_legend_handles_labels()[0]
    labels = [h.get_label() for h in handles]
    space = fig.get_figwidth() * 72 * 0.95
    fig.legend(handles=handles, loc="outside lower center", frameon=False, fontsize=LEGEND_SIZE,
               ncols=_columns(labels, space, LEGEND_SIZE))


def room_for_labels(ax: Axes, axis: str = "x") -> None:
    """Widen the value axis until every value label sits inside the plot, clear of the tick labels beside it."""
    fig = ax.get_figure()
    fig.draw_without_rendering()  # places the axes, so the labels' extents are final
    to_data = ax.transData.inverted()
    lo, hi = ax.get_xlim() if axis == "x" else ax.get_ylim()
    for text in ax.texts:
        box = text.get_window_extent().transformed(to_data)
        lo, hi = (min(lo, box.x0), max(hi, box.x1)) if axis == "x" else (min(lo, box.y0), max(hi, box.y1))
    pad = (hi - lo) * 0.02
    limits = (lo - pad, hi + pad)
    ax.set_xlim(*limits) if axis == "x" else ax.set_ylim(*limits)


def spread_labels(texts: list) -> None:
    """Move end-of-line labels apart vertically, keeping their order, so close values never print on each other."""
    if len(texts) < 2:
        return
    fig = texts[0].get_figure()
    fig.draw_without_rendering()
    boxes = sorted(((t.get_window_extent(), t) for t in texts), key=lambda pair: pair[0].y0)
    points = 72 / fig.dpi
    floor = boxes[0][0].y1
    for box, text in boxes[1:]:
        lift = max(0.0, floor + LABEL_GAP / points - box.y0)
        x, y = text.xyann
        text.xyann = (x, y + lift * points)
        floor = box.y1 + lift
