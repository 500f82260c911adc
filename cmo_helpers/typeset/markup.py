"""Exported notebook HTML as Typst markup, so the PDF is typeset from the same pages the HTML shows.

Handles the HTML nbconvert and our views produce (headings, paragraphs, lists, emphasis, Styler tables
with their id rules, captioned figures, boxed divs with inline styles). Every text node is escaped, so
params text is always printed, never read as markup; images come only from data: URIs. This module
walks the blocks and inline elements; the tree is `html_tree`, inline CSS `inline_style`, tables
`table_markup` and literal text `typst_text`.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field

from ..core.escape import FSI, PDI
from .html_tree import Node, children, declarations, id_rules, parse
from .inline_style import styled
from .table_markup import table
from .typst_text import string_literal, text

_SPACE = re.compile(r"\s+")
_SKIP = {"script", "head", "title", "button"}
_IMAGE = re.compile(r"data:image/(png|jpeg|gif|svg\+xml);base64,([A-Za-z0-9+/=\s]+)$")
_FORMATS = {"png": "png", "jpeg": "jpg", "gif": "gif", "svg+xml": "svg"}
_FLOW = {"div", "section", "article", "main", "body"}  # unstyled, these keep their children in the page flow
_BLOCKS = _FLOW | {"h1", "h2", "h3", "h4", "p", "ul", "ol", "table", "figure", "pre", "hr"}
_HEADINGS = {"h1", "h2", "h3", "h4"}
# A block boundary in the page flow, as a Typst comment (text never holds one: its punctuation is escaped); the PDF
# measures where each lands and may turn one into a page break (page_fill.py). Kind: h heading, b block, e end.
MARK = re.compile(r"/\*cmo-mark:(?P<id>[\w-]+):(?P<kind>[hbe])\*/")


@dataclass
class Converter:
    """One fragment's conversion: markup out, images collected as files the document reads."""

    rules: dict[str, dict[str, str]]
    images: dict[str, bytes] = field(default_factory=dict)
    prefix: str = "img"
    depth: int = 0  # level of the last heading so far, in this document
    flow: bool = True  # whether the node being converted sits in the page flow (not in a box, list or table)
    marks: int = 0

    def blocks(self, node: Node) -> str:
        out = []
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    out.append(self.inline_text(child))
                continue
            if self.flow and child.tag in _BLOCKS:
                out.append(self.mark("h" if child.tag in _HEADINGS else "b"))
            out.append(self.element(child))
        return "".join(out)

    def mark(self, kind: str) -> str:
        """A boundary the PDF may break a page at, named after this fragment."""
        self.marks += 1
        return f"\n/*cmo-mark:{self.prefix}-{self.marks}:{kind}*/\n"

    @staticmethod
    def inline_text(value: str) -> str:
        return text(_SPACE.sub(" ", value))

    def element(self, node: Node) -> str:
        tag, attrs = node.tag, node.attrs
        if tag in _SKIP or tag == "style" or "anchor-link" in attrs.get("class", ""):
            return ""
        handler = getattr(self, f"_{tag}", None)
        css = declarations(attrs.get("style", ""))
        outer, self.flow = self.flow, self.flow and tag in _FLOW and not css
        body = handler(node) if handler else self.blocks(node)
        self.flow = outer
        return styled(body, css, block=tag in {"div", "p", "section"})

    def _h(self, node: Node, level: int) -> str:
        """Headings never skip a level (a tagged PDF's outline must nest), whatever the notebook's markdown says."""
        self.depth = min(level, self.depth + 1)
        return f"\n\n#heading(level: {self.depth})[{self.blocks(node).strip()}]\n\n"

    def _h1(self, node):
        return self._h(node, 1)

    def _h2(self, node):
        return self._h(node, 2)

    def _h3(self, node):
        return self._h(node, 3)

    def _h4(self, node):
        return self._h(node, 4)

    def _strong(self, node):
        return f"#strong[{self.blocks(node)}]"

    _b = _strong

    def _em(self, node):
        return f"#emph[{self.blocks(node)}]"

    _i = _em

    def _bdi(self, node):
        """<bdi> isolates free text in HTML; in Typst the same isolation is Unicode's FSI ... PDI around it."""
        return f"{FSI}{self.blocks(node)}{PDI}"

    def _br(self, node):
        return "#linebreak()"

    def _hr(self, node):
        return "\n#line(length: 100%, stroke: 0.5pt + luma(200))\n"

    def _code(self, node):
        return f"#raw({string_literal(node.text())})"

    def _pre(self, node):
        return f"\n#raw(block: true, {string_literal(node.text())})\n"

    def _ul(self, node):
        return self._list(node, "list")

    def _ol(self, node):
        return self._list(node, "enum")

    def _list(self, node: Node, kind: str) -> str:
        items = [f"[{self.blocks(li).strip()}]" for li in children(node) if li.tag == "li"]
        return f"\n#{kind}({', '.join(items)})\n" if items else ""

    def _img(self, node: Node) -> str:
        alt = node.attrs.get("alt", "")
        match = _IMAGE.match(node.attrs.get("src", "").strip())
        if not match:  # another host or a file: never fetched; the reader still learns what was there
            return f"#emph[{text(alt or 'image not included')}]"
        return self._image(base64.b64decode(match.group(2)), _FORMATS[match.group(1)], alt or "chart")

    def _image(self, data: bytes, ext: str, alt: str) -> str:
        name = f"{self.prefix}-{len(self.images) + 1:02d}.{ext}"
        self.images[name] = data
        return f"#image({string_literal(name)}, alt: {string_literal(alt)})"

    def _svg(self, node: Node) -> str:
        """An inline drawing (an SVG output nbconvert put in the page) as an image of its own markup."""
        if not node.source:
            return ""
        title = next((c.text() for c in children(node) if c.tag == "title"), "")
        return self._image(node.source.encode("utf-8"), "svg", title or "drawing")

    def _figure(self, node: Node) -> str:
        caption = next((c for c in children(node) if c.tag == "figcaption"), None)
        rest = Node("div", children=[c for c in node.children if c is not caption])
        body = self.blocks(rest).strip()
        if caption is None:
            return f"\n#figure([{body}])\n"
        return f"\n#figure([{body}], caption: [{self.blocks(caption).strip()}])\n"

    def _table(self, node: Node) -> str:
        return table(node, self.blocks, self.rules)


@dataclass
class Converted:
    """Markup, the images it shows (named `<prefix>-NN.<ext>`) and the heading level it ends on."""

    markup: str
    images: dict[str, bytes]
    depth: int


def convert(html: str, prefix: str = "img", depth: int = 0) -> Converted:
    """Markup for an HTML fragment that follows headings down to level `depth`."""
    root = parse(html)
    converter = Converter(id_rules(root), prefix=prefix, depth=depth)
    markup = converter.blocks(root)
    return Converted(re.sub(r"\n{3,}", "\n\n", markup).strip() + "\n", converter.images, converter.depth)
