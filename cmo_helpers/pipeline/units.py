"""What a render consists of: targets (market x scenario) and their units, each keyed by content.

A unit is one notebook run or one target's export (HTML pages, PDF and whatever else the export
writes). Its key hashes everything that can change its output: the notebook source, the market
file and its scenario overlays, the package source (plus templates for exports), the options, and
the versions of the packages that shape the output. Nothing here imports the model, pandas or
Jupyter, so a run with nothing to do stays well under a second.
"""
from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..core import atomic
from ..core.brand import DEFAULT, Brand
from ..core.paths import PACKAGE, TEMPLATES, scenario_folder
from ..core.source_files import snapshot
from .cache import digest

OUTPUT_SHAPING = ("pandas", "numpy", "matplotlib", "nbconvert", "nbformat", "nbclient", "papermill", "ipykernel",
                  "jinja2", "typst", "pydantic", "pyyaml", "fonttools")  # fonttools: the fonts the pages' charts carry
KEY_VERSION = "1"  # bump when the meaning of a key changes


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


@dataclass(frozen=True)
class Keys:
    """A target's unit keys and the input hash shown on its pages."""

    inputs: dict[str, str]
    input_hash: str
    notebooks: dict[str, str]
    export: str
    options: dict
    brand: Brand = DEFAULT

    def as_dict(self) -> dict:
        """What a manifest records and is matched against; the brand's digest only for a branded report, so an
        unbranded manifest keeps its shape and an older branded one (which lacks it) is written again."""
        return with_brand({"notebooks": self.notebooks, "export": self.export}, self.brand)


@functools.cache
def _installed() -> dict[str, str]:
    """Installed distributions by normalised name, from the *.dist-info folder names on sys.path.

    Reading names is an order of magnitude cheaper than importlib.metadata.version() per package,
    which parses each package's METADATA; the no-op render checks these on every run.
    """
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                dist, version = name[: -len(".dist-info")].split("-", 1)
                found.setdefault(dist.lower().replace("_", "-").replace(".", "-"), version)
    return found


def _version(name: str, installed: dict[str, str]) -> str:
    try:
        return installed.get(name) or metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def package_version() -> str:
    """The installed cmo-reports version, shown on every report beside its input hash."""
    version = _version("cmo-reports", _installed())
    return "0+unknown" if version == "absent" else version


@functools.cache
def versions() -> dict[str, str]:
    """Python and each output-shaping package, read without importing them."""
    installed = _installed()
    found = {"python": ".".join(map(str, sys.version_info[:3])), "cmo-reports": package_version()}
    found.update({name: _version(name, installed) for name in OUTPUT_SHAPING})
    return found


def _tree_digest(folder: Path, pattern: str) -> str:
    files = sorted(folder.rglob(pattern))
    return digest(*(part for path in files for part in (path.relative_to(folder).as_posix(), path.read_bytes())))


@functools.cache
def code_digest() -> str:
    """The package's Python source: any change may change what a notebook shows."""
    return _tree_digest(PACKAGE, "*.py")


@functools.cache
def templates_digest() -> str:
    return _tree_digest(TEMPLATES, "*")


def inputs(params_file: Path, slug: str, overrides: tuple[str, ...] = ()) -> dict[str, str | list[str]]:
    """SHA-256 of the market file and every overlay of the market (the scenarios section compares them all),
    and the -P overrides as typed."""
    found: dict[str, str | list[str]] = {params_file.name: snapshot(params_file).sha256}  # the validated bytes
    folder = scenario_folder(params_file, slug)
    for overlay in sorted(folder.glob("*.yaml")):
        found[f"scenarios/{slug}/{overlay.name}"] = snapshot(overlay).sha256
    if overrides:
        found["-P"] = list(overrides)
    return found


def input_hash(files: dict[str, str | list[str]]) -> str:
    """One hash of the inputs' names and contents, independent of where the params folder lives."""
    return digest(json.dumps(files, sort_keys=True))


def brand_key(brand: Brand) -> str:
    """The brand's part of a key: nothing for today's look, so unbranded keys stay as they were."""
    return "" if brand.is_default else brand.digest()


def with_brand(record: dict, brand: Brand) -> dict:
    """A record (export options, manifest keys) with the brand's digest added, for a brand only: unbranded
    records, and so their keys and manifests, stay as they were."""
    return record if brand.is_default else {**record, "brand": brand.digest()}


def notebook_key(notebook: Path, target: Target, inputs_hash: str, brand: Brand = DEFAULT) -> str:
    return digest("notebook", KEY_VERSION, notebook.name, notebook.read_bytes(), inputs_hash, str(target.params_file),
                  target.scenario, code_digest(), json.dumps(versions(), sort_keys=True), brand_key(brand))


def export_key(notebook_keys: list[str], formats: tuple[str, ...], options: dict) -> str:
    """An export depends on its notebooks' keys, the templates and the options, not on re-running them."""
    return digest("export", KEY_VERSION, *notebook_keys, templates_digest(), ",".join(formats),
                  json.dumps(options, sort_keys=True))


def _plan_file(root: Path, params_file: Path, which: str) -> Path:
    return root / "plans" / f"{digest(str(params_file), which)}.json"


def remember_plan(root: Path, params_file: Path, which: str, targets: list[Target]) -> None:
    """Record which targets a validated market file gave, keyed by the exact input bytes."""
    slug = targets[0].slug
    record = {"inputs": inputs(params_file, slug), "slug": slug,
              "targets": [[t.scenario, t.title] for t in targets]}
    atomic.write_text(_plan_file(root, params_file, which), json.dumps(record))


def recall_plan(root: Path, params_file: Path, which: str) -> list[Target] | None:
    """The targets of a market file validated before with the same bytes (and overlays), else None."""
    try:
        record = json.loads(_plan_file(root, params_file, which).read_text(encoding="utf-8"))
        if inputs(params_file, record["slug"]) != record["inputs"]:
            return None
        return [Target(params_file, record["slug"], scenario, title) for scenario, title in record["targets"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
