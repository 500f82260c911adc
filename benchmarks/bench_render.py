"""Time `cmo-report render` against the hand-rolled route over the same notebooks, as ratios in one run.

Run: .venv/bin/python benchmarks/bench_render.py [--repeat 2]
The hand-rolled route is what a team writes without this tool: per notebook, the papermill CLI,
`jupyter nbconvert --to html --no-input`, then the `weasyprint` CLI on that page. The machine is
shared and noisy, so read the ratios between rows of one run, not the seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PARAMS = ROOT / "params" / "healthcare-cmo.yaml"
TARGETS = {  # issue 10
    "cold HTML+PDF, one market, vs hand-rolled (wall)": (0.10, "x"),
    "CPU per report": (4.0, "s"),
    "PDF export per report (CPU)": (0.5, "s"),
    "peak RSS of any process": (400, "MB"),
    "no-op render": (0.5, "s"),
}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall and CPU seconds of a command and everything it started."""
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start, _cpu() - cpu


def hand_rolled(out: Path) -> tuple[float, float]:
    wall = cpu = 0.0
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        executed = out / nb.name
        for cmd, cwd in [
            ([str(BIN / "papermill"), str(nb), str(executed), "-p", "params_file", str(PARAMS), "--no-progress-bar"],
             ROOT / "notebooks"),
            ([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)], ROOT),
            ([str(BIN / "weasyprint"), str(executed.with_suffix(".html")), str(executed.with_suffix(".pdf"))], ROOT),
        ]:
            w, c = timed(cmd, cwd)
            wall, cpu = wall + w, cpu + c
    return wall, cpu


def ours(out: Path, jobs: int, formats: str, *extra: str) -> tuple[float, float]:
    return timed([str(BIN / "cmo-report"), "render", str(PARAMS), "--to", formats, "--jobs", str(jobs),
                  "--out", str(out), *extra])


def pdf_seconds(folder: Path) -> float:
    """CPU seconds of the PDF step alone (sections to Typst markup, compile, write), in this process."""
    from cmo_helpers.inputs.session import load
    from cmo_helpers.pipeline import export
    from cmo_helpers.typeset import pdf

    p = load(PARAMS).shown
    sections = export.client_sections([export.section(nb) for nb in sorted((folder / "notebooks").glob("*.ipynb"))])
    start = time.process_time()
    pdf.write(pdf.document(sections, p, "base", "Base", export.audit_warning(sections)), folder / "bench.pdf")
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    rows: dict[str, list[tuple[float, float]]] = {}
    measured: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in range(args.repeat):
            (tmp / f"a{n}").mkdir()
            cases = {  # run at once, in this order: the no-op row re-renders the jobs-2 folder
                "hand-rolled: papermill + nbconvert + weasyprint CLIs, serial": (hand_rolled, tmp / f"a{n}"),
                "cmo-report render --to html,pdf --jobs 1 (cold)": (ours, tmp / f"b{n}", 1, "html,pdf"),
                "cmo-report render --to html,pdf --jobs 2 (cold)": (ours, tmp / f"c{n}", 2, "html,pdf"),
                "cmo-report render --to html,pdf --jobs 2 --executor dask (cold)":
                    (ours, tmp / f"d{n}", 2, "html,pdf", "--executor", "dask"),
                "cmo-report render, nothing changed (no-op)": (ours, tmp / f"c{n}", 2, "html,pdf"),
            }
            for name, (run, *args_) in cases.items():
                rows.setdefault(name, []).append(run(*args_))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        measured["PDF export per report (CPU)"] = min(pdf_seconds(tmp / f"c{n}" / "healthcare-cmo")
                                                      for n in range(args.repeat))
        export_unit = json.loads((tmp / "c0" / "healthcare-cmo" / "manifest.json").read_text())["units"][-1]["seconds"]
    base_wall = min(w for w, _ in next(iter(rows.values())))
    print(f"{'case':<66} {'wall s':>7} {'CPU s':>7} {'vs hand-rolled':>15}")
    for name, times in rows.items():
        wall, cpu = min(times)
        print(f"{name:<66} {wall:7.2f} {cpu:7.2f} {wall / base_wall:14.3f}x")
    cold = min(rows["cmo-report render --to html,pdf --jobs 2 (cold)"])
    measured["cold HTML+PDF, one market, vs hand-rolled (wall)"] = cold[0] / base_wall
    measured["CPU per report"] = min(c for _, c in rows["cmo-report render --to html,pdf --jobs 1 (cold)"])
    measured["peak RSS of any process"] = peak
    measured["no-op render"] = min(w for w, _ in rows["cmo-report render, nothing changed (no-op)"])
    print(f"export unit (HTML pages + PDF + figures, in a worker): {export_unit:.2f} s")
    print()
    for name, (limit, unit) in TARGETS.items():
        value = measured[name]
        shown = f"{value:.3f}{unit}" if unit == "x" else f"{value:.2f} {unit}"
        goal = f"{limit}{unit if unit == 'x' else ' ' + unit}"
        print(f"target {name}: <= {goal}: {'met' if value <= limit else 'MISSED'} ({shown})")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    main()
