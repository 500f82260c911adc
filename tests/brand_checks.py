"""What the brand tests share: the example brand, its primary colour, and the colours a PDF page is filled with."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from cmo_helpers.core.paths import PARAMS

EXAMPLE = PARAMS / "brands" / "example" / "_brand.yml"
PINE = "#0b6e4f"  # the example brand's primary colour


def put_example_brand(folder: Path) -> Path:
    """The example brand copied into folder as `_brand.yml`, with its logo, as a user's params folder holds it."""
    for name in ("_brand.yml", "logo.svg"):
        shutil.copy(EXAMPLE.parent / name, folder / name)
    return folder / "_brand.yml"


def colours(data: bytes) -> set[tuple[float, float, float]]:
    """Every RGB fill a PDF content stream sets (Typst writes 'r g b scn')."""
    return {tuple(float(x) for x in m) for m in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) scn", data)}


def has(found: set, hex_colour: str) -> bool:
    want = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return any(all(abs(a - b) < 0.002 for a, b in zip(c, want, strict=True)) for c in found)
