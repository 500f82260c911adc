"""Score a drafted params mapping against a gold list of the facts its release states."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from cmo_helpers.drafting.amounts import SCALE_ORDER
from cmo_helpers.drafting.names import item_key
from cmo_helpers.drafting.release import draft_release as release_draft
from cmo_helpers.drafting.text import read_release
from cmo_helpers.drafting.writer import FACT_KINDS, Draft
from cmo_helpers.model.forecast import compound

Fact = tuple


@dataclass
class Score:
    """Matched, drafted and gold counts per kind, and facts placed under a wrong year or unit."""

    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_KINDS, 0))
    drafted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_KINDS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_KINDS, 0))
    wrong_year_or_unit: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in FACT_KINDS:
            self.matched[k] += other.matched[k]
            self.drafted[k] += other.drafted[k]
            self.gold[k] += other.gold[k]
        self.wrong_year_or_unit += other.wrong_year_or_unit
        self.misses += other.misses
        self.extras += other.extras

    def precision(self, kind: str | None = None) -> float:
        m, d = self._sum(self.matched, kind), self._sum(self.drafted, kind)
        return m / d if d else 1.0

    def recall(self, kind: str | None = None) -> float:
        m, g = self._sum(self.matched, kind), self._sum(self.gold, kind)
        return m / g if g else 1.0

    @staticmethod
    def _sum(counts: dict[str, int], kind: str | None) -> int:
        return counts[kind] if kind else sum(counts.values())


def number(value) -> Decimal:
    return Decimal(str(value).replace(",", "").rstrip("%").strip())


def rate(value) -> Decimal:
    """'16.6%' and 0.166 both -> Decimal('16.6')."""
    if isinstance(value, dict):
        value = value["rate"]
    text = str(value)
    return number(text) if text.strip().endswith("%") else number(text) * 100


def _amount(value, scale: str) -> Decimal:
    return number(value) * Decimal(1000) ** (SCALE_ORDER.index(scale) + 1)


def draft_facts(params: dict) -> dict[str, set[Fact]]:
    """The facts a params mapping (drafted or written by hand) states, in comparable form."""
    unit = params["market"]["unit"]
    size = params.get("size", {})
    out: dict[str, set[Fact]] = {k: set() for k in FACT_KINDS}
    for t in [size.get("base"), size.get("end"), *params.get("totals", [])]:
        if t and t.get("basis", "sourced") == "sourced":
            out["totals"].add((t["year"], _amount(t["value"], unit)))
    c = size.get("cagr")
    if c and c.get("basis", "sourced") == "sourced":
        out["cagr"].add((rate(c["rate"]), c.get("from_year"), c.get("to_year")))
    for b in params.get("breakdowns", []):
        for i in b["items"]:
            if i.get("basis") != "sourced":
                continue
            name, year = item_key(i["name"]), i.get("year", b.get("year"))
            if "share" in i:
                out["shares"].add((name, rate(i["share"]), year))
            if "value" in i:
                out["values"].add((name, _amount(i["value"], unit), year))
            for past in i.get("values", []):  # a history table's other years, in one breakdown
                if past.get("basis", "sourced") == "sourced":
                    out["values"].add((name, _amount(past["value"], unit), past["year"]))
            if "cagr" in i and not (isinstance(i["cagr"], dict) and i["cagr"].get("basis") == "assumed"):
                out["item_cagrs"].add((name, rate(i["cagr"])))
            for claim in i.get("claims", []):
                out["claims"].add((name, claim["claim"] if isinstance(claim, dict) else claim))
    for claim in params.get("claims", []):
        if "value" in claim:
            out["claims"].add(("scale", claim["scale"], number(claim["value"]), claim["year"]))
        else:
            out["claims"].add(("scale", claim["scale"]))
    return out


def gold_facts(gold: dict) -> dict[str, set[Fact]]:
    """A gold file's facts in the same form as `draft_facts`."""
    out: dict[str, set[Fact]] = {k: set() for k in FACT_KINDS}
    for year, value, scale in gold.get("totals") or []:
        out["totals"].add((year, _amount(value, scale)))
    for r, a, b in gold.get("cagr") or []:
        out["cagr"].add((rate(r), a, b))
    for name, share, year in gold.get("shares") or []:
        out["shares"].add((item_key(name), rate(share), year))
    for name, value, scale, year in gold.get("values") or []:
        out["values"].add((item_key(name), _amount(value, scale), year))
    for name, r in gold.get("item_cagrs") or []:
        out["item_cagrs"].add((item_key(name), rate(r)))
    for claim in gold.get("claims") or []:
        if claim[0] == "scale":
            bounded = ("scale", claim[1], number(claim[2]), claim[3]) if len(claim) > 2 else ("scale", claim[1])
            out["claims"].add(bounded)
        else:
            out["claims"].add((item_key(claim[0]), claim[1]))
    return out


