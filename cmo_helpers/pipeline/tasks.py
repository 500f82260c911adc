"""What a worker runs, on any executor: one notebook, or one target's export; any crash becomes an Outcome."""
from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from multiprocessing.util import Finalize
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.brand import DEFAULT, Brand
from . import manifest, publish
from .execute import CELL_TIMEOUT, Outcome
from .lean_imports import skip_iri_grammars
from .units import Target

if TYPE_CHECKING:
    from ..inputs.market_file import Params


def quiet_worker(runtime_dir: str) -> None:
    """Kernels inherit the worker's stderr and log connection chatter; failures come back as Outcomes.

    Ctrl-C and a closed terminal's SIGHUP reach the whole terminal process group: only the parent acts on
    them, by killing workers and kernels. Kernel connection files (and kernels' temporary files) go to the
    staging folder, so a killed run leaves none behind. Nothing has imported nbformat yet, so its unused IRI
    grammars are skipped.
    """
    skip_iri_grammars()
    Finalize(None, _end_worker, exitpriority=-100)  # after every other finalizer, the kernel's shutdown included
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    os.makedirs(runtime_dir, exist_ok=True)
    os.environ["JUPYTER_RUNTIME_DIR"] = os.environ["TMPDIR"] = tempfile.tempdir = runtime_dir
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def _end_worker() -> None:
    """End as a forked worker ends: tearing down pandas, matplotlib and the export's modules took 0.25 s per run."""
    sys.stdout.flush()
    os._exit(0)


def run_notebook(notebook: Path, output: Path, params_file: Path | None, scenario: str,
                 cell_timeout: float = CELL_TIMEOUT, parameters: dict | None = None, brand: Brand = DEFAULT) -> Outcome:
    """Execute one notebook for one target (or with its own `parameters`, as the comparison notebook has)."""
    from .execute import execute

    try:
        return execute(notebook, output, params_file, scenario, cell_timeout, parameters, brand)
    except Exception as exc:  # noqa: BLE001 - a worker must report, never take the run down
        return Outcome(notebook.stem, False, 0.0, f"{type(exc).__name__}: {exc}")


def export_target(target: Target, folder: Path, formats: tuple[str, ...], related: list[tuple[str, str]],
                  stamp: dict, brand: Brand = DEFAULT) -> Outcome:
    """HTML pages, the combined PDF, chart files, the data pack and the headline figures from executed notebooks."""
    start = time.perf_counter()
    try:
        from ..inputs.session import load
        from . import datapack, export

        m = load(target.params_file, target.scenario)  # the audit judges m.published, not a scenario's overrides
        p = m.shown
        reasons = datapack.assumption_reasons(p, m.overlays)
        notebooks = write_report(folder, p, target.scenario, target.title, formats, related, stamp, reasons=reasons,
                                 brand=brand)
        figures = export.headline_figures(notebooks)
        if figures is None:  # a notebook set without the executive summary's box: the model, in this process
            from ..model.headline import headline

            figures = headline(m.published, p)
        manifest.write_figures(folder, figures)
        if "pptx" in formats:
            from . import deck

            deck.write(notebooks, folder, p, figures, brand)
    except Exception as exc:  # noqa: BLE001
        return Outcome("export", False, time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    finally:
        _release_typst()
    return Outcome("export", True, time.perf_counter() - start)


def _release_typst() -> None:
    """A worker exports one market after another: what Typst kept of the last one is let go (see engine.release)."""
    if "typst" in sys.modules:
        from ..typeset import engine

        engine.release()


def write_report(folder: Path, p: Params, scenario: str, title: str, formats: tuple[str, ...],
                 related: list[tuple[str, str]], stamp: dict, subtitle: str | None = None,
                 reasons: dict[str, str] | None = None, brand: Brand = DEFAULT) -> list[Path]:
    """Pages, PDF, chart files and data pack from the executed notebooks in folder/notebooks, which it returns."""
    from ..typeset import pdf
    from . import chart_files, datapack, export

    notebooks = sorted((folder / "notebooks").glob("*.ipynb"))
    sections = export.client_sections([export.section(nb) for nb in notebooks])
    chart_files.write_chart_files(notebooks, folder / "charts", brand)
    workbook = datapack.write(notebooks, folder, p, reasons=reasons, brand=brand)
    if "html" in formats:
        export.write_pages(sections, p, scenario, folder, "pdf" in formats, title, related, stamp, workbook.name,
                           brand)
    if "pdf" in formats:
        document = pdf.document(sections, p, scenario, title, export.audit_warning(sections), stamp, [workbook],
                                subtitle, brand)
        pdf.write(document, folder / "report.pdf")
    return notebooks


def exported_files(folder: Path) -> list[str]:
    """What an export wrote: everything in the target's folder but its notebooks and scenario folders."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file()
                  and p.relative_to(folder).parts[0] not in {"notebooks", "scenarios", publish.INPUTS, publish.MARKER})
