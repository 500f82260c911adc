"""The local executor: a process pool, one task per notebook run, so even one market uses every core."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace
from pathlib import Path

from ..batch import Batch
from ..options import RenderOptions, default_jobs
from ..tasks import export_target, quiet_worker, run_notebook
from ..units import Target


class Pool:
    """A process pool started only when some unit actually has to run."""

    def __init__(self, jobs: int | None, runtime_dir: Path):
        self.jobs, self.pool, self.runtime_dir = jobs or os.cpu_count() or 1, None, str(runtime_dir)

    def submit(self, fn, *args) -> Future:
        if self.pool is None:
            ctx = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=quiet_worker,
                                            initargs=(self.runtime_dir,))
        return self.pool.submit(fn, *args)

    def close(self, stopping_now: bool = False) -> None:
        """Wait for idle workers to exit; after a stop (workers already killed) only let go of the pool."""
        if self.pool is not None:
            self.pool.shutdown(wait=not stopping_now, cancel_futures=stopping_now)


def run(batch: Batch, todo: dict[Target, list[Path]], frozen: dict[str, Path], options: RenderOptions) -> None:
    """Every unit reads the market's frozen copy of its inputs, so editing a params file mid-run changes nothing."""
    pool = Pool(options.jobs or default_jobs(len(todo)), batch.staging / ".runtime")
    pending: dict[Future, Target] = {}
    remaining = {t: len(nbs) for t, nbs in todo.items()}
    notebooks = list(dict.fromkeys(nb for nbs in todo.values() for nb in nbs))

    def export(t: Target) -> None:
        if not batch.export_done(t):
            on_copy = replace(t, params_file=frozen[t.slug])
            pending[pool.submit(export_target, on_copy, batch.folder(t), *batch.export_args(t))] = t

    try:
        for nb in sorted(notebooks):  # section-major order keeps every market moving at once
            for t, nbs in todo.items():
                if nb in nbs:
                    out_nb = batch.folder(t) / "notebooks" / nb.name
                    pending[pool.submit(run_notebook, nb, out_nb, frozen[t.slug], t.scenario,
                                        options.cell_timeout, None, batch.keys[t].brand)] = t
        for t, left in remaining.items():
            if left == 0:
                export(t)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                t = pending.pop(fut)
                outcome = fut.result()
                batch.finish(t, outcome)
                if outcome.notebook != "export":
                    remaining[t] -= 1
                    if remaining[t] == 0:
                        export(t)
    except BaseException:
        pool.close(stopping_now=True)  # the caller kills the workers; waiting for them here could take minutes
        raise
    pool.close()
