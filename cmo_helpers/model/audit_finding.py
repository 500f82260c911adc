"""What an audit check returns, and the judgements every family of checks shares."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..inputs.figures import Basis
    from ..inputs.market_file import Params

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    """One rule's outcome, with the figures it compared so a reader can redo the sum.

    `numbers` always holds `subject` (what was checked), `stated` and `model` (the two
    figures compared); `stated_text` is a sourced figure as the source wrote it; rules add the
    intermediate figures behind their message.
    """

    rule: str
    severity: Severity
    message: str
    numbers: dict[str, float | int | str] = field(default_factory=dict)


def given_as(obj: Basis) -> str:
    """'stated' for a sourced figure, 'assumed' for our own, so no message blames a source for our inputs."""
    return "assumed" if obj.assumed else "stated"


def clash(*figures: Basis) -> Severity:
    """Sourced figures that disagree are the source's error; if we assumed one of them, it is ours to fix."""
    return "warning" if any(f.assumed for f in figures) else "error"


def tol_rate(p: Params) -> float:
    """The rate checks' tolerance from the params, as a fraction (plus float noise)."""
    return p.audit.cagr_tolerance_pp / 100 + 1e-12


ABOUT = 0.01  # 'about' and 'nearly' allow a relative slack of 1 % beyond the rounding tolerance


def holds(stated: float, model: float, tolerance: float, bound: str | None) -> bool:
    """Whether a model figure fits a stated one under the source's bound ('over 15%' holds for 15.6%)."""
    slack = max(tolerance, ABOUT * abs(stated))
    if bound in ("over", "more than", "at least"):
        return model >= stated - tolerance
    if bound == "up to":
        return model <= stated + tolerance
    if bound == "nearly":
        return stated - slack <= model <= stated + tolerance
    if bound == "about":
        return abs(model - stated) <= slack
    return abs(model - stated) <= tolerance
