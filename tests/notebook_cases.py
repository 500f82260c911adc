"""Tiny parameterised notebooks for the execute, render and publish tests: the params cell, then given code."""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook


def notebook(folder: Path, name: str, *sources: str) -> Path:
    """Write `name`.ipynb in `folder`: a `parameters` cell as the report notebooks have, then one cell per source."""
    params = new_code_cell('params_file = ""\nscenario = "base"', metadata={"tags": ["parameters"]})
    nb = new_notebook(cells=[params, *(new_code_cell(s) for s in sources)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path
