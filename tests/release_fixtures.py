"""Issue 7's release fixtures: load them, and check a report's text against what each one expects.

Each fixture NAME in tests/data/releases7/ is NAME.txt (the release, invented, in our own words),
NAME.yaml (its params file, schema v2) and NAME.expect.yaml (what a correct report must show).
The text checks here work on any extracted text, so the same functions judge the release itself
(tests/test_release_fixtures.py) and, once fixtures render, the report PDF's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from cmo_helpers.core.paths import ROOT

FOLDER = ROOT / "tests" / "data" / "releases7"
# Blanks a PDF or HTML may put inside a figure's written form ("16.6 %", a no-break or thin space).
_BLANKS = re.compile(r"[\s\u00a0\u2009\u202f]+")


@dataclass(frozen=True)
class Fixture:
    name: str

    @property
    def text(self) -> str:
        return (FOLDER / f"{self.name}.txt").read_text(encoding="utf-8")

    @cached_property
    def params(self) -> dict:
        return yaml.safe_load((FOLDER / f"{self.name}.yaml").read_text(encoding="utf-8"))

    @cached_property
    def expect(self) -> dict:
        return yaml.safe_load((FOLDER / f"{self.name}.expect.yaml").read_text(encoding="utf-8"))

    @property
    def params_path(self) -> Path:
        return FOLDER / f"{self.name}.yaml"


def fixtures() -> list[Fixture]:
    """Every fixture with its params file, in name order."""
    return [Fixture(p.stem) for p in sorted(FOLDER.glob("*.yaml")) if not p.name.endswith(".expect.yaml")]


def normalise(text: str) -> str:
    """One space between words and none before a percent sign, so "5.98 %" and "5.98%" read alike."""
    return _BLANKS.sub(" ", text).replace(" %", "%")


def _standalone(figure: str) -> re.Pattern:
    # Not part of a longer number: "2.36" must not be found inside "12.36" or "2.361", nor "20%" in "120%".
    return re.compile(r"(?<![\d.,])" + re.escape(normalise(figure)) + r"(?![\d]|[.,]\d)")


def shows(text: str, figure: str) -> bool:
    """Whether the text shows the figure with exactly the written digits, as a number of its own."""
    return bool(_standalone(figure).search(normalise(text)))


def missing_figures(text: str, expect: dict) -> list[str]:
    """Sourced figures the text does not show with the source's digits."""
    return [f for f in expect["sourced_figures"] if not shows(text, f)]


def forbidden_found(text: str, expect: dict) -> list[str]:
    """Phrases that must never appear (invented lumps ranked, claims the source did not make)."""
    flat = normalise(text).casefold()
    return [p for p in expect.get("forbidden", []) if normalise(p).casefold() in flat]


def misrounded_found(text: str, expect: dict) -> list[str]:
    """The source's figures rounded away from the digits it wrote (e.g. 86.13 shown as 86.2)."""
    return [f for f in expect.get("misrounded", []) if shows(text, f)]


def quotes(node: object) -> list[str]:
    """Every `quote:` anywhere in a params mapping."""
    if isinstance(node, dict):
        own = [node["quote"]] if isinstance(node.get("quote"), str) else []
        return own + [q for k, v in node.items() if k != "quote" for q in quotes(v)]
    if isinstance(node, list):
        return [q for v in node for q in quotes(v)]
    return []


def written(value: object) -> str:
    """A figure as the params file writes it: strings verbatim, YAML numbers by their shortest form."""
    return normalise(value) if isinstance(value, str) else repr(value)


def _rate(cagr: object) -> object:
    return cagr["rate"] if isinstance(cagr, dict) else cagr


def _figures(node: dict, basis: str | None, keys: tuple[str, ...]) -> list[tuple[str, str]]:
    """(basis, written figure) for the figure keys of one mapping; nested figures may override basis."""
    out = []
    for key in keys:
        if key not in node:
            continue
        value = node[key]
        own = value.get("basis", basis) if isinstance(value, dict) else basis
        if key == "cagr":
            out.append((own, written(_rate(value))))
        elif key == "end":
            out.append((own, written(value["value"])))
        else:
            out.append((own, written(value)))
    return out


def _dated(values: object) -> list[dict]:
    """An item's dated values, written as a list of {year, value} or a mapping of year to value."""
    return [{"year": y, "value": v} for y, v in values.items()] if isinstance(values, dict) else list(values)


def figures_by_basis(params: dict) -> list[tuple[str, str]]:
    """(basis, written figure) for every figure a v2 params file states."""
    size = params["size"]
    out = [(size[k]["basis"], written(size[k]["value"])) for k in ("base", "end")]
    if "cagr" in size:
        out.append((size["cagr"]["basis"], written(size["cagr"]["rate"])))
    out += [(t["basis"], written(t["value"])) for t in params.get("totals", [])]
    for breakdown in params.get("breakdowns", []):
        for item in breakdown["items"]:
            out += _figures(item, item.get("basis"), ("share", "value", "cagr", "end"))
            out += [(v.get("basis", item.get("basis")), written(v["value"])) for v in _dated(item.get("values", []))]
    out += [("sourced", written(c["value"])) for c in params.get("claims", []) if "value" in c]
    return out


def item_claims(params: dict) -> set[tuple[str, str]]:
    """(item, claim kind) for every claim an item carries."""
    return {(item["name"], c if isinstance(c, str) else c["claim"])
            for b in params.get("breakdowns", []) for item in b["items"] for c in item.get("claims", [])}
