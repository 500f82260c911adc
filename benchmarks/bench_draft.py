"""Precision and recall of `cmo-report draft` by kind of fact, and its time per release.

Run: .venv/bin/python benchmarks/bench_draft.py [--repeat 5]
Corpora: tests/data/releases (our 32 releases, each with NAME.gold.yaml) and tests/data/releases7 (issue 7's
releases, scored against the sourced figures of the params files written by hand from them). When
../shared/releases/healthcare-cmo-marketus.txt is present, its draft is checked against the default market.
The machine is shared and noisy: the time is the median of --repeat runs after one warm-up run.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draft_score import draft_facts, draft_release, releases, score_corpus  # noqa: E402

from cmo_helpers.drafting.writer import FACT_KINDS  # noqa: E402

CORPORA = {"ours": ROOT / "tests/data/releases", "issue 7": ROOT / "tests/data/releases7"}
MARKETUS = ROOT.parent / "shared/releases/healthcare-cmo-marketus.txt"
TARGET_PRECISION, TARGET_RECALL, TARGET_SECONDS = 0.97, 0.90, 0.2
# The default market's sourced figures (and the release's claims), in draft_score's comparable form.
D = Decimal
MARKETUS_EXPECTED = {
    "totals": {(2024, D("504.9E6")), (2033, D("1861.2E6"))},
    "cagr": {(D("16.6"), 2025, 2033)},
    "shares": {("pharmaceutical contract manufacturing services", D("62.0"), None), ("north america", D("42.5"), 2023)},
    "values": {("north america", D("185.5E6"), 2023)},
    "item_cagrs": set(),
    "claims": {("pharmaceutical contract manufacturing services", "largest"), ("north america", "largest"),
               ("asia pacific", "fast-growing"), ("scale", "billion"), ("scale", "billion", D("1.8"), 2033)},
}


def table(name: str, files: list[Path], repeat: int) -> bool:
    score, _ = score_corpus(files)  # warm-up: imports and regex compilation are not per release
    runs = [score_corpus(files)[1] for _ in range(repeat)]
    per_release = {f: statistics.median(r[f] for r in runs) for f in runs[0]}
    print(f"\n{name}: {len(files)} releases")
    print("| kind | gold facts | drafted | precision | recall |\n|---|---|---|---|---|")
    for kind in FACT_KINDS:
        print(f"| {kind} | {score.gold[kind]} | {score.drafted[kind]} | {score.precision(kind):.3f} | "
              f"{score.recall(kind):.3f} |")
    print(f"| **all** | {sum(score.gold.values())} | {sum(score.drafted.values())} | **{score.precision():.3f}** | "
          f"**{score.recall():.3f}** |")
    slowest = max(per_release, key=per_release.get)
    print(f"wrong year or unit: {len(score.wrong_year_or_unit)} {score.wrong_year_or_unit or ''}")
    print(f"time per release: median {statistics.median(per_release.values()) * 1000:.1f} ms, "
          f"slowest {per_release[slowest] * 1000:.1f} ms ({slowest})")
    for line in score.misses + score.extras:
        print("  ", line)
    return (score.precision() >= TARGET_PRECISION and score.recall() >= TARGET_RECALL
            and not score.wrong_year_or_unit and max(per_release.values()) < TARGET_SECONDS)


def marketus() -> bool:
    """The real release behind the default market: its draft must state the default market's sourced figures."""
    if not MARKETUS.exists():
        print(f"\n{MARKETUS} not found: skipped")
        return True
    start = time.perf_counter()
    _, draft = draft_release(MARKETUS)
    took = time.perf_counter() - start
    found = draft_facts(yaml.safe_load(draft.yaml_text))
    print(f"\nhealthcare-cmo-marketus.txt ({took * 1000:.1f} ms)")
    ok = True
    for kind, expected in MARKETUS_EXPECTED.items():
        same = found[kind] == expected
        ok &= same
        print(f"  {kind}: {'ok' if same else 'MISMATCH'} {sorted(found[kind], key=str)}")
    print("  market claims:", draft.params.get("claims", []))
    return ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    ok = all([table(name, releases(folder), args.repeat) for name, folder in CORPORA.items()])
    ok &= marketus()
    print(f"\ntargets: precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}, no wrong year or unit, "
          f"< {TARGET_SECONDS} s per release: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
