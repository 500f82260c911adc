"""The report as a slide deck (`--to pptx`): a title slide, the key figures, then one slide per chart.

Each chart slide is titled with what the chart shows (its takeaway), carries the caption's source line as a
footnote and the source's own words in the speaker notes. Bar and line charts are native PowerPoint charts, with the
drawn values and colours (editable in PowerPoint); other charts are the report's own PNG.
"""
from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import atomic
from ..core.brand import DEFAULT, Brand
from ..core.formatting import long_date, number, pct
from ..core.report_date import report_date
from ..core.reproducible import fix_zip_times
from ..model.breakdowns import REST
from ..model.provenance import cite
from ..report import chart_images

if TYPE_CHECKING:
    from ..inputs.market_file import Params

WIDTH, HEIGHT = 13.333, 7.5  # inches: a 16:9 slide
GREY = "666677"
NATIVE = {"bar", "barh", "stacked", "line"}


def file_name(p: Params) -> str:
    return f"{p.market.slug}-slides.pptx"


def _decimals(values: Iterable[float]) -> int:
    largest = max((abs(v) for v in values), default=0.0)
    return 2 if largest < 10 else 0 if largest >= 100_000 else 1


def _by_series(rows: list[list]) -> dict[str, dict]:
    """Series name -> category -> value, in drawing order."""
    found: dict[str, dict] = defaultdict(dict)
    for series, category, value, *_ in rows:
        found[series][category] = value
    return dict(found)


def takeaway(data: dict) -> str:
    """One sentence a slide title can carry: what the chart shows, in the chart's own figures."""
    rows, unit, kind = data["rows"], data.get("unit") or "", data.get("kind")
    head = data["title"].split(":")[0].split(",")[0]
    d = _decimals(r[4] for r in rows)
    if kind == "barh":  # shares: the largest item the source names (the unitemised rest is no item)
        top = max([r for r in rows if r[1] != REST] or rows, key=lambda r: r[2])
        return f"{top[1]} is the largest {head.lower()} at {number(top[2], 1)}%"
    if kind == "tornado":
        ends: dict[str, list[float]] = defaultdict(list)
        for r in rows:
            ends[r[1]].append(r[4])
        driver = max(ends, key=lambda k: max(ends[k]) - min(ends[k]))
        return f"{driver} moves the {head.removeprefix('What moves the ')} most: {number(min(ends[driver]), d)} " \
               f"to {number(max(ends[driver]), d)} {unit.split(', ')[-1]}"
    totals: dict = defaultdict(float)
    for r in rows:
        if kind == "stacked" or r[0] == rows[0][0]:
            totals[r[1]] += r[2]
    years = sorted(totals)
    first, last = totals[years[0]], totals[years[-1]]
    verb = "grows" if last >= first else "falls"
    head = f"{head}: the total" if kind == "stacked" else head
    line = f"{head} {verb} from {number(first, d)} in {years[0]} to {number(last, d)} in {years[-1]} ({unit})"
    if kind == "line" and len(_by_series(rows)) > 2:
        ends = [v[years[-1]] for v in _by_series(rows).values() if years[-1] in v]
        line = f"{head}: {years[-1]} ends between {number(min(ends), d)} and {number(max(ends), d)} ({unit})"
    return line


def quotes(p: Params) -> list[str]:
    """The source's words for each sourced figure, with its citation, for the speaker notes."""
    figures = [p.size.base, p.size.end, p.size.cagr, *p.totals]
    for b in p.breakdowns:
        for item in b.items:
            figures += [item, item.share, item.value, item.cagr]
    found = [f"\u201c{f.quote}\u201d {cite(p, f.source)}" for f in figures
             if f is not None and getattr(f, "quote", None) and getattr(f, "source", None)]
    return list(dict.fromkeys(found))


def _text(slide, text: str, left: float, top: float, width: float, height: float, size: float,
          colour: str = "1D2630", bold: bool = False, brand: Brand = DEFAULT) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    frame = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height)).text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, brand.font
    run.font.color.rgb = RGBColor.from_string(colour)


def _heading(brand: Brand) -> str:
    """Titles and key figures in the brand's primary colour, as python-pptx spells it."""
    return brand.primary[1:].upper()


def _logo(slide, brand: Brand) -> None:
    """The brand's logo at the title slide's top left."""
    from pptx.util import Inches

    from . import chart_files

    slide.shapes.add_picture(io.BytesIO(chart_files.logo_png(brand)), Inches(0.8), Inches(0.6), height=Inches(0.9))


