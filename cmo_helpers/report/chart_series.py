"""The numbers a chart draws, read back from its bars, lines and markers, so the data pack carries its series."""
from __future__ import annotations

import math
from collections.abc import Iterator

from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

COLUMNS = ["Series", "Category", "Value", "Starts at", "Ends at", "Basis"]


def _label(text: str, fallback: str) -> str:
    """Legend label of an artist; matplotlib's '_child0'-style placeholders mean it has none."""
    return fallback if not text or text.startswith("_") else text


def _ticks(axis) -> dict[float, str]:
    """Tick position -> the label drawn there (years, item names), one line each."""
    locs = list(axis.get_ticklocs())
    labels = axis.get_major_formatter().format_ticks(locs)
    return {round(float(loc), 6): " ".join(str(label).replace("\u00a0", " ").split())
            for loc, label in zip(locs, labels, strict=True)}


def _category(ticks: dict[float, str], position: float) -> str | float:
    label = ticks.get(round(float(position), 6))
    if label:
        return int(label) if label.isdigit() else label
    return int(position) if float(position).is_integer() else float(position)


def _basis(label: str, hatched: bool = False) -> str:
    return "Assumed" if hatched or "(assumed)" in label else ""


def _row(series: str, category, value: float, start: float, basis: str) -> list:
    return [series, category, float(value), float(start), float(start + value), basis]


def title(figure: Figure) -> str:
    ax = figure.axes[0]
    return ax.get_title("left") or ax.get_title() or ax.get_title("right")


def value_label(figure: Figure) -> str:
    """What the values measure, from the value axis: 'USD million', 'Share of market, 2024 (%)'."""
    ax = figure.axes[0]
    horizontal = any(isinstance(c, BarContainer) and c.orientation == "horizontal" for c in ax.containers)
    return (ax.get_xlabel() if horizontal else ax.get_ylabel()) or ""


def _drawn(figure: Figure) -> Iterator[tuple[list, str]]:
    """Each drawn value's row (series, category, value, start, end, basis) with the colour it is drawn in."""
    for ax in figure.axes:
        xticks, yticks = _ticks(ax.xaxis), _ticks(ax.yaxis)
        title = ax.get_title("left") or ax.get_title() or "Bars"
        for container in ax.containers:
            if not isinstance(container, BarContainer):
                continue
            name = _label(container.get_label(), title)
            for bar in container.patches:
                hatched, colour = bool(bar.get_hatch()), to_hex(bar.get_facecolor())
                if container.orientation == "horizontal":
                    where = _category(yticks, bar.get_y() + bar.get_height() / 2)
                    yield _row(name, where, bar.get_width(), bar.get_x(), _basis(name, hatched)), colour
                else:
                    where = _category(xticks, bar.get_x() + bar.get_width() / 2)
                    yield _row(name, where, bar.get_height(), bar.get_y(), _basis(name, hatched)), colour
        for line in ax.get_lines():
            name = line.get_label()
            if name.startswith("_"):
                continue  # reference lines (a base value, an axis marker) carry no series
            for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True):
                yield _row(name, _category(xticks, x), y, 0.0, _basis(name)), to_hex(line.get_color())
        for points in ax.collections:
            name = points.get_label()
            if not isinstance(points, PathCollection) or name.startswith("_"):
                continue
            for x, y in points.get_offsets():
                yield _row(name, _category(xticks, x), y, 0.0, _basis(name)), to_hex(points.get_facecolor()[0])


def _kept(figure: Figure) -> list[tuple[list, str]]:
    return [(r, c) for r, c in _drawn(figure) if not any(isinstance(v, float) and math.isnan(v) for v in r)]


def series(figure: Figure) -> list[list]:
    """One row per drawn value: series, category (tick label), value, where its bar starts and ends, basis."""
    return [row for row, _colour in _kept(figure)]


def colours(figure: Figure) -> list[str]:
    """The colour each row of `series` is drawn in, so a slide redraws the chart in the same colours."""
    return [colour for _row, colour in _kept(figure)]


def kind(figure: Figure) -> str:
    """What the chart draws, so a slide can redraw it natively: bar, barh, stacked, tornado or line."""
    ax = figure.axes[0]
    bars = [b for c in ax.containers if isinstance(c, BarContainer) for b in c.patches]
    if not bars:
        return "line"
    if any(c.orientation == "horizontal" for c in ax.containers if isinstance(c, BarContainer)):
        return "tornado" if any(b.get_x() for b in bars) else "barh"
    return "stacked" if any(b.get_y() for b in bars) else "bar"
