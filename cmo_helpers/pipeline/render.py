"""Render every notebook for many markets and scenarios in parallel, redoing only what changed.

Each unit (a notebook run, a target's export) has a content key (units.py); an intact cache entry
(cache.py) under that key is copied instead of redone. A market's folder is assembled in staging
and swapped in only when all of it succeeded; a market whose published manifests already carry
every current key is left alone, and is found so before the model or Jupyter is imported.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from multiprocessing.util import Finalize
from pathlib import Path

from ..core import source_files
from ..core.errors import NothingToRender, ParamsError
from ..core.escape import clip, terminal
from ..core.paths import NOTEBOOKS, OUTPUTS, notebook_paths, resolve_params
from ..core.report_date import pinned
from . import collection, manifest, publish, stopping
from .cache import Cache
from .execute import CELL_TIMEOUT, Outcome
from .lean_imports import skip_iri_grammars
from .units import Target, export_key, input_hash, inputs, notebook_key, recall_plan, remember_plan

FORMATS = ("html", "pdf")
CACHE_DIR = ".cache"


@dataclass
class Summary:
    """Outcomes of a render run, grouped so the CLI can report and choose an exit code."""

    outcomes: dict[Target, list[Outcome]] = field(default_factory=dict)
    published: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, Path] = field(default_factory=dict)
    current: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class Keys:
    """A target's unit keys and the input hash shown on its pages."""

    inputs: dict[str, str]
    input_hash: str
    notebooks: dict[str, str]
    export: str
    options: dict

    def as_dict(self) -> dict:
        return {"notebooks": self.notebooks, "export": self.export}


def plan(params_files: list[str | Path], which: str = "none", params_dir: Path | None = None) -> list[Target]:
    """Validate every params and overlay file first, so nothing runs when any is bad."""
    from ..inputs import glyphs
    from ..inputs import overlays as scenarios
    from ..inputs.load import load_params

    targets: list[Target] = []
    seen: dict[str, Path] = {}
    problems: list[ParamsError] = []
    for name in params_files:
        path = resolve_params(name, params_dir)
        try:
            p = load_params(path)
            scenarios.validate_scenarios(path)
        except ParamsError as exc:
            problems.append(exc)
            continue
        if p.market.slug in seen:
            clash = f"'{p.market.slug}' is also used by {seen[p.market.slug]}"
            problems.append(ParamsError(path, [("market.slug", clash)]))
            continue
        seen[p.market.slug] = path
        for line in glyphs.warnings(path):
            print(f"warning: {terminal(line)}", file=sys.stderr)
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
        known = ", ".join(available) or "none"
        raise ParamsError(path, [("--scenarios", f"unknown scenario {', '.join(unknown)}; available: {known}")])
    return wanted


def _recall(params_files: list[str | Path], which: str, params_dir: Path | None, store: Cache) -> list[Target] | None:
    """The targets of a run whose every market file was validated before with the same bytes, else None."""
    targets: list[Target] = []
    for name in params_files:
        path = resolve_params(name, params_dir)
        recalled = recall_plan(store.root, path, which) if path.is_file() else None
        if recalled is None:
            return None
        targets.extend(recalled)
    slugs = [t.slug for t in targets if t.scenario == "base"]
    return targets if len(slugs) == len(set(slugs)) else None


def _related(target: Target, targets: list[Target]) -> list[tuple[str, str]]:
    """Index links between a market's base report and its scenario reports, relative to each."""
    return [
        ("Base case (market file)" if t.scenario == "base" else f"{t.title} scenario",
         Path(os.path.relpath(t.subdir / "index.html", target.subdir)).as_posix())
        for t in targets
        if t.slug == target.slug and t != target
    ]


def unit_keys(targets: list[Target], notebooks: list[Path], formats: tuple[str, ...]) -> dict[Target, Keys]:
    """Every unit's key, from file contents alone."""
    keys = {}
    for t in targets:
        files = inputs(t.params_file, t.slug)
        digest = input_hash(files)
        nb_keys = {nb.name: notebook_key(nb, t, digest) for nb in notebooks}
        options = {"title": t.title, "related": _related(t, targets), "input_hash": digest[:12], "date": pinned()}
        keys[t] = Keys(files, digest, nb_keys, export_key(list(nb_keys.values()), formats, options), options)
    return keys


