"""`cmo-report compare` in a house brand: the brand the compared files share (or `--brand`) reaches the comparison's
pages, PDF, chart and data pack and the collection index; a bad brand is refused before anything is written."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from brand_checks import EXAMPLE, PINE, colours, has, put_example_brand
from openpyxl import load_workbook
from pypdf import PdfReader

from cmo_helpers.cli import main as cli
from cmo_helpers.core import brand
from cmo_helpers.core.paths import PARAMS
from cmo_helpers.inputs import brand_file

EDITIONS = ("healthcare-cmo-2023-edition.yaml", "healthcare-cmo.yaml")
SLUG = "compare-healthcare-cmo-2023-edition-healthcare-cmo"


def _editions(folder: Path) -> list[str]:
    """The two editions of the default market copied into folder, as a user's params folder holds them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in EDITIONS:
        shutil.copy(PARAMS / name, folder / name)
    return [str(folder / name) for name in EDITIONS]


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> tuple[list[str], Path]:
    """The editions compared beside the example brand, through the CLI with no --brand: the files, the output root."""
    root = tmp_path_factory.mktemp("compare-brand")
    files = _editions(root / "params")
    put_example_brand(root / "params")
    assert cli.main(["compare", *files, "-o", str(root / "out")]) == 0
    return files, root / "out"


def test_the_pages_carry_logo_colour_and_footer(branded):
    page = (branded[1] / SLUG / "comparison.html").read_text()
    assert '<img class="cmo-logo" src="data:image/svg+xml;base64,' in page
    assert f"h1, h2, h3 {{ color: {PINE};" in page
    assert "Harbour Lane Advisory · Confidential" in page and "not investment advice" in page


def test_the_pdf_carries_logo_colour_and_footer(branded):
    reader = PdfReader(branded[1] / SLUG / "report.pdf")
    assert b"/Alt(Harbour Lane Advisory logo)" in reader.pages[0].get_contents().get_data()
    assert "Harbour Lane Advisory · Confidential" in reader.pages[-1].extract_text()
    every = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert has(colours(every), PINE) and not has(colours(every), brand.NAVY)


def test_the_kernels_chart_and_the_data_pack_take_the_brand(branded):
    svg = next((branded[1] / SLUG / "charts").glob("*.svg")).read_text()
    assert PINE in svg and brand.NAVY not in svg
    header = load_workbook(branded[1] / SLUG / f"{SLUG}-data.xlsx").worksheets[1].cell(2, 1).font
    assert header.name == "DejaVu Serif" and header.color.rgb.endswith("0B6E4F")


def test_the_manifest_records_the_brand_and_the_index_wears_it(branded):
    keys = json.loads((branded[1] / SLUG / "manifest.json").read_text())["keys"]
    assert keys["brand"] == brand_file.read(EXAMPLE).digest()
    index = (branded[1] / "index.html").read_text()
    assert 'class="cmo-logo"' in index and f"h1, h2, h3 {{ color: {PINE};" in index


def test_a_second_run_in_the_same_brand_is_up_to_date(branded, capsys):
    assert cli.main(["compare", *branded[0], "-o", str(branded[1])]) == 0
    assert capsys.readouterr().out.startswith("up to date")


@pytest.mark.parametrize("how", ["--brand", "beside"])
def test_a_bad_brand_exits_2_with_nothing_written(tmp_path, capsys, how):
    files = _editions(tmp_path / "params")
    bad = tmp_path / ("bad.yml" if how == "--brand" else "params/_brand.yml")
    bad.write_text("color:\n  primary: 'red; } body{'\n")
    flag = ["--brand", str(bad)] if how == "--brand" else []
    assert cli.main(["compare", *files, *flag, "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"nothing compared: invalid input\n{bad}: color.primary: ") and "not a colour" in err
    assert not (tmp_path / "out").exists()
