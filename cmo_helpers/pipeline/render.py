"""Render every notebook for many markets and scenarios in parallel, redoing only what changed.

Each unit (a notebook run, a target's export) has a content key (units.py); an intact cache entry
(cache.py) under that key is copied instead of redone. A market's folder is assembled in staging
and swapped in only when all of it succeeded; a market whose published manifests already carry
every current key is left alone, and is found so before the model or Jupyter is imported.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ..core import source_files
from ..core.errors import NothingToRender
from ..core.paths import NOTEBOOKS, OUTPUTS, notebook_paths
from . import collection, executors, manifest, publish, space, stopping
from .batch import Batch, Summary
from .cache import Cache
from .execute import CELL_TIMEOUT
from .options import DEFAULT_FORMATS, FORMATS, RenderOptions, capped
from .plan import is_current, plan, recall, unit_keys
from .progress import Progress
from .units import Keys, Target, remember_plan

__all__ = ["FORMATS", "RenderOptions", "Summary", "plan", "render"]


def render(
    params_files: list[str | Path],
    formats: tuple[str, ...] = DEFAULT_FORMATS,
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
    overrides: tuple[str, ...] = (),
    brand: Path | None = None,
) -> Summary:
    """Bring every target up to date; a market's folder is swapped in only if all of it succeeded.

    SIGINT, SIGTERM or SIGHUP at any moment raises Stopped after killing every worker and kernel and removing
    the staging folder; each published folder is then the old one or the new one, never a mix.
    """
    options = RenderOptions(formats, jobs, out, which, force, cache_dir, params_dir, executor, scheduler, cell_timeout,
                            overrides, brand)
    return run(params_files, options)


def run(params_files: list[str | Path], options: RenderOptions) -> Summary:
    """`render` with its settings as one object; a failed write (a full disk) is an OutputError naming the folder."""
    try:
        return _run(params_files, options)
    except OSError as exc:  # the disk filled up, or a folder changed under the run: named, not a traceback
        raise space.named(exc, options.out, len(params_files)) from None


def _run(params_files: list[str | Path], options: RenderOptions) -> Summary:
    with stopping.on_signals(), source_files.one_read_each() as snapshots:
        notebooks = notebook_paths()
        if not notebooks:
            raise NothingToRender(f"no report notebooks (NN-name.ipynb) found in {NOTEBOOKS}")
        store = Cache(options.cache_root)
        up_to_date = _up_to_date(params_files, notebooks, options, store)
        if up_to_date is not None:
            return up_to_date
        targets = plan(params_files, options.which, options.params_dir, options.overrides)
        if not targets:
            raise NothingToRender("no market to render")
        keys = unit_keys(targets, notebooks, options.formats, options.overrides, options.brand)
        summary = _build(targets, keys, notebooks, store, snapshots, options)
        for path in dict.fromkeys(t.params_file for t in targets):
            remember_plan(store.root, path, options.which, [t for t in targets if t.params_file == path])
        collection.write(options.out, [k.brand for k in keys.values()])
        return summary


def _up_to_date(params_files: list[str | Path], notebooks: list[Path], options: RenderOptions,
                store: Cache) -> Summary | None:
    """A summary of nothing to do when every market was rendered from these very bytes, else None."""
    targets = None if options.force else recall(params_files, options.which, options.params_dir, store)
    if targets is None:
        return None
    keys = unit_keys(targets, notebooks, options.formats, options.overrides, options.brand)
    slugs = dict.fromkeys(t.slug for t in targets)
    if not all(is_current(slug, targets, keys, options.out) for slug in slugs):
        return None
    if not (options.out / collection.NAME).is_file():  # nothing changed, so an existing index is current
        collection.write(options.out, [k.brand for k in keys.values()])
    return Summary({t: [] for t in targets}, current={slug: options.out / slug for slug in slugs})


def _build(targets: list[Target], keys: dict[Target, Keys], notebooks: list[Path], store: Cache,
           snapshots: dict, options: RenderOptions) -> Summary:
    """Copy hits from the cache and run the misses for every market not already current."""
    out = options.out
    slugs = dict.fromkeys(t.slug for t in targets)
    stale = [t for t in targets if options.force or not is_current(t.slug, targets, keys, out)]
    summary = Summary({t: [] for t in stale}, current={s: out / s for s in slugs if s not in {t.slug for t in stale}})
    run_units = executors.get(options.executor)
    options, note = capped(options)
    if note:
        print(f"note: {note}", file=sys.stderr)
    staging = publish.prepare(out, list(dict.fromkeys(t.slug for t in stale)))
    progress = Progress(len(stale) * (len(notebooks) + 1))
    batch = Batch(summary, progress, staging, keys, store, options.force, options.formats)
    before = stopping.descendants()
    stopping.become_subreaper()
    try:
        store.check()
        space.check([out, store.root], len(stale))
        frozen = {t.slug: publish.freeze(t.params_file, t.slug, snapshots, staging / t.slug, options.overrides)
                  for t in stale}
        todo = {t: batch.restore_notebooks(t, notebooks) for t in stale}
        run_units(batch, todo, frozen, options)  # each unit reads its market's frozen inputs
        progress.close()
        for t in stale:
            if all(o.ok for o in summary.outcomes[t]):
                manifest.write(staging / t.subdir, t, keys[t], summary.outcomes[t], options.formats)
        _move_into_place(summary, staging, out)
    except BaseException:
        stopping.kill_new_descendants(before)  # workers, kernels (own sessions), a local Dask cluster
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summary


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
