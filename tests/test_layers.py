"""The package's layers: inputs <- model <- report, and a pipeline that needs only inputs."""
from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from cmo_helpers.core.paths import PACKAGE

# Text helpers with no knowledge of markets: anyone may use them.
BASE = {"errors", "escape", "formatting", "paths", "written", "chart_images", "chart_series", "report_date",
        "reproducible", "stopping", "lean_imports", "typst_markup", "typeset", "notebook_outputs"}
LAYERS = {
    "inputs": {"params", "params_xlsx", "source_files", "glyphs", "migrate", "scenarios", "session",
               # a release drafted into params
               "release_text", "release_lexicon", "release_patterns", "release_tables", "release_source",
               "release_facts", "draft", "draft_score"},
    "model": {"forecast", "breakdowns", "provenance", "audit", "sensitivity"},
    "report": {"tables", "charts", "scenario_charts", "narrative", "sections", "audit_view", "scenario_view"},
    "pipeline": {"execute", "export", "render", "units", "cache", "manifest", "collection", "cluster", "datapack",
                 "publish", "pdf"},
}
# Commands sit on top of everything: `audit` prints findings, `render` runs the pipeline.
ENTRY = {"cli", "audit_cli", "draft_cli", "params_cli"}
ORDER = ["inputs", "model", "report"]
# The pipeline's one door into the model: the few figures a manifest and the collection index show
# (normally read from the executed executive summary; computed in the worker only when no notebook shows them).
BRIDGES = {"headline": "model"}
PIPELINE_MAY_USE = BASE | LAYERS["inputs"] | set(BRIDGES) | LAYERS["pipeline"]


def _layer(module: str) -> str:
    if module in BASE:
        return "base"
    if module in ENTRY:
        return "entry"
    if module in BRIDGES:
        return "bridge"
    found = [name for name, modules in LAYERS.items() if module in modules]
    assert found, f"new module cmo_helpers/{module}.py: add it to a layer in tests/test_layers.py"
    return found[0]


def _imports(module: str) -> set[str]:
    """Package modules a module imports, at top level or inside functions."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree)
                   if isinstance(block, ast.If) and getattr(block.test, "id", "") == "TYPE_CHECKING"
                   for n in ast.walk(block)}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and id(node) not in typing_only:
            found |= {node.module} if node.module else {a.name for a in node.names}
    return found


MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", MODULES)
def test_imports_point_down_the_layers(module):
    layer = _layer(module)
    for used in _imports(module):
        other = _layer(used)
        if other == "bridge" and layer in ORDER:
            other = BRIDGES[used]  # the report uses the bridge as the model it is
        if layer == "entry":
            continue
        if layer == "base":
            assert other == "base", f"{module} (base) imports {used} ({other})"
        elif layer == "pipeline":
            assert used in PIPELINE_MAY_USE, (
                f"the pipeline module {module} imports {used} ({other}); go through inputs or headline")
        elif layer == "bridge":
            assert other in ("base", "inputs", "model"), f"{module} imports {used} ({other})"
        elif other in ORDER:
            assert ORDER.index(other) <= ORDER.index(layer), (
                f"{module} ({layer}) imports {used} ({other}): layers point down")
        else:
            assert other == "base", f"{module} ({layer}) imports {used} ({other}): only the pipeline runs the pipeline"


def test_schema_holds_no_maths():
    """The params models are data: no growth formula, no pandas."""
    source = (PACKAGE / "params.py").read_text(encoding="utf-8")
    assert not re.search(r"[\w)\]]\s*\*\*\s*[\w(]", source), "no powers: growth maths lives in forecast"
    assert "pandas" not in source and "forecast" not in source


def test_each_growth_formula_is_written_once():
    hits = [m for m in MODULES if "(1 + " in (PACKAGE / f"{m}.py").read_text(encoding="utf-8")
            and ") **" in (PACKAGE / f"{m}.py").read_text(encoding="utf-8")]
    assert hits == ["forecast"], f"compounding outside forecast.compound: {hits}"


def test_a_kernel_running_the_report_never_imports_nbformat():
    """nbformat pulls in jsonschema's format checkers (0.7 s of grammar compiling); notebooks only need the views."""
    code = ("import sys, cmo_helpers as cmo\n"
            "for name in ('charts', 'tables', 'narrative', 'sections', 'scenario_charts', 'audit_view', "
            "'scenario_view'):\n"
            "    getattr(cmo, name)\n"
            "print(sorted(m for m in ('nbformat', 'jsonschema', 'nbconvert', 'typst') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert proc.stdout.strip() == "[]"
