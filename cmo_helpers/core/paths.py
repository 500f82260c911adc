"""Every project path built from one root, so code works from any working directory.

The package ships its notebooks and templates; the analyst's params/ and outputs/ belong to the
project being worked on: the current folder when it has a params/ folder, otherwise the source
checkout the package runs from (notebook kernels start in notebooks/), otherwise the current folder.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
CHECKOUT = PACKAGE.parent
TEMPLATES = PACKAGE / "templates"


def _shipped(folder: str, beside: str) -> Path:
    """A wheel maps a top-level folder of the checkout (notebooks/, params/) into the package; a checkout has it
    beside the package."""
    shipped = PACKAGE / folder
    return shipped if shipped.is_dir() else CHECKOUT / beside


def _root() -> Path:
    """The project: the current folder, or the one above when a kernel runs in a project's notebooks/."""
    here = Path.cwd()
    for folder in (here, here.parent) if here.name == "notebooks" else (here,):
        if (folder / "params").is_dir():
            return folder
    if (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "params").is_dir():
        return CHECKOUT
    return here


def _notebooks(root: Path) -> Path:
    """The project's own notebooks (copies `cmo-report init` made, perhaps edited) when it has them, else ours."""
    own = root / "notebooks"
    return own if any(own.glob("[0-9][0-9]-*.ipynb")) else SHIPPED_NOTEBOOKS


SHIPPED_NOTEBOOKS = _shipped("notebooks", "notebooks")
EXAMPLES = _shipped("examples", "params")  # the example markets `cmo-report init` copies
ROOT = _root()
NOTEBOOKS = _notebooks(ROOT)
PARAMS = ROOT / "params"
OUTPUTS = ROOT / "outputs"
DEFAULT_NAME = "healthcare-cmo.yaml"
OFF_REPORT = "not-in-report"  # first-cell tag of a notebook that no render runs (the explorer)
DEFAULT_PARAMS = PARAMS / DEFAULT_NAME


def resolve_params(name: str | Path, params_dir: Path | None = None) -> Path:
    """Accept a bare file name or slug as well as a path, as analysts type them."""
    path = Path(name)
    if path.exists():
        return path.resolve()
    folder = params_dir or PARAMS
    for candidate in (folder / path, folder / f"{path}.yaml"):
        if candidate.exists():
            return candidate.resolve()
    return path


def font_folder() -> Path | None:
    """matplotlib's own DejaVu fonts, which charts, the PDF and the glyph check share (found without importing it)."""
    spec = importlib.util.find_spec("matplotlib")
    folder = Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" if spec else None
    return folder if folder and folder.is_dir() else None


def in_report(notebook: Path) -> bool:
    """Whether a numbered notebook is a report section: a working one (the explorer) tags its first cell OFF_REPORT."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells") or [{}]
    return OFF_REPORT not in cells[0].get("metadata", {}).get("tags", [])


def notebook_paths() -> list[Path]:
    """The report sections, in reading order."""
    return [nb for nb in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")) if in_report(nb)]


def market_params_files(params_dir: Path | None = None) -> list[Path]:
    """Every market file in a params folder (scenario overlays live below it)."""
    return sorted((params_dir or PARAMS).glob("*.yaml"))


def scenario_folder(params_file: Path, slug: str) -> Path:
    """Where a market's scenario overlays live: next to its params file, so any params folder works."""
    return params_file.parent / "scenarios" / slug
