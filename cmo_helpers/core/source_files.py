"""Read params and overlay files within bounds: regular files only, 1 MB at most, no YAML aliases, once per run."""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ParamsError

MAX_BYTES = 1_000_000  # the largest shipped market file is ~10 KB; a 50 MB file took minutes and 845 MB
MAX_DEPTH = 32  # params nest 4 levels deep; a deeper document is a mistake or an attack
_KINDS = {stat.S_ISDIR: "a directory", stat.S_ISFIFO: "a named pipe", stat.S_ISCHR: "a character device",
          stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}


@dataclass(frozen=True)
class Snapshot:
    """The bytes of one input file as read once, with their hash for the report's record."""

    path: Path
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


_run: dict[Path, Snapshot] | None = None


@contextlib.contextmanager
def one_read_each() -> Iterator[dict[Path, Snapshot]]:
    """Within this block every file is read from disk once, so a render cannot mix two versions of it."""
    global _run
    outer = _run
    _run = {} if outer is None else outer
    try:
        yield _run
    finally:
        _run = outer


def snapshot(path: Path) -> Snapshot:
    """The file's bytes: from this run's snapshot if there is one, else freshly read (notebooks, lab)."""
    key = Path(os.path.abspath(path))
    if _run is not None and key in _run:
        return _run[key]
    snap = Snapshot(key, _read_bounded(path))
    if _run is not None:
        _run[key] = snap
    return snap


def read_text(path: Path) -> str:
    """UTF-8 text of a params or overlay file, or a ParamsError saying what is wrong with the file."""
    data = snapshot(path).data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParamsError(path, [("", f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}; "
                                      "save the file as UTF-8")]) from None


def yaml_text(path: Path) -> str:
    """The file's text after checking its YAML events: aliases and deep nesting are refused before building."""
    import yaml  # here, so a render with nothing to do never imports it

    text = read_text(path)
    depth = 0
    try:  # libyaml's parser: the same events as PyYAML's, a tenth of the time (`cmo-report draft` checks each draft)
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.AliasEvent):
                raise ParamsError(path, [(f"line {event.start_mark.line + 1}",
                                          "YAML aliases (*name) are not allowed; write the value out in full")])
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    where = f"line {event.start_mark.line + 1}"
                    raise ParamsError(path, [(where, f"nested more than {MAX_DEPTH} levels deep")])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:  # libyaml stops at its own depth limit before the check above can
        if "nesting depth" not in str(exc):
            raise
        mark = getattr(exc, "problem_mark", None)
        raise ParamsError(path, [(f"line {mark.line + 1}" if mark else "(yaml)",
                                  f"nested more than {MAX_DEPTH} levels deep")]) from None
    return text


def _read_bounded(path: Path) -> bytes:
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the type check below refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ParamsError(path, [("", "file not found")]) from None
    except OSError as exc:
        raise ParamsError(path, [("", _reason(exc))]) from None
    try:
        mode = os.fstat(fd).st_mode
        kind = next((name for test, name in _KINDS.items() if test(mode)), None)
        if kind or not stat.S_ISREG(mode):
            raise ParamsError(path, [("", f"not a regular file ({kind or 'special file'}); give a .yaml file")])
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ParamsError(path, [("", _reason(exc))]) from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise ParamsError(path, [("", f"file is larger than {MAX_BYTES // 1_000_000} MB; a params file is a few KB")])
    return data


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: the file cannot be read"
    if exc.errno == errno.EISDIR:
        return "not a regular file (a directory); give a .yaml file"
    return (exc.strerror or str(exc)).lower()
