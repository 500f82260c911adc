"""What a notebook loads once: the market as published, the case it shows, and every scenario."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.paths import resolve_params
from .load import read_params
from .market_file import Params
from .overlays import BASE, Overlay, cases, check_name


@dataclass(frozen=True)
class Market:
    """One read of a market file and its overlays; every section of a report works from this."""

    path: Path
    scenario: str
    published: Params  # the market file as published: what the source audit judges
    shown: Params  # the case this report shows: the market file, or a scenario applied to it
    overlays: dict[str, Overlay]
    cases: dict[str, Params]  # every case, 'base' first
    raw: dict  # the market file's mapping as read, for checks that look at its text (glyphs)

    @property
    def title(self) -> str:
        """The shown case's name as readers see it."""
        return "Base case" if self.scenario == BASE else self.overlays[self.scenario].title


def load(params_file: str | Path, scenario: str = BASE) -> Market:
    """A market file, its scenario overlays and the case to show, each file read and validated once."""
    path = resolve_params(params_file)
    raw, published = read_params(path)
    check_name(path, published, scenario)
    found, every = cases(path, raw, published)
    return Market(path, scenario, published, every[scenario], found, every, raw)
