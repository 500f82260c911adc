"""Unit keys follow content: what a change touches is re-rendered, nothing else."""
from __future__ import annotations

import shutil

import pytest

from cmo_helpers.core.paths import PARAMS, notebook_paths
from cmo_helpers.pipeline import units
from cmo_helpers.pipeline.units import Target

NOTEBOOK = notebook_paths()[1]


@pytest.fixture
def params(tmp_path):
    folder = tmp_path / "params"
    shutil.copytree(PARAMS, folder)
    return folder


def _keys(params_dir, slug="healthcare-cmo", scenario="base"):
    t = Target(params_dir / f"{slug}.yaml", slug, scenario, "Base")
    files = units.inputs(t.params_file, slug)
    nb = units.notebook_key(NOTEBOOK, t, units.input_hash(files))
    return files, nb, units.export_key([nb], ("html", "pdf"), {"title": t.title})


def test_inputs_cover_the_market_file_and_every_overlay(params):
    files, _, _ = _keys(params)
    assert set(files) == {"healthcare-cmo.yaml", "scenarios/healthcare-cmo/conservative.yaml",
                          "scenarios/healthcare-cmo/optimistic.yaml"}
    assert units.input_hash(files) == units.input_hash(dict(reversed(list(files.items())))), "order does not matter"


def test_editing_a_market_changes_only_that_markets_keys(params):
    before = _keys(params), _keys(params, "eu-heat-pumps")
    path = params / "eu-heat-pumps.yaml"
    path.write_text(path.read_text() + "\n# an analyst's note\n")
    after = _keys(params), _keys(params, "eu-heat-pumps")
    assert after[0] == before[0]
    assert after[1][1] != before[1][1] and after[1][2] != before[1][2]


def test_editing_an_overlay_changes_the_markets_keys(params):
    _, nb, _ = _keys(params)
    overlay = params / "scenarios" / "healthcare-cmo" / "optimistic.yaml"
    overlay.write_text(overlay.read_text().replace("title:", "title: Very"))
    assert _keys(params)[1] != nb


def test_a_template_change_redoes_the_export_but_not_the_notebooks(params, monkeypatch):
    _, nb, export = _keys(params)
    monkeypatch.setattr(units, "templates_digest", lambda: "another template")
    _, nb2, export2 = _keys(params)
    assert nb2 == nb and export2 != export


def test_code_and_package_versions_are_in_every_notebook_key(params, monkeypatch):
    _, nb, _ = _keys(params)
    monkeypatch.setattr(units, "code_digest", lambda: "edited")
    assert _keys(params)[1] != nb
    monkeypatch.undo()
    real = units.versions()
    monkeypatch.setattr(units, "versions", lambda: {**real, "matplotlib": "0.0"})
    assert _keys(params)[1] != nb


def test_a_remembered_plan_is_forgotten_when_any_input_changes(params, tmp_path):
    path = params / "healthcare-cmo.yaml"
    targets = [Target(path, "healthcare-cmo", "base", "Base"),
               Target(path, "healthcare-cmo", "optimistic", "Optimistic")]
    units.remember_plan(tmp_path / "cache", path, "all", targets)
    assert units.recall_plan(tmp_path / "cache", path, "all") == targets
    assert units.recall_plan(tmp_path / "cache", path, "none") is None, "another scenario selection is another plan"
    (params / "scenarios" / "healthcare-cmo" / "new.yaml").write_text("title: New\n")
    assert units.recall_plan(tmp_path / "cache", path, "all") is None, "a new overlay must be validated first"


def test_versions_name_the_packages_that_shape_the_output_as_installed():
    from importlib import metadata

    found = units.versions()
    assert {"python", "cmo-reports", "pandas", "matplotlib", "typst", "nbconvert"} <= set(found)
    for name in units.OUTPUT_SHAPING:
        assert found[name] == metadata.version(name), name


def test_overrides_are_inputs_so_they_change_every_key(params):
    t = Target(params / "healthcare-cmo.yaml", "healthcare-cmo", "base", "Base")
    plain = units.inputs(t.params_file, t.slug)
    changed = units.inputs(t.params_file, t.slug, ("size.base.value=600",))
    assert changed == {**plain, "-P": ["size.base.value=600"]}, "the manifest records them as typed"
    other = units.inputs(t.params_file, t.slug, ("size.base.value=601",))
    assert len({units.input_hash(f) for f in (plain, changed, other)}) == 3
