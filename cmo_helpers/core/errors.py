"""One exception type per failure, so the CLI can map each to an exit code.

Each pickles with its fields (nbclient's CellExecutionError.__reduce__ pattern), so a failure raised in a
Dask worker or a pool process arrives whole: `path`, `problems`, `signum` survive the trip.
"""
from __future__ import annotations

from pathlib import Path

from .escape import clip, terminal


class CmoError(Exception):
    """Base of every error this package raises on purpose."""

    def _fields(self) -> tuple:
        """The constructor's arguments, as pickling rebuilds the error from them."""
        return self.args

    def __reduce__(self):
        return type(self), self._fields(), {"args": self.args}


class Stopped(CmoError):
    """SIGINT or SIGTERM arrived; the run was cleaned up and exits 128 + the signal number."""

    def __init__(self, signum: int):
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(f"stopped by signal {signum}")

    def _fields(self) -> tuple:
        return (self.signum,)


class OutputError(CmoError):
    """The output folder cannot be used: not a folder, not writable, or holds something we did not make."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(_line(self.path, "", reason))

    def _fields(self) -> tuple:
        return self.path, self.reason


class ParamsError(CmoError):
    """A params or scenario file is unreadable or invalid; lists every problem found."""

    def __init__(self, path: Path | str, problems: list[tuple[str, str]]):
        self.path = Path(path)
        self.problems = problems
        lines = [_line(self.path, key, reason) for key, reason in problems]
        super().__init__("\n".join(lines))

    def _fields(self) -> tuple:
        return self.path, self.problems

    @classmethod
    def merge(cls, errors: list[ParamsError]) -> ParamsError:
        """One error for several files, each line still naming its own file."""
        merged = cls(errors[0].path, [problem for e in errors for problem in e.problems])
        merged.args = ("\n".join(str(e) for e in errors),)
        return merged


class ExportError(CmoError):
    """Executed notebooks could not be turned into a page or the PDF (the message says which and why)."""


def _line(path: Path, key: str, reason: str) -> str:
    """One problem per line, whatever the key or value holds: control characters shown, length capped."""
    text = f"{path}: {key}: {reason}" if key else f"{path}: {reason}"
    return clip(terminal(text).replace("\n", "\\n"))


class MixedCurrencies(CmoError):
    """Files in different currencies, and no stated rate to put them in one: a silent rate would be our invention."""


class NothingToRender(CmoError):
    """No notebooks or no markets were found: an empty run must never look like a success."""


class ClusterError(CmoError):
    """The Dask executor cannot start: the package is missing or the scheduler cannot be reached."""


class ReleaseError(CmoError):
    """A release text given to `cmo-report draft` cannot be read as text."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")

    def _fields(self) -> tuple:
        return self.name, self.reason
