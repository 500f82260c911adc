"""outputs/<slug>/manifest.json: what a report was rendered from, how, and what it says at a glance.

It records the inputs with their hashes, the git commit of the params folder, the versions of the
packages that shape the output, each unit's key, cache hit or miss and seconds, and the headline
figures and audit verdict (written by the export from the model, see headline.py).
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import atomic
from .cache import file_digest
from .units import code_digest, package_version, versions

if TYPE_CHECKING:
    from .execute import Outcome
    from .units import Keys, Target

NAME = "manifest.json"
FIGURES = "headline.json"
SHORT = 12


def _write_json(path: Path, data: dict) -> None:
    atomic.write_text(path, json.dumps(data, indent=2, sort_keys=False) + "\n")


# What the index reads from a manifest; one without it was written by an older cmo-report (or edited).
SHAPE = {"market": str, "scenario": str, "files": list, "figures": dict}
FIGURE_KEYS = ("name", "start_year", "end_year", "audit")  # a comparison has no single value or CAGR


def read(folder: Path) -> dict | None:
    """A target folder's manifest in this version's shape, or None when absent, unreadable or older."""
    try:
        data = json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), kind) for k, kind in SHAPE.items()):
        return None
    figures = data["figures"]
    shown = all(k in figures for k in FIGURE_KEYS) and ("start_value" not in figures or "unit" in figures)
    return data if shown else None


def brand(data: dict) -> str:
    """The digest of the brand a report was drawn in (units.Keys.as_dict records it); "" for today's look."""
    keys = data.get("keys")
    found = keys.get("brand", "") if isinstance(keys, dict) else ""
    return found if isinstance(found, str) else ""


def older(folder: Path) -> bool:
    """A manifest is there but not one this version reads: an older report, upgraded by rendering it again."""
    return (folder / NAME).is_file() and read(folder) is None


def matches(folder: Path, keys: dict) -> bool:
    """True when the folder was built from exactly these unit keys and every file it lists still has its hash."""
    data = read(folder)
    hashes = data.get("sha256") if data else None  # a manifest without hashes is older: render it again
    return (isinstance(hashes, dict) and data.get("keys") == keys
            and all(_intact(folder, name, hashes.get(name)) for name in data["files"]))


def _intact(folder: Path, name: object, sha256: object) -> bool:
    """A published file as it was written: a truncated or edited report.pdf is not 'up to date'."""
    path = folder / str(name)
    try:
        return path.is_file() and file_digest(path) == sha256
    except OSError:
        return False


def stamp(input_hash: str) -> dict:
    """What every page shows so a reader can tell which inputs and which version produced it."""
    return {"inputs": input_hash[:SHORT], "version": package_version(), "code": code_digest()[:SHORT]}


def write_figures(folder: Path, figures: dict) -> None:
    _write_json(folder / FIGURES, figures)


def git_commit(folder: Path) -> str | None:
    """The commit checked out in the params folder's repository, if it is one."""
    try:
        proc = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def write(folder: Path, target: Target, keys: Keys, outcomes: list[Outcome], formats: tuple[str, ...]) -> dict:
    """Write the manifest of one rendered target into its (staging) folder."""
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                   if p.is_file() and p.relative_to(folder).parts[0] != "scenarios")
    data = {
        "market": target.slug,
        "scenario": target.scenario,
        "scenario_title": target.title,
        "rendered_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "params_file": str(target.params_file),
        "inputs": keys.inputs,
        "input_hash": keys.input_hash,
        "git_commit": git_commit(target.params_file.parent),
        "cmo_reports": package_version(),
        "code_digest": code_digest(),
        "versions": versions(),
        "formats": list(formats),
        "units": [{"unit": o.notebook, "hit": o.cached, "ok": o.ok, "seconds": round(o.seconds, 3)} for o in outcomes],
        "seconds": round(sum(o.seconds for o in outcomes), 3),
        "figures": json.loads((folder / FIGURES).read_text(encoding="utf-8")),
        "keys": keys.as_dict(),
        "files": [f for f in files if f != NAME],
        "sha256": {f: file_digest(folder / f) for f in files if f != NAME},
    }
    _write_json(folder / NAME, data)
    return data
