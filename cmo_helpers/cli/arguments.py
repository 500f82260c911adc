"""Arguments the subcommands share: paths made absolute once, here; one `-o/--out`; types that say what they take."""
from __future__ import annotations

import argparse
import datetime as dt
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


def add_served(parser: argparse.ArgumentParser, port: int) -> None:
    """What the commands that serve one market on localhost take: FILE, where to serve it, and its brand."""
    parser.add_argument("file", metavar="FILE", help="params file or name in params/")
    parser.add_argument("--port", type=int, default=port,
                        help=f"port on 127.0.0.1 (default {port}; 0 picks a free one)")
    parser.add_argument("--open", action="store_true", help="open the page in the default browser")
    parser.add_argument("--params-dir", type=path, default=None,
                        help="where bare names are looked up (default: ./params)")
    add_brand(parser, "a brand.yml file (default: a _brand.yml beside the params file, if any)")


def add_brand(parser: argparse.ArgumentParser, help: str) -> None:
    """`--brand FILE`, the same on every command that draws a report or a chart."""
    parser.add_argument("--brand", type=path, default=None, metavar="FILE", help=help)


def add_overrides(parser: argparse.ArgumentParser) -> None:
    """`-P KEY=VALUE`, repeatable, on every command that renders."""
    parser.add_argument("-P", dest="overrides", metavar="KEY=VALUE", type=override, action="append", default=[],
                        help="change one figure for this run, e.g. -P size.cagr.rate=12%% -P size.anchor=cagr or "
                             "-P 'breakdowns.region.items.North America.share=40%%' (repeatable; checked like the "
                             "file, shown as an assumption in the report)")


def shown(where: Path) -> str:
    """A path as short as it can be read: relative under the current folder, absolute elsewhere."""
    relative = os.path.relpath(where)
    return where.as_posix() if relative.startswith("..") else relative


def formats(value: str) -> tuple[str, ...]:
    from ..pipeline.render import FORMATS

    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in chosen if v not in FORMATS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(f"--to takes a comma list of {', '.join(FORMATS)}; got {value!r}")
    return chosen


def executor(value: str) -> str:
    from ..pipeline import executors

    if value not in executors.names():
        raise argparse.ArgumentTypeError(f"--executor takes one of {', '.join(executors.names())}; got {value!r}")
    return value


def jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number of at least 1; got {value!r}")
    return int(value)


def day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--date takes YYYY-MM-DD; got {value!r}") from None


def seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds < 86_400:
        raise argparse.ArgumentTypeError(f"--cell-timeout takes seconds between 0 and 86400; got {value!r}")
    return seconds


def override(value: str) -> str:
    """A `-P key=value` pair, checked for its shape here; its key and value are checked against each market."""
    from ..inputs.overrides import split

    try:
        split(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value
