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
from .units import code_digest, package_version, versions

if TYPE_CHECKING:
    from .execute import Outcome
    from .units import Keys, Target

NAME = "manifest.json"
FIGURES = "headline.json"
SHORT = 12


def _write_json(path: Path, data: dict) -> None:
    atomic.write_text(path, json.dumps(data, indent=2, sort_keys=False) + "\n")


def read(folder: Path) -> dict | None:
    """A target folder's manifest, or None when absent or unreadable."""
    try:
        data = json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def matches(folder: Path, keys: dict) -> bool:
    """True when the folder was built from exactly these unit keys and still holds every file it listed."""
    data = read(folder)
    return (data is not None and data.get("keys") == keys
            and all((folder / name).is_file() for name in data.get("files", [])))


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
    }
    _write_json(folder / NAME, data)
    return data
