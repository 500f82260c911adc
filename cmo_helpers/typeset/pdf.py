"""The client's PDF, typeset with Typst from the exported sections: about 0.1 s where HTML layout took 2 s.

The PDF is tagged (PDF/UA-1: language, title, headings, table headers, chart alt text), carries the data
pack as attachments and is byte-identical for the same inputs and report date.
"""
from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.brand import DEFAULT, Brand
from ..core.formatting import long_date, source_line, unit_label
from ..core.paths import TEMPLATES
from ..core.report_date import report_date
from . import engine as typeset
from . import markup as typst_markup
from . import page_fill
from .typst_text import string_literal

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..pipeline.export import Section

NOTE = ("Figures marked with a number in brackets come from the source with that number. Figures marked assumed, "
        "hatched in charts and shaded in tables, were filled in by the analyst. All other values are computed by the "
        "cmo-reports model from these inputs. Each figure is rounded on its own; totals, changes and gaps are computed "
        "before rounding, so the last digit may not add up.")
NO_SOURCE = "Analyst assumptions only: no published source is cited"
LOGO = "brand-logo"  # the logo's file name beside the document, apart from the sections' images


@dataclass
class Document:
    """Typst source and the files it reads (metadata, images), ready to compile in a scratch folder."""

    main: str
    files: dict[str, bytes] = field(default_factory=dict)
    brand: Brand = DEFAULT  # for its fonts: bundled files, and whether the machine's are needed


def meta(p: Params, scenario: str, scenario_title: str = "", stamp: dict | None = None,
         subtitle: str | None = None, brand: Brand = DEFAULT) -> dict:
    """Every params string the frame of the report prints (cover, headers, footers), as data.

    `subtitle` replaces the market analysis line for a report of another kind (a comparison).
    """
    name, unit, rendered = p.market.name, unit_label(p.market), long_date(report_date())
    title = scenario_title or scenario
    scenario_line = f"Scenario: {title}" if scenario != "base" else None
    sources = [f"[{n}] {source_line(s)}" for n, s in enumerate(p.sources, 1)] or [NO_SOURCE]
    return {
        "title": f"{name}: market analysis" + (f" ({title} scenario)" if scenario_line else ""),
        "name": name,
        "subtitle": subtitle or (f"Market analysis: size, growth, segments and regions, "
                                 f"{p.size.base.year}\u2013{p.size.end.year}"),
        "scenario": scenario_line,
        "running": name + (f" \u00b7 {title} scenario" if scenario_line else ""),
        "footer": f"Rendered {rendered} \u00b7 values in {unit}" + (f" \u00b7 {brand.footer}" if brand.footer else ""),
        "facts": [["Geography", [p.market.geography]], ["Values", [unit]], ["Based on", sources],
                  ["Report date", [rendered]]],
        "note": NOTE,
        "stamp": (f"Produced by cmo-reports {stamp['version']} from inputs {stamp['inputs']} (code {stamp['code']}). "
                  f"The input hash covers {stamp.get('covers', 'the market file and its scenario files')}; "
                  "the manifest.json beside this report lists them.") if stamp else None,
        "brand": {"primary": brand.primary, "foreground": brand.foreground, "font": brand.font,
                  "heading-font": brand.heading_font, "cover-box": brand.cover_box, "disclaimer": brand.disclaimer,
                  "logo": f"{LOGO}.{brand.logo_type}" if brand.logo else None,
                  "logo-alt": f"{brand.name} logo" if brand.name else "Logo"},
    }


def document(sections: list[Section], p: Params, scenario: str, scenario_title: str = "", warning: str = "",
             stamp: dict | None = None, attachments: list[Path] = (), subtitle: str | None = None,
             brand: Brand = DEFAULT) -> Document:
    """The whole report as Typst: cover (with the audit's red box), contents, sections, the input stamp."""
    frame = meta(p, scenario, scenario_title, stamp, subtitle, brand)
    files = {"meta.json": json.dumps(frame, ensure_ascii=False).encode("utf-8")}
    if brand.logo:
        files[frame["brand"]["logo"]] = brand.logo
    parts = ['#import "report.typ": report, cover, contents, stamp',
             '#let meta = json("meta.json")',
             "#show: report.with(meta)"]
    box = typst_markup.convert(warning, "cover")
    files.update(box.images)
    parts.append(f"#cover(meta, [{box.markup}])" if box.markup.strip() else "#cover(meta, none)")
    parts.append("#contents()")
    depth = 0
    for n, sec in enumerate(sections):
        body = typst_markup.convert(sec.body, f"s{n:02d}", depth)
        files.update(body.images)
        depth = body.depth
        parts += ["#pagebreak(weak: true)", body.markup + f"/*cmo-mark:s{n:02d}-end:e*/"]
    parts.append("#stamp(meta)")
    for f in attachments:
        stored = f"attached/{f.name}"  # apart from the document's own files; attached under its own name
        files[stored] = f.read_bytes()
        kind = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
        parts.append(f"#pdf.attach({string_literal(f.name)}, "
                     f"read({string_literal(stored)}, encoding: none), "
                     f"description: \"The report's figures as data\", mime-type: {string_literal(kind)})")
    return Document("\n\n".join(parts) + "\n", files, brand)


ROUNDS = 3  # layout passes that may move page breaks; one usually settles every section


def write(doc: Document, path: Path) -> Path:
    """Typeset the document with its template beside it, first moving page breaks so no page holds a section's tail."""
    files = {"report.typ": (TEMPLATES / "report.typ").read_bytes(), **doc.files}
    main = doc.main
    for _ in range(ROUNDS):
        moved = page_fill.breaks(page_fill.marks(typeset.query(page_fill.probe(main), files, "cmo-pos", doc.brand)))
        if not moved:
            break
        main = page_fill.apply(main, moved)
    return typeset.pdf(main, files, path, doc.brand)
