"""Executors run a batch's units: `local` (a process pool) and `dask`, registered by name.

An executor is a callable `run(batch, todo, frozen, options)`: `batch` is a `pipeline.batch.Batch` (it records
outcomes and caches results), `todo` maps each target to the notebooks still to run, `frozen` maps each market's
slug to the frozen copy of its params file, `options` is the run's `RenderOptions`. A third party adds one (a Ray
or Slurm executor, say) through the `cmo_reports.executors` entry-point group, without editing this package:

    [project.entry-points."cmo_reports.executors"]
    slurm = "my_package.slurm:run"
"""
from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

GROUP = "cmo_reports.executors"


def _local() -> Callable:
    from .local import run

    return run


def _dask() -> Callable:
    from .dask_executor import run

    return run


_BUILTIN: dict[str, Callable[[], Callable]] = {"local": _local, "dask": _dask}
_registered: dict[str, Callable] = {}


def register(name: str, run: Callable) -> None:
    """Add an executor under a name (as papermill_engines.register does for engines)."""
    _registered[name] = run


def names() -> list[str]:
    """Every executor a render can use: the built-in ones, registered ones and installed plugins."""
    return sorted({*_BUILTIN, *_registered, *(ep.name for ep in entry_points(group=GROUP))})


def get(name: str) -> Callable:
    """The executor called name; plugins load only when asked for."""
    if name in _registered:
        return _registered[name]
    if name in _BUILTIN:
        return _BUILTIN[name]()
    for ep in entry_points(group=GROUP, name=name):
        return ep.load()
    raise KeyError(f"no executor named {name!r}; known: {', '.join(names())}")
