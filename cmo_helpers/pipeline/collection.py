"""outputs/index.html: one offline page over every rendered market and scenario, from their manifests."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from ..core import atomic
from ..core.brand import DEFAULT, Brand
from ..core.escape import terminal
from ..core.formatting import DASH, number, pct
from ..core.paths import TEMPLATES
from . import manifest, page_brand

NAME = "index.html"
VERDICTS = {"pass": "consistent", "warn": "warnings", "fail": "contradictions"}


def _value(figures: dict, key: str) -> str:
    """A headline value with its unit; a comparison has no single value, so it shows a dash."""
    if key not in figures:
        return DASH
    return f"{number(figures[key], figures.get('value_decimals', 1))} {figures['unit']}"


def _row(out: Path, folder: Path, data: dict) -> dict:
    figures = data["figures"]
    rel = folder.relative_to(out).as_posix()
    files = set(data.get("files", []))
    pack = f"{data['market']}-data.xlsx"
    return {
        "name": figures["name"],
        "scenario": figures.get("compared") or ("Base" if data["scenario"] == "base"
                                                else data.get("scenario_title", data["scenario"])),
        "years": f"{figures['start_year']}\u2013{figures['end_year']}",
        "start": _value(figures, "start_value"),
        "end": _value(figures, "end_value"),
        "cagr": pct(figures["cagr"], figures.get("rate_decimals", 1)) if "cagr" in figures else DASH,
        "audit": figures["audit"],
        "audit_text": VERDICTS.get(figures["audit"], figures["audit"]),
        "seconds": f"{data.get('seconds', 0):.1f} s",
        "rendered_at": data.get("rendered_at", ""),
        "input_hash": data.get("input_hash", "")[: manifest.SHORT],
        "pdf": f"{rel}/report.pdf" if "report.pdf" in files else None,
        "html": f"{rel}/index.html" if "index.html" in files else None,
        "data": f"{rel}/{pack if pack in files else manifest.NAME}",
    }


def _listed(out: Path) -> list[tuple[Path, dict]]:
    """Each rendered target's folder and readable manifest, markets by name, base case first."""
    found = []
    for path in [*out.glob(f"*/{manifest.NAME}"), *out.glob(f"*/scenarios/*/{manifest.NAME}")]:
        if path.parts[-2].endswith(".failed") or path.relative_to(out).parts[0].startswith("."):
            continue
        data = manifest.read(path.parent)
        if data:
            found.append((path.parent, data))
        elif manifest.older(path.parent):
            print(terminal(f"note: {path} was written by an older cmo-report (or edited); it is left out of "
                           f"{NAME} and upgraded when that report is rendered again"), file=sys.stderr)
    found.sort(key=lambda fd: (fd[1]["figures"]["name"], fd[1]["scenario"] != "base", fd[1]["scenario"]))
    return found


def rows(out: Path) -> list[dict]:
    """One row per rendered target with a readable manifest, markets by name, base case first."""
    return [_row(out, folder, data) for folder, data in _listed(out)]


def shared_brand(manifests: list[dict], known: Iterable[Brand]) -> Brand:
    """The brand every listed report was drawn in, when it is one the caller holds; else today's look."""
    digests = {manifest.brand(data) for data in manifests}
    if len(digests) != 1 or "" in digests:
        return DEFAULT
    return next((b for b in known if b.digest() in digests), DEFAULT)


def write(out: Path, brands: Iterable[Brand] = ()) -> Path | None:
    """Rewrite the collection page (atomically); None when nothing has been rendered into out yet.

    `brands` are those the caller drew its reports in: the page takes one when every report listed shares it.
    """
    import jinja2

    if not out.is_dir():
        return None
    listed = _listed(out)
    house = shared_brand([data for _, data in listed], brands)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    css = (TEMPLATES / "base.css").read_text(encoding="utf-8")
    page = env.get_template("collection.html.j2").render(
        rows=[_row(out, folder, data) for folder, data in listed], css=css, brand_css=page_brand.css(house),
        logo=page_brand.logo(house))
    return atomic.write_text(out / NAME, page)
