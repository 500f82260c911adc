"""What a render was asked to do, as one frozen object handed down instead of long argument lists."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import psutil

from .execute import CELL_TIMEOUT

FORMATS = ("html", "pdf", "pptx")
DEFAULT_FORMATS = ("html", "pdf")
CACHE_DIR = ".cache"
# A pool worker and its kernel at their peak: 220 + 155 MB measured (benchmarks/bench_batch.py), with headroom.
WORKER_BYTES = 450 * 2**20


@dataclass(frozen=True)
class RenderOptions:
    """A render's settings: formats, output root, scenarios, cache, executor, bounds and brand."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    jobs: int | None = None
    out: Path = Path("outputs")
    which: str = "none"
    force: bool = False
    cache_dir: Path | None = None
    params_dir: Path | None = None
    executor: str = "local"
    scheduler: str | None = None
    cell_timeout: float = CELL_TIMEOUT
    overrides: tuple[str, ...] = ()  # -P key=value, applied to every market of the run
    brand: Path | None = None  # --brand: one brand file for every market, instead of a _brand.yml beside each

    @property
    def cache_root(self) -> Path:
        return self.cache_dir or self.out / CACHE_DIR


def job_limit() -> tuple[int, str]:
    """How many workers this machine can run at once (one per core, each with memory for itself and its kernel),
    and why."""
    cores = os.cpu_count() or 1
    available = psutil.virtual_memory().available
    limit = max(1, min(cores, available // WORKER_BYTES))
    return limit, (f"{cores} cores, {available / 2**30:.1f} GB of memory available at about "
                   f"{WORKER_BYTES // 2**20} MB per worker and its kernel")


def default_jobs(reports: int) -> int:
    """One worker per report to build, up to the limit: a second worker for a single report pays for its own
    kernel and imports (about 1.3 s CPU) and finishes no sooner (benchmarks/bench_render.py)."""
    return max(1, min(job_limit()[0], reports))


def capped(options: RenderOptions) -> tuple[RenderOptions, str | None]:
    """--jobs beyond what the cores and memory allow is lowered to that, with a note; a remote cluster sizes itself."""
    limit, why = job_limit()
    if options.jobs is None or options.scheduler or options.jobs <= limit:
        return options, None
    return replace(options, jobs=limit), f"--jobs {options.jobs} capped at {limit} ({why})"
