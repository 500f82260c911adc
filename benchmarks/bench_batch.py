"""Time per market as the batch grows (1, 10, 50 synthetic markets), on the local pool and on Dask.

Run: .venv/bin/python benchmarks/bench_batch.py [--sizes 1,10,50] [--jobs 2] [--to html,pdf]
The memory column is the peak resident set of the largest process of each role (the command, pool
workers, kernels, Dask processes), sampled every 0.25 s; `--sizes 200 --executors local` is the
issue-21 check (under 400 MB per process).
Markets are generated from the shipped ones: each copy gets its own slug and name, and every
`value` in it is scaled by a different factor (shares and rates stay, so every copy stays
consistent and valid). Cold renders into a fresh output folder each time; the cache plays no
part. Read the per-market column: flat means the batch engine adds no per-batch overhead.
"""
from __future__ import annotations

import argparse
import copy
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _scaled(node, factor: float):
    if isinstance(node, dict):
        return {k: (round(v * factor, 3) if k == "value" and isinstance(v, (int, float)) else _scaled(v, factor))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_scaled(v, factor) for v in node]
    return node


def synthesize(folder: Path, count: int) -> list[Path]:
    """`count` market files cycling over the shipped ones, each with its own slug, name and scale."""
    folder.mkdir(parents=True, exist_ok=True)
    shipped = sorted((ROOT / "params").glob("*.yaml"))
    made = []
    for n in range(count):
        source = shipped[n % len(shipped)]
        data = copy.deepcopy(yaml.safe_load(source.read_text()))
        slug = f"{data['market']['slug']}-{n:03d}"
        data = _scaled(data, 0.5 + (n * 37 % 100) / 50)
        data["market"]["slug"] = slug
        data["market"]["name"] = f"{data['market']['name']} (synthetic {n:03d})"
        path = folder / f"{slug}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        overlays = ROOT / "params" / "scenarios" / source.stem
        if overlays.is_dir():
            shutil.copytree(overlays, folder / "scenarios" / slug)
        made.append(path)
    return made


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _role(proc: psutil.Process) -> str:
    """What a process in the render's tree is, from its command line."""
    cmd = " ".join(proc.cmdline())
    return next((role for mark, role in (("ipykernel", "kernel"), ("multiprocessing", "worker"),
                                         ("distributed", "dask"), ("cmo-report", "cli")) if mark in cmd), "other")


def _watch(root: psutil.Process, peaks: dict[int, tuple[str, int]], done: threading.Event) -> None:
    """Sample the resident memory of the render and every process below it until done."""
    while not done.wait(0.25):
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            continue
        for proc in procs:
            try:
                rss = proc.memory_info().rss
                role = peaks[proc.pid][0] if proc.pid in peaks else _role(proc)
            except psutil.Error:
                continue
            peaks[proc.pid] = (role, max(rss, peaks.get(proc.pid, ("", 0))[1]))


def timed(files: list[Path], out: Path, jobs: int, formats: str, executor: str) -> tuple[float, float, dict]:
    """Wall and CPU seconds (CPU of every process the render waited for: workers and their kernels), and the
    peak resident memory in MB of the largest process of each role (cli, worker, kernel, dask)."""
    cmd = [str(BIN / "cmo-report"), "render", *map(str, files), "--to", formats, "--jobs", str(jobs),
           "--out", str(out), "--executor", executor]
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, tuple[str, int]] = {}
    done = threading.Event()
    watcher = threading.Thread(target=_watch, args=(psutil.Process(proc.pid), peaks, done), daemon=True)
    watcher.start()
    _, err = proc.communicate()
    done.set()
    watcher.join()
    if proc.returncode:
        raise SystemExit(f"render failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    by_role: dict[str, float] = {}
    for role, rss in peaks.values():
        by_role[role] = max(by_role.get(role, 0), rss / 2**20)
    return time.perf_counter() - start, _cpu() - cpu, by_role


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1,10,50")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--to", default="html,pdf")
    ap.add_argument("--executors", default="local,dask")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    header = ("executor", "markets", "wall s", "s per market", "CPU s per market", "vs batch of 1",
              "peak MB per process (by role)")
    print("{:<8} {:>7} {:>8} {:>13} {:>17} {:>14}  {}".format(*header))
    for executor in args.executors.split(","):
        first = None
        for size in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                tmp = Path(tmp)
                files = synthesize(tmp / "params", size) if size else []
                wall, cpu, peaks = timed(files, tmp / "out", args.jobs, args.to, executor)
            per = wall / size
            first = first or per
            memory = ", ".join(f"{role} {mb:.0f}" for role, mb in sorted(peaks.items()))
            row = (f"{executor:<8} {size:>7} {wall:8.1f} {per:13.2f} {cpu / size:17.2f} {per / first:13.2f}x  "
                   f"{memory}")
            print(row, flush=True)
    print("target: time per market flat as the batch grows (ratio near 1.00x or below) on both executors;")
    print("        peak memory of every process under 400 MB (issue 21), at 200 markets too (--sizes 200)")


if __name__ == "__main__":
    main()