def _current(slug: str, targets: list[Target], keys: dict[Target, Keys], out: Path) -> bool:
    """True when the published folder holds exactly these targets, each built from these keys."""
    mine = [t for t in targets if t.slug == slug]
    published = {p.parent.name for p in (out / slug / "scenarios").glob("*/" + manifest.NAME)}
    if published != {t.scenario for t in mine if t.scenario != "base"}:
        return False
    return all(manifest.matches(out / t.subdir, keys[t].as_dict()) for t in mine)


def _quiet_worker(runtime_dir: str) -> None:
    """Kernels inherit the worker's stderr and log connection chatter; failures come back as Outcomes.

    Ctrl-C reaches the whole terminal process group: only the parent acts on it, by killing workers and
    kernels. Kernel connection files (and kernels' temporary files) go to the staging folder, so a
    killed run leaves none behind. Nothing has imported nbformat yet, so its unused IRI grammars are skipped.
    """
    skip_iri_grammars()
    Finalize(None, _end_worker, exitpriority=-100)  # after every other finalizer, the kernel's shutdown included
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.makedirs(runtime_dir, exist_ok=True)
    os.environ["JUPYTER_RUNTIME_DIR"] = os.environ["TMPDIR"] = tempfile.tempdir = runtime_dir
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def _end_worker() -> None:
    """End as a forked worker ends: tearing down pandas, matplotlib and the export's modules took 0.25 s per run."""
    sys.stdout.flush()
    os._exit(0)


def _run(notebook: Path, output: Path, params_file: Path, scenario: str, cell_timeout: float = CELL_TIMEOUT) -> Outcome:
    """Worker entry point: any crash, not just a cell error, becomes a failed Outcome."""
    from .execute import execute

    try:
        return execute(notebook, output, params_file, scenario, cell_timeout)
    except Exception as exc:  # noqa: BLE001 - a worker must report, never take the run down
        return Outcome(notebook.stem, False, 0.0, f"{type(exc).__name__}: {exc}")


