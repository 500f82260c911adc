"""The output folder: check it first, stage each market with a frozen copy of its inputs, swap in whole."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import psutil

from ..core.errors import OutputError
from ..core.source_files import Snapshot

MARKER = ".cmo-report"  # in every folder this tool creates; a folder without it is never replaced
INPUTS = "inputs"
STAGING = ".staging-"


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def prepare(out: Path, slugs: list[str]) -> Path:
    """Refuse an unusable --out or a folder we did not make before anything runs; return a fresh staging folder."""
    if out.exists() and not out.is_dir():
        raise OutputError(out, "is not a folder; --out needs a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(out, f"cannot create the output folder: {_reason(exc)}") from None
    for slug in slugs:
        for folder in (out / slug, out / f"{slug}.failed"):
            if (folder.exists() or folder.is_symlink()) and not is_ours(folder):
                raise OutputError(folder, f"exists but was not made by cmo-report (no {MARKER} file in it); "
                                          "move it away or choose another --out")
    _remove_abandoned_staging(out)
    try:
        return Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=out))
    except OSError as exc:
        raise OutputError(out, f"cannot write here: {_reason(exc)}") from None


def is_ours(folder: Path) -> bool:
    return folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file()


def _remove_abandoned_staging(out: Path) -> None:
    """Staging folders of runs killed with SIGKILL (their process is gone) would otherwise pile up."""
    for folder in out.glob(f"{STAGING}*"):
        pid = folder.name.removeprefix(STAGING).split("-", 1)[0]
        if pid.isdigit() and not psutil.pid_exists(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def freeze(market_file: Path, slug: str, snapshots: dict[Path, Snapshot], folder: Path,
           overrides: tuple[str, ...] = ()) -> Path:
    """Write the market file (with any -P overrides in it) and its overlays as validated into folder/inputs;
    notebooks read only this copy."""
    overlays = market_file.parent / "scenarios" / slug
    record = {}
    for path, snap in sorted(snapshots.items()):
        if path == market_file:
            rel = Path(market_file.name)
        elif path.parent == overlays:
            rel = Path("scenarios", slug, path.name)
        else:
            continue
        data = snap.data
        if path == market_file and overrides:
            from ..inputs.overrides import frozen_text

            data = frozen_text(market_file, list(overrides)).encode()
        target = folder / INPUTS / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        record[rel.as_posix()] = hashlib.sha256(data).hexdigest()
    mark(folder, record)
    return folder / INPUTS / market_file.name


def mark(folder: Path, inputs_sha256: dict[str, str]) -> None:
    """Claim a staged folder as ours, listing the inputs frozen into it, so a later run may replace it."""
    marker = {"made_by": "cmo-report", "inputs_sha256": inputs_sha256}
    (folder / MARKER).write_text(json.dumps(marker, indent=1, sort_keys=True) + "\n")


def swap_in(fresh: Path, final: Path, trash: Path) -> None:
    """Replace final with fresh: two renames on one file system; the old folder goes to trash (in staging)."""
    if final.exists():
        final.rename(trash)
    fresh.rename(final)
