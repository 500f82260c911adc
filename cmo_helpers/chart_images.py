"""Charts as notebook image outputs (for Lab and nbconvert) and back into captioned figures and chart files."""
from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import nbformat

from . import escape

KEY = "cmo-chart"  # output metadata: {"name", "caption"} on the image, {"caption_of": name} on its caption
PNG, SVG = "image/png", "image/svg+xml"
PNG_DPI = 200


def slug(title: str, limit: int = 48) -> str:
    """A file-name-safe, readable stem from a chart title (params text never reaches the file system raw)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", title.lower()) if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return words[:limit].rsplit("-", 1)[0] if len(words) > limit else words or "chart"


def image_output(png: bytes, svg: str, alt: str, caption: str, name: str,
                 data: dict | None = None) -> tuple[dict, dict]:
    """The image bundle and metadata a notebook keeps: PNG shown at 100 dpi, SVG for vector tools, alt on both.

    `data` ({"unit", "columns", "rows"}) is the chart's series, which the data pack turns into a sheet.
    """
    width = int.from_bytes(png[16:20], "big") * 100 // PNG_DPI  # pixel width from the PNG header
    bundle = {PNG: base64.b64encode(png).decode("ascii"), SVG: svg, "text/plain": alt}
    chart = {"name": name, "caption": caption, **({"data": data} if data else {})}
    return bundle, {PNG: {"alt": alt, "width": width}, SVG: {"alt": alt}, KEY: chart}


def caption_output(caption: str, name: str) -> tuple[dict, dict]:
    """The caption under the chart in Lab; export folds it into the figure instead."""
    return {"text/markdown": f"*{escape.md(caption)}*", "text/plain": caption}, {KEY: {"caption_of": name}}


def figure_html(output: dict) -> str:
    """A self-contained captioned figure (PNG data URI, alt text) from a chart's image output."""
    alt, caption = output["metadata"][PNG]["alt"], output["metadata"][KEY]["caption"]
    return (
        '<figure class="cmo-chart" style="margin: 0.5em 0 1.2em 0;">'
        f'<img src="data:image/png;base64,{output["data"][PNG]}" alt="{escape.html(alt)}" style="max-width: 100%;"/>'
        f'<figcaption style="font-size: 0.85em; color: #555;">{escape.html(caption)}</figcaption></figure>'
    )


def as_figures(outputs: Iterable[dict]) -> list[dict]:
    """Cell outputs with each chart turned into an HTML figure and its separate caption dropped."""
    kept = []
    for output in outputs:
        meta = output.get("metadata", {}).get(KEY, {})
        if "caption_of" in meta:
            continue
        if "name" in meta:
            output = nbformat.from_dict({**output, "data": {"text/html": figure_html(output)}, "metadata": {}})
        kept.append(output)
    return kept


def chart_outputs(notebooks: Iterable[Path]) -> Iterator[dict]:
    """Every chart's image output, in reading order."""
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                if "name" in output.get("metadata", {}).get(KEY, {}):
                    yield output


def write_chart_files(notebooks: Iterable[Path], folder: Path) -> list[Path]:
    """Each chart as NN-title.svg and NN-title.png, numbered in reading order so names are stable."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, output in enumerate(chart_outputs(notebooks), 1):
        stem = f"{n:02d}-{output['metadata'][KEY]['name']}"
        svg, png = folder / f"{stem}.svg", folder / f"{stem}.png"
        svg.write_text(output["data"][SVG], encoding="utf-8")
        png.write_bytes(base64.b64decode(output["data"][PNG]))
        written += [svg, png]
    return written
