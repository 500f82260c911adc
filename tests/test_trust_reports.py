"""Issue 17's fixtures rendered to PDF: each tempting wrong sentence is absent, the true one is there.

The fixtures in tests/data/releases17/ are invented markets, each built so that a careless report would
say something its source does not: a year it never gave, a sum across years, a ranking across
dimensions, an added zero, a citation on a share we computed, a dropped bound or fact.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader
from release_fixtures import normalise, shows

from cmo_helpers.core.paths import ROOT

FOLDER = ROOT / "tests" / "data" / "releases17"
NAMES = ("trust-bounds", "trust-mixed", "trust-also-says")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> dict[str, str]:
    """The three fixtures rendered once (PDF, base case), their text normalised as a reader's search sees it."""
    out = tmp_path_factory.mktemp("trust")
    files = [str(FOLDER / f"{n}.yaml") for n in NAMES]
    proc = subprocess.run([sys.executable, "-m", "cmo_helpers.cli", "render", *files, "--to", "pdf", "--out", str(out),
                           "--jobs", "2"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return {n: normalise(" ".join(page.extract_text() for page in PdfReader(out / n / "report.pdf").pages))
            for n in NAMES}


def test_bounds_are_printed_with_their_figures(pdf):
    text = pdf["trust-bounds"]
    for said in ("nearly USD 780 million", "about 9.5%", "over 11.4%", "more than 400", "nearly 19%"):
        assert said in text, said
    assert not shows(text.replace("nearly USD 780", "").replace("nearly 780", ""), "780"), "780 without its bound"


def test_every_stated_cagr_is_shown_with_its_period(pdf):
    text = pdf["trust-bounds"]
    assert "over 11.4% a year over 2026–2029 [1]" in text
    assert "Stated (2026–2029)" in text


def test_a_total_without_a_year_is_never_given_one(pdf):
    text = pdf["trust-bounds"]
    assert "year not stated more than 400" in text
    assert not re.search(r"more than 400\)? (?:in |\()?20\d\d", text)


def test_sourced_figures_keep_the_sources_digits(pdf):
    text = pdf["trust-bounds"]
    for figure in ("68%", "6.3%", "9.5%"):
        assert shows(text, figure), figure
    for padded in ("68.0%", "6.30%", "9.50%", "11.40%", "19.0%"):
        assert not shows(text, padded), padded


def test_shares_of_different_years_are_never_summed_or_charted_as_one_year(pdf):
    text = pdf["trust-mixed"]
    assert "different years (2024, 2030, year not stated)" in text
    assert "37.0% (2030)" in text and "8% (year not stated)" in text
    for wrong in ("77.0%", "85.0%", "Region: shares in", "37.0% of the market in 2024", "8% of the market in"):
        assert wrong not in text, wrong
    assert "Region: values by year" not in text, "a stack would add the years up"


def test_no_ranking_across_dimensions_or_over_a_partial_breakdown(pdf):
    text = pdf["trust-mixed"]
    # Harvesting's 13.2% tops its partial breakdown; India grows 14.2% in another dimension.
    assert "is the highest" not in text and not re.search(r"the fastest-growing (?:application|region|country)", text)
    assert "is the largest" not in text, "a stated share and a value are different kinds"


def test_a_share_we_computed_never_carries_the_citation(pdf):
    text = pdf["trust-mixed"]
    assert "25.0% (computed)" in text
    assert not re.search(r"25\.0%[^.]{0,40}?\[1\]", text)


def test_an_absent_publisher_is_left_out(pdf):
    text = pdf["trust-mixed"]
    assert "“Farm robotics market brief”, date not stated. https://example.com/farm-robotics" in text
    assert not re.search(r"Publisher|None|not stated:", text)


def test_the_audit_does_not_blame_the_source_for_our_back_projection(pdf):
    text = pdf["trust-mixed"]
    assert "more than the whole market" not in text and not re.search(r"Warning(?: \(|:)", text)
    assert "back-projected total of 3.44" in text


def test_a_general_statement_only_where_it_is_true(pdf):
    text = pdf["trust-also-says"]
    assert "No item has a growth rate of its own" not in text
    assert "(Seed kits, Cryo storage) have no value" in text


def test_nothing_in_the_file_is_dropped(pdf):
    text = pdf["trust-also-says"]
    assert "What the source also says" in text
    for said in ("installed 1,240 new vault racks in 2025", "A capacity count, not a market figure.",
                 "clients report 30% faster retrieval", "some USD 0.13 billion at the end of the decade",
                 "they agree within the rounding of their digits", "Deep cold 4,900",
                 "a market worth tens of millions of dollars", "Prices per client, not market size"):
        assert normalise(said) in text, said


def test_a_volume_series_keeps_its_unit_and_is_never_money(pdf):
    text = pdf["trust-also-says"]
    assert "Volume (tonnes of seed stored)" in text
    assert "3,400 in 2025 [1] and 5,100 in 2031 [1]" in text and "7.0% [1] fits the 6.99%" in text
    assert not re.search(r"USD (?:3,400|5,100)|(?:3,400|5,100) million", text)
