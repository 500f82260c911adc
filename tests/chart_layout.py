"""What a drawn chart shows, measured with matplotlib's own extents: tick labels, value labels, legends and bars."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

SLACK = 0.5  # pixels two boxes may share at an edge (antialiasing), not an overlap a reader sees
GAP = 1.5  # pixels around a text that must stay clear (2 points both sides at 100 dpi), so labels never touch


def value_texts(chart) -> list[str]:
    """The value labels a chart writes on its plot, in drawing order."""
    return [t.get_text() for t in chart.figure.axes[0].texts]


def legend_texts(chart) -> list[str]:
    """The entries of a chart's legend, in order."""
    return [t.get_text() for t in chart.figure.legends[0].get_texts()]


def _box(artist, renderer) -> Bbox:
    return artist.get_window_extent(renderer)


def _overlap(a: Bbox, b: Bbox) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0)) > SLACK and (min(a.y1, b.y1) - max(a.y0, b.y0)) > SLACK


def _drawn_ticks(axis) -> list:
    """Tick labels the axis draws: visible, not empty, inside its view (matplotlib keeps one tick beyond each end)."""
    lo, hi = sorted(axis.get_view_interval())
    pad = (hi - lo) * 1e-9
    return [t for t, loc in zip(axis.get_ticklabels(), axis.get_ticklocs(), strict=True)
            if t.get_visible() and t.get_text() and lo - pad <= loc <= hi + pad]


def tick_labels(fig: Figure) -> dict[str, list[str]]:
    """Every axis' drawn tick labels."""
    return {f"{n}{name}": [t.get_text() for t in _drawn_ticks(axis)]
            for n, ax in enumerate(fig.axes) for name, axis in (("x", ax.xaxis), ("y", ax.yaxis))}


def _texts(fig: Figure, renderer) -> Iterator[tuple[str, Bbox]]:
    """Every text a reader sees with its box: titles, axis labels, tick labels, value labels, legend entries."""
    for ax in fig.axes:
        for t in [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label, *ax.texts,
                  *(label for axis in (ax.xaxis, ax.yaxis) for label in _drawn_ticks(axis))]:
            if t.get_visible() and t.get_text().strip():
                yield t.get_text(), _box(t, renderer)
    for legend in [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]:
        yield "legend", _box(legend, renderer)


def _bars(fig: Figure, renderer) -> Iterator[tuple[str, Bbox]]:
    for ax in fig.axes:
        for c in ax.containers:
            if isinstance(c, BarContainer):
                for bar in c.patches:
                    if bar.get_width() and bar.get_height():
                        yield f"bar {c.get_label()}", _box(bar, renderer)


def overlaps(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of things drawn on top of each other: two texts, a text and a bar, or a legend and a line."""
    canvas = FigureCanvasAgg(fig)  # a pyplot-free figure has no renderer of its own
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [(t, box.padded(GAP)) for t, box in _texts(fig, renderer)]
    found = [(a, b) for (a, ba), (b, bb) in combinations(texts, 2) if _overlap(ba, bb)]
    found += [(t, bar) for t, tb in texts for bar, bb in _bars(fig, renderer) if _overlap(tb, bb)]
    legends = [_box(legend, renderer) for legend in fig.legends]
    legends += [_box(ax.get_legend(), renderer) for ax in fig.axes if ax.get_legend()]
    for ax in fig.axes:
        for line in ax.get_lines():
            path = line.get_transform().transform(line.get_xydata())
            found += [("legend", f"line {line.get_label()}") for box in legends
                      if any(box.x0 < x < box.x1 and box.y0 < y < box.y1 for x, y in path)]
            if line.get_linestyle() == "None":  # markers alone: none may sit on a label
                size = line.get_markersize() * fig.dpi / 72 / 2
                found += [(t, f"marker {line.get_label()}") for t, box in texts for x, y in path
                          if _overlap(box, Bbox.from_extents(x - size, y - size, x + size, y + size))]
        for points in ax.collections:
            if isinstance(points, PathCollection):  # markers: where they sit
                spots = points.get_offset_transform().transform(points.get_offsets())
                found += [("legend", f"marker {points.get_label()}") for box in legends
                          if any(box.x0 < x < box.x1 and box.y0 < y < box.y1 for x, y in spots)]
            elif isinstance(points, PolyCollection):  # a shaded range
                found += [("legend", f"area {points.get_label()}") for box in legends
                          if any(_overlap(box, p.get_extents(points.get_transform())) for p in points.get_paths())]
    page = fig.bbox
    found += [(t, "edge of the figure") for t, box in texts
              if box.x0 < page.x0 - SLACK or box.y0 < page.y0 - SLACK or box.x1 > page.x1 + SLACK
              or box.y1 > page.y1 + SLACK]
    return found
