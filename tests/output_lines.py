"""A server command's output lines as they come, waiting for the one a test needs, and stopping it as a user does."""
from __future__ import annotations

import queue
import re
import signal
import subprocess
import threading
import time


def lines(proc: subprocess.Popen) -> queue.Queue:
    """The process's output lines as they come, read in a thread (select on a buffered pipe misses lines)."""
    found: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [found.put(line) for line in proc.stdout], daemon=True).start()
    return found


def line(found: queue.Queue, pattern: str, seconds: float) -> re.Match:
    """The first line matching pattern; AssertionError when none comes in time."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            match = re.search(pattern, found.get(timeout=max(0.1, deadline - time.time())))
        except queue.Empty:
            break
        if match:
            return match
    raise AssertionError(f"no line matching {pattern!r} within {seconds} s")


def as_background_job() -> None:
    """A preexec_fn: what `cmd &` in a script does to a command, SIGINT ignored (POSIX), which Python then never
    turns into KeyboardInterrupt; a server must still stop on Ctrl-C, so the tests start it this way."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ctrl_c(proc: subprocess.Popen, seconds: float = 30) -> None:
    """One Ctrl-C stops the command with exit 0 and leaves none of the processes it started."""
    import psutil

    children = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=seconds) == 0
    time.sleep(1)
    assert [p.pid for p in children if p.is_running() and p.status() != psutil.STATUS_ZOMBIE] == []
