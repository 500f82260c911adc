"""Run one report notebook for one market and scenario with papermill, in a reused kernel."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from multiprocessing.util import Finalize
from pathlib import Path

from .paths import NOTEBOOKS

# Starting a kernel and importing pandas and matplotlib cost more than running most notebooks, so
# each worker process keeps one kernel and clears its namespace between notebooks.
RESET = "%reset -f"
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
    """This process's kernel, started on first use and again if it died; variables cleared."""
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.util import run_sync

    global _kernel
    if _kernel is None or not run_sync(_kernel.is_alive)():
        _kernel = AsyncKernelManager(kernel_name="python3")
        run_sync(_kernel.start_kernel)(cwd=str(NOTEBOOKS))
        Finalize(_kernel, _shutdown, exitpriority=10)  # pool workers skip atexit; this still runs
    reset = NotebookClient(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(RESET)]), km=_kernel)
    reset.execute()
    reset.kc.stop_channels()
    return _kernel


def execute(notebook: Path, output: Path, params_file: Path, scenario: str = "base") -> Outcome:
    """Execute a notebook with injected parameters; a failing cell becomes an Outcome, not a crash."""
    import papermill
    from nbclient.exceptions import DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    logging.getLogger("papermill").setLevel(logging.WARNING)
    start = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters={"params_file": str(params_file), "scenario": scenario},
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            cwd=str(NOTEBOOKS),
            km=kernel(),
        )
    except PapermillExecutionError as exc:
        return Outcome(notebook.stem, False, time.perf_counter() - start, f"{exc.ename}: {exc.evalue}")
    except DeadKernelError as exc:
        return Outcome(notebook.stem, False, time.perf_counter() - start, f"kernel died: {exc}")
    return Outcome(notebook.stem, True, time.perf_counter() - start)
