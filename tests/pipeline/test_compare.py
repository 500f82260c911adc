"""A comparison rendered through the real pipeline: the PDF says what changed, the index lists it, a re-run is free."""
from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from cmo_helpers.core.paths import PARAMS
from cmo_helpers.pipeline import collection
from cmo_helpers.pipeline.compare import compare

pytestmark = pytest.mark.slow
EDITIONS = [PARAMS / "healthcare-cmo-2023-edition.yaml", PARAMS / "healthcare-cmo.yaml"]
PUBLISHERS = [PARAMS / name for name in ("healthcare-cmo.yaml", "healthcare-cm-polaris.yaml",
                                         "healthcare-cm-precision.yaml", "healthcare-cm-straits.yaml")]


def _text(pdf) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("compare")


def test_the_editions_pdf_says_what_moved_and_what_stayed(out):
    done = compare(EDITIONS, out=out)
    assert done.ok and not done.current
    text = _text(done.folder / "report.pdf")
    assert "The base moved from USD 436.7 million (2023) to USD 504.9 million (2024)." in text
    assert "The 2033 value stayed at USD 1,861.2 million." in text
    assert "The stated CAGR stayed at 16.6%" in text
    assert "Both editions' endpoints imply about 15.6% a year" in text
    assert "re-based, not revised" in text
    assert "consensus" not in text
    figures = json.loads((done.folder / "manifest.json").read_text())["figures"]
    assert figures["compared"] == "Comparison of 2 files"
    assert any(r["scenario"] == "Comparison of 2 files" and r["pdf"] for r in collection.rows(out))


def test_a_second_run_with_the_same_files_is_up_to_date(out):
    assert compare(EDITIONS, out=out).current


def test_several_publishers_show_the_spread_and_mark_the_outlier(out):
    done = compare(PUBLISHERS, out=out)
    assert done.ok
    text = _text(done.folder / "report.pdf")
    assert "Market size per common year (USD billion)" in text
    assert "Median (ours)" in text and "outlier" in text
    assert "Outlier: Market.us Media sits about" in text and "billion/million slip" in text
    assert "not a consensus" in text
