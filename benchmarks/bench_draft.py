"""Precision and recall of `cmo-report draft`: role-aware (the shared scorer) on the real dev set beside our own
corpus, then by kind of fact on our corpora, and its time per release.

Run: .venv/bin/python benchmarks/bench_draft.py [--repeat 5] [--dev ../shared/releases/dev]
The role-aware scores need ../shared/tools/score_draft.py (or --scorer); the dev set is skipped when absent.
Corpora: tests/data/releases (our 32 releases, each with NAME.gold.yaml) and tests/data/releases7 (issue 7's
releases, scored against the sourced figures of the params files written by hand from them). When
../shared/releases/healthcare-cmo-marketus.txt is present, its draft is checked against the default market.
The machine is shared and noisy: the time is the median of --repeat runs after one warm-up run.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draft_score import draft_facts, draft_release, releases, score_corpus  # noqa: E402
from role_score import draft_folder, score, write_scorer_gold  # noqa: E402

from cmo_helpers.drafting.writer import FACT_KINDS  # noqa: E402

CORPORA = {"ours": ROOT / "tests/data/releases", "issue 7": ROOT / "tests/data/releases7"}
MARKETUS = ROOT.parent / "shared/releases/healthcare-cmo-marketus.txt"
DEV, SCORER = ROOT.parent / "shared/releases/dev", ROOT.parent / "shared/tools/score_draft.py"
CLI = ROOT / ".venv/bin/cmo-report"
ROLE_TARGETS = {"recall": 0.85, "precision": 0.95}
ROLE_ROWS = [("recall", "recall_n"), ("precision", "precision_n"), ("claim_recall", "claim_recall_n"),
             ("claim_precision", "claim_precision_n")]


def role_aware(dev: Path, scorer: Path) -> bool:
    """The shared scorer on the dev set and on our corpus, side by side; the dev set must meet the targets."""
    if not scorer.exists():
        print(f"\nrole-aware scores: {scorer} not found: skipped")
        return True
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {}
        if dev.is_dir():
            files = sorted(p for p in dev.iterdir() if p.suffix == ".txt")
            corpora["dev (real)"] = (files, dev)
        else:
            print(f"\ndev set {dev} not found: skipped")
        ours_gold = Path(tmp) / "ours-gold"
        corpora["ours"] = (write_scorer_gold(CORPORA["ours"], ours_gold), ours_gold)
        results, timing = {}, {}
        for name, (files, gold) in corpora.items():
            drafts = Path(tmp) / name.split()[0]
            timing[name] = draft_folder(files, drafts), len(files)
            results[name] = score(scorer, CLI, drafts, gold)
    names = list(results)
    print("\nrole-aware (shared scorer: right number, right role, right item and year)")
    print("| figure | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for key, n in ROLE_ROWS:
        print(f"| {key.replace('_', ' ')} | " + " | ".join(
            f"{r[key]:.2f} ({r[n]})" if key in r else str(r.get("error")) for r in results.values()) + " |")
    print("| invalid drafts | " + " | ".join(str(r.get("invalid")) for r in results.values()) + " |")
    print("| draft ms per release (median, in process) | " + " | ".join(
        f"{timing[n][0] * 1000:.1f} ({timing[n][1]} releases)" for n in names) + " |")
    dev_result = results.get("dev (real)")
    return dev_result is None or (all(dev_result.get(k, 0) >= v for k, v in ROLE_TARGETS.items())
                                  and str(dev_result.get("invalid", "")).startswith("0/"))


def cli_folder_time(folder: Path, copies: int = 5) -> None:
    """`cmo-report draft FOLDER`: one process drafts, validates and audits all; start-up is taken out.

    The folder is drafted as COPIES copies of each release against one release alone (best of two runs each),
    so the difference is many releases' worth of work, not the noise of one process start.
    """
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    if not files or not CLI.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "one", Path(tmp) / "many"
        one.mkdir()
        many.mkdir()
        (one / files[0].name).write_bytes(files[0].read_bytes())
        for n in range(copies):
            for f in files:
                (many / f"{n}-{f.name}").write_bytes(f.read_bytes())
        walls = []
        for source in (one, many):
            best = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                subprocess.run([str(CLI), "draft", str(source), "-o", str(Path(tmp) / "out"), "--force"],
                               capture_output=True, timeout=600)
                best = min(best, time.perf_counter() - start)
            walls.append(best)
    count = copies * len(files)
    per = (walls[1] - walls[0]) / (count - 1)
    print(f"\n`cmo-report draft FOLDER` ({count} releases: {folder.name} x {copies}; draft + validate + audit): "
          f"{walls[1]:.2f} s wall, {walls[0]:.2f} s for one (start-up), {per * 1000:.1f} ms per further release")


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
    ap.add_argument("--dev", type=Path, default=DEV, help="real releases with gold facts (default: %(default)s)")
    ap.add_argument("--scorer", type=Path, default=SCORER, help="the shared role-aware scorer")
    args = ap.parse_args()
    ok = role_aware(args.dev, args.scorer)
    if args.dev.is_dir():
        cli_folder_time(args.dev)
    ok &= all([table(name, releases(folder), args.repeat) for name, folder in CORPORA.items()])
    ok &= marketus()
    print(f"\ntargets: role-aware recall >= {ROLE_TARGETS['recall']} and precision >= {ROLE_TARGETS['precision']} "
          f"with every draft valid on the dev set; by kind on our corpora: precision >= {TARGET_PRECISION}, "
          f"recall >= {TARGET_RECALL}, no wrong year or unit, "
          f"< {TARGET_SECONDS} s per release: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
