"""Every process a render starts skips jsonschema's IRI grammars, and nbformat still validates notebooks there."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap

import pytest
from notebook_cases import notebook

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.pipeline import execute
from cmo_helpers.pipeline.lean_imports import IRI_GRAMMARS

if importlib.util.find_spec(IRI_GRAMMARS) is None:
    pytest.skip(f"{IRI_GRAMMARS} is not installed, so there is nothing to skip", allow_module_level=True)

# After the entry point: nbformat (through papermill, as a worker imports it) accepts a valid notebook,
# rejects a broken one, and the grammars never loaded. Printed to stdout: a render worker sends stderr nowhere.
CHECK = """
import sys
import nbformat, papermill
from nbformat.v4 import new_code_cell, new_notebook
good = new_notebook(cells=[new_code_cell("1 + 1")])
nbformat.validate(good)
bad = new_notebook(cells=[new_code_cell("1 + 1")])
bad.cells[0]["source"] = 5
try:
    nbformat.validate(bad)
except nbformat.ValidationError:
    print("rejected")
print("grammars loaded" if sys.modules.get("rfc3987_syntax") else "grammars skipped")
"""

TARGET = f"units.Target(Path({str(DEFAULT_PARAMS)!r}), 'x', 'base', 'Base')"
ENTRY_POINTS = {
    "render worker": "from cmo_helpers.pipeline.tasks import quiet_worker\nquiet_worker(sys.argv[1])",
    "dask task": ("from cmo_helpers.pipeline import units\n"
                  "from cmo_helpers.pipeline.executors import dask_executor as cluster\n"
                  f"cluster.run_target({TARGET}, [], {{}}, None, {{}})"),
    "no entry point": "",
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_entry_points_skip_the_grammars_and_nbformat_still_validates(entry, tmp_path):
    code = "import sys\nfrom pathlib import Path\n" + ENTRY_POINTS[entry] + textwrap.dedent(CHECK)
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split()
    assert "rejected" in proc.stdout, "nbformat validation still rejects a broken notebook"
    expected = "loaded" if entry == "no entry point" else "skipped"  # the control shows the check can fail
    assert lines[-1] == expected, proc.stdout


def test_the_kernel_skips_the_grammars(tmp_path):
    probe = notebook(tmp_path, "probe", "import sys, nbformat\n"
                                        "assert sys.modules.get('rfc3987_syntax') is None, 'grammars loaded'")
    try:
        outcome = execute.execute(probe, tmp_path / "probe.out.ipynb", DEFAULT_PARAMS)
    finally:
        execute._shutdown()
    assert outcome.ok, outcome.error
