"""Time from a moved control to redrawn key figures, size chart and audit in the explorer; the aim is under 0.2 s.

Run: .venv/bin/python benchmarks/bench_explore.py [--repeat 20]
Every shipped market, each kind of control (the first year's value, the CAGR, a share), moved back and forth
--repeat times through the widgets' Python API, as a browser's message would move them. Also the part of one
update that is ours to speed up: the case (merge and validate), figures, chart and audit, each on its own, and
a hand-rolled baseline that only redraws a pyplot bar chart of the totals (what a notebook with
`interact` would do). The machine is shared and noisy: read medians and ratios measured in this one run.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402

from cmo_helpers.explore import controls  # noqa: E402
from cmo_helpers.explore.widgets import WHY, Explorer  # noqa: E402
from cmo_helpers.model import forecast  # noqa: E402
from cmo_helpers.report import audit_view, charts, narrative  # noqa: E402

AIM = 0.2


def _moves(e: Explorer) -> dict[str, tuple]:
    """Two values each control alternates between, so every move is a real change."""
    moves = {"base value": (e.base_value, e.base_value.value, round(e.base_value.value * 1.1, e.decimals)),
             "CAGR": (e.rate, e.rate.value, round(e.rate.value + 1, 1))}
    if e.shares:
        slider = next(iter(e.shares.values()))
        moves["share"] = (slider, slider.value, round(max(slider.value - 5, 0.5), 1))
    return moves


def _baseline(p) -> float:
    """A pyplot bar chart of the totals, drawn to PNG: what a minimal `interact` callback costs."""
    start = time.perf_counter()
    fig, ax = plt.subplots()
    total = forecast.totals(p)
    ax.bar(total.index, total.values)
    fig.canvas.draw()
    plt.close(fig)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "params", Path(tmp) / "params")
        print(f"{'market':28} {'control':11} {'median s':>9} {'max s':>7} {'case':>6} {'figures':>8} {'chart':>6} "
              f"{'audit':>6} {'baseline':>9}")
        for market in sorted((Path(tmp) / "params").glob("*.yaml")):
            e = Explorer(market)
            for name, (slider, first, second) in _moves(e).items():
                times = []
                for n in range(args.repeat):
                    slider.value = second if n % 2 == 0 else first
                    times.append(e.seconds)
                parts = _parts(e)
                median = statistics.median(times)
                worst = max(worst, median)
                print(f"{market.stem[:28]:28} {name:11} {median:9.3f} {max(times):7.3f} {parts['case']:6.3f} "
                      f"{parts['figures']:8.3f} {parts['chart']:6.3f} {parts['audit']:6.3f} "
                      f"{_baseline(e.market.published):9.3f}")
    print(f"\nslowest median update {worst:.3f} s; aim {AIM} s: {'met' if worst < AIM else 'NOT met'}")
    return 0 if worst < AIM else 1


def _parts(e: Explorer) -> dict[str, float]:
    """Each step of one update on its own, for the case the explorer now shows."""
    timed = {}
    start = time.perf_counter()
    case = controls.case(e.market, e.controls, WHY)
    timed["case"] = time.perf_counter() - start
    steps = {"figures": lambda: narrative.headline_box(replace(e.market, shown=case)),
             "chart": lambda: charts.size_chart(case).svg(),
             "audit": lambda: audit_view.verdict(case)}
    for name, step in steps.items():
        start = time.perf_counter()
        step()
        timed[name] = time.perf_counter() - start
    return timed


if __name__ == "__main__":
    sys.exit(main())
