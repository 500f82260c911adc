"""Argument types the subcommands share: each turns a typed word into a value, or says what it takes."""
from __future__ import annotations

import argparse
import datetime as dt


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
