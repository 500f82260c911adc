"""The output folder: checked first, never loses what the tool did not make, one input version per report."""
from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest
from notebook_cases import notebook

from cmo_helpers.core import source_files
from cmo_helpers.core.errors import OutputError
from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.pipeline import publish, render

CLI = [sys.executable, "-m", "cmo_helpers.cli"]



def test_an_unmarked_folder_is_never_replaced(tmp_path):
    out = tmp_path / "out"
    (out / "healthcare-cmo").mkdir(parents=True)
    thesis = out / "healthcare-cmo" / "thesis.txt"
    thesis.write_text("two years of work")
    proc = subprocess.run([*CLI, "render", str(DEFAULT_PARAMS), "--out", str(out), "--to", "html"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert f"{out / 'healthcare-cmo'}: exists but was not made by cmo-report" in proc.stderr
    assert thesis.read_text() == "two years of work"
    assert sorted(p.name for p in out.iterdir()) == ["healthcare-cmo"], "nothing staged, nothing ran"


@pytest.mark.parametrize("make, reason", [
    (lambda out: out.write_text("a file"), "is not a folder"),
    (lambda out: None, "cannot create the output folder"),
])
def test_unusable_out_is_path_reason_exit_2(tmp_path, make, reason):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    out = tmp_path / "report-out"
    make(out)
    target = out if out.exists() else blocker / "sub"  # a folder cannot be made inside a file
    proc = subprocess.run([*CLI, "render", str(DEFAULT_PARAMS), "--out", str(target)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{target}: {reason}" in proc.stderr


def test_prepare_refuses_a_symlink_posing_as_a_report(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / publish.MARKER).write_text("{}")
    (out / "m").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="was not made by cmo-report"):
        publish.prepare(out, ["m"])


def test_abandoned_staging_of_a_dead_run_is_removed(tmp_path):
    dead = tmp_path / f"{publish.STAGING}999999999-abc"
    dead.mkdir()
    staging = publish.prepare(tmp_path, ["m"])
    assert not dead.exists() and staging.exists()


def test_snapshot_is_read_once_and_kept_within_a_run(tmp_path):
    f = tmp_path / "m.yaml"
    f.write_text("a: 1\n")
    with source_files.one_read_each():
        first = source_files.read_text(f)
        f.write_text("a: 2\n")
        assert source_files.read_text(f) == first
    assert source_files.read_text(f) == "a: 2\n", "outside a run, a notebook in the lab sees edits"


def test_editing_the_params_file_mid_render_cannot_mix_versions(tmp_path, monkeypatch, market_copy):
    params = market_copy
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    editor = notebook(nbs, "01-edit", f"from pathlib import Path\np = Path({str(params)!r})\n"
                                       "p.write_text(p.read_text().replace('value: 504.9', 'value: 999.9'))")
    reader = notebook(nbs, "02-read", "import cmo_helpers as cmo\n"
                                       "assert cmo.load(params_file).shown.size.base.value == 504.9, 'mixed versions'")
    monkeypatch.setattr(render, "notebook_paths", lambda: [editor, reader])
    out = tmp_path / "out"
    summary = render.render([params], ("html",), 1, out)
    assert summary.ok, summary.outcomes
    assert "999.9" in params.read_text(), "the edit did happen during the run"
    frozen = out / "healthcare-cmo" / "inputs" / params.name
    assert "value: 504.9" in frozen.read_text()
    record = json.loads((out / "healthcare-cmo" / publish.MARKER).read_text())
    assert set(record["inputs_sha256"]) == {params.name, "scenarios/healthcare-cmo/conservative.yaml",
                                            "scenarios/healthcare-cmo/optimistic.yaml"}
    executed = nbformat.read(out / "healthcare-cmo" / "notebooks" / "02-read.ipynb", as_version=4)
    assert "inputs" in executed.cells[1].source, "notebooks ran on the frozen copy"


def test_a_hanging_cell_fails_naming_market_notebook_and_cell(tmp_path, monkeypatch):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    hang = notebook(nbs, "01-hang", "x = 1", "import time\nwhile True:\n    time.sleep(0.1)")
    monkeypatch.setattr(render, "notebook_paths", lambda: [hang])
    summary = render.render([DEFAULT_PARAMS], ("html",), 1, tmp_path / "out", cell_timeout=2)
    (target,) = summary.outcomes
    failure = summary.outcomes[target][0]
    assert target.label == "healthcare-cmo" and failure.notebook == "01-hang" and not failure.ok
    assert failure.error == "cell 3 ('import time') did not finish within --cell-timeout 2 s"
    assert failure.seconds < 30


def test_only_the_latest_failed_folder_is_kept(tmp_path, monkeypatch):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    broken = notebook(nbs, "01-broken", "raise ValueError('no')")
    monkeypatch.setattr(render, "notebook_paths", lambda: [broken])
    out = tmp_path / "out"
    for _ in range(2):
        assert not render.render([DEFAULT_PARAMS], ("html",), 1, out).ok
    kept = sorted(p.name for p in out.iterdir() if p.name.startswith(("healthcare", ".")))
    assert kept == [".cache", "healthcare-cmo.failed"]
