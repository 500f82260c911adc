"""The state every executor shares during a render: where units go, what is cached, what has happened."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import manifest
from .cache import Cache
from .execute import Outcome
from .progress import Progress
from .tasks import exported_files
from .units import Keys, Target


@dataclass
class Summary:
    """Outcomes of a render run, grouped so the CLI can report and choose an exit code."""

    outcomes: dict[Target, list[Outcome]] = field(default_factory=dict)
    published: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, Path] = field(default_factory=dict)
    current: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class Batch:
    """What executors are handed: record outcomes, restore and fill the cache, know each target's folder."""

    summary: Summary
    progress: Progress
    staging: Path
    keys: dict[Target, Keys]
    store: Cache
    force: bool
    formats: tuple[str, ...]

    def folder(self, t: Target) -> Path:
        return self.staging / t.subdir

    def finish(self, t: Target, outcome: Outcome) -> None:
        """Record an outcome and cache what it produced."""
        self.summary.outcomes[t].append(outcome)
        self.progress.step(t, outcome)
        if not outcome.ok or outcome.cached:
            return
        folder = self.folder(t)
        if outcome.notebook == "export":
            self.store.put(self.keys[t].export, folder, exported_files(folder))
        else:
            name = f"{outcome.notebook}.ipynb"
            self.store.put(self.keys[t].notebooks[name], folder / "notebooks", [name])

    def restore_notebooks(self, t: Target, notebooks: list[Path]) -> list[Path]:
        """Copy every cached notebook run into staging; the notebooks still to run."""
        folder = self.folder(t) / "notebooks"
        folder.mkdir(parents=True, exist_ok=True)
        todo = []
        for nb in notebooks:
            if not self.force and self.store.restore(self.keys[t].notebooks[nb.name], folder) is not None:
                self.finish(t, Outcome(nb.stem, True, 0.0, cached=True))
            else:
                todo.append(nb)
        return todo

    def export_done(self, t: Target) -> bool:
        """Settle the export without running it when a notebook failed or the cache has it; False if it must batch."""
        if not all(o.ok for o in self.summary.outcomes[t]):
            self.finish(t, Outcome("export", False, 0.0, "skipped: a notebook failed"))
        elif not self.force and self.store.restore(self.keys[t].export, self.folder(t)) is not None:
            self.finish(t, Outcome("export", True, 0.0, cached=True))
        else:
            return False
        return True

    def export_cached(self, t: Target) -> bool:
        return not self.force and self.store.get(self.keys[t].export) is not None

    def export_args(self, t: Target) -> tuple:
        """What tasks.export_target needs after the target and its folder."""
        return (self.formats, self.keys[t].options["related"], manifest.stamp(self.keys[t].input_hash),
                self.keys[t].brand)
