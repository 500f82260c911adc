"""Render on a Dask cluster: one task per market x scenario, the files it makes sent back as bytes.

Workers need this package (same version) installed, nothing else: each task carries the market's
inputs as validated at the start of the run (the frozen copy the local pool reads too), so an edit
of a params file mid-run changes nothing and workers need no access to the client's files. They
never touch outputs/ or the cache: the client restores cached units, sends each task the notebooks
still to run, and writes, caches and publishes what comes back, so results and failures arrive
exactly as from the local process pool.
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.brand import DEFAULT, Brand
from ...core.errors import ClusterError
from ..execute import CELL_TIMEOUT, Outcome
from ..lean_imports import skip_iri_grammars
from ..options import job_limit
from ..tasks import export_target, exported_files, run_notebook
from . import dask_log

if TYPE_CHECKING:
    from distributed import Client

    from ..batch import Batch
    from ..options import RenderOptions
    from ..units import Target

CONNECT_TIMEOUT = "30s"


@contextmanager
def connect(address: str | None, jobs: int | None) -> Iterator[Client]:
    """A client of the scheduler at address, or of a local cluster with one single-threaded worker per job."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--executor dask needs dask.distributed: pip install 'cmo-reports[dask]'") from None
    if address:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=jobs or job_limit()[0], threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def run_target(target: Target, notebooks: list[tuple[str, bytes]], executed: dict[str, bytes],
               export: tuple | None, inputs: dict[str, bytes],
               cell_timeout: float = CELL_TIMEOUT, brand: Brand = DEFAULT) -> tuple[list[Outcome], dict[str, bytes]]:
    """Worker side: run a target's notebooks, then its export if asked, in a scratch folder; return every file made.

    `inputs` is the market file and its overlays as the client validated them (relative paths to bytes);
    `cell_timeout` is --cell-timeout, which holds on a worker as in the local pool.
    """
    skip_iri_grammars()
    with tempfile.TemporaryDirectory(prefix="cmo-task-") as tmp:
        folder, source = Path(tmp, "report"), Path(tmp, "source")
        (folder / "notebooks").mkdir(parents=True)
        source.mkdir()
        for rel, data in inputs.items():
            (Path(tmp, "inputs") / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp, "inputs") / rel).write_bytes(data)
        target = replace(target, params_file=Path(tmp, "inputs", target.params_file.name))
        for name, data in executed.items():
            (folder / "notebooks" / name).write_bytes(data)
        outcomes = []
        for name, data in notebooks:
            (source / name).write_bytes(data)
            outcomes.append(run_notebook(source / name, folder / "notebooks" / name, target.params_file,
                                         target.scenario, cell_timeout, brand=brand))
        made = [f"notebooks/{name}" for name, _ in notebooks if (folder / "notebooks" / name).exists()]
        if export is not None and all(o.ok for o in outcomes):
            outcomes.append(export_target(target, folder, *export))
            made += exported_files(folder) if outcomes[-1].ok else []
        return outcomes, {name: (folder / name).read_bytes() for name in made}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(batch: Batch, todo: dict[Target, list[Path]], frozen: dict[str, Path], options: RenderOptions) -> None:
    """Client side: submit one task per target that has work left and take its results as they finish."""
    from distributed import as_completed

    with connect(options.scheduler, options.jobs) as client, dask_log.to_file(options.out / dask_log.NAME):
        futures = {}
        for t, notebooks in todo.items():
            if not notebooks and batch.export_done(t):
                continue
            export = None if batch.export_cached(t) else batch.export_args(t)
            done = (batch.folder(t) / "notebooks").glob("*.ipynb")
            executed = {} if export is None else {p.name: p.read_bytes() for p in done}
            fut = client.submit(run_target, t, [(nb.name, nb.read_bytes()) for nb in notebooks], executed, export,
                                _files(frozen[t.slug].parent), options.cell_timeout, batch.keys[t].brand, pure=False,
                                key=f"cmo-render-{t.label}-{os.urandom(4).hex()}")
            futures[fut] = (t, notebooks)
        for fut in as_completed(futures):
            t, notebooks = futures.pop(fut)
            try:
                outcomes, files = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails its target, never the run
                reason = f"task failed: {type(exc).__name__}: {exc}"
                outcomes, files = [Outcome(nb.stem, False, 0.0, reason) for nb in notebooks], {}
            for name, data in files.items():
                path = batch.folder(t) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            for outcome in outcomes:
                batch.finish(t, outcome)
            if not any(o.notebook == "export" for o in outcomes) and not batch.export_done(t):
                batch.finish(t, Outcome("export", False, 0.0, "the cached export vanished during the run"))
