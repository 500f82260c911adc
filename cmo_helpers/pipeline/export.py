"""Executed notebooks to client-ready HTML pages and the sections the PDF is typeset from, code hidden."""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import nbformat
from markupsafe import Markup
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from ..core.brand import DEFAULT, Brand
from ..core.formatting import long_date, source_line, unit_label
from ..core.paths import TEMPLATES
from ..core.report_date import report_date
from ..report import chart_images, notebook_outputs
from . import chart_fonts, page_brand

if TYPE_CHECKING:
    from ..inputs.market_file import Params

# Autoescape on: every value is params text unless wrapped in Markup, which only HTML this package
# built itself gets (nbconvert section bodies, the audit box, the stylesheet).
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True)
HEADLINE = "cmo-headline"  # headline.KEY: the pipeline reads the figures, it does not import the model
_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)</h\1>', re.S)


class DropStderr(Preprocessor):
    """Library warnings on stderr are for the analyst's console, not the client's page."""

    def preprocess_cell(self, cell, resources, index):
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        return cell, resources


class ChartFigures(Preprocessor):
    """Charts are image outputs in notebooks; pages show them as captioned figures with alt text."""

    def preprocess_cell(self, cell, resources, index):
        if cell.get("outputs"):
            cell.outputs = chart_images.as_figures(cell.outputs)
        return cell, resources


def _text(fragment: str) -> str:
    """Plain text of a heading, without nbconvert's pilcrow anchor link."""
    fragment = re.sub(r'<a class="anchor-link".*?</a>', "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@dataclass
class Section:
    """One executed notebook, ready to place in a page or the PDF."""

    slug: str
    title: str
    body: str
    empty: bool = False  # nothing to say for this market (no such breakdown): left out of the client's report

    @property
    def href(self) -> str:
        return f"{self.slug}.html"


@functools.cache
def _exporter() -> HTMLExporter:
    """One exporter per process: its templates are compiled on first use, not once per notebook."""
    exporter = HTMLExporter(
        template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    exporter.register_preprocessor(DropStderr, enabled=True)
    exporter.register_preprocessor(ChartFigures, enabled=True)
    return exporter


def section(notebook: Path) -> Section:
    """Body HTML of one executed notebook, titled by its first heading."""
    nb = nbformat.read(notebook, as_version=4)
    # papermill's injected cell has a random id, which would become an HTML id: same inputs, other bytes
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    body, _ = _exporter().from_notebook_node(nb)
    match = _HEADING.search(body)
    title = _text(match.group(3)) if match else notebook.stem
    return Section(notebook.stem, title, Markup(body), _says_nothing(nb))


def _says_nothing(nb) -> bool:
    """A section whose only outputs, besides the subtitle, are marked as 'nothing to show for this market'."""
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if o.get("output_type") == "display_data"]
    return any(o.get("metadata", {}).get("cmo", {}).get("empty_section") for o in outputs)


def headline_figures(notebooks: list[Path]) -> dict | None:
    """The headline figures the executive summary computed in its kernel, or None when no notebook shows them."""
    return next((dict(output["metadata"][HEADLINE]) for _, output in notebook_outputs.tagged(notebooks, HEADLINE)),
                None)


def client_sections(sections: list[Section]) -> list[Section]:
    """The sections a client sees: those with something to say."""
    return [s for s in sections if not s.empty]


_WARNING = re.compile(r'<div class="cmo-audit-warning".*?</ul></div>', re.S)


def audit_warning(sections: list[Section]) -> Markup:
    """The audit's red box as the executive summary shows it (already escaped there), for the PDF cover."""
    for sec in sections:
        match = _WARNING.search(sec.body)
        if match:
            return Markup(match.group(0))
    return Markup("")


def css() -> Markup:
    return Markup((TEMPLATES / "base.css").read_text(encoding="utf-8"))


def _context(p: Params, scenario: str, stamp: dict | None, brand: Brand = DEFAULT) -> dict:
    return {
        "brand_css": page_brand.css(brand),
        "logo": page_brand.logo(brand),
        "footer": brand.footer,
        "disclaimer": brand.disclaimer,
        "market": p.market,
        "unit": unit_label(p.market),
        "scenario": scenario,
        "rendered": long_date(report_date()),
        "css": css(),
        "stamp": stamp,
    }


def write_pages(sections: list[Section], p: Params, scenario: str, out_dir: Path, pdf: bool,
                scenario_title: str = "", related: list[tuple[str, str]] = (), stamp: dict | None = None,
                workbook: str = "", brand: Brand = DEFAULT) -> list[Path]:
    """One self-contained page per section, plus an index linking them, the PDF, the data pack and related scenarios.

    Each chart on a page carries its font (chart_fonts); the sections themselves, which the PDF reads, do not.
    """
    sources = "; ".join(f"[{n}] {source_line(s)}" for n, s in enumerate(p.sources, 1))
    ctx = {**_context(p, scenario, stamp, brand), "market": p.market.name, "nav": sections, "pdf": pdf,
           "sources": sources}
    page = _ENV.get_template("page.html.j2")
    index_body = Markup(_ENV.get_template("index_body.html.j2").render(
        ctx, name=p.market.name, sections=sections, related=related, workbook=workbook,
        years=f"{p.size.base.year}\u2013{p.size.end.year}", scenario_title=scenario_title or scenario,
    ))
    written = []
    pages = [(s.href, s.title, chart_fonts.page_with_fonts(s.body, brand)) for s in sections]
    for href, title, body in [("index.html", "Contents", index_body), *pages]:
        path = out_dir / href
        path.write_text(page.render(ctx, title=title, body=body, current=href), encoding="utf-8")
        written.append(path)
    return written
