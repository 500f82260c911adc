"""The house brand every output is drawn in: colours, fonts, logo and the cover's and footer's own words.

Today's look is DEFAULT; a `_brand.yml` (inputs/brand_file.py) replaces parts of it. Kernels draw the charts, so
the brand reaches them as JSON in one environment variable (`ENV`), set before each notebook runs.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

ENV = "CMO_BRAND"
FONT = "DejaVu Sans"  # the family the charts, pages, PDF, data pack and slides use without a brand
SHIPPED = frozenset({"DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif"})  # matplotlib's own files: on every machine
NAVY = "#1f3b57"
PALETTE = ("#1f3b57", "#3a8fb7", "#7bb661", "#d98e04", "#b5485d", "#6c5b9e", "#4d4d4d", "#a3c4dc")


@dataclass(frozen=True)
class Brand:
    """Resolved brand values, each already checked for the place it lands (colours are #rrggbb)."""

    name: str = ""
    primary: str = NAVY  # headings, table rules, the cover box, the main chart series
    foreground: str = "#1d2630"  # body text
    background: str = "#ffffff"
    palette: tuple[str, ...] = PALETTE  # chart series in order; the first four have fixed roles (charts.Colours)
    font: str = FONT
    heading_font: str = FONT
    font_files: tuple[str, ...] = ()  # bundled font files (absolute paths) the brand's families come from
    system_fonts: bool = False  # a family is only installed on this machine, so Typst must read the machine's fonts
    logo: bytes = field(default=b"", repr=False)
    logo_type: str = ""  # "svg", "png" or "jpg"
    cover_box: bool = True
    disclaimer: str = ""
    footer: str = ""

    @property
    def is_default(self) -> bool:
        return self == DEFAULT

    def digest(self) -> str:
        """What a cache key needs: every value, with the bytes of the logo and of each bundled font file (a font
        replaced at the same path renders again)."""
        return _digest(self, tuple(_stat(Path(name)) for name in self.font_files))

    def for_kernel(self) -> str:
        """The values a kernel draws charts with, as the JSON `ENV` carries (no logo: charts do not show it)."""
        return json.dumps({k: v for k, v in asdict(self).items() if k not in ("logo", "logo_type")}, sort_keys=True)


DEFAULT = Brand()


def current() -> Brand:
    """The brand this process draws in: the one in `ENV` (set by the render before each notebook), else DEFAULT."""
    text = os.environ.get(ENV, "")
    return _parse(text) if text else DEFAULT


@functools.lru_cache(maxsize=16)
def _digest(brand: Brand, font_stats: tuple) -> str:
    """Read once per brand and font file state: a render asks for it for every notebook of every market."""
    data = {**asdict(brand), "logo": hashlib.sha256(brand.logo).hexdigest(),
            "font_files": [[name, _file_hash(Path(name))] for name in brand.font_files]}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _stat(path: Path) -> tuple[int, int]:
    try:
        found = path.stat()
    except OSError:
        return (0, -1)
    return (found.st_mtime_ns, found.st_size)


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # gone since the brand was read: the key still changes, and the export names the missing file


def _parse(text: str) -> Brand:
    data = json.loads(text)
    return replace(DEFAULT, **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
