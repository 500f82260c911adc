"""Project rules that keep the repo honest: clean notebooks, no typed numbers, one dependency list."""
from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import jupytext
import nbformat
import papermill
import pytest
import yaml

from cmo_helpers.core.paths import ROOT, notebook_paths
from cmo_helpers.pipeline.compare import FOLDER as COMPARE_FOLDER

NOTEBOOKS = notebook_paths()
EXPLORER = [ROOT / "notebooks" / "08-explore.ipynb"]  # no report section, but a notebook all the same
COMPARE = sorted(COMPARE_FOLDER.glob("*.ipynb"))


def _pins(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*[=]=?\s*([\d.]+)\s*$", line.split("#")[0])
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


@pytest.mark.parametrize("path", NOTEBOOKS + EXPLORER, ids=lambda p: p.stem)
def test_notebook_is_stored_clean_and_parameterised(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "store notebooks without outputs"
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    declared = {name: p["inferred_type_name"] for name, p in papermill.inspect_notebook(path).items()}
    assert declared == {"params_file": "str", "scenario": "str"}, "typed, so papermill --help-notebook shows types"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("path", COMPARE, ids=lambda p: p.stem)
def test_the_comparison_notebook_is_stored_clean_and_takes_a_list_of_files(path):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.outputs and c.execution_count is None for c in nb.cells if c.cell_type == "code")
    declared = {name: p["inferred_type_name"] for name, p in papermill.inspect_notebook(path).items()}
    assert declared == {"params_files": "list", "mode": "str", "rates": "list"}


@pytest.mark.parametrize("path", NOTEBOOKS + EXPLORER + COMPARE, ids=lambda p: p.stem)
def test_no_number_is_typed_into_prose_or_computed_in_a_notebook(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"\d", cell.source), f"figures in prose must come from the model: {cell.source[:80]!r}"
        elif "parameters" not in cell.metadata.get("tags", []):
            lines = [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")]
            assert len(lines) <= 4, "notebooks call cmo_helpers; logic belongs in the package"
            assert not re.search(r"[-+*/] *\d|\d *[-+*/]|\*\*", cell.source), f"no maths in notebooks: {cell.source!r}"


def test_requirements_and_conda_environment_pin_the_same_versions():
    pip = _pins((ROOT / "requirements.txt").read_text().splitlines())
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    from_pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda = _pins([d for d in env["dependencies"] if isinstance(d, str)] + [d.replace("==", "=") for d in from_pip])
    conda = {("matplotlib" if k == "matplotlib-base" else k): v for k, v in conda.items()}
    conda.pop("python")
    assert conda == pip


def test_pyproject_declares_every_runtime_requirement():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=!~ ]", d)[0].lower() for d in project["dependencies"]}
    declared |= {
        re.split(r"[<>=!~ ]", d)[0].lower() for group in project["optional-dependencies"].values() for d in group
    }
    assert set(_pins((ROOT / "requirements.txt").read_text().splitlines())) <= declared


def test_rendered_outputs_are_ignored_but_the_folder_is_kept():
    ignore = (ROOT / ".gitignore").read_text().splitlines()
    assert "outputs/*" in ignore and "!outputs/README.md" in ignore and ".venv/" in ignore


def test_make_refuses_an_old_python_with_a_clear_message(tmp_path: Path):
    old = tmp_path / "python3"
    old.write_text('#!/bin/sh\n[ "$1" = "--version" ] && echo "Python 3.10.12" && exit 0\nexit 1\n')
    old.chmod(0o755)
    proc = subprocess.run(
        ["make", "-C", str(ROOT), "venv", f"PYTHON={old}", f"VENV={tmp_path / 'venv'}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0 and not (tmp_path / "venv").exists()
    assert "needs Python 3.11 or newer" in proc.stderr and "Python 3.10.12" in proc.stderr


def test_python_requirement_is_stated_once_everywhere():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert project["requires-python"] == ">=3.11" and "python=3.11" in env["dependencies"]
    assert "Python 3.11 or newer" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("path", NOTEBOOKS + COMPARE, ids=lambda p: p.stem)
def test_notebook_and_its_percent_script_agree(path):
    def cells(nb):
        return [(c.cell_type, c.source.strip(), c.metadata.get("tags", [])) for c in nb.cells]

    twin = path.with_suffix(".py")
    assert twin.exists(), f"run: .venv/bin/jupytext --sync {path.relative_to(ROOT)}"
    assert cells(jupytext.read(twin)) == cells(nbformat.read(path, as_version=4)), "run jupytext --sync"


def test_the_wheel_lists_every_sub_package():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "cmo_helpers").rglob("__init__.py")}
    assert found <= listed, f"missing from [tool.setuptools] packages: {sorted(found - listed)}"
