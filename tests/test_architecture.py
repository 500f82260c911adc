"""The layers hold: import-linter's contracts fail on every kind of violation, and a few rules of the model."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cmo_helpers.core.paths import CHECKOUT, PACKAGE

LINT = Path(sys.executable).parent / "lint-imports"

# (file in the package, line planted at its end, the contract it breaks)
PLANTS = {
    "relative import up a layer": ("model/forecast.py", "from ..report import size_tables", "Layers"),
    "absolute import up a layer": ("inputs/params.py", "from cmo_helpers.pipeline import render", "Layers"),
    "import inside a function": ("core/paths.py", "def _up():\n    import cmo_helpers.cli.main", "Layers"),
    "import in a sub-package's __init__": ("report/__init__.py", "from ..pipeline import render", "Layers"),
    "drafting uses the report": ("drafting/facts.py", "from ..report import size_charts", "Drafting"),
    "a circle inside a sub-package": ("pipeline/cache.py", "def _back():\n    from . import render", "circles"),
    "another module's private name": ("model/audit.py", "from ..core.source_files import _read_bounded",
                                      "private names"),
    "import_module by name": ("report/size_tables.py",
                              "def _hidden():\n    import importlib\n    importlib.import_module('cmo_helpers.cli')",
                              "visible"),
    "__import__ by name": ("model/forecast.py", "def _hidden():\n    __import__('cmo_helpers.pipeline.render')",
                           "visible"),
}


def _lint(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}  # the copy, not the installed package
    return subprocess.run([str(LINT), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The package, its contracts and their custom types, in a folder of their own."""
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(PACKAGE, root / "cmo_helpers", ignore=shutil.ignore_patterns("__pycache__", "notebooks"))
    shutil.copy(CHECKOUT / "pyproject.toml", root)
    (root / "tests").mkdir()
    shutil.copy(CHECKOUT / "tests" / "import_contracts.py", root / "tests")
    return root


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed in this environment")
def test_the_package_as_it_is_keeps_every_contract(copy):
    proc = _lint(copy)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed in this environment")
@pytest.mark.parametrize("kind", PLANTS)
def test_each_kind_of_violation_breaks_a_contract(kind, copy):
    name, line, contract = PLANTS[kind]
    target = copy / "cmo_helpers" / name
    original = target.read_text(encoding="utf-8")
    target.write_text(f"{original}\n\n{line}\n", encoding="utf-8")
    try:
        proc = _lint(copy)
    finally:
        target.write_text(original, encoding="utf-8")
    assert proc.returncode != 0, f"{kind} passed the linter:\n{proc.stdout}"
    broken = [row for row in proc.stdout.splitlines() if row.rstrip().endswith("BROKEN")]
    assert any(contract in row for row in broken) or contract in proc.stdout.split("Broken contracts")[-1], (
        proc.stdout)


def test_schema_holds_no_maths():
    """The params models are data: no growth formula, no pandas."""
    schema = ("fields", "figures", "size", "breakdown_items", "sources", "market_file", "params")
    source = "".join((PACKAGE / "inputs" / f"{name}.py").read_text(encoding="utf-8") for name in schema)
    assert not re.search(r"[\w)\]]\s*\*\*\s*[\w(]", source), "no powers: growth maths lives in forecast"
    assert "pandas" not in source and "forecast" not in source


def test_each_growth_formula_is_written_once():
    hits = [p.relative_to(PACKAGE).as_posix() for p in sorted(PACKAGE.rglob("*.py"))
            if "(1 + " in (text := p.read_text(encoding="utf-8")) and ") **" in text]
    assert hits == ["model/forecast.py"], f"compounding outside forecast.compound: {hits}"


def test_a_kernel_running_the_report_never_imports_nbformat():
    """nbformat pulls in jsonschema's format checkers (0.7 s of grammar compiling); notebooks only need the views."""
    code = ("import sys, cmo_helpers as cmo\n"
            "for name in ('heading', 'summary_view', 'size_tables', 'size_charts', 'size_text', 'sections', "
            "'scenario_charts', 'audit_view', 'scenario_view', 'sources_view', 'also_says'):\n"
            "    getattr(cmo, name)\n"
            "print(sorted(m for m in ('nbformat', 'jsonschema', 'nbconvert', 'typst') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert proc.stdout.strip() == "[]"
