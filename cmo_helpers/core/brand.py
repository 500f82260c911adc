"""The house brand every output is drawn in: colours, fonts, logo and the cover's and footer's own words.

Today's look is DEFAULT; a `_brand.yml` (inputs/brand_file.py) replaces parts of it. Kernels draw the charts, so
the brand reaches them as JSON in one environment variable (`ENV`), set before each notebook runs.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, replace

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
        """What a cache key needs: every value, the logo's bytes included."""
        data = {**asdict(self), "logo": hashlib.sha256(self.logo).hexdigest()}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def for_kernel(self) -> str:
        """The values a kernel draws charts with, as the JSON `ENV` carries (no logo: charts do not show it)."""
        return json.dumps({k: v for k, v in asdict(self).items() if k not in ("logo", "logo_type")}, sort_keys=True)


DEFAULT = Brand()


def current() -> Brand:
    """The brand this process draws in: the one in `ENV` (set by the render before each notebook), else DEFAULT."""
    text = os.environ.get(ENV, "")
    return _parse(text) if text else DEFAULT


def _parse(text: str) -> Brand:
    data = json.loads(text)
    return replace(DEFAULT, **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
