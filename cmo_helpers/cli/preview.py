"""`cmo-report preview FILE`: the market's HTML pages on localhost, rendered again and reloaded on every save.

The pages on disk stay free of scripts; only the copies served here carry a few lines that ask, once a
second, whether a newer render exists, and reload the page when one does.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import queue
import sys
import threading
import time
import webbrowser
from pathlib import Path

from ..core.errors import ClusterError, NothingToRender, OutputError, ParamsError, Stopped
from ..core.escape import terminal
from ..core.paths import NOTEBOOKS, OUTPUTS, resolve_params, scenario_folder
from .arguments import add_out, add_overrides, add_served, shown

EXIT_OK, EXIT_INVALID = 0, 2
VERSION = "/__cmo_version"
WATCH_START = 30.0  # seconds the file watcher may take to start
RELOAD = (b"<script>let v=null;setInterval(()=>fetch('" + VERSION.encode() + b"').then(r=>r.text()).then(t=>"
          b"{if(v!==null&&t!==v)location.reload();v=t}).catch(()=>{}),1000)</script>")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `preview` on the main CLI, which owns the other subcommands."""
    p = sub.add_parser("preview", help="serve a market's HTML pages and render them again on every save",
                       description="Render FILE's HTML pages, serve them on localhost, and render again when the "
                                   "params file, its scenario overlays, its brand file or a notebook is saved; the "
                                   "open page reloads. "
                                   "Ctrl-C stops it.")
    add_served(p, 8000)
    p.add_argument("--scenarios", default="none", help="none (default), all, or a comma list of scenario names")
    add_overrides(p)
    add_out(p, "output root (default: outputs/)", OUTPUTS)
    p.set_defaults(func=run)


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Files under the output root; HTML pages get the reload script, /__cmo_version the render count."""

    renders = 0  # successful renders so far; a page reloads when it changes

    def do_GET(self) -> None:
        if self.path == VERSION:
            return self._send(str(type(self).renders).encode(), "text/plain")
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            page = target.read_bytes().replace(b"</body>", RELOAD + b"</body>", 1)
            return self._send(page, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        """Requests are not news; renders are."""


def _render(market: Path, args: argparse.Namespace) -> None:
    """Render the HTML pages; a bad edit is reported and the last good pages stay served."""
    from ..pipeline.render import render

    start = time.perf_counter()
    try:
        summary = render([market], ("html",), None, args.out, args.scenarios, params_dir=args.params_dir,
                         overrides=tuple(args.overrides), brand=args.brand)
    except (ParamsError, NothingToRender, ClusterError, OutputError) as exc:
        print(f"not rendered: {exc}", file=sys.stderr)
        return
    for target, outcomes in summary.outcomes.items():
        for o in (o for o in outcomes if not o.ok):
            print(terminal(f"FAILED {target.label} {o.notebook}: {o.error}"), file=sys.stderr)
    if summary.ok:
        _Pages.renders += 1  # before the line below, so whoever reads it finds the new version served
    print(f"rendered in {time.perf_counter() - start:.1f} s" if summary.ok else "render failed; last good pages kept",
          flush=True)


def _relevant(market: Path, slug: str, house: Path):
    """The saves that change the pages: the market file, its overlays, its brand file, a notebook."""
    overlays = scenario_folder(market, slug)

    def keep(_change, name: str) -> bool:
        changed = Path(name)
        return (changed in (market, house) or changed.parent == overlays and changed.suffix == ".yaml"
                or changed.parent == NOTEBOOKS and changed.suffix == ".ipynb")
    return keep


class _Saves:
    """Saves seen by a watcher that runs in a thread from before the first render, so a save is never missed.

    watchfiles starts watching only once its generator runs; run inline after the first render, a save made in
    between (the user's first, often) went unseen.
    """

    def __init__(self, folders: list[Path], keep) -> None:
        self.batches: queue.Queue = queue.Queue()
        self.stop, ready = threading.Event(), threading.Event()
        threading.Thread(target=self._watch, args=(folders, keep, ready), daemon=True).start()
        if not ready.wait(WATCH_START):
            raise OSError(f"the file watcher did not start within {WATCH_START:g} s")

    def _watch(self, folders: list[Path], keep, ready: threading.Event) -> None:
        import watchfiles

        try:  # a timeout yields an empty batch: the first one says the watcher is live
            for batch in watchfiles.watch(*folders, watch_filter=keep, stop_event=self.stop, rust_timeout=250,
                                          yield_on_timeout=True, raise_interrupt=False):
                ready.set()
                if batch:
                    self.batches.put(batch)
        except Exception as exc:  # told to the main thread, which stops
            self.batches.put(exc)
            ready.set()

    def wait(self) -> None:
        """Until the next save (saves made meanwhile count as one); a short poll, so Ctrl-C is felt at once."""
        seen = [self._next()]
        while not self.batches.empty():
            seen.append(self.batches.get_nowait())
        failed = next((b for b in seen if isinstance(b, Exception)), None)
        if failed is not None:
            raise OSError(f"watching for saves failed: {failed}")

    def _next(self):
        while True:
            try:
                return self.batches.get(timeout=0.5)
            except queue.Empty:
                continue


def run(args: argparse.Namespace) -> int:
    """Render, serve, then render again on each relevant save until Ctrl-C."""
    from ..inputs import brand_file
    from ..inputs.load import load_params
    from ..inputs.overrides import apply
    from ..pipeline import stopping

    market = resolve_params(args.file, args.params_dir)
    house = brand_file.find(market, args.brand) or market.parent / brand_file.NAME  # one saved later counts too
    try:
        slug = load_params(market).market.slug
        if args.overrides:
            apply(market, list(args.overrides))
        brand_file.read(brand_file.find(market, args.brand))
    except ParamsError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port),
                                                 functools.partial(_Pages, directory=str(args.out)))
    except OSError as exc:
        print(f"cannot serve on port {args.port}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    url = f"http://127.0.0.1:{server.server_address[1]}/{slug}/index.html"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with stopping.on_signals():  # SIGINT, SIGTERM, SIGHUP stop it, even when started with SIGINT ignored (`cmd &`)
        return _serve(market, slug, house, url, server, args)


def _serve(market: Path, slug: str, house: Path, url: str, server: http.server.ThreadingHTTPServer,
           args: argparse.Namespace) -> int:
    """Render once, then again on each save, until a signal; the server and the watcher always stop."""
    saves = None
    try:
        folders = list(dict.fromkeys(f for f in (market.parent, house.parent, NOTEBOOKS) if f.is_dir()))
        saves = _Saves(folders, _relevant(market, slug, house))
        _render(market, args)
        print(terminal(f"serving {url} from {shown(args.out)}; watching {shown(market)}, its scenarios and "
                       f"{shown(NOTEBOOKS)}; Ctrl-C stops"), flush=True)
        if args.open:
            webbrowser.open(url)
        while True:
            saves.wait()
            _render(market, args)
    except (KeyboardInterrupt, Stopped):
        print("preview stopped", file=sys.stderr)
    except OSError as exc:
        print(terminal(f"preview stopped: {exc}"), file=sys.stderr)
        return EXIT_INVALID
    finally:
        if saves is not None:
            saves.stop.set()
        server.shutdown()
        server.server_close()
    return EXIT_OK