def _publish(target: Target, folder: Path, formats: tuple[str, ...], related: list[tuple[str, str]],
             stamp: dict) -> Outcome:
    """Worker entry point: HTML pages, the combined PDF and the headline figures from executed notebooks."""
    start = time.perf_counter()
    try:
        from ..inputs.session import load
        from ..report import chart_images
        from ..typeset import pdf
        from . import datapack, export

        m = load(target.params_file, target.scenario)  # the audit judges m.published, not a scenario's overrides
        p = m.shown
        notebooks = sorted((folder / "notebooks").glob("*.ipynb"))
        sections = export.client_sections([export.section(nb) for nb in notebooks])
        chart_images.write_chart_files(notebooks, folder / "charts")
        workbook = datapack.write(notebooks, folder, p)
        if "html" in formats:
            export.write_pages(sections, p, target.scenario, folder, "pdf" in formats, target.title, related, stamp,
                               workbook.name)
        if "pdf" in formats:
            document = pdf.document(sections, p, target.scenario, target.title, export.audit_warning(sections), stamp,
                                    [workbook])
            pdf.write(document, folder / "report.pdf")
        figures = export.headline_figures(notebooks)
        if figures is None:  # a notebook set without the executive summary's box: the model, in this process
            from ..model.headline import headline

            figures = headline(m.published, p)
        manifest.write_figures(folder, figures)
    except Exception as exc:  # noqa: BLE001
        return Outcome("export", False, time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    return Outcome("export", True, time.perf_counter() - start)


def _exported_files(folder: Path) -> list[str]:
    """What an export wrote: everything in the target's folder but its notebooks and scenario folders."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file()
                  and p.relative_to(folder).parts[0] not in {"notebooks", "scenarios", publish.INPUTS, publish.MARKER})


class _Progress:
    """A tqdm bar on a terminal; plain numbered lines in CI logs."""

    def __init__(self, total: int, stream=None):
        from tqdm import tqdm

        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.total, self.done = total, 0
        self.bar = tqdm(total=total, unit="step", desc="render", disable=not self.interactive, file=self.stream)

    def step(self, target: Target, outcome: Outcome) -> None:
        self.done += 1
        status = "cached" if outcome.cached else "ok" if outcome.ok else "FAILED"
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


def default_jobs(reports: int) -> int:
    """One worker per report to build, up to the cores: a second worker for a single report pays for its own
    kernel and imports (about 1.3 s CPU) and finishes no sooner (benchmarks/bench_render.py)."""
    return max(1, min(os.cpu_count() or 1, reports))


class _Pool:
    """A process pool started only when some unit actually has to run."""

    def __init__(self, jobs: int | None, runtime_dir: Path):
        self.jobs, self.pool, self.runtime_dir = jobs or os.cpu_count() or 1, None, str(runtime_dir)

    def submit(self, fn, *args) -> Future:
        if self.pool is None:
            ctx = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_quiet_worker,
                                            initargs=(self.runtime_dir,))
        return self.pool.submit(fn, *args)

    def close(self, stopping_now: bool = False) -> None:
        """Wait for idle workers to exit; after a stop (workers already killed) only let go of the pool."""
        if self.pool is not None:
            self.pool.shutdown(wait=not stopping_now, cancel_futures=stopping_now)


def render(
    params_files: list[str | Path],
    formats: tuple[str, ...] = FORMATS,
    jobs: int | None = None,
    out: Path = OUTPUTS,
    which: str = "none",
    *,
    force: bool = False,
    cache_dir: Path | None = None,
    params_dir: Path | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    cell_timeout: float = CELL_TIMEOUT,
) -> Summary:
    """Bring every target up to date; a market's folder is swapped in only if all of it succeeded.

    SIGINT or SIGTERM at any moment raises Stopped after killing every worker and kernel and removing
    the staging folder; each published folder is then the old one or the new one, never a mix.
    """
    with stopping.on_signals(), source_files.one_read_each() as snapshots:
        return _render(params_files, formats, jobs, out, which, force, cache_dir, params_dir, executor, scheduler,
                       Bounds(snapshots, cell_timeout))


@dataclass(frozen=True)
class Bounds:
    """What every unit of one run shares: the input bytes validated once, and the time a cell may take."""

    snapshots: dict[Path, source_files.Snapshot]
    cell_timeout: float


def _render(params_files, formats, jobs, out, which, force, cache_dir, params_dir, executor, scheduler,
            bounds: Bounds) -> Summary:
    notebooks = notebook_paths()
    if not notebooks:
        raise NothingToRender(f"no report notebooks (NN-name.ipynb) found in {NOTEBOOKS}")
    store = Cache(cache_dir or out / CACHE_DIR)
    targets = None if force else _recall(params_files, which, params_dir, store)
    if targets is not None:
        keys = unit_keys(targets, notebooks, formats)
        slugs = dict.fromkeys(t.slug for t in targets)
        if all(_current(slug, targets, keys, out) for slug in slugs):
            if not (out / collection.NAME).is_file():  # nothing changed, so an existing index is current
                collection.write(out)
            return Summary({t: [] for t in targets}, current={slug: out / slug for slug in slugs})
    targets = plan(params_files, which, params_dir)
    if not targets:
        raise NothingToRender("no market to render")
    keys = unit_keys(targets, notebooks, formats)
    summary = _build(targets, keys, notebooks, formats, jobs, out, store, force, executor, scheduler, bounds)
    for path in dict.fromkeys(t.params_file for t in targets):
        remember_plan(store.root, path, which, [t for t in targets if t.params_file == path])
    collection.write(out)
    return summary


def _build(targets: list[Target], keys: dict[Target, Keys], notebooks: list[Path], formats: tuple[str, ...],
           jobs: int | None, out: Path, store: Cache, force: bool, executor: str, scheduler: str | None,
           bounds: Bounds) -> Summary:
    """Copy hits from the cache and run the misses for every market not already current."""
    slugs = dict.fromkeys(t.slug for t in targets)
    stale = [t for t in targets if force or not _current(t.slug, targets, keys, out)]
    summary = Summary({t: [] for t in stale}, current={s: out / s for s in slugs if s not in {t.slug for t in stale}})
    staging = publish.prepare(out, list(dict.fromkeys(t.slug for t in stale)))
    progress = _Progress(len(stale) * (len(notebooks) + 1))
    batch = _Batch(summary, progress, staging, keys, store, force, formats)
    before = stopping.descendants()
    stopping.become_subreaper()
    try:
        frozen = {t.slug: publish.freeze(t.params_file, t.slug, bounds.snapshots, staging / t.slug) for t in stale}
        todo = {t: batch.restore_notebooks(t, notebooks) for t in stale}
        if executor == "dask":
            from .executors.dask_executor import render_targets

            render_targets(batch, todo, scheduler, jobs, frozen)  # each task carries its market's frozen inputs
        else:
            _locally(batch, todo, notebooks, jobs, frozen, bounds.cell_timeout)
        progress.close()
        for t in stale:
            if all(o.ok for o in summary.outcomes[t]):
                manifest.write(staging / t.subdir, t, keys[t], summary.outcomes[t], formats)
        _move_into_place(summary, staging, out)
    except BaseException:
        stopping.kill_new_descendants(before)  # workers, kernels (own sessions), a local Dask cluster
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summary


@dataclass
class _Batch:
    """The state both executors share: where units go, what is cached, what has happened."""

    summary: Summary
    progress: _Progress
    staging: Path
    keys: dict[Target, Keys]
    store: Cache
    force: bool
    formats: tuple[str, ...]

    def folder(self, t: Target) -> Path:
        return self.staging / t.subdir

    def finish(self, t: Target, outcome: Outcome) -> None:
        """Record an outcome and cache what it produced."""
        self.summary.outcomes[t].append(outcome)
        self.progress.step(t, outcome)
        if not outcome.ok or outcome.cached:
            return
        folder = self.folder(t)
        if outcome.notebook == "export":
            self.store.put(self.keys[t].export, folder, _exported_files(folder))
        else:
            name = f"{outcome.notebook}.ipynb"
            self.store.put(self.keys[t].notebooks[name], folder / "notebooks", [name])

    def restore_notebooks(self, t: Target, notebooks: list[Path]) -> list[Path]:
        """Copy every cached notebook run into staging; the notebooks still to run."""
        folder = self.folder(t) / "notebooks"
        folder.mkdir(parents=True, exist_ok=True)
        todo = []
        for nb in notebooks:
            if not self.force and self.store.restore(self.keys[t].notebooks[nb.name], folder) is not None:
                self.finish(t, Outcome(nb.stem, True, 0.0, cached=True))
            else:
                todo.append(nb)
        return todo

    def export_done(self, t: Target) -> bool:
        """Settle the export without running it when a notebook failed or the cache has it; False if it must batch."""
        if not all(o.ok for o in self.summary.outcomes[t]):
            self.finish(t, Outcome("export", False, 0.0, "skipped: a notebook failed"))
        elif not self.force and self.store.restore(self.keys[t].export, self.folder(t)) is not None:
            self.finish(t, Outcome("export", True, 0.0, cached=True))
        else:
            return False
        return True

    def export_cached(self, t: Target) -> bool:
        return not self.force and self.store.get(self.keys[t].export) is not None

    def export_args(self, t: Target) -> tuple:
        """What _publish needs after the target and its folder."""
        return self.formats, self.keys[t].options["related"], manifest.stamp(self.keys[t].input_hash)


def _locally(batch: _Batch, todo: dict[Target, list[Path]], notebooks: list[Path], jobs: int | None,
             frozen: dict[str, Path], cell_timeout: float) -> None:
    """Process pool, one task per notebook run, so even one market uses every core.

    Every unit reads the market's frozen copy of its inputs, so editing a params file mid-run changes nothing.
    """
    pool = _Pool(jobs or default_jobs(len(todo)), batch.staging / ".runtime")
    pending: dict[Future, Target] = {}
    remaining = {t: len(nbs) for t, nbs in todo.items()}

    def export(t: Target) -> None:
        if not batch.export_done(t):
            on_copy = replace(t, params_file=frozen[t.slug])
            pending[pool.submit(_publish, on_copy, batch.folder(t), *batch.export_args(t))] = t

    try:
        for nb in notebooks:  # section-major order keeps every market moving at once
            for t, nbs in todo.items():
                if nb in nbs:
                    out_nb = batch.folder(t) / "notebooks" / nb.name
                    pending[pool.submit(_run, nb, out_nb, frozen[t.slug], t.scenario, cell_timeout)] = t
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


def _move_into_place(summary: Summary, staging: Path, out: Path) -> None:
    """Swap each market's fresh folder in; keep only the latest failed one beside the last good output."""
    for slug in dict.fromkeys(t.slug for t in summary.outcomes):
        ok = all(o.ok for t, outs in summary.outcomes.items() if t.slug == slug for o in outs)
        with stopping.deferred():  # a signal now waits until this market is fully swapped
            if ok:
                publish.swap_in(staging / slug, out / slug, staging / f"{slug}.previous")
                failed = out / f"{slug}.failed"
                if publish.is_ours(failed):
                    failed.rename(staging / f"{slug}.failed-previous")
                summary.published[slug] = out / slug
            else:
                publish.swap_in(staging / slug, out / f"{slug}.failed", staging / f"{slug}.failed-previous")
                summary.failed[slug] = out / f"{slug}.failed"
