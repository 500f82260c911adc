"""Charts as notebook SVG outputs (for Lab and nbconvert) and back into captioned figures (files: chart_files).

SVG only: drawing a chart as vector text costs about half of a 200 dpi PNG, and the PDF and pages stay sharp;
the PNG files for slides are drawn from the SVG at export.
"""
from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..core import escape
from . import notebook_outputs

if TYPE_CHECKING:
    from pathlib import Path

KEY = "cmo-chart"  # output metadata: {"name", "caption"} on the image, {"caption_of": name} on its caption
SVG = "image/svg+xml"
FIGURE_CLASS = "cmo-chart"  # a chart's <figure> on the pages (base.css styles it; export finds charts by it)


def slug(title: str, limit: int = 48) -> str:
    """A file-name-safe, readable stem from a chart title (params text never reaches the file system raw)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", title.lower()) if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return words[:limit].rsplit("-", 1)[0] if len(words) > limit else words or "chart"


def image_output(svg: str, alt: str, caption: str, name: str, data: dict | None = None) -> tuple[dict, dict]:
    """The image bundle and metadata a notebook keeps: the SVG, with its alt text as metadata and plain text.

    `data` ({"unit", "columns", "rows"}) is the chart's series, which the data pack turns into a sheet.
    """
    chart = {"name": name, "caption": caption, **({"data": data} if data else {})}
    return {SVG: svg, "text/plain": alt}, {SVG: {"alt": alt}, KEY: chart}


def caption_output(caption: str, name: str) -> tuple[dict, dict]:
    """The caption under the chart in Lab; export folds it into the figure instead."""
    return {"text/markdown": f"*{escape.md(caption)}*", "text/plain": caption}, {KEY: {"caption_of": name}}


def figure_html(output: dict) -> str:
    """A self-contained captioned figure (SVG data URI, so no script or style in it runs; alt text)."""
    alt, caption = output["metadata"][SVG]["alt"], output["metadata"][KEY]["caption"]
    svg = base64.b64encode(output["data"][SVG].encode("utf-8")).decode("ascii")
    return (
        f'<figure class="{FIGURE_CLASS}" style="margin: 0.5em 0 1.2em 0;">'
        f'<img src="data:image/svg+xml;base64,{svg}" alt="{escape.html(alt)}" style="max-width: 100%;"/>'
        f'<figcaption style="font-size: 0.85em; color: #555;">{escape.html(caption)}</figcaption></figure>'
    )


def as_figures(outputs: Iterable[dict]) -> list[dict]:
    """Cell outputs with each chart turned into an HTML figure and its separate caption dropped."""
    import nbformat  # at export only: kernels import this module for every chart, and nbformat costs them 0.7 s

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
    """Every chart's image output (not its caption), in reading order."""
    return (output for _, output in notebook_outputs.tagged(notebooks, KEY) if "name" in output["metadata"][KEY])
