"""Time `cmo-report render` against the hand-rolled route (papermill CLI + nbconvert CLI per notebook).

Run: .venv/bin/python benchmarks/bench_render.py [--repeat 2]
The machine is shared and noisy, so read the ratios between rows of one run, not the seconds.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PARAMS = ROOT / "params" / "healthcare-cmo.yaml"
# Targets, as ratios within one run (the machine is shared): the batch must beat the hand-rolled
# route by 2x on two cores, and no process may need more than this much memory.
TARGET_RATIO = 0.5
TARGET_PEAK_MB = 500


def timed(cmd: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def hand_rolled(out: Path) -> float:
    """What a team writes without this tool: one papermill and one nbconvert process per notebook."""
    total = 0.0
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        executed = out / nb.name
        total += timed([str(BIN / "papermill"), str(nb), str(executed), "-p", "params_file", str(PARAMS),
                        "--no-progress-bar"], cwd=ROOT / "notebooks")
        total += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
    return total


def ours(out: Path, jobs: int, formats: str) -> float:
    return timed([str(BIN / "cmo-report"), "render", str(PARAMS), "--to", formats, "--jobs", str(jobs), "--out", str(out)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    rows: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            cases = {
                "hand-rolled: papermill CLI + nbconvert CLI, serial, HTML only": lambda: hand_rolled(tmp / "a"),
                "cmo-report render --to html --jobs 1": lambda: ours(tmp / "b", 1, "html"),
                "cmo-report render --to html --jobs 2": lambda: ours(tmp / "c", 2, "html"),
                "cmo-report render --to html,pdf --jobs 2": lambda: ours(tmp / "d", 2, "html,pdf"),
            }
            (tmp / "a").mkdir()
            for name, run in cases.items():
                rows.setdefault(name, []).append(run())
            shutil.rmtree(tmp, ignore_errors=True)
    base = min(next(iter(rows.values())))
    print(f"{'case':<62} {'best s':>8} {'vs hand-rolled':>15}")
    for name, times in rows.items():
        print(f"{name:<62} {min(times):8.1f} {min(times) / base:14.2f}x")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of any child process: {peak:.0f} MB")
    ratio = min(rows["cmo-report render --to html --jobs 2"]) / base
    print(f"target: --jobs 2 at most {TARGET_RATIO:.2f}x hand-rolled: {'met' if ratio <= TARGET_RATIO else 'MISSED'} ({ratio:.2f}x)")
    print(f"target: peak RSS at most {TARGET_PEAK_MB} MB: {'met' if peak <= TARGET_PEAK_MB else 'MISSED'}")


if __name__ == "__main__":
    main()
