"""Run one report notebook for one market and scenario in a reused kernel, writing the executed notebook once.

papermill injects the parameters and marks a failure as the `papermill` command does; nbclient runs the cells on the
kernel's one client. papermill.execute_notebook would save the notebook twice per cell (0.5 s CPU per market) and
connect a new client, waiting for kernel_info and IOPub, before every notebook.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from multiprocessing.util import Finalize
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.brand import DEFAULT, ENV, Brand
from ..core.paths import NOTEBOOKS
from .lean_imports import KERNEL_LINE

if TYPE_CHECKING:
    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.manager import AsyncKernelManager
    from nbformat import NotebookNode

# Starting a kernel and importing pandas and matplotlib cost more than running most notebooks, so each worker
# process keeps one kernel and one connected client. Before every notebook a silent request drops the previous
# notebook's variables (names the kernel set up at start are hidden, and kept), without %reset's full garbage
# collection; it is not a cell, so the saved notebook is as the analyst wrote it. It also drops what IPython keeps
# of every output shown (Out, _12, _, __, ___) and closes pyplot's figures: kept, they grew a kernel by about
# 0.4 MB per notebook, to 480 MB over a 200-market batch (benchmarks/bench_batch.py --sizes 200).
CLEAR = """def _cmo_clear(ip=get_ipython()):
    ns, hidden = ip.user_ns, ip.user_ns_hidden
    for name in [n for n in ns if (not n.startswith("_") and n not in hidden) or n[1:].isdigit()]:
        del ns[name]
        hidden.pop(name, None)
    ns.get("_oh", {}).clear()
    ip.displayhook._ = ip.displayhook.__ = ip.displayhook.___ = ""
    ns.update(_="", __="", ___="")
    pyplot = __import__("sys").modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
_cmo_clear(); del _cmo_clear"""
KERNEL_BYTES = 350 * 2**20  # a kernel grown past this by a notebook is replaced, so none of a long batch nears 400 MB
# The brand charts are drawn in (core/brand.py reads it in the kernel); set, or unset, before every notebook.
BRAND = """def _cmo_brand(text={text!r}):
    import os
    if text:
        os.environ[{env!r}] = text
    else:
        os.environ.pop({env!r}, None)
_cmo_brand(); del _cmo_brand"""
CELL_TIMEOUT = 120.0  # seconds; the slowest cell of a shipped notebook takes about 2 s
START_TIMEOUT = 60.0  # seconds for a new kernel to answer, as papermill allows
INJECTED = "injected-parameters"  # papermill's tag on the cell it adds
_kernel: Kernel | None = None
_finalizer: Finalize | None = None


@dataclass(frozen=True)
class Outcome:
    """What happened to one notebook run; the executed notebook is written either way."""

    notebook: str
    ok: bool
    seconds: float
    error: str = ""
    cached: bool = False


@dataclass
class Kernel:
    """A started kernel, the client connected to it once it answered, and what it said about its language."""

    manager: AsyncKernelManager
    client: AsyncKernelClient | None = None
    language_info: dict = field(default_factory=dict)


def _shutdown() -> None:
    from jupyter_core.utils import run_sync

    global _kernel
    if _kernel is not None:
        k, _kernel = _kernel, None
        if k.client is not None:
            k.client.stop_channels()
        run_sync(k.manager.shutdown_kernel)(now=True)


async def _launch() -> AsyncKernelManager:
    from jupyter_client.manager import AsyncKernelManager

    manager = AsyncKernelManager(kernel_name="python3")
    setup = [f"--IPKernelApp.exec_lines={KERNEL_LINE}",  # before any notebook imports nbformat
             "--HistoryManager.hist_file=:memory:"]  # as nbclient starts kernels: no history database on disk
    await manager.start_kernel(cwd=str(NOTEBOOKS), extra_arguments=setup)
    return manager


async def _connect(k: Kernel) -> None:
    client = k.manager.client()
    client.start_channels()
    client.allow_stdin = False  # as nbclient sets it: input() fails its cell at once instead of waiting for a reply
    try:
        await client.wait_for_ready(timeout=START_TIMEOUT)
        reply = await client.kernel_info(reply=True, timeout=START_TIMEOUT)
    except BaseException:
        client.stop_channels()
        raise
    k.client, k.language_info = client, reply["content"].get("language_info", {})


def launch() -> None:
    """Start this process's kernel if none is alive, without waiting: it boots while the worker imports and reads."""
    from jupyter_core.utils import run_sync

    global _kernel, _finalizer
    if _kernel is None or not run_sync(_kernel.manager.is_alive)():
        _shutdown()
        _kernel = Kernel(run_sync(_launch)())
        if _finalizer is None:  # pool workers skip atexit; this still runs
            _finalizer = Finalize(None, _shutdown, exitpriority=10)


