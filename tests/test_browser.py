"""What a client sees: the HTML pages in a real browser with the network cut off."""
from __future__ import annotations

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
