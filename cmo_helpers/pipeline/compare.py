"""`cmo-report compare`: several market files in one report (HTML, PDF, data pack), listed in the collection index.

The comparison notebook runs once on a frozen copy of the files; the export is the one every report gets
(tasks.write_report). A folder whose manifest carries the current keys is left alone, so re-running is cheap.
"""
from __future__ import annotations

import json
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from ..core import atomic, source_files
from ..core.brand import DEFAULT, Brand
from ..core.errors import NothingToRender
from ..core.escape import terminal
from ..core.paths import NOTEBOOKS, OUTPUTS, SHIPPED_NOTEBOOKS, resolve_params
from ..core.report_date import pinned
from . import collection, manifest, publish, stopping
from .execute import CELL_TIMEOUT, Outcome
from .options import CACHE_DIR, FORMATS
from .tasks import run_notebook, write_report
from .units import Keys, Target, export_key, input_hash, notebook_key, with_brand

# the project's own comparison notebook when it has one (`cmo-report init` copies it), else the package's
FOLDER = NOTEBOOKS / "compare" if (NOTEBOOKS / "compare").is_dir() else SHIPPED_NOTEBOOKS / "compare"
TITLE = "Comparison"


@dataclass(frozen=True)
class Compared:
    """Where a comparison went, whether it was already current, and each unit's outcome."""

    slug: str
    folder: Path
    current: bool
    outcomes: list[Outcome]

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes)


def comparison_keys(target: Target, files: dict[str, str], options: dict, notebooks: list[Path],
                    formats: tuple[str, ...], brand: Brand = DEFAULT) -> Keys:
    """Unit keys from the files' contents, the comparison's options (mode, rates) and its brand, which counts only
    when it is not today's look, as a market's does (plan.unit_keys), so unbranded keys stay what they were."""
    digest = input_hash({**files, "options": json.dumps(options, sort_keys=True)})
    nb_keys = {nb.name: notebook_key(nb, target, digest, brand) for nb in notebooks}
    stamp = with_brand({"title": TITLE, "related": [], "input_hash": digest[:12], "date": pinned()}, brand)
    return Keys(files, digest, nb_keys, export_key(list(nb_keys.values()), formats, stamp), stamp, brand)


def _run(notebooks: list[Path], folder: Path, parameters: dict, cell_timeout: float, staging: Path,
         brand: Brand) -> list[Outcome]:
    """Execute in a quiet worker, as render does: the kernel's console chatter stays out of the terminal."""
    from .executors.local import Pool

    pool = Pool(1, staging / ".runtime")
    try:
        return [pool.submit(run_notebook, nb, folder / "notebooks" / nb.name, None, "base", cell_timeout,
                            parameters, brand).result() for nb in notebooks]
    finally:
        pool.close()


def _plan_file(out: Path, files: dict[str, str], options: dict) -> Path:
    return out / CACHE_DIR / "plans" / f"compare-{input_hash({**files, 'options': json.dumps(options)})}.json"


def _recall_slug(plan: Path) -> str | None:
    """The folder name these very bytes gave before, so a no-op run never parses YAML or imports pydantic."""
    try:
        return json.loads(plan.read_text(encoding="utf-8"))["slug"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remember_slug(plan: Path, slug: str) -> None:
    atomic.write_text(plan, json.dumps({"slug": slug}))


def compare(params_files: list[str | Path], formats: tuple[str, ...] = FORMATS, out: Path = OUTPUTS,
            mode: str = "auto", rates: list[str] = (), rate_source: str = "", *, force: bool = False,
            cell_timeout: float = CELL_TIMEOUT, brand: Path | None = None) -> Compared:
    """Render unless current; every file, the brand, each rate and currency is checked before the output is touched.

    `brand` is `--brand FILE`; without it the `_brand.yml` the compared files share counts (brand_file.shared).
    Raises ParamsError for an invalid file or brand and MixedCurrencies for currencies without a stated rate.
    """
    from ..inputs import brand_file

    notebooks = sorted(FOLDER.glob("*.ipynb"))
    if not notebooks:
        raise NothingToRender(f"no comparison notebook found in {FOLDER}")
    with stopping.on_signals(), source_files.one_read_each():
        paths = [resolve_params(f) for f in params_files]
        house, note = brand_file.shared(paths, brand)
        if note:
            print(terminal(f"note: {note}"), file=sys.stderr)
        files = {f"{n}/{p.name}": source_files.snapshot(p).sha256 for n, p in enumerate(paths, 1)}
        options = {"mode": mode, "rates": list(rates), "rate_source": rate_source}
        plan = _plan_file(out, files, options)
        name = _recall_slug(plan)
        if name is not None and not force:
            keys = comparison_keys(Target(paths[0], name, "base", TITLE), files, options, notebooks, formats, house)
            if manifest.matches(out / name, keys.as_dict()):
                return Compared(name, out / name, True, [])
        from ..model.comparison import as_report, headline, load  # the model and pandas only when there is work
        from ..model.conversion import parse_rate
        from ..report.compare_view import subtitle

        cmp = load(paths, [parse_rate(r, rate_source) for r in rates], mode)
        name = as_report(cmp).market.slug
        target = Target(paths[0], name, "base", TITLE)
        keys = comparison_keys(target, files, options, notebooks, formats, house)
        staging = publish.prepare(out, [name])
        try:
            folder = staging / name
            frozen = []
            for key, path in zip(files, paths, strict=True):
                (folder / publish.INPUTS / key).parent.mkdir(parents=True, exist_ok=True)
                (folder / publish.INPUTS / key).write_bytes(source_files.snapshot(path).data)
                frozen.append(str(folder / publish.INPUTS / key))
            publish.mark(folder, files)
            (folder / "notebooks").mkdir()
            parameters = {"params_files": frozen, "mode": mode,
                          "rates": [asdict(r) for r in cmp.frame.rates]}
            outcomes = _run(notebooks, folder, parameters, cell_timeout, staging, house)
            if not all(o.ok for o in outcomes):
                publish.swap_in(folder, out / f"{name}.failed", staging / f"{name}.failed-previous")
                return Compared(name, out / f"{name}.failed", False, outcomes)
            stamp = {**manifest.stamp(keys.input_hash), "covers": "the compared files"}
            write_report(folder, as_report(cmp), "base", TITLE, formats, [], stamp, subtitle(cmp), brand=house)
            manifest.write_figures(folder, headline(cmp))
            manifest.write(folder, target, keys, outcomes, formats)
            with stopping.deferred():
                publish.swap_in(folder, out / name, staging / f"{name}.previous")
                if publish.is_ours(out / f"{name}.failed"):
                    (out / f"{name}.failed").rename(staging / f"{name}.failed-previous")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _remember_slug(plan, name)
        collection.write(out, [house])
        return Compared(name, out / name, False, outcomes)