def kernel() -> Kernel:
    """This process's kernel, started on first use and again if it died, with its client connected."""
    from jupyter_core.utils import run_sync

    launch()
    if _kernel.client is None:
        try:
            run_sync(_connect)(_kernel)
        except BaseException:
            _shutdown()
            raise
    return _kernel


@dataclass
class _Run:
    """One notebook's cells on the process's kernel, and which cell is running."""

    nb: NotebookNode
    kernel: Kernel
    cell_timeout: float
    brand: Brand = DEFAULT
    running: int = -1

    async def cells(self) -> None:
        from nbclient import NotebookClient

        nbc = NotebookClient(self.nb, km=self.kernel.manager, kernel_name="python3",
                             timeout_func=lambda cell: self.cell_timeout,  # its `timeout` takes whole seconds only
                             raise_on_iopub_timeout=True)  # as papermill: a cell whose output never ends fails
        nbc.kc = self.kernel.client
        setup = CLEAR + "\n" + BRAND.format(text="" if self.brand.is_default else self.brand.for_kernel(), env=ENV)
        reply = await nbc.kc.execute(setup, silent=True, store_history=False, reply=True, timeout=self.cell_timeout)
        if reply["content"]["status"] != "ok":
            raise RuntimeError("the kernel could not drop the previous notebook's variables or set the brand: "
                               f"{reply['content']}")
        for index, cell in enumerate(self.nb.cells):
            self.running = index
            await nbc.async_execute_cell(cell, index, execution_count=nbc.code_cells_executed + 1)
        self.running = -1


def _parameterized(notebook: Path, parameters: dict) -> NotebookNode:
    """The notebook with papermill's injected-parameters cell after its `parameters` cell."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    return parameterize_notebook(load_notebook_node(str(notebook)), parameters, kernel_name="python3")


def execute(notebook: Path, output: Path, params_file: Path | None, scenario: str = "base",
            cell_timeout: float = CELL_TIMEOUT, parameters: dict | None = None, brand: Brand = DEFAULT) -> Outcome:
    """Execute a notebook with injected parameters; a failing or hanging cell becomes an Outcome, not a crash.

    A report notebook gets `params_file` and `scenario`; a notebook with other parameters (the comparison's
    `params_files`) gets `parameters` instead.
    """
    launch()  # first, so the kernel starts up while nbclient and papermill are imported
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbclient.util import run_sync
    from papermill.exceptions import PapermillExecutionError
    from papermill.execute import raise_for_execution_errors
    from papermill.iorw import write_ipynb

    logging.getLogger("papermill").setLevel(logging.WARNING)
    start = time.perf_counter()
    nb = _parameterized(notebook, parameters or {"params_file": str(params_file), "scenario": scenario})
    run = _Run(nb, kernel(), cell_timeout, brand)
    nb.metadata["language_info"] = run.kernel.language_info
    failure = ""
    try:
        run_sync(run.cells)()
    except CellExecutionError:  # the cell's error output is in nb: papermill's check below finds and marks it
        nb.cells[run.running].metadata.setdefault("papermill", {})["exception"] = True
    except (CellTimeoutError, TimeoutError):
        _shutdown()  # the kernel is still busy in that cell; the next notebook gets a fresh one
        failure = f"{_cell_name(nb, run.running)} did not finish within --cell-timeout {cell_timeout:g} s"
    except DeadKernelError as exc:
        _shutdown()
        failure = f"kernel died: {exc}"
    if _kernel_bytes() > KERNEL_BYTES:
        _shutdown()  # whatever a notebook left behind that CLEAR cannot drop, the next one starts without it
    try:
        raise_for_execution_errors(nb, str(output))  # on an error: writes the notebook with papermill's banner
    except PapermillExecutionError as exc:
        return Outcome(notebook.stem, False, time.perf_counter() - start, f"{exc.ename}: {exc.evalue}")
    write_ipynb(nb, str(output))
    return Outcome(notebook.stem, not failure, time.perf_counter() - start, failure)


def _kernel_bytes() -> int:
    """Resident memory of this process's kernel (0 when there is none or it cannot be read)."""
    import psutil

    try:
        return psutil.Process(_kernel.manager.provisioner.pid).memory_info().rss
    except (AttributeError, TypeError, ValueError, psutil.Error):
        return 0


def _cell_name(nb: NotebookNode, index: int) -> str:
    """Name a cell as JupyterLab numbers it (papermill's injected cell left out), with its first line of code."""
    if index < 0:
        return "a cell"
    cells = [c for c in nb.cells[: index + 1] if INJECTED not in c.metadata.get("tags", [])]
    first = next((line for line in nb.cells[index].source.splitlines() if line.strip()), "")
    return f"cell {len(cells)} ({first.strip()[:60]!r})"
