"""Run one report notebook for one market and scenario with papermill, in a reused kernel."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from multiprocessing.util import Finalize
from pathlib import Path

from .lean_imports import KERNEL_LINE
from .paths import NOTEBOOKS

# Starting a kernel and importing pandas and matplotlib cost more than running most notebooks, so
# each worker process keeps one kernel. Every run starts with a cell that drops the previous
# notebook's variables: part of the same papermill run (one kernel round trip fewer than a separate
# reset) and without %reset's full garbage collection. The cell is removed from the saved notebook.
CLEAR_TAG = "cmo-clear-namespace"
CLEAR = """def _cmo_clear(ns=get_ipython().user_ns, hidden=get_ipython().user_ns_hidden):
    for name in [n for n in ns if not n.startswith("_") and n not in hidden]:
        del ns[name]
_cmo_clear(); del _cmo_clear"""
CELL_TIMEOUT = 120.0  # seconds; the slowest cell of a shipped notebook takes about 2 s
_kernel = None


@dataclass(frozen=True)
class Outcome:
    """What happened to one notebook run; the executed notebook is written either way."""

    notebook: str
    ok: bool
    seconds: float
    error: str = ""
    cached: bool = False


def _shutdown() -> None:
    from nbclient.util import run_sync

    global _kernel
    if _kernel is not None:
        run_sync(_kernel.shutdown_kernel)(now=True)
        _kernel = None


def kernel():
    """This process's kernel, started on first use and again if it died."""
    from jupyter_client.manager import AsyncKernelManager
    from nbclient.util import run_sync

    global _kernel
    if _kernel is None or not run_sync(_kernel.is_alive)():
        _kernel = AsyncKernelManager(kernel_name="python3")
        setup = [f"--IPKernelApp.exec_lines={KERNEL_LINE}"]  # before any notebook imports nbformat
        run_sync(_kernel.start_kernel)(cwd=str(NOTEBOOKS), extra_arguments=setup)
        Finalize(_kernel, _shutdown, exitpriority=10)  # pool workers skip atexit; this still runs
    return _kernel


def _with_clear(notebook: Path):
    """The notebook with the namespace-clearing cell in front."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(CLEAR, metadata={"tags": [CLEAR_TAG]}))
    return nb


def _drop_clear(output: Path) -> None:
    """Save the executed notebook as the analyst wrote it, without the clearing cell."""
    import nbformat

    try:
        nb = nbformat.read(output, as_version=4)
    except (OSError, ValueError):
        return
    nb.cells = [c for c in nb.cells if CLEAR_TAG not in c.metadata.get("tags", [])]
    nbformat.write(nb, output)


def execute(notebook: Path, output: Path, params_file: Path, scenario: str = "base",
            cell_timeout: float = CELL_TIMEOUT) -> Outcome:
    """Execute a notebook with injected parameters; a failing or hanging cell becomes an Outcome, not a crash."""
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    logging.getLogger("papermill").setLevel(logging.WARNING)
    start = time.perf_counter()
    try:
        papermill.execute_notebook(
            _with_clear(notebook),
            str(output),
            parameters={"params_file": str(params_file), "scenario": scenario},
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            cwd=str(NOTEBOOKS),
            km=kernel(),
            execution_timeout=cell_timeout,
        )
    except PapermillExecutionError as exc:
        return Outcome(notebook.stem, False, time.perf_counter() - start, f"{exc.ename}: {exc.evalue}")
    except CellTimeoutError:
        _shutdown()  # the kernel is still busy in that cell; the next notebook gets a fresh one
        return Outcome(notebook.stem, False, time.perf_counter() - start,
                       f"{_running_cell(output)} did not finish within --cell-timeout {cell_timeout:g} s")
    except DeadKernelError as exc:
        return Outcome(notebook.stem, False, time.perf_counter() - start, f"kernel died: {exc}")
    finally:
        _drop_clear(output)
    return Outcome(notebook.stem, True, time.perf_counter() - start)


def _running_cell(output: Path) -> str:
    """Name the cell that was running, as JupyterLab numbers it, with its first line of code."""
    import nbformat

    try:
        nb = nbformat.read(output, as_version=4)
    except (OSError, ValueError):
        return "a cell"
    hidden = {"injected-parameters", CLEAR_TAG}  # cells papermill or we add, not the analyst's
    cells = [c for c in nb.cells if not hidden & set(c.metadata.get("tags", []))]
    started = [n for n, c in enumerate(cells, 1) if c.metadata.get("papermill", {}).get("start_time")]
    if not started:
        return "a cell"
    n = started[-1]
    first = next((line for line in cells[n - 1].source.splitlines() if line.strip()), "")
    return f"cell {n} ({first.strip()[:60]!r})"
