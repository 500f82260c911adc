"""Stop a render on SIGINT, SIGTERM or SIGHUP at any moment: no process left running, no half-swapped folder."""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from multiprocessing import resource_tracker

import psutil

from ..core.errors import Stopped

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)  # SIGHUP: the terminal was closed
PR_SET_CHILD_SUBREAPER = 36
_state = {"signum": None, "deferred": 0, "raised": False}


def _handler(signum: int, _frame) -> None:
    if _state["signum"] is not None:
        return  # a second Ctrl-C while cleaning up changes nothing; the cleanup is already bounded
    _state["signum"] = signum
    if not _state["deferred"]:
        _raise()


def _raise() -> None:
    _state["raised"] = True
    raise Stopped(_state["signum"])


@contextlib.contextmanager
def on_signals() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise Stopped once; afterwards all are ignored, so cleanup always finishes."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread can own signals; a caller in a thread handles stopping itself
        return
    _state.update(signum=None, deferred=0, raised=False)
    old = {s: signal.signal(s, _handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s in SIGNALS:
            signal.signal(s, old[s] if _state["signum"] is None else signal.SIG_IGN)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """A signal inside this block takes effect when it ends: a folder swap is never left half done."""
    _state["deferred"] += 1
    try:
        yield
    finally:
        _state["deferred"] -= 1
    if _state["signum"] is not None and not _state["deferred"] and not _state["raised"]:
        _raise()


def become_subreaper() -> None:
    """Kernels start their own sessions; if their worker dies first they come to us, not init, and are still killed."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def descendants() -> set[int]:
    """Process ids below this one, to tell a run's workers and kernels from what was there before."""
    return {p.pid for p in psutil.Process().children(recursive=True)}


def kill_new_descendants(before: set[int], grace: float = 2.0) -> None:
    """SIGKILL every process started below us since `before` (workers, kernels) and wait until each is dead.

    Nothing is reaped here: multiprocessing reaps its workers, and kernels orphaned to us are reaped
    when this process exits (reaping them here would make the pool wait for ever on vanished pids).
    """
    me = psutil.Process()
    # multiprocessing restarts a killed resource tracker and then trips over its lost state; it exits by
    # itself as soon as this process does, so it is left to do that.
    before = before | {getattr(resource_tracker._resource_tracker, "_pid", None)}
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:  # a worker may be starting a kernel as we kill it: look again
        procs = [p for p in me.children(recursive=True) if p.pid not in before and _running(p)]
        if not procs:
            return
        for p in procs:
            with contextlib.suppress(psutil.Error):
                p.kill()
        time.sleep(0.05)


def _running(p: psutil.Process) -> bool:
    try:
        return p.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
