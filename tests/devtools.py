"""Text of a live page in headless Chromium, read over the DevTools protocol once scripts have drawn it.

`--dump-dom` returns at the load event, before a Voila page's widgets arrive over their websocket; this
polls the page's text until it holds what the test waits for.
"""
from __future__ import annotations

import itertools
import json
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from websockets.sync.client import connect

LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


@contextmanager
def browser(chromium: str, profile: Path, url: str) -> Iterator[str]:
    """Chromium showing url, headless with a debugging port; yields the http address of its DevTools."""
    proc = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
         "--disable-background-networking", "--disable-component-update", f"--user-data-dir={profile}",
         "--remote-debugging-port=0", "--window-size=1300,2200", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:
            found = LISTENING.search(line)
            if found:
                yield "http://" + found.group(1).split("/")[2]
                return
        raise RuntimeError("chromium exited before its DevTools listened")
    finally:
        proc.kill()
        proc.wait(timeout=30)


def page_text(devtools: str, until: str, timeout: float = 90.0) -> str:
    """The page's visible text as soon as it contains `until` (or when timeout ends, for the failure message)."""
    pages = json.load(urllib.request.urlopen(f"{devtools}/json/list", timeout=10))
    address = next(p["webSocketDebuggerUrl"] for p in pages if p.get("type") == "page")
    ids = itertools.count(1)
    deadline = time.monotonic() + timeout
    with connect(address, max_size=None) as ws:
        text = ""
        while time.monotonic() < deadline:
            ask = next(ids)
            ws.send(json.dumps({"id": ask, "method": "Runtime.evaluate",
                                "params": {"expression": "document.body ? document.body.innerText : ''",
                                           "returnByValue": True}}))
            while True:
                reply = json.loads(ws.recv(timeout=30))
                if reply.get("id") == ask:
                    break
            text = reply.get("result", {}).get("result", {}).get("value") or ""
            if until in text:
                return text
            time.sleep(0.5)
        return text
