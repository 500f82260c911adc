"""Issue 7's release fixtures agree with their own release text, before any report is rendered.

Pure YAML and text checks: they hold whatever the params loader does, so a broken fixture is caught
here and not mistaken for a broken report.
"""
from __future__ import annotations

import re

import pytest
import yaml
from release_fixtures import (
    FOLDER,
    figures_by_basis,
    fixtures,
    forbidden_found,
    item_claims,
    misrounded_found,
    missing_figures,
    normalise,
    quotes,
    shows,
)

FIXTURES = fixtures()
IDS = [f.name for f in FIXTURES]
RULES = {"cagr", "shares", "stated-value", "item-cagr", "items-total", "parent", "claim", "totals", "years",
         "scale-claim"}
SEVERITIES = {"info", "warning", "error"}
CLAIM_KINDS = {"largest", "fastest-growing", "fast-growing", "smallest"}
# The eight kinds of release fact; README.md names the kind of each fixture.
KINDS = ["several breakdowns", "CAGR-only", "end value", "country inside a region", "table of regional values",
         "several dated totals", "partial breakdown", "inconsistent"]


def test_there_are_at_least_eight_fixtures_each_complete():
    assert len(FIXTURES) >= 8
    for f in FIXTURES:
        for suffix in (".txt", ".expect.yaml"):
            assert (FOLDER / f"{f.name}{suffix}").is_file(), f"{f.name}{suffix} is missing"


def test_readme_describes_every_fixture_and_every_kind_is_covered():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for f in FIXTURES:
        assert f"`{f.name}`" in readme, f"README.md does not describe {f.name}"
    for kind in KINDS:
        assert kind.casefold() in readme.casefold(), f"no fixture is described as '{kind}'"


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_release_is_a_short_press_release(fixture):
    words = len(fixture.text.split())
    assert 150 <= words <= 400, f"{fixture.name}.txt has {words} words"


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_every_quote_is_the_release_s_exact_words(fixture):
    found = quotes(fixture.params)
    assert found, "a fixture without quotes tests nothing about them"
    assert [q for q in found if q not in fixture.text] == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_every_expected_sourced_figure_is_in_the_release_as_written(fixture):
    assert missing_figures(fixture.text, fixture.expect) == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_params_state_exactly_the_expected_sourced_figures(fixture):
    stated = {figure for basis, figure in figures_by_basis(fixture.params) if basis == "sourced"}
    assert stated == {normalise(f) for f in fixture.expect["sourced_figures"]}
    assert all(shows(fixture.text, f) for f in stated)


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_every_figure_has_a_known_basis_and_a_cited_source(fixture):
    ids = {s["id"] for s in fixture.params.get("sources", [])}
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    bases = [b for b, _ in figures_by_basis(fixture.params)]
    assert set(bases) <= {"sourced", "assumed"}, f"a figure without a basis: {bases}"
    cited = re.findall(r"\bsource: ([a-z0-9-]+)", (FOLDER / f"{fixture.name}.yaml").read_text(encoding="utf-8"))
    assert cited and set(cited) <= ids


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_sources_are_dated_or_say_when_they_were_read(fixture):
    for source in fixture.params["sources"]:
        assert {"publisher", "title"} <= source.keys()
        assert "published" in source or "accessed" in source, f"{source['id']} has neither date"


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_no_invented_lump_and_at_most_one_labelled_assumption(fixture):
    items = [i for b in fixture.params.get("breakdowns", []) for i in b["items"]]
    assert not [i["name"] for i in items if re.match(r"(other|rest of)\b", i["name"], re.I)]
    assumed = [f for b, f in figures_by_basis(fixture.params) if b == "assumed"]
    assert len(assumed) <= 1
    for item in items:
        if item.get("basis") == "assumed":
            assert item.get("rationale"), f"assumed item {item['name']} needs a rationale"
    assert sorted(a["figure"] for a in fixture.expect.get("assumed_figures", [])) == sorted(assumed)


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_expected_claims_are_the_items_claims(fixture):
    expected = {(c["item"], c["claim"]) for c in fixture.expect.get("claims", [])}
    assert expected == item_claims(fixture.params)
    assert {kind for _, kind in expected} <= CLAIM_KINDS


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_expected_audit_names_known_rules_and_severities(fixture):
    audit = fixture.expect["audit"]
    assert audit and {a["rule"] for a in audit} <= RULES
    for a in audit:
        assert set(a.get("severity_any", [a.get("severity")])) <= SEVERITIES, a
    worst = max((s for a in audit for s in a.get("severity_any", [a.get("severity")])),
                key=["info", "warning", "error"].index)
    assert fixture.expect["audit_max_severity"] == worst


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_forbidden_and_misrounded_phrases_are_not_the_source_s_own_words(fixture):
    """A quote shown in the appendix must not trip the report checks; nor may the release's own figures."""
    for quote in quotes(fixture.params):
        assert forbidden_found(quote, fixture.expect) == []
    assert misrounded_found(fixture.text, fixture.expect) == []


def test_figure_check_wants_the_written_digits_as_a_number_of_its_own():
    expect = {"sourced_figures": ["95.81", "5.98%", "1,861.2", "62.0%", "20%"]}
    assert missing_figures("95.81 and 5.98 % then 1,861.2 with 62.0\u202f% and 20%", expect) == []
    assert missing_figures("95.8, 6.0%, 1861.2, 62%, 120%", expect) == expect["sourced_figures"]
    assert missing_figures("195.81 5.981% 11,861.2 62.05% 20.5%", expect) == expect["sourced_figures"]


def test_every_fixture_file_is_valid_yaml():
    for path in sorted(FOLDER.glob("*.yaml")):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path.name
