"""`cmo-report explore FILE`: the explorer notebook as a page without code (Voila), for people who never open Lab.

The notebook is copied with FILE and the scenario written into its parameters cell (papermill's own
parameterisation, nothing executed here), and Voila serves that copy on localhost until Ctrl-C.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
import webbrowser
from pathlib import Path

from ..core import brand
from ..core.errors import ParamsError, Stopped
from ..core.escape import terminal
from ..core.paths import NOTEBOOKS, SHIPPED_NOTEBOOKS, resolve_params
from ..inputs.overlays import BASE
from .arguments import add_served, shown

EXIT_OK, EXIT_INVALID = 0, 2
NOTEBOOK = "08-explore.ipynb"
START_TIMEOUT = 120.0  # seconds Voila may take to listen (a cold start imports Jupyter Server and its extensions)


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `explore` on the main CLI, which owns the other subcommands."""
    e = sub.add_parser("explore", help="move a market's size, growth and shares with sliders in a page without code",
                       description="Serve the explorer for FILE on localhost with Voila: sliders for the first "
                                   "year's value, the CAGR and each share; key figures, size chart and audit follow; "
                                   "a button saves the case as a scenario overlay. Ctrl-C stops it.")
    add_served(e, 8866)
    e.add_argument("--scenario", default=BASE, help="the case the sliders start from (default: base)")
    e.set_defaults(func=run)


def _notebook() -> Path:
    """The project's copy of the explorer when it has one (made by `init`, perhaps edited), else ours."""
    own = NOTEBOOKS / NOTEBOOK
    return own if own.is_file() else SHIPPED_NOTEBOOKS / NOTEBOOK


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _wait(proc: subprocess.Popen, port: int, log: Path) -> str | None:
    """None once Voila answers on port; otherwise why it did not (its last log lines)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-5:]
            return "Voila stopped: " + " | ".join(tail)
        if _listening(port):
            return None
        time.sleep(0.2)
    return f"Voila did not answer on port {port} within {START_TIMEOUT:g} s"


def _stop(proc: subprocess.Popen) -> None:
    """Stop Voila and its kernel: ask first, then make sure."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    from ..pipeline import stopping

    stopping.kill_new_descendants(set())


def run(args: argparse.Namespace) -> int:
    """Check FILE and the scenario before anything starts, then serve the explorer until Ctrl-C."""
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from ..inputs import brand_file
    from ..inputs.session import load
    from ..pipeline import stopping

    market = resolve_params(args.file, args.params_dir)
    try:
        load(market, args.scenario)
        house = brand_file.read(brand_file.find(market, args.brand))
    except ParamsError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    if importlib.util.find_spec("voila") is None:
        print("cmo-report explore needs Voila: pip install 'cmo-reports[explore]'", file=sys.stderr)
        return EXIT_INVALID
    port = args.port or _free_port()
    if _listening(port):
        print(f"cannot serve on port {port}: something is listening there; try --port 0", file=sys.stderr)
        return EXIT_INVALID
    with tempfile.TemporaryDirectory(prefix="cmo-explore-") as scratch, stopping.on_signals():
        page = Path(scratch) / NOTEBOOK
        nb = parameterize_notebook(load_notebook_node(str(_notebook())),
                                   {"params_file": str(market), "scenario": args.scenario})
        nbformat.write(nb, page)
        log = Path(scratch) / "voila.log"
        with log.open("w") as sink:
            proc = subprocess.Popen([sys.executable, "-m", "voila", str(page), "--no-browser", f"--port={port}",
                                     "--Voila.ip=127.0.0.1", "--theme=light", f"--Voila.root_dir={scratch}"],
                                    stdout=sink, stderr=subprocess.STDOUT, cwd=scratch,
                                    env={**os.environ, "PYTHONUNBUFFERED": "1",
                                         **({} if house.is_default else {brand.ENV: house.for_kernel()})})
        try:
            problem = _wait(proc, port, log)
            if problem:
                print(terminal(problem), file=sys.stderr)
                return EXIT_INVALID
            url = f"http://127.0.0.1:{port}/"
            print(terminal(f"exploring {shown(market)} at {url}; saved scenarios go to its scenarios folder; "
                           f"Ctrl-C stops"), flush=True)
            if args.open:
                webbrowser.open(url)
            proc.wait()
            print(terminal("Voila stopped: " + " | ".join(log.read_text(errors="replace").splitlines()[-3:])),
                  file=sys.stderr)
            return EXIT_INVALID
        except (KeyboardInterrupt, Stopped):
            print("explorer stopped", file=sys.stderr)
            return EXIT_OK
        finally:
            _stop(proc)
