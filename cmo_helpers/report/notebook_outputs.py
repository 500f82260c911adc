"""Outputs the kernel tagged in their metadata (charts, tables, headline figures), read back in reading order."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def tagged(notebooks: Iterable[Path], key: str) -> Iterator[tuple[Path, dict]]:
    """Each executed notebook's outputs whose metadata holds `key`, with the notebook they come from."""
    import nbformat  # at export only: kernels import the modules that tag outputs, and nbformat costs them 0.7 s

    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                if key in output.get("metadata", {}):
                    yield path, output