def _native(slide, data: dict, colours: list[str], brand: Brand = DEFAULT) -> None:
    """The chart redrawn by PowerPoint from its values, in the report's colours."""
    from pptx.chart.data import CategoryChartData
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    kind = data["kind"]
    share = (data.get("unit") or "").endswith("(%)")
    rows = data["rows"]
    categories = list(dict.fromkeys(r[1] for r in rows))
    series = _by_series(rows)
    if kind == "bar":  # markers on bars (a stated value) are notes on the chart, not series
        series = {name: v for name, v in series.items() if len(v) * 2 >= len(categories)}
    scale = 100 if share else 1
    number_format = "0.0%" if share else "#,##0" + ("." + "0" * _decimals(r[2] for r in rows)).rstrip(".")
    chart_data = CategoryChartData(number_format=number_format)
    chart_data.categories = [str(c) for c in categories]
    for name, values in series.items():
        chart_data.add_series(name, [values[c] / scale if c in values else None for c in categories])
    kinds = {"bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "barh": XL_CHART_TYPE.BAR_CLUSTERED,
             "stacked": XL_CHART_TYPE.COLUMN_STACKED, "line": XL_CHART_TYPE.LINE_MARKERS}
    chart = slide.shapes.add_chart(kinds[kind], Inches(0.6), Inches(1.45), Inches(WIDTH - 1.2), Inches(5.0),
                                   chart_data).chart
    chart.font.size, chart.font.name = Pt(11), brand.font
    chart.has_title = False  # the slide's title says what the chart shows
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    chart.value_axis.tick_labels.number_format = number_format
    chart.value_axis.tick_labels.number_format_is_linked = False
    chart.value_axis.has_major_gridlines = False
    drawn = {(r[0], r[1]): colour for r, colour in zip(rows, colours, strict=False)}
    plot = chart.plots[0]
    if kind != "line":
        plot.gap_width = 40
        plot.has_data_labels = kind != "stacked"
        if plot.has_data_labels:
            plot.data_labels.number_format, plot.data_labels.number_format_is_linked = number_format, False
            plot.data_labels.font.size = Pt(10)
    for shown, name in zip(plot.series, series, strict=True):
        for point, category in zip(shown.points, categories, strict=True):
            colour = drawn.get((name, category))
            if colour and kind != "line":
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = RGBColor.from_string(colour[1:])
        first = next((drawn[(name, c)] for c in categories if (name, c) in drawn), None)
        if first and kind == "line":
            shown.format.line.color.rgb = RGBColor.from_string(first[1:])
            shown.smooth = False


def _chart_slide(prs, output: dict, png: Path, notes: str, brand: Brand = DEFAULT) -> None:
    from pptx.util import Inches

    meta = output["metadata"][chart_images.KEY]
    data = meta["data"]
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _text(slide, takeaway(data), 0.5, 0.35, WIDTH - 1.0, 1.0, 24, _heading(brand), bold=True, brand=brand)
    if data.get("kind") in NATIVE:
        _native(slide, data, data.get("colours", []), brand)
    else:
        picture = slide.shapes.add_picture(str(png), Inches(0.6), Inches(1.45), height=Inches(5.0))
        if picture.width > Inches(WIDTH - 1.2):  # a wide chart fits the width instead, keeping its proportions
            picture.height = int(picture.height * Inches(WIDTH - 1.2) / picture.width)
            picture.width = Inches(WIDTH - 1.2)
        picture.left = int((Inches(WIDTH) - picture.width) / 2)
    caption = meta["caption"]
    source = caption[caption.find("Source:"):] if "Source:" in caption else caption
    _text(slide, source, 0.5, HEIGHT - 0.75, WIDTH - 1.0, 0.5, 10, GREY, brand=brand)
    slide.notes_slide.notes_text_frame.text = f"{caption}\n\n{notes}"


def write(notebooks: list[Path], folder: Path, p: Params, figures: dict | None, brand: Brand = DEFAULT) -> Path:
    """The deck beside the report, built from the executed notebooks' charts and the headline figures."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
    prs.core_properties.title = p.market.name
    words = quotes(p)
    said = "\n".join(["The source's words:", *words]) if words else "No source is quoted: analyst assumptions."
    title = prs.slides.add_slide(prs.slide_layouts[6])
    _text(title, p.market.name, 0.8, 2.3, WIDTH - 1.6, 1.6, 36, _heading(brand), bold=True, brand=brand)
    _text(title, f"Market analysis: size, growth, segments and regions, {p.size.base.year}\u2013{p.size.end.year}",
          0.8, 4.0, WIDTH - 1.6, 0.6, 18, brand=brand)
    _text(title, f"{p.market.geography} \u00b7 {long_date(report_date())}", 0.8, 4.7, WIDTH - 1.6, 0.5, 14,
          GREY, brand=brand)
    if brand.logo:
        _logo(title, brand)
    title.notes_slide.notes_text_frame.text = said
    if figures:
        _key_figures(prs, figures, said, brand)
    for n, output in enumerate(chart_images.chart_outputs(notebooks), 1):
        if "data" in output["metadata"][chart_images.KEY]:
            png = folder / "charts" / f"{n:02d}-{output['metadata'][chart_images.KEY]['name']}.png"
            _chart_slide(prs, output, png, said, brand)
    path = folder / file_name(p)
    with atomic.replacing(path) as partial:
        prs.save(partial)
        fix_zip_times(partial)  # the same inputs give the same bytes
    return path


def _key_figures(prs, f: dict, notes: str, brand: Brand = DEFAULT) -> None:
    """Four figures a reader remembers: the two ends of the forecast, the yearly growth and the multiple."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _text(slide, "Key figures", 0.5, 0.35, WIDTH - 1.0, 1.0, 28, _heading(brand), bold=True, brand=brand)
    d, unit = f["value_decimals"], f["unit"]
    start, end = f["start_year"], f["end_year"]
    boxes = [(f"Market size {start}", number(f["start_value"], d), unit),
             (f"Market size {end}", number(f["end_value"], d), unit),
             (f"Growth a year, {start}\u2013{end}", pct(f["cagr"], f["rate_decimals"]), "compounded"),
             ("Growth multiple", f"{number(f['end_value'] / f['start_value'], 1)}\u00d7", f"{end} over {start}")]
    width = (WIDTH - 1.0) / len(boxes)
    for n, (label, value, note) in enumerate(boxes):
        left = 0.5 + n * width
        _text(slide, label, left, 2.4, width - 0.2, 0.5, 14, GREY, brand=brand)
        _text(slide, value, left, 2.9, width - 0.2, 1.0, 40, _heading(brand), bold=True, brand=brand)
        _text(slide, note, left, 4.0, width - 0.2, 0.5, 14, GREY, brand=brand)
    slide.notes_slide.notes_text_frame.text = notes
