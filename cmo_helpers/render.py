"""Render every notebook for many markets and scenarios in parallel, replacing outputs only on success."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import export, scenarios
from .errors import ParamsError
from .escape import clip, terminal
from .execute import Outcome, execute
from .params import load_params
from .paths import OUTPUTS, notebook_paths, resolve_params
from .session import load

FORMATS = ("html", "pdf")


@dataclass(frozen=True)
class Target:
    """One report to produce: a market file under one scenario."""

    params_file: Path
    slug: str
    scenario: str
    title: str

    @property
    def subdir(self) -> Path:
        return Path(self.slug) if self.scenario == "base" else Path(self.slug, "scenarios", self.scenario)

    @property
    def label(self) -> str:
        return self.slug if self.scenario == "base" else f"{self.slug}/{self.scenario}"


@dataclass
class Summary:
    """Outcomes of a render run, grouped so the CLI can report and choose an exit code."""

    outcomes: dict[Target, list[Outcome]] = field(default_factory=dict)
    published: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


def plan(params_files: list[str | Path], which: str = "none") -> list[Target]:
    """Validate every params and overlay file first, so nothing runs when any is bad."""
    targets: list[Target] = []
    seen: dict[str, Path] = {}
    problems: list[ParamsError] = []
    for name in params_files:
        path = resolve_params(name)
        try:
            p = load_params(path)
            scenarios.validate_scenarios(path)
        except ParamsError as exc:
            problems.append(exc)
            continue
        if p.market.slug in seen:
            problems.append(ParamsError(path, [("market.slug", f"'{p.market.slug}' is also used by {seen[p.market.slug]}")]))
            continue
        seen[p.market.slug] = path
        targets.append(Target(path, p.market.slug, "base", "Base"))
        overlays = scenarios.overlays(path)
        for name in _scenario_selection(path, list(overlays), which):
            targets.append(Target(path, p.market.slug, name, overlays[name].title))
    if problems:
        raise ParamsError.merge(problems)
    return targets


def _scenario_selection(path: Path, available: list[str], which: str) -> list[str]:
    if which == "none":
        return []
    if which == "all":
        return available
    wanted = [w.strip() for w in which.split(",") if w.strip() and w.strip() != "base"]
    unknown = [w for w in wanted if w not in available]
    if unknown:
        raise ParamsError(path, [("--scenarios", f"unknown scenario {', '.join(unknown)}; available: {', '.join(available) or 'none'}")])
    return wanted


def _quiet_worker() -> None:
    """Kernels inherit the worker's stderr and log connection chatter; failures come back as Outcomes."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def _run(notebook: Path, output: Path, params_file: Path, scenario: str) -> Outcome:
    """Worker entry point: any crash, not just a cell error, becomes a failed Outcome."""
    try:
        return execute(notebook, output, params_file, scenario)
    except Exception as exc:  # noqa: BLE001 - a worker must report, never take the run down
        return Outcome(notebook.stem, False, 0.0, f"{type(exc).__name__}: {exc}")


def _related(target: Target, targets: list[Target]) -> list[tuple[str, str]]:
    """Index links between a market's base report and its scenario reports, relative to each."""
    return [
        ("Base case (market file)" if t.scenario == "base" else f"{t.title} scenario",
         Path(os.path.relpath(t.subdir / "index.html", target.subdir)).as_posix())
        for t in targets
        if t.slug == target.slug and t != target
    ]


def _publish(target: Target, folder: Path, formats: tuple[str, ...], related: list[tuple[str, str]]) -> Outcome:
    """Worker entry point: HTML pages and the combined PDF from a target's executed notebooks."""
    start = time.perf_counter()
    try:
        p = load(target.params_file, target.scenario).shown
        executed = [export.section(nb) for nb in sorted((folder / "notebooks").glob("*.ipynb"))]
        sections = export.client_sections(executed)
        if "html" in formats:
            export.write_pages(sections, p, target.scenario, folder, "pdf" in formats, target.title, related)
        if "pdf" in formats:
            document = export.report_html(sections, p, target.scenario, target.title, export.audit_warning(sections))
            export.write_pdf(document, folder / "report.pdf")
    except Exception as exc:  # noqa: BLE001
        return Outcome("export", False, time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    return Outcome("export", True, time.perf_counter() - start)


class _Progress:
    """A tqdm bar on a terminal; plain numbered lines in CI logs."""

    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.total, self.done = total, 0
        self.bar = tqdm(total=total, unit="step", desc="render", disable=not self.interactive, file=self.stream)

    def step(self, target: Target, outcome: Outcome) -> None:
        self.done += 1
        status = "ok" if outcome.ok else "FAILED"
        line = f"{target.label} {outcome.notebook} {status} ({outcome.seconds:.1f}s)"
        error = terminal(clip(outcome.error))
        if self.interactive:
            self.bar.update(1)
            self.bar.set_postfix_str(line)
            if not outcome.ok:
                self.bar.write(f"{line}: {error}")
        else:
            print(f"[{self.done}/{self.total}] {line}" + ("" if outcome.ok else f": {error}"), flush=True)

    def close(self) -> None:
        self.bar.close()


def render(
    params_files: list[str | Path],
    formats: tuple[str, ...] = FORMATS,
    jobs: int | None = None,
    out: Path = OUTPUTS,
    which: str = "none",
) -> Summary:
    """Execute and export every target; a market's folder is swapped in only if all of it succeeded."""
    targets = plan(params_files, which)
    notebooks = notebook_paths()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    summary = Summary({t: [] for t in targets})
    progress = _Progress(len(targets) * (len(notebooks) + 1))
    pending: dict[Future, Target] = {}
    remaining = {t: len(notebooks) for t in targets}
    try:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(jobs or os.cpu_count() or 1, mp_context=ctx, initializer=_quiet_worker) as pool:
            for t in targets:
                (staging / t.subdir / "notebooks").mkdir(parents=True, exist_ok=True)
            for nb in notebooks:  # section-major order keeps every market moving at once
                for t in targets:
                    out_nb = staging / t.subdir / "notebooks" / nb.name
                    pending[pool.submit(_run, nb, out_nb, t.params_file, t.scenario)] = t
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    t = pending.pop(fut)
                    outcome = fut.result()
                    summary.outcomes[t].append(outcome)
                    progress.step(t, outcome)
                    if outcome.notebook == "export":
                        continue
                    remaining[t] -= 1
                    if remaining[t] == 0:
                        if all(o.ok for o in summary.outcomes[t]):
                            pending[pool.submit(_publish, t, staging / t.subdir, formats, _related(t, targets))] = t
                        else:
                            skipped = Outcome("export", False, 0.0, "skipped: a notebook failed")
                            summary.outcomes[t].append(skipped)
                            progress.step(t, skipped)
        progress.close()
        _move_into_place(summary, staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summary


def _move_into_place(summary: Summary, staging: Path, out: Path) -> None:
    """Swap each market's fresh folder in; park a failed one beside the last good output."""
    for slug in dict.fromkeys(t.slug for t in summary.outcomes):
        ok = all(o.ok for t, outs in summary.outcomes.items() if t.slug == slug for o in outs)
        fresh = staging / slug
        if ok:
            final = out / slug
            old = staging / f"{slug}.previous"
            if final.exists():
                final.rename(old)
            fresh.rename(final)
            shutil.rmtree(out / f"{slug}.failed", ignore_errors=True)
            summary.published[slug] = final
        else:
            failed = out / f"{slug}.failed"
            shutil.rmtree(failed, ignore_errors=True)
            fresh.rename(failed)
            summary.failed[slug] = failed