def _same_names(drafted: dict[str, set[Fact]], gold: dict[str, set[Fact]]) -> dict[str, set[Fact]]:
    """Rename drafted items to the gold name they start with ('Ethylene oxide services' -> 'ethylene oxide')."""
    names = {f[0] for kind in FACT_KINDS if kind not in ("totals", "cagr") for f in gold[kind]} - {"scale"}

    def rename(name):
        if name in names:
            return name
        hits = [g for g in names if name.startswith(g + " ") or g.startswith(name + " ")]
        return hits[0] if len(hits) == 1 else name

    return {kind: {(rename(f[0]), *f[1:]) if kind not in ("totals", "cagr") else f for f in facts}
            for kind, facts in drafted.items()}


def score(drafted: dict[str, set[Fact]], gold: dict[str, set[Fact]], name: str = "") -> Score:
    """Exact matches per kind; a drafted figure equal to a gold one but for its year or scale is a wrong placement."""
    drafted = _same_names(drafted, gold)
    s = Score()
    for kind in FACT_KINDS:
        d, g = drafted[kind], gold[kind]
        s.matched[kind], s.drafted[kind], s.gold[kind] = len(d & g), len(d), len(g)
        s.misses += [f"{name}: missing {kind} {x}" for x in sorted(g - d, key=str)]
        s.extras += [f"{name}: extra {kind} {x}" for x in sorted(d - g, key=str)]
        for x in d - g:
            if any(_misplaced(kind, x, y) for y in g):
                s.wrong_year_or_unit.append(f"{name}: {kind} {x}")
    return s


def _misplaced(kind: str, got: Fact, want: Fact) -> bool:
    if kind == "totals":
        return got[1] == want[1] and got[0] != want[0] or got[0] == want[0] and _power_of_1000(got[1], want[1])
    if kind in ("shares", "values"):
        same_item = got[0] == want[0]
        return same_item and (got[1] == want[1] and got[2] != want[2] and want[2] is not None
                              or kind == "values" and got[2] == want[2] and _power_of_1000(got[1], want[1]))
    return False


def _power_of_1000(a: Decimal, b: Decimal) -> bool:
    return a != b and b != 0 and (a / b) in {Decimal(1000) ** k for k in (-3, -2, -1, 1, 2, 3)}


RELEASE_SUFFIXES = (".txt", ".md", ".html")


def releases(folder: Path) -> list[Path]:
    """Release texts in a folder with a gold file (`NAME.gold.yaml`) or a params file written by hand (`NAME.yaml`)."""
    return sorted(p for p in folder.iterdir() if p.suffix in RELEASE_SUFFIXES and _gold_path(p))


def _gold_path(release: Path) -> Path | None:
    for candidate in (release.with_suffix(".gold.yaml"), release.with_suffix(".yaml")):
        if candidate.exists():
            return candidate
    return None


def gold_for(release: Path) -> dict[str, set[Fact]]:
    """A gold file's facts, or the sourced facts of a params file written by hand from the release."""
    path = _gold_path(release)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return gold_facts(data) if path.name.endswith(".gold.yaml") else draft_facts(data)


def draft_release(release: Path) -> tuple[str, Draft]:
    """The reading text of a release file and its draft, as `cmo-report draft` makes them."""
    name, raw = read_release(str(release))
    return release_draft(name, raw, grow=compound)


def score_corpus(files: list[Path]) -> tuple[Score, dict[str, float]]:
    """Every release drafted (timed) and scored against its gold facts; the scores are summed."""
    total, seconds = Score(), {}
    for release in files:
        start = time.perf_counter()
        _, draft = draft_release(release)
        seconds[release.name] = time.perf_counter() - start
        total.add(score(draft_facts(yaml.safe_load(draft.yaml_text)), gold_for(release), release.stem))
    return total, seconds
