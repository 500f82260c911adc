"""Chart files: each chart of the executed notebooks as SVG and a PNG drawn from it, numbered in reading order."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from cmo_helpers.pipeline import chart_files
from cmo_helpers.report import chart_images, size_charts
from cmo_helpers.report.house_chart import Chart


@pytest.fixture(scope="module")
def chart(cmo) -> Chart:
    return size_charts.size_chart(cmo)


def test_chart_files_are_numbered_in_reading_order(chart, tmp_path):
    data, metadata = chart._repr_mimebundle_()
    paths = []
    for n, name in enumerate(["01-market-size", "02-growth"]):
        cell = new_code_cell("chart")
        cell.outputs = [new_output("display_data", data=data, metadata=metadata)] * (n + 1)
        paths.append(tmp_path / f"{name}.ipynb")
        nbformat.write(new_notebook(cells=[cell]), paths[-1])
    written = chart_files.write_chart_files(paths, tmp_path / "charts")
    name = metadata[chart_images.KEY]["name"]
    expected = [f"{n:02d}-{name}.{ext}" for n in (1, 2, 3) for ext in ("svg", "png")]
    assert [p.name for p in written] == expected
    assert written[0].read_text() == data[chart_images.SVG]
    png = written[1].read_bytes()
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    svg_width = float(re.search(r'<svg[^>]*width="([\d.]+)pt"', data[chart_images.SVG]).group(1))
    assert png[:4] == b"\x89PNG" and abs(width - svg_width / 72 * 200) <= 2 and height > 100, "the SVG drawn at 200 ppi"


def test_no_charts_means_an_empty_folder(tmp_path: Path):
    path = tmp_path / "00-summary.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("1")]), path)
    assert chart_files.write_chart_files([path], tmp_path / "charts") == []
