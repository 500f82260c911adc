"""The Makefile's housekeeping: clean keeps reports, clean-outputs removes them, Ctrl-C in `make lab` stops it all."""
from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from cmo_helpers.core.paths import CHECKOUT


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The Makefile in a folder with a stand-in venv, a cache, a staging folder and two rendered reports."""
    shutil.copy2(CHECKOUT / "Makefile", tmp_path / "Makefile")
    for made in (".venv/bin/python", "outputs/.cache/ab/entry", "outputs/.staging-1-x/f", "pkg/__pycache__/m.pyc",
                 "outputs/healthcare-cmo/report.pdf", "outputs/eu-heat-pumps/report.pdf", "outputs/index.html",
                 "outputs/README.md", "params/healthcare-cmo.yaml"):
        (tmp_path / made).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / made).write_text("x")
    return tmp_path


def _left(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != "Makefile"}


def test_clean_removes_what_the_build_made_and_keeps_reports(tree):
    subprocess.run(["make", "clean"], cwd=tree, check=True, capture_output=True)
    assert _left(tree) == {"outputs/healthcare-cmo/report.pdf", "outputs/eu-heat-pumps/report.pdf",
                           "outputs/index.html", "outputs/README.md", "params/healthcare-cmo.yaml"}


def test_clean_outputs_removes_the_reports_only(tree):
    subprocess.run(["make", "clean-outputs"], cwd=tree, check=True, capture_output=True)
    assert _left(tree) == {".venv/bin/python", "pkg/__pycache__/m.pyc", "outputs/README.md",
                           "params/healthcare-cmo.yaml"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_kernel(port: int, token: str, deadline: float) -> str:
    """Start a kernel through the server's REST API, as opening a notebook does; retried while the server starts."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/kernels?token={token}", data=b"{}",
                                     method="POST", headers={"Content-Type": "application/json"})
    while True:
        try:
            return json.load(urllib.request.urlopen(request, timeout=60))["id"]
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.5)


@pytest.mark.slow
def test_one_ctrl_c_stops_make_lab_its_server_and_its_kernels():
    """As in a terminal: make runs in a pty, Ctrl-C sends SIGINT to its process group."""
    port, token = _free_port(), "cmo-test"
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes make, with the pty as its terminal
        os.chdir(CHECKOUT)
        os.execvp("make", ["make", "lab", f"LAB_ARGS=--no-browser --port {port} --IdentityProvider.token={token}"])
    started: list[psutil.Process] = []
    ended = False
    try:
        output, deadline = b"", time.time() + 120
        while f"127.0.0.1:{port}".encode() not in output and time.time() < deadline:
            if select.select([fd], [], [], 0.5)[0]:
                output += os.read(fd, 4096)
        kernel = _start_kernel(port, token, deadline)
        time.sleep(1)
        started = psutil.Process(pid).children(recursive=True)
        started += [p for p in psutil.process_iter(["cmdline"]) if kernel in " ".join(p.info["cmdline"] or [])]
        assert any("jupyter-lab" in " ".join(p.cmdline()) for p in started)
        os.killpg(os.getpgid(pid), signal.SIGINT)
        deadline = time.time() + 30
        while time.time() < deadline and not ended:
            ended = os.waitpid(pid, os.WNOHANG)[0] != 0
            if select.select([fd], [], [], 0.1)[0]:  # keep the pty drained, never block on it
                with contextlib.suppress(OSError):
                    os.read(fd, 4096)
        assert ended, "make still running 30 s after Ctrl-C"
        time.sleep(1)
        alive = [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        assert alive == [], "server or kernel still running after Ctrl-C"
    finally:
        if not ended:
            os.killpg(pid, signal.SIGKILL)  # make, its shell and the server; kernels run in sessions of their own
            os.waitpid(pid, 0)
        for p in started:
            with contextlib.suppress(psutil.Error):
                p.kill()
        os.close(fd)
