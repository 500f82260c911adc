"""Render progress: a tqdm bar on a terminal, plain numbered lines in CI logs."""
from __future__ import annotations

import sys

from ..core.escape import clip, terminal
from .execute import Outcome
from .units import Target


class Progress:
    """One step per unit (notebook run or export), its status and seconds."""

    def __init__(self, total: int, stream=None):
        from tqdm import tqdm

        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.total, self.done = total, 0
        self.bar = tqdm(total=total, unit="step", desc="render", disable=not self.interactive, file=self.stream)

    def step(self, target: Target, outcome: Outcome) -> None:
        self.done += 1
        status = "cached" if outcome.cached else "ok" if outcome.ok else "FAILED"
        line = f"{target.label} {outcome.notebook} {status} ({outcome.seconds:.1f}s)"
        error = terminal(clip(outcome.error))
        if self.interactive:
            self.bar.update(1)
            self.bar.set_postfix_str(line)
            if not outcome.ok:
                self.bar.write(f"{line}: {error}")
        else:
            print(f"[{self.done}/{self.total}] {line}" + ("" if outcome.ok else f": {error}"), flush=True)

    def close(self) -> None:
        self.bar.close()
