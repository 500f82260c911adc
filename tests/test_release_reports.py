"""Issue 7's release fixtures rendered to PDF: the source's digits, its claims, and no ranking it did not make."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader
from release_fixtures import fixtures, forbidden_found, misrounded_found, missing_figures, normalise

from cmo_helpers.inputs.load import load_params
from cmo_helpers.model import audit

FIXTURES = fixtures()
RANKING = r"(?:is|as) the (?:largest|fastest-growing|leading)|leads the|has the largest share"


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, str]:
    """Every fixture rendered once (PDF only, base case), its text normalised as a client's search would see it."""
    out = tmp_path_factory.mktemp("releases")
    proc = subprocess.run([sys.executable, "-m", "cmo_helpers.cli", "render", *(str(f.params_path) for f in FIXTURES),
                           "--to", "pdf", "--out", str(out), "--jobs", "2"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    found = {}
    for f in FIXTURES:
        slug = f.params["market"]["slug"]
        text = normalise(" ".join(page.extract_text() for page in PdfReader(out / slug / "report.pdf").pages))
        found[f.name] = re.sub(r"(?<=[a-z])- (?=[a-z])", "-", text)  # a word the PDF broke after its hyphen
    return found


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_every_sourced_figure_appears_with_the_sources_digits(reports, fixture):
    text = reports[fixture.name]
    assert missing_figures(text, fixture.expect) == []
    assert misrounded_found(text, fixture.expect) == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_no_sentence_ranks_an_assumed_item_or_the_remainder(reports, fixture):
    text = reports[fixture.name]
    assert forbidden_found(text, fixture.expect) == []
    p = load_params(fixture.params_path)
    unranked = ([i.name for b in p.breakdowns for i in b.items if i.assumed]
                + ["Not itemised by the source", "not itemised"])
    for name in unranked:
        assert not re.search(re.escape(name) + r"\)?\s+(?:" + RANKING + ")", text), f"{name} is ranked"
    assert not re.search(r"\b(?:Other|Rest of) [a-z]+ (?:" + RANKING + ")", text)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_each_sourced_claim_is_stated_as_the_sources_with_its_citation(reports, fixture):
    text = reports[fixture.name]
    words = {"largest": "the largest", "fastest-growing": "the fastest-growing", "fast-growing": "as growing fast",
             "smallest": "the smallest"}
    for claim in fixture.expect.get("claims", []):
        pattern = rf"The source (?:calls|describes) {re.escape(claim['item'])} {words[claim['claim']]}[^.]*?\[\d+\]"
        assert re.search(pattern, text), claim


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_audit_finds_what_the_fixture_expects(fixture):
    found = audit.run_audit(load_params(fixture.params_path))
    for expected in fixture.expect.get("audit", []):
        allowed = expected.get("severity_any") or [expected["severity"]]
        matching = [f for f in found if f.rule == expected["rule"]]
        if "year" in expected:
            matching = [f for f in matching if f.numbers.get("year") == expected["year"]]
        if "item" in expected:
            matching = [f for f in matching if f.numbers["subject"].startswith(expected["item"])]
        assert matching, expected
        assert any(f.severity in allowed for f in matching), (expected, [(f.severity, f.message) for f in matching])
    worst = {"info": 0, "warning": 1, "error": 2}
    if "audit_max_severity" in fixture.expect:
        assert max(worst[f.severity] for f in found) <= worst[fixture.expect["audit_max_severity"]], \
            [(f.rule, f.severity) for f in found if worst[f.severity] > worst[fixture.expect["audit_max_severity"]]]
