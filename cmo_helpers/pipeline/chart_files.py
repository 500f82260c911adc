"""Each chart of the executed notebooks as an SVG file and a PNG drawn from it by Typst, for slides and the pack."""
from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..core.brand import DEFAULT, Brand
from ..report.chart_images import KEY, SVG, chart_outputs
from ..typeset import engine as typeset


def write_chart_files(notebooks: Iterable[Path], folder: Path, brand: Brand = DEFAULT) -> list[Path]:
    """Each chart as NN-title.svg and NN-title.png (drawn from the SVG in the brand's fonts), in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    svgs = []
    for n, output in enumerate(chart_outputs(notebooks), 1):
        svgs.append(folder / f"{n:02d}-{output['metadata'][KEY]['name']}.svg")
        svgs[-1].write_text(output["data"][SVG], encoding="utf-8")
    written = []
    for svg, png in zip(svgs, typeset.pngs(svgs, brand), strict=True):
        svg.with_suffix(".png").write_bytes(png)
        written += [svg, svg.with_suffix(".png")]
    return written


def logo_png(brand: Brand) -> bytes:
    """The brand's logo as a raster (an SVG drawn by Typst), for slides, which take no SVG."""
    if brand.logo_type != "svg":
        return brand.logo
    with tempfile.TemporaryDirectory(prefix="cmo-logo-") as tmp:
        svg = Path(tmp, "logo.svg")
        svg.write_bytes(brand.logo)
        return typeset.pngs([svg], brand)[0]
