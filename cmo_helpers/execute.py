"""Run one report notebook for one market and scenario with papermill."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from .paths import NOTEBOOKS


@dataclass(frozen=True)
class Outcome:
    """What happened to one notebook run; the executed notebook is written either way."""

    notebook: str
    ok: bool
    seconds: float
    error: str = ""


def execute(notebook: Path, output: Path, params_file: Path, scenario: str = "base") -> Outcome:
    """Execute a notebook with injected parameters; a failing cell becomes an Outcome, not a crash."""
    import papermill
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
        )
    except PapermillExecutionError as exc:
        return Outcome(notebook.stem, False, time.perf_counter() - start, f"{exc.ename}: {exc.evalue}")
    return Outcome(notebook.stem, True, time.perf_counter() - start)
