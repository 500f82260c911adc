"""Content-addressed store of rendered units, so unchanged work is copied instead of redone.

An entry is a folder named by its key holding the unit's files and `entry.json`, which lists each
file's SHA-256. Entries are built in a private temporary folder and renamed into place, so a reader
never sees half an entry and two runs writing the same key at once both end with one good copy.
An entry whose files do not match their recorded digests, or that lists a name leaving its folder
('../../x', an absolute path) or a link, is refused: treated as a miss and removed.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from ..core.errors import OutputError

ENTRY = "entry.json"


def digest(*parts: bytes | str) -> str:
    """One SHA-256 over several parts, each length-prefixed so ('ab', 'c') and ('a', 'bc') differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contained(name: object) -> bool:
    """Whether a recorded name stays inside its folder: relative, POSIX, no '..', so a copy cannot land elsewhere."""
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name:
        return False
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and path.parts[:1] != (".",) and path.as_posix() == name


def _inside(folder: Path, path: Path) -> bool:
    """A file of the entry itself: not a link, and no linked folder on the way out of the entry."""
    return not path.is_symlink() and path.resolve().is_relative_to(folder.resolve())


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


class Cache:
    """A folder of entries keyed by unit key; safe for concurrent readers and writers."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def check(self) -> None:
        """Refuse a cache folder that is a file or cannot be written, before any work is done."""
        if self.root.exists() and not self.root.is_dir():
            raise OutputError(self.root, "is not a folder; --cache-dir needs a folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".probe-", dir=self.root)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise OutputError(self.root, f"the cache folder cannot be written ({_reason(exc)}); "
                                         "give a writable --cache-dir") from None

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get(self, key: str) -> dict[str, Path] | None:
        """The entry's files by relative name when the entry is complete and intact, else None."""
        folder = self._entry(key)
        try:
            recorded = json.loads((folder / ENTRY).read_text(encoding="utf-8"))["files"]
            files = {name: folder / name for name in recorded if contained(name)}
            if len(files) == len(recorded) and all(_inside(folder, path) and file_digest(path) == recorded[name]
                                                   for name, path in files.items()):
                return files
        except FileNotFoundError:
            if not folder.exists():
                return None
        except (OSError, ValueError, KeyError, TypeError):
            pass
        self.discard(key)
        return None

    def restore(self, key: str, dest: Path) -> list[str] | None:
        """Copy an intact entry's files under dest; the relative names copied, or None on a miss."""
        files = self.get(key)
        if files is None:
            return None
        for name, path in files.items():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        return sorted(files)

    def put(self, key: str, base: Path, names: list[str]) -> None:
        """Store base/<name> for each name under key; a concurrent writer of the same key may win."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))
        try:
            recorded = {}
            for name in names:
                target = tmp / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(base / name, target)
                recorded[name] = file_digest(target)
            (tmp / ENTRY).write_text(json.dumps({"files": recorded}, indent=1), encoding="utf-8")
            final = self._entry(key)
            final.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.rename(tmp, final)
            except OSError:
                if self.get(key) is None:  # a broken entry was in the way: replace it once
                    os.rename(tmp, final)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def discard(self, key: str) -> None:
        """Remove an entry by first renaming it aside, so no reader sees it half deleted."""
        folder = self._entry(key)
        aside = folder.with_name(f".gone-{folder.name}-{os.getpid()}")
        try:
            os.rename(folder, aside)
        except OSError:
            return
        shutil.rmtree(aside, ignore_errors=True)
