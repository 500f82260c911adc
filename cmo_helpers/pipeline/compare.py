"""`cmo-report compare`: several market files in one report (HTML, PDF, data pack), listed in the collection index.

The comparison notebook runs once on a frozen copy of the files; the export is the one every report gets
(tasks.write_report). A folder whose manifest carries the current keys is left alone, so re-running is cheap.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import source_files
from ..core.errors import NothingToRender
from ..core.paths import NOTEBOOKS, OUTPUTS, resolve_params
from ..core.report_date import pinned
from . import collection, manifest, publish, stopping
from .execute import CELL_TIMEOUT, Outcome, execute
from .options import FORMATS
from .tasks import write_report
from .units import Keys, Target, export_key, input_hash, notebook_key

if TYPE_CHECKING:
    from ..model.conversion import ExchangeRate

FOLDER = NOTEBOOKS / "compare"
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


def _keys(target: Target, files: dict[str, str], options: dict, notebooks: list[Path],
          formats: tuple[str, ...]) -> Keys:
    """Unit keys from the files' contents and the comparison's options (mode, rates)."""
    digest = input_hash({**files, "options": json.dumps(options, sort_keys=True)})
    nb_keys = {nb.name: notebook_key(nb, target, digest) for nb in notebooks}
    stamp = {"title": TITLE, "related": [], "input_hash": digest[:12], "date": pinned()}
    return Keys(files, digest, nb_keys, export_key(list(nb_keys.values()), formats, stamp), stamp)


def compare(params_files: list[str | Path], formats: tuple[str, ...] = FORMATS, out: Path = OUTPUTS,
            mode: str = "auto", rates: list[ExchangeRate] = (), *, force: bool = False,
            cell_timeout: float = CELL_TIMEOUT) -> Compared:
    """Validate every file and the currencies first (ParamsError, MixedCurrencies), then render unless current."""
    from ..model.comparison import as_report, headline, load, slug

    notebooks = sorted(FOLDER.glob("*.ipynb"))
    if not notebooks:
        raise NothingToRender(f"no comparison notebook found in {FOLDER}")
    with stopping.on_signals(), source_files.one_read_each():
        paths = [resolve_params(f) for f in params_files]
        cmp = load(paths, list(rates), mode)
        name = slug(cmp)
        files = {f"{n}/{p.name}": source_files.snapshot(p).sha256 for n, p in enumerate(paths, 1)}
        options = {"mode": mode, "rates": [asdict(r) for r in rates]}
        target = Target(paths[0], name, "base", TITLE)
        keys = _keys(target, files, options, notebooks, formats)
        if not force and manifest.matches(out / name, keys.as_dict()):
            return Compared(name, out / name, True, [])
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
            parameters = {"params_files": frozen, **options}
            outcomes = [execute(nb, folder / "notebooks" / nb.name, None, cell_timeout=cell_timeout,
                                parameters=parameters) for nb in notebooks]
            if not all(o.ok for o in outcomes):
                publish.swap_in(folder, out / f"{name}.failed", staging / f"{name}.failed-previous")
                return Compared(name, out / f"{name}.failed", False, outcomes)
            write_report(folder, as_report(cmp), "base", TITLE, formats, [], manifest.stamp(keys.input_hash))
            manifest.write_figures(folder, headline(cmp))
            manifest.write(folder, target, keys, outcomes, formats)
            with stopping.deferred():
                publish.swap_in(folder, out / name, staging / f"{name}.previous")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        collection.write(out)
        return Compared(name, out / name, False, outcomes)
