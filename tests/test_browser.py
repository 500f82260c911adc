"""What a client sees: the HTML pages in a real browser with the network cut off."""
from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it as root)")
TEAL = (0x3A, 0x8F, 0xB7)


def screenshot(page: Path, png: Path, profile: Path) -> Image.Image:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars", "--window-size=1100,1400",
         f"--screenshot={png}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return Image.open(png).convert("RGB")


def _count_near(image: Image.Image, colour: tuple[int, int, int], tol: int = 12) -> int:
    pixels = np.asarray(image, dtype=int)
    return int((np.abs(pixels - np.array(colour)) <= tol).all(axis=-1).sum())


def test_market_size_page_shows_its_chart_offline(rendered, tmp_path):
    out, proc = rendered
    assert proc.returncode == 0, proc.stderr
    image = screenshot(out / "healthcare-cmo" / "01-market-size.html", tmp_path / "shot.png", tmp_path / "profile")
    assert image.size == (1100, 1400)
    assert _count_near(image, TEAL) > 2000, "the embedded bar chart (modelled years in teal) is drawn offline"


def test_executive_summary_page_is_not_blank(rendered, tmp_path):
    out, _ = rendered
    page = out / "healthcare-cmo" / "00-executive-summary.html"
    image = screenshot(page, tmp_path / "shot.png", tmp_path / "profile")
    colours = image.getcolors(maxcolors=1 << 16) or []
    assert len(colours) > 50, "text, the headline box and the warning box give the page many colours"


def _differing(a: Image.Image, b: Image.Image) -> int:
    """Pixels whose grey level differs by more than a quarter of the range."""
    return int((np.abs(np.asarray(a.convert("L"), dtype=int) - np.asarray(b.convert("L"), dtype=int)) > 64).sum())


def _dejavu_installed() -> bool:
    fc = shutil.which("fc-list")
    listed = subprocess.run([fc, ":", "family"], capture_output=True, text=True).stdout if fc else ""
    return "DejaVu Sans" in {name.strip() for line in listed.splitlines() for name in line.split(",")}


def test_chart_text_is_drawn_in_the_embedded_face_where_no_machine_has_the_family(cmo, tmp_path):
    """The chart's family renamed to one no machine has: with the embedded face its text is drawn in DejaVu Sans,
    without it in the monospace fallback the renamed chart also names (so the two cannot look alike by chance)."""
    from cmo_helpers.core.brand import DEFAULT
    from cmo_helpers.pipeline import chart_fonts, font_faces
    from cmo_helpers.report import size_charts

    svg = size_charts.size_chart(cmo).svg()
    assert svg.count("font-family: 'DejaVu Sans'") > 10
    name = "cmo test's face"  # an apostrophe: the face's name is escaped in the rule and must still match
    renamed = svg.replace("font-family: 'DejaVu Sans'", "font-family: &quot;cmo test&apos;s face&quot;, monospace")
    faces = font_faces.known_faces(DEFAULT)
    drawings = {"embedded": chart_fonts.with_fonts(renamed, {name: faces["dejavu sans"]}), "missing": renamed,
                "report": chart_fonts.with_fonts(svg, faces), "installed": svg}
    assert "@font-face" in drawings["embedded"] and "@font-face" not in drawings["missing"]
    shots = {}
    for label, drawing in drawings.items():
        page = tmp_path / f"{label}.html"
        data = base64.b64encode(drawing.encode("utf-8")).decode("ascii")
        page.write_text(f'<!doctype html><body style="margin: 0"><img src="data:image/svg+xml;base64,{data}" '
                        'style="width: 1000px"></body>', encoding="utf-8")
        shots[label] = screenshot(page, tmp_path / f"{label}.png", tmp_path / f"profile-{label}")
    fallback = _differing(shots["embedded"], shots["missing"])
    assert fallback > 2000, "without its face the renamed chart falls back to another font"
    assert _differing(shots["embedded"], shots["report"]) == 0, "the report's own face, under another name"
    if _dejavu_installed():  # the machine's DejaVu may be another version (2.37 here, matplotlib's is 2.35)
        assert _differing(shots["embedded"], shots["installed"]) * 5 < fallback, "drawn as DejaVu Sans draws it"
