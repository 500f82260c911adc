"""Every project path built from one root, so code works from any working directory."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PARAMS = ROOT / "params"
OUTPUTS = ROOT / "outputs"
TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_PARAMS = PARAMS / "healthcare-cmo.yaml"


def resolve_params(name: str | Path) -> Path:
    """Accept a bare file name or slug as well as a path, as analysts type them."""
    path = Path(name)
    if path.exists():
        return path.resolve()
    for candidate in (PARAMS / path, PARAMS / f"{path}.yaml"):
        if candidate.exists():
            return candidate.resolve()
    return path


def notebook_paths() -> list[Path]:
    """The report sections, in reading order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def market_params_files() -> list[Path]:
    """Every market file shipped in params/ (scenario overlays live below it)."""
    return sorted(PARAMS.glob("*.yaml"))
