"""What a comparison notebook loads once: the files, the frame they are shown in, and whether they are editions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..core.errors import ParamsError
from ..inputs.load import load_params
from ..inputs.params import Params
from . import crossfile, editions
from .conversion import ExchangeRate, Frame, frame_for

Mode = Literal["auto", "editions", "publishers"]


@dataclass(frozen=True)
class Comparison:
    """Market files read once, in one currency unit; editions ordered oldest first."""

    names: list[str]
    params: list[Params]
    frame: Frame
    editions: bool

    @property
    def files(self) -> list[tuple[str, Params]]:
        return list(zip(self.names, self.params, strict=True))

    def edition_diffs(self) -> list[editions.EditionDiff]:
        """Each edition against the one before it."""
        ordered = editions.older_first(self.params)
        return [editions.diff(a, b, self.frame) for a, b in zip(ordered, ordered[1:], strict=False)]


def load(params_files: list[str | Path], rates: list[ExchangeRate] = (), mode: Mode = "auto") -> Comparison:
    """Read every file (all problems reported at once), refuse mixed currencies without a rate, pick the mode."""
    if len(params_files) < 2:
        raise ValueError(f"a comparison needs two or more params files; got {len(params_files)}")
    loaded, problems = [], []
    for name in params_files:
        try:
            loaded.append(load_params(name))
        except ParamsError as exc:
            problems.append(exc)
    if problems:
        raise ParamsError.merge(problems)
    is_editions = crossfile.same_release(loaded) if mode == "auto" else mode == "editions"
    return Comparison([Path(n).name for n in params_files], loaded, frame_for(loaded, rates), is_editions)
