"""outputs/index.html lists every manifest it finds, escaped, with links that resolve."""
from __future__ import annotations

import json
import re

from brand_checks import EXAMPLE, PINE

from cmo_helpers.core import brand
from cmo_helpers.inputs import brand_file
from cmo_helpers.pipeline import collection, page_brand


def _manifest(folder, market, scenario, name, audit="pass", files=("index.html", "report.pdf")):
    folder.mkdir(parents=True)
    for f in files:
        (folder / f).write_text("x")
    figures = {"name": name, "unit": "EUR billion", "start_year": 2024, "start_value": 12.5, "end_year": 2030,
               "end_value": 1234.5, "cagr": 0.1234, "audit": audit}
    data = {"market": market, "scenario": scenario, "scenario_title": scenario.title(), "figures": figures,
            "seconds": 3.25, "input_hash": "abcdef1234567890", "files": list(files)}
    (folder / "manifest.json").write_text(json.dumps(data))


def test_every_market_and_scenario_is_listed_with_its_figures(tmp_path):
    _manifest(tmp_path / "b-market", "b-market", "base", "Beta <script>alert(1)</script>", "fail")
    _manifest(tmp_path / "b-market" / "scenarios" / "high", "b-market", "high", "Beta <script>alert(1)</script>")
    _manifest(tmp_path / "a-market", "a-market", "base", "Alpha & Co", "warn", files=("index.html",))
    _manifest(tmp_path / "a-market.failed", "a-market", "base", "Stale failure")
    page = collection.write(tmp_path).read_text()
    rows = re.findall(r"<tr>\s*<td>(.*?)</td><td>(.*?)</td>", page)
    assert rows == [("Alpha &amp; Co", "Base"), ("Beta &lt;script&gt;alert(1)&lt;/script&gt;", "Base"),
                    ("Beta &lt;script&gt;alert(1)&lt;/script&gt;", "High")]
    assert "<script" not in page and "Stale failure" not in page
    assert "12.5 EUR billion" in page and "1,234.5 EUR billion" in page and "12.3%" in page
    assert 'class="verdict verdict-fail">contradictions' in page and "verdict-warn" in page
    assert "abcdef123456" in page and "3.2 s" in page
    for href in re.findall(r'href="([^"]+)"', page):
        assert (tmp_path / href).exists(), href
    assert 'href="a-market/report.pdf"' not in page, "no link to a PDF that was not rendered"


def test_an_empty_folder_says_so(tmp_path):
    assert "No report has been rendered" in collection.write(tmp_path).read_text()


def test_figures_show_the_digits_the_report_shows(tmp_path):
    _manifest(tmp_path / "c-market", "c-market", "base", "Gamma")
    path = tmp_path / "c-market" / "manifest.json"
    data = json.loads(path.read_text())
    data["figures"] |= {"value_decimals": 2, "rate_decimals": 2}
    path.write_text(json.dumps(data))
    page = collection.write(tmp_path).read_text()
    assert "12.50 EUR billion" in page and "1,234.50 EUR billion" in page and "12.34%" in page


def _branded(folder, house):
    """A listed report recorded as drawn in `house` (as units.Keys.as_dict writes it into the manifest)."""
    path = folder / "manifest.json"
    data = json.loads(path.read_text())
    data["keys"] = {"notebooks": {}, "export": "e", **({} if house.is_default else {"brand": house.digest()})}
    path.write_text(json.dumps(data))


def test_the_index_wears_the_brand_every_report_shares(tmp_path):
    house = brand_file.read(EXAMPLE)
    _manifest(tmp_path / "a-market", "a-market", "base", "Alpha")
    _manifest(tmp_path / "compare-a-b", "compare-a-b", "base", "Alpha and Beta")
    plain = collection.write(tmp_path).read_text()
    for folder in ("a-market", "compare-a-b"):
        _branded(tmp_path / folder, house)
    page = collection.write(tmp_path, [brand.DEFAULT, house]).read_text()
    assert 'class="cmo-logo"' in page and f"h1, h2, h3 {{ color: {PINE};" in page and '"DejaVu Serif"' in page
    assert page.replace(str(page_brand.css(house)), "").replace(str(page_brand.logo(house)), "") == plain
    assert collection.write(tmp_path).read_text() == plain, "a brand the writer does not hold is not guessed"


def test_mixed_brands_give_the_index_todays_look_byte_for_byte(tmp_path):
    house = brand_file.read(EXAMPLE)
    _manifest(tmp_path / "a-market", "a-market", "base", "Alpha")
    _manifest(tmp_path / "b-market", "b-market", "base", "Beta")
    plain = collection.write(tmp_path).read_text()
    _branded(tmp_path / "a-market", house)
    assert collection.write(tmp_path, [house]).read_text() == plain
    _branded(tmp_path / "b-market", brand.Brand(primary="#123456"))
    assert collection.write(tmp_path, [house, brand.Brand(primary="#123456")]).read_text() == plain
