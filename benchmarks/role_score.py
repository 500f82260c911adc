"""Role-aware scores of `cmo-report draft` from the team's shared scorer, on the dev set and on our own corpus.

The scorer lives outside the repository (../shared/tools/score_draft.py) and is called, never copied. Our own
gold files (tests/data/releases/NAME.gold.yaml, lists) are rewritten in its format (mappings) in a temporary folder.
"""
from __future__ import annotations

import re
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import yaml

from cmo_helpers.drafting.release import draft_release
from cmo_helpers.drafting.text import read_release
from cmo_helpers.model.forecast import compound

SCALES = ["thousand", "million", "billion", "trillion"]
SUMMARY = re.compile(r"recall ([\d.]+) \((\d+)/(\d+)\) precision ([\d.]+) \((\d+)/(\d+)\); claims recall ([\d.]+) "
                     r"\((\d+)/(\d+)\) precision ([\d.]+) \((\d+)/(\d+)\); invalid (\d+)/(\d+)")


def draft_folder(releases: list[Path], out: Path) -> float:
    """Draft every release into OUT/NAME.yaml in this process; the median seconds per release."""
    out.mkdir(parents=True, exist_ok=True)
    seconds = []
    for path in releases:
        start = time.perf_counter()
        name, raw = read_release(str(path))
        _, draft = draft_release(name, raw, grow=compound)
        seconds.append(time.perf_counter() - start)
        (out / f"{path.name.split('.')[0]}.yaml").write_text(draft.yaml_text, encoding="utf-8")
    return sorted(seconds)[len(seconds) // 2] if seconds else 0.0


def score(scorer: Path, cli: Path, drafts: Path, gold: Path) -> dict[str, float | str]:
    """Run the shared scorer and read its one-line overall figure."""
    run = subprocess.run([sys.executable, str(scorer), "--cli", str(cli), "--brief", str(drafts), str(gold)],
                         capture_output=True, text=True, timeout=600)
    last = (run.stdout.strip().splitlines() or [""])[-1]
    m = SUMMARY.search(last)
    if not m:
        return {"error": (run.stdout + run.stderr).strip()[-300:]}
    g = m.groups()
    return {"recall": float(g[0]), "recall_n": f"{g[1]}/{g[2]}", "precision": float(g[3]),
            "precision_n": f"{g[4]}/{g[5]}", "claim_recall": float(g[6]), "claim_recall_n": f"{g[7]}/{g[8]}",
            "claim_precision": float(g[9]), "claim_precision_n": f"{g[10]}/{g[11]}", "invalid": f"{g[12]}/{g[13]}"}


def scorer_gold(own: dict) -> dict:
    """Our list-style gold file as the shared scorer reads gold: mappings with years, units and claims."""
    market = own.get("market") or {}
    currency = market.get("currency", "USD")
    totals = [{"year": y, "value": str(v), "unit": f"{currency} {s}"} for y, v, s in own.get("totals") or []]
    for claim in own.get("claims") or []:  # a rounded headline restates a total: accepted, not required
        if claim[0] == "scale" and len(claim) == 4:
            for t in totals:
                if t["year"] == claim[3]:
                    shift = 3 * (SCALES.index(claim[1]) - SCALES.index(t["unit"].split()[-1]))
                    t["alt_value"] = str(Decimal(str(claim[2])).scaleb(shift))
    cagr = (own.get("cagr") or [None])[0]
    items = [{"name": n, "share": str(v), "year": y} for n, v, y in own.get("shares") or []]
    items += [{"name": n, "cagr": str(r)} for n, r in own.get("item_cagrs") or []]
    items += [{"name": n, "claim": word} for n, word, *_ in own.get("claims") or [] if n != "scale"]
    breakdowns = [{"items": items}] + [
        {"unit": f"{currency} {s}", "items": [{"name": n, "value": str(v), "year": y}]}
        for n, v, s, y in own.get("values") or []]
    return {"market": {"currency": currency, "unit": market.get("unit")}, "totals": totals,
            "cagr": {"rate": cagr[0], "from_year": cagr[1], "to_year": cagr[2]} if cagr else None,
            "breakdowns": breakdowns}


def write_scorer_gold(folder: Path, out: Path) -> list[Path]:
    """Our corpus's gold files rewritten into OUT; the releases that have one."""
    out.mkdir(parents=True, exist_ok=True)
    releases = []
    for gold in sorted(folder.glob("*.gold.yaml")):
        name = gold.name.removesuffix(".gold.yaml")
        text = next((p for p in folder.glob(f"{name}.*") if not p.name.endswith(".yaml")), None)
        if text:
            releases.append(text)
            converted = scorer_gold(yaml.safe_load(gold.read_text(encoding="utf-8")))
            (out / gold.name).write_text(yaml.safe_dump(converted, sort_keys=False), encoding="utf-8")
    return releases
