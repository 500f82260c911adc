"""What a render will build: targets validated up front (or recalled from a previous run), and their keys."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core.errors import ParamsError
from ..core.escape import terminal
from ..core.paths import resolve_params
from ..core.report_date import pinned
from . import manifest
from .cache import Cache
from .units import Keys, Target, export_key, input_hash, inputs, notebook_key, recall_plan, with_brand


def plan(params_files: list[str | Path], which: str = "none", params_dir: Path | None = None,
         overrides: tuple[str, ...] = ()) -> list[Target]:
    """Validate every params and overlay file, and the -P overrides on each, first, so nothing runs when any is bad."""
    from ..inputs import glyphs
    from ..inputs.load import claim_slug
    from ..inputs.overrides import apply
    from ..inputs.session import load

    targets: list[Target] = []
    seen: dict[str, Path] = {}
    problems: list[ParamsError] = []
    for name in params_files:
        path = resolve_params(name, params_dir)
        try:
            m = load(path)  # each file read and validated once, every scenario merged and checked
            if overrides:
                apply(path, list(overrides))
            claim_slug(seen, m.published.market.slug, path)
        except ParamsError as exc:
            problems.append(exc)
            continue
        p = m.published
        for line in glyphs.warnings(path, m.raw):
            print(f"warning: {terminal(line)}", file=sys.stderr)
        targets.append(Target(path, p.market.slug, "base", "Base"))
        for scenario in _scenario_selection(path, list(m.overlays), which):
            targets.append(Target(path, p.market.slug, scenario, m.overlays[scenario].title))
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


def recall(params_files: list[str | Path], which: str, params_dir: Path | None, store: Cache) -> list[Target] | None:
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


def unit_keys(targets: list[Target], notebooks: list[Path], formats: tuple[str, ...],
              overrides: tuple[str, ...] = (), brand: Path | None = None) -> dict[Target, Keys]:
    """Every unit's key, from file contents and the -P overrides alone; `brand` is `--brand`, else each market's
    `_brand.yml` counts."""
    from ..inputs import brand_file

    keys = {}
    brands = {path: brand_file.read(brand_file.find(path, brand))
              for path in dict.fromkeys(t.params_file for t in targets)}
    for t in targets:
        files = inputs(t.params_file, t.slug, overrides)
        digest = input_hash(files)
        house = brands[t.params_file]
        nb_keys = {nb.name: notebook_key(nb, t, digest, house) for nb in notebooks}
        options = with_brand({"title": t.title, "related": _related(t, targets), "input_hash": digest[:12],
                              "date": pinned()}, house)
        keys[t] = Keys(files, digest, nb_keys, export_key(list(nb_keys.values()), formats, options), options, house)
    return keys


def is_current(slug: str, targets: list[Target], keys: dict[Target, Keys], out: Path) -> bool:
    """True when the published folder holds exactly these targets, each built from these keys."""
    mine = [t for t in targets if t.slug == slug]
    published = {p.parent.name for p in (out / slug / "scenarios").glob("*/" + manifest.NAME)}
    if published != {t.scenario for t in mine if t.scenario != "base"}:
        return False
    return all(manifest.matches(out / t.subdir, keys[t].as_dict()) for t in mine)
