"""What a render was asked to do, as one frozen object handed down instead of long argument lists."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .execute import CELL_TIMEOUT

FORMATS = ("html", "pdf", "pptx")
DEFAULT_FORMATS = ("html", "pdf")
CACHE_DIR = ".cache"


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


def default_jobs(reports: int) -> int:
    """One worker per report to build, up to the cores: a second worker for a single report pays for its own
    kernel and imports (about 1.3 s CPU) and finishes no sooner (benchmarks/bench_render.py)."""
    return max(1, min(os.cpu_count() or 1, reports))
