"""The audit across files: one source id with two figures, restated years, one slug twice."""
from __future__ import annotations

from compare_cases import market

from cmo_helpers.model import crossfile


def _rules(*files):
    return [(f.rule, f.severity) for f in crossfile.run([(f"{p.market.slug}.yaml", p) for p in files])]


def test_one_source_id_giving_two_values_for_a_year_is_an_error():
    a = market("w-a", (2024, 10.0), (2030, 20.0), source_id="acme")
    b = market("w-b", (2024, 11.0), (2031, 21.0), source_id="acme")
    assert ("source-id", "error") in _rules(a, b)


def test_one_source_id_naming_two_documents_is_a_warning():
    a = market("w-a", (2024, 10.0), (2030, 20.0), source_id="acme", publisher="Acme Research")
    b = market("w-b", (2025, 10.0), (2031, 20.0), source_id="acme", publisher="Other House")
    assert ("source-id", "warning") in _rules(a, b)


def test_a_year_stated_by_two_editions_with_other_values_is_reported():
    a = market("w-a", (2024, 10.0), (2030, 20.0), source_id="acme-1")
    b = market("w-b", (2025, 11.0), (2030, 22.0), source_id="acme-2")
    found = crossfile.run([("a.yaml", a), ("b.yaml", b)])
    assert [f.rule for f in found] == ["restated"] and "2030" in found[0].message


def test_two_files_for_one_slug_or_one_scope():
    assert ("slug", "error") in _rules(market("w", (2024, 10.0), (2030, 20.0)),
                                       market("w", (2025, 12.0), (2031, 24.0), source_id="other"))
    assert ("scope", "warning") in _rules(market("w-1", (2024, 10.0), (2030, 20.0), source_id="one"),
                                          market("w-2", (2024, 10.0), (2030, 20.0), source_id="two"))


def test_different_publishers_on_different_years_are_quiet():
    assert _rules(market("a", (2024, 10.0), (2030, 20.0), publisher="A", source_id="a", name="Alpha Market"),
                  market("b", (2024, 30.0), (2030, 50.0), publisher="B", source_id="b", name="Beta Market")) == []
