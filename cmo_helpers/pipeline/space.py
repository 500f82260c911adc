"""Disk space for a render: checked before it starts, and a full disk named with the folder and the space needed."""
from __future__ import annotations

import errno
import shutil
from pathlib import Path

from ..core.errors import OutputError

REPORT_BYTES = 4 * 2**20  # a report's folder (HTML, PDF, notebooks, data pack) measured 1.5 MB; its cache entry as much


def needed(reports: int) -> int:
    """Bytes a render of this many reports may write: staging, the published folder's swap and the cache entry."""
    return reports * REPORT_BYTES


def check(folders: list[Path], reports: int) -> None:
    """Refuse to start when the disk of the output or of the cache cannot hold what the render writes."""
    wanted: dict[int, tuple[Path, int]] = {}
    for folder in folders:
        device = _existing(folder).stat().st_dev
        first, total = wanted.get(device, (folder, 0))
        wanted[device] = (first, total + needed(reports))
    for folder, total in wanted.values():
        free = shutil.disk_usage(_existing(folder)).free
        if free < total:
            raise OutputError(folder, no_space(total, free))


def no_space(total: int, free: int | None = None) -> str:
    """The reason shown for a full disk: how much the render needs and, when known, how much is free."""
    have = f", {_mb(free)} free" if free is not None else ""
    return f"not enough disk space: the render needs about {_mb(total)}{have}; free some space or choose another folder"


def named(exc: OSError, folder: Path, reports: int) -> OutputError:
    """An OSError in the render's own writing as a named error: the folder, and for a full disk the space needed."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(folder, no_space(needed(reports)))
    where = Path(exc.filename) if exc.filename else folder
    return OutputError(where, f"cannot write: {(exc.strerror or str(exc)).lower()}")


def _existing(folder: Path) -> Path:
    """The folder, or its nearest existing parent (a folder the render has yet to create)."""
    folder = Path(folder).absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB" if size >= 2**20 else f"{size / 2**10:,.0f} KB"
