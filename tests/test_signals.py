"""A real render stopped by SIGINT, a double SIGINT, SIGTERM or SIGHUP at a random moment: out within 5 s,
nothing left."""
from __future__ import annotations

import hashlib
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

CLI = [sys.executable, "-m", "cmo_helpers.cli", "render", "--to", "html", "--jobs", "2"]
SEED = random.randrange(1 << 30)


def _tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A finished render of a copy of the default market, and how long it took."""
    from cmo_helpers.core.paths import PARAMS

    root = tmp_path_factory.mktemp("signals")
    shutil.copytree(PARAMS, root / "params")
    params = root / "params" / "healthcare-cmo.yaml"
    start = time.monotonic()
    proc = subprocess.run([*CLI, str(params), "--out", str(root / "out")], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return root, params, time.monotonic() - start


def _alive(procs: dict[int, psutil.Process]) -> list[str]:
    alive = []
    for p in procs.values():
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                alive.append(" ".join(p.cmdline())[:120])
        except psutil.NoSuchProcess:
            pass
    return alive


@pytest.mark.parametrize("signals", [[signal.SIGINT], [signal.SIGINT, signal.SIGINT], [signal.SIGTERM],
                                     [signal.SIGHUP]], ids=["sigint", "double-sigint", "sigterm", "sighup"])
def test_stop_at_a_random_moment(previous, tmp_path, signals):
    root, params, duration = previous
    out = tmp_path / "out"
    shutil.copytree(root / "out", out, symlinks=True)
    before = _tree_hash(out / "healthcare-cmo")
    edited = tmp_path / "params"
    shutil.copytree(params.parent, edited)
    market = edited / params.name
    market.write_text(market.read_text().replace("value: 504.9", "value: 505.9"))  # the new run must do work
    delay = random.Random(f"{SEED}-{signals}").uniform(0.3, 0.5 * duration)  # validation, workers or kernels

    proc = subprocess.Popen([*CLI, str(market), "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    seen: dict[int, psutil.Process] = {}
    me = psutil.Process(proc.pid)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:  # remember every worker and kernel the run starts before the stop
        for p in me.children(recursive=True):
            seen.setdefault(p.pid, p)
        time.sleep(0.05)
    assert proc.poll() is None, f"the render finished before the stop at {delay:.1f}s (seed {SEED})"
    sent = time.monotonic()
    for n, sig in enumerate(signals):
        if n:
            time.sleep(0.2)
        proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    took = time.monotonic() - sent

    context = f"stop at {delay:.1f}s of ~{duration:.0f}s, seed {SEED}; stderr: {err[-400:]}"
    assert proc.returncode == 128 + signals[0], context
    assert took <= 5, context
    assert "Traceback" not in err, context
    for _ in range(40):  # orphans are reaped by init and the resource tracker sees its pipe close
        if not _alive(seen):
            break
        time.sleep(0.05)
    assert not _alive(seen), context  # (seen is empty when the stop came during validation: also a valid case)
    assert not list(out.glob(".staging-*")), context
    assert _tree_hash(out / "healthcare-cmo") == before, "the previous report is byte-for-byte intact"
