"""Arguments every command spells the same way: paths made absolute once, here, and one `-o/--out`."""
from __future__ import annotations

import argparse
import os
from pathlib import Path


def path(value: str) -> Path:
    """An absolute path, fixed against the folder the command was started in.

    Kernels run in the notebooks' folder and workers in staging folders, so a relative path handed
    further down would point somewhere else there.
    """
    return Path(os.path.abspath(os.path.expanduser(value)))


def add_out(parser: argparse.ArgumentParser, help: str, default: Path | None = None) -> None:
    """`-o/--out` on every command that writes; `--output`, the old spelling of draft and migrate, still works."""
    parser.add_argument("-o", "--out", "--output", dest="out", type=path, default=default, metavar="PATH", help=help)


def shown(where: Path) -> str:
    """A path as short as it can be read: relative under the current folder, absolute elsewhere."""
    relative = os.path.relpath(where)
    return where.as_posix() if relative.startswith("..") else relative
