"""Pages without holes: no page but the last holds only a section's tail; headings stay with what follows (issue 18)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from page_fill_measure import fills
from pypdf import PdfReader

from cmo_helpers.typeset import markup, page_fill
from cmo_helpers.typeset.page_fill import Mark

SCALES = sorted((Path(__file__).parents[1] / "data" / "scales").glob("*.yaml"))


def _at(fill: float) -> float:
    return page_fill.TOP + fill * (page_fill.BOTTOM - page_fill.TOP)


def test_marks_sit_between_blocks_in_the_flow_only():
    html = ('<div><h2>A</h2><p>x</p><ul><li><p>in a list</p></li></ul>'
            '<div style="background: #eeeeee; padding: 4px"><p>in a box</p></div></div>')
    kinds = [m["kind"] for m in markup.MARK.finditer(markup.convert(html, "s03").markup)]
    assert kinds == ["b", "h", "b", "b", "b"], "div, heading, paragraph, list, box: nothing inside the list or box"
    assert "/*cmo-mark:s03-1:b*/" in markup.convert(html, "s03").markup


def test_a_lone_tail_pulls_the_subsection_before_it_onto_its_page():
    marks = [Mark("s05-1", "b", 10, _at(0)), Mark("s05-2", "h", 10, _at(0.4)), Mark("s05-3", "b", 10, _at(0.42)),
             Mark("s05-4", "b", 10, _at(0.42)), Mark("s05-5", "b", 10, _at(0.7)), Mark("s05-end", "e", 11, _at(0.05))]
    assert page_fill.breaks(marks) == {"s05-2"}, "before the heading, not between it and its text"
    broken = page_fill.apply("a /*cmo-mark:s05-2:h*/ b /*cmo-mark:s05-3:b*/", {"s05-2"})
    assert broken == "a #pagebreak(weak: true) b /*cmo-mark:s05-3:b*/"


@pytest.mark.parametrize(("tail", "boundary", "expected"), [
    (0.5, 0.6, set()),  # the tail fills half its page: nothing to do
    (0.05, 0.6, {"s01-3"}),  # moved, both pages hold at least TARGET
    (0.05, 0.9, set()),  # too little below the boundary to lift the tail to TARGET
    (0.05, 0.1, set()),  # moving it would leave the page before nearly empty
])
def test_only_a_thin_tail_moves_a_boundary_that_leaves_both_pages_full_enough(tail, boundary, expected):
    marks = [Mark("s01-1", "b", 4, _at(0)), Mark("s01-3", "b", 4, _at(boundary)), Mark("s01-end", "e", 5, _at(tail))]
    assert page_fill.breaks(marks) == expected


def test_a_section_on_one_page_is_left_alone():
    assert page_fill.breaks([Mark("s01-1", "b", 3, _at(0)), Mark("s01-end", "e", 3, _at(0.1))]) == set()


@pytest.fixture(scope="module")
def scale_reports(tmp_path_factory) -> list[Path]:
    """The three markets of very different scale, rendered through the real CLI with their scenarios."""
    out = tmp_path_factory.mktemp("scales")
    subprocess.run([sys.executable, "-m", "cmo_helpers.cli", "render", *map(str, SCALES), "--scenarios", "all",
                    "--out", str(out), "--jobs", "2"], check=True, capture_output=True, timeout=900)
    return sorted(out.glob("**/report.pdf"))


def test_no_page_but_the_last_is_less_than_a_fifth_full(scale_reports, rendered):
    out, _ = rendered
    reports = [*scale_reports, *sorted(out.glob("**/report.pdf"))]
    assert len(reports) >= 3 * 3 + 3, "each scale with two scenarios, and the shipped markets"
    for pdf in reports:
        pages = fills(pdf)
        thin = [n for n, fill in enumerate(pages[:-1], 1) if fill < page_fill.MIN_FILL]
        assert thin == [], f"{pdf}: pages {thin} are less than a fifth full ({[round(f, 2) for f in pages]})"
        assert len(PdfReader(pdf).pages) == len(pages)
