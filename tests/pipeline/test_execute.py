"""One reused kernel per worker: notebooks still start from an empty namespace and survive failures."""
from __future__ import annotations

import nbformat
import pytest
from notebook_cases import notebook

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.pipeline import execute


@pytest.fixture(autouse=True)
def fresh_kernel():
    yield
    execute._shutdown()


def test_kernel_is_reused_but_variables_are_not(tmp_path):
    first = notebook(tmp_path, "a", "leak = 1\nimport os\npid = os.getpid()\nprint(pid)")
    second = notebook(tmp_path, "b", 'assert "leak" not in globals(), "namespace was not cleared"')
    assert execute.execute(first, tmp_path / "a.out.ipynb", DEFAULT_PARAMS).ok
    km = execute._kernel
    outcome = execute.execute(second, tmp_path / "b.out.ipynb", DEFAULT_PARAMS)
    assert outcome.ok, outcome.error
    assert execute._kernel is km, "the same kernel ran both notebooks"


def test_parameters_are_injected(tmp_path):
    nb = notebook(tmp_path, "p", "assert params_file.endswith('healthcare-cmo.yaml') and scenario == 'optimistic'")
    assert execute.execute(nb, tmp_path / "p.out.ipynb", DEFAULT_PARAMS, "optimistic").ok


def test_a_failing_cell_is_reported_and_the_kernel_keeps_serving(tmp_path):
    bad = notebook(tmp_path, "bad", 'raise KeyError("no such region")')
    outcome = execute.execute(bad, tmp_path / "bad.out.ipynb", DEFAULT_PARAMS)
    assert not outcome.ok and outcome.error == "KeyError: 'no such region'"
    saved = nbformat.read(tmp_path / "bad.out.ipynb", as_version=4)
    assert any(o.output_type == "error" for c in saved.cells for o in c.get("outputs", []))
    assert execute.execute(notebook(tmp_path, "ok", "1 + 1"), tmp_path / "ok.out.ipynb", DEFAULT_PARAMS).ok


def test_a_dead_kernel_is_replaced(tmp_path):
    crash = notebook(tmp_path, "crash", "import os\nos._exit(1)")
    outcome = execute.execute(crash, tmp_path / "crash.out.ipynb", DEFAULT_PARAMS)
    assert not outcome.ok and "kernel died" in outcome.error
    assert execute.execute(notebook(tmp_path, "after", "1 + 1"), tmp_path / "after.out.ipynb", DEFAULT_PARAMS).ok


def test_a_hanging_cell_is_stopped_at_the_timeout_and_named(tmp_path):
    hang = notebook(tmp_path, "hang", "x = 1", "import time\nwhile True:\n    time.sleep(0.05)", "y = 2")
    outcome = execute.execute(hang, tmp_path / "hang.out.ipynb", DEFAULT_PARAMS, cell_timeout=1.5)
    assert not outcome.ok and outcome.error == "cell 3 ('import time') did not finish within --cell-timeout 1.5 s"
    assert outcome.seconds < 30
    saved = nbformat.read(tmp_path / "hang.out.ipynb", as_version=4)
    assert [c.execution_count for c in saved.cells[:3]] == [1, 2, 3], "the cells before it were saved"
    assert saved.cells[4].execution_count is None, "and nothing after it ran"
    assert execute.execute(notebook(tmp_path, "next", "1 + 1"), tmp_path / "next.out.ipynb", DEFAULT_PARAMS).ok


def test_a_cell_asking_for_input_fails_at_once(tmp_path):
    asks = notebook(tmp_path, "asks", "answer = input('market? ')")
    outcome = execute.execute(asks, tmp_path / "asks.out.ipynb", DEFAULT_PARAMS, cell_timeout=60)
    assert not outcome.ok and outcome.error.startswith("StdinNotImplementedError"), outcome.error
    assert outcome.seconds < 30, "it did not wait for an answer until the cell timeout"


def test_what_a_notebook_showed_is_not_kept_for_the_next(tmp_path):
    big = "class Big:\n    payload = bytearray(50_000_000)\n    def __repr__(self):\n        return 'big'\nBig()"
    shows = notebook(tmp_path, "shows", "import matplotlib.pyplot as plt\nplt.figure()\nbytearray(10)", big)
    after = notebook(tmp_path, "after", 'assert not Out and "_3" not in globals() and _ == ""\n'
                                        "import matplotlib.pyplot as plt\nassert not plt.get_fignums()")
    assert execute.execute(shows, tmp_path / "shows.out.ipynb", DEFAULT_PARAMS).ok
    outcome = execute.execute(after, tmp_path / "after.out.ipynb", DEFAULT_PARAMS)
    assert outcome.ok, outcome.error


def test_a_kernel_grown_past_its_bound_is_replaced(tmp_path, monkeypatch):
    assert execute.execute(notebook(tmp_path, "one", "1 + 1"), tmp_path / "one.out.ipynb", DEFAULT_PARAMS).ok
    assert 0 < execute._kernel_bytes() < execute.KERNEL_BYTES
    monkeypatch.setattr(execute, "KERNEL_BYTES", 1)
    assert execute.execute(notebook(tmp_path, "two", "1 + 1"), tmp_path / "two.out.ipynb", DEFAULT_PARAMS).ok
    assert execute._kernel is None, "the next notebook starts a fresh kernel"
