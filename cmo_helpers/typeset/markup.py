"""Exported notebook HTML as Typst markup, so the PDF is typeset from the same pages the HTML shows.

Handles the HTML nbconvert and our views produce (headings, paragraphs, lists, emphasis, Styler tables
with their id rules, captioned figures, boxed divs with inline styles). Every text node is escaped, so
params text is always printed, never read as markup; images come only from data: URIs.
"""
from __future__ import annotations

import base64
import re
import string
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SPECIAL = set(string.punctuation)
_SPACE = re.compile(r"\s+")
BREAK = "\ue000"  # private-use mark for a break point, replaced by `#box()` once the text is escaped
_LONG = re.compile(r"\S{30,}")  # wider than a narrow table column
_AFTER_SEPARATOR = re.compile(r"[/._\-?&=#:;,]+")
_RUN = re.compile(r"[^/._\-?&=#:;,\ue000]{21,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b")
_LENGTH = re.compile(r"(-?\d*\.?\d+)(px|em|pt|%)")
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr"}
_SKIP = {"script", "head", "title", "button"}
_IMAGE = re.compile(r"data:image/(png|jpeg|gif|svg\+xml);base64,([A-Za-z0-9+/=\s]+)$")
_FORMATS = {"png": "png", "jpeg": "jpg", "gif": "gif", "svg+xml": "svg"}
_FLOW = {"div", "section", "article", "main", "body"}  # unstyled, these keep their children in the page flow
_BLOCKS = _FLOW | {"h1", "h2", "h3", "h4", "p", "ul", "ol", "table", "figure", "pre", "hr"}
_HEADINGS = {"h1", "h2", "h3", "h4"}
WHOLE_TABLE_ROWS = 16  # a table up to this many rows (a forecast by year) stays on one page
# A block boundary in the page flow, as a Typst comment (text never holds one: its punctuation is escaped); the PDF
# measures where each lands and may turn one into a page break (page_fill.py). Kind: h heading, b block, e end.
MARK = re.compile(r"/\*cmo-mark:(?P<id>[\w-]+):(?P<kind>[hbe])\*/")


def text(value: str) -> str:
    """Literal text in markup: every ASCII punctuation mark escaped, so nothing in it is syntax; controls dropped."""
    value = _LONG.sub(lambda m: breakable(m.group()), _CONTROL.sub("", value.replace(BREAK, "")))
    return "".join("\\" + c if c in _SPECIAL else c for c in value).replace(BREAK, "#box()")


def breakable(token: str) -> str:
    """A long unbroken token (a URL, a hostile name) marked where it may wrap, so it never runs over a cell.

    Marks go after URL separators and every 20 characters of a longer run; `text` turns them into empty
    boxes, which Typst may break at and which add no character to the page or its extracted text.
    """
    marked = _AFTER_SEPARATOR.sub(lambda m: m.group() + BREAK, token)
    return _RUN.sub(lambda m: BREAK.join(m.group()[i:i + 20] for i in range(0, len(m.group()), 20)), marked)


def string_literal(value: str) -> str:
    """A Typst string literal (for alt text, code and file names)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped.replace(chr(9), chr(92) + "t")}"'


@dataclass
class Node:
    """A parsed HTML element: tag, attributes and children (strings or nodes)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)
    source: str = ""  # an inline <svg> element's own markup, exactly as written (the parser lower-cases names)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Tree(HTMLParser):
    """A forgiving element tree: stray end tags are ignored, unclosed elements close with their parent."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]
        self.html = html
        self.lines = [0]  # offset of each line's start, to turn the parser's (line, column) into an offset
        for line in html.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.svg_start: int | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag == "svg" and self.svg_start is None:
            self.svg_start = self._offset()
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                if tag == "svg" and self.svg_start is not None and "svg" not in [n.tag for n in self.stack[:depth]]:
                    end = self.html.index(">", self._offset()) + 1
                    self.stack[depth].source, self.svg_start = self.html[self.svg_start:end], None
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    tree = _Tree(html)
    tree.feed(html)
    tree.close()
    return tree.root


def declarations(css: str) -> dict[str, str]:
    """`a: b; c: d` as a dict, lower-cased names."""
    out = {}
    for part in css.split(";"):
        name, sep, value = part.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return out


def id_rules(root: Node) -> dict[str, dict[str, str]]:
    """Declarations of every `#id` selector in the fragment's style elements (how Styler colours cells)."""
    rules: dict[str, dict[str, str]] = {}
    for style in _find(root, "style"):
        for selectors, body in _RULE.findall(style.text()):
            for selector in selectors.split(","):
                selector = selector.strip()
                if re.fullmatch(r"#[\w-]+", selector):
                    rules.setdefault(selector[1:], {}).update(declarations(body))
    return rules


def _find(node: Node, tag: str):
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                yield child
            yield from _find(child, tag)


def _children(node: Node) -> list[Node]:
    return [c for c in node.children if isinstance(c, Node)]


def _span(cell: Node) -> int:
    span = cell.attrs.get("colspan", "1")
    return int(span) if span.isdigit() and 0 < int(span) < 100 else 1


def _colour(value: str) -> str | None:
    match = _COLOUR.search(value or "")
    if not match:
        return None
    hex_ = match.group(0)[1:]
    if len(hex_) in (3, 4):
        hex_ = "".join(c * 2 for c in hex_)
    return f'rgb("#{hex_}")' if len(hex_) in (6, 8) else None


def _length(value: str, em: float = 10.0) -> str | None:
    """A CSS length as Typst's (px at 96 dpi, em against the 10 pt body)."""
    match = _LENGTH.search(value or "")
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit == "%":
        return f"{number:g}%"
    points = {"px": number * 0.75, "pt": number, "em": number * em}[unit]
    return f"{points:.2f}pt"


def _fill(css: dict[str, str]) -> str | None:
    return _colour(css.get("background-color") or css.get("background", ""))


def _text_style(body: str, css: dict[str, str]) -> str:
    """Content in the weight, slant, colour and size its style asks for (divs, spans and table cells alike)."""
    if css.get("font-weight") in {"bold", "600", "700", "800", "900"}:
        body = f"#strong[{body}]"
    if css.get("font-style") == "italic":
        body = f"#emph[{body}]"
    args = []
    if (colour := _colour(css.get("color", ""))):
        args.append(f"fill: {colour}")
    if (size := _length(css.get("font-size", ""))) and not size.endswith("%"):
        args.append(f"size: {size}")
    return f"#text({', '.join(args)})[{body}]" if args else body


def _stroke(value: str) -> str | None:
    width, colour = _length(value), _colour(value)
    if not width or not colour or "none" in value:
        return None
    return f"{width} + {colour}"


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
        return self.styled(body, css, block=tag in {"div", "p", "section"})

    def styled(self, body: str, css: dict[str, str], block: bool) -> str:
        """Wrap content in the text and box settings its inline style asks for."""
        body = _text_style(body, css)
        if css.get("display") == "inline-block":
            width = _length(css.get("width", ""))
            return f"#box(width: {width or 'auto'}, inset: (right: 1.5%))[{body}]"
        box = []
        if (fill := _fill(css)):
            box.append(f"fill: {fill}")
        strokes = {side: _stroke(css.get(f"border-{side}", "") or css.get("border", ""))
                   for side in ("left", "right", "top", "bottom")}
        if any(strokes.values()):
            box.append("stroke: (" + ", ".join(f"{k}: {v}" for k, v in strokes.items() if v) + ")")
        if (inset := self._inset(css.get("padding", ""))):
            box.append(f"inset: {inset}")
        if (radius := _length(css.get("border-radius", ""))):
            box.append(f"radius: {radius}")
        if box:
            return f"\n#block(width: 100%, breakable: false, {', '.join(box)})[{body}]\n"
        return f"\n\n{body}\n\n" if block and body.strip() else body

    @staticmethod
    def _inset(value: str) -> str | None:
        parts = [p for p in (_length(v) for v in value.split()) if p]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return f"(y: {parts[0]}, x: {parts[1]})"

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
        items = [f"[{self.blocks(li).strip()}]" for li in _children(node) if li.tag == "li"]
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
        title = next((c.text() for c in _children(node) if c.tag == "title"), "")
        return self._image(node.source.encode("utf-8"), "svg", title or "drawing")

    def _figure(self, node: Node) -> str:
        caption = next((c for c in _children(node) if c.tag == "figcaption"), None)
        rest = Node("div", children=[c for c in node.children if c is not caption])
        body = self.blocks(rest).strip()
        if caption is None:
            return f"\n#figure([{body}])\n"
        return f"\n#figure([{body}], caption: [{self.blocks(caption).strip()}])\n"

    def _table(self, node: Node) -> str:
        head, body = [], []
        for part in _children(node):
            rows = [part] if part.tag == "tr" else _children(part) if part.tag in {"thead", "tbody", "tfoot"} else []
            for tr in rows:
                if tr.tag == "tr":
                    (head if part.tag == "thead" else body).append([c for c in _children(tr) if c.tag in {"td", "th"}])
        width = max((sum(_span(c) for c in row) for row in head + body), default=0)
        if not width:
            return ""
        caption = next((c for c in _children(node) if c.tag == "caption"), None)
        title = f"#block(below: 0.5em, sticky: true)[#strong[{self.blocks(caption).strip()}]]\n" if caption else ""
        header = f"table.header({', '.join(self._cell(c) for row in head for c in row)}), " if head else ""
        cells = ", ".join(self._cell(c) for row in body for c in row)
        table = f"#table(columns: {width}, {header}{cells})"
        if len(body) <= WHOLE_TABLE_ROWS:  # a short table never leaves a row or two behind on the next page
            table = f"#block(breakable: false)[{table}]"
        return f"\n{title}{table}\n"

    def _cell(self, node: Node) -> str:
        css = {**self.rules.get(node.attrs.get("id", ""), {}), **declarations(node.attrs.get("style", ""))}
        if node.tag == "th":
            css["font-weight"] = "bold"
        body = _text_style(self.blocks(node).strip(), css)
        args = []
        if (fill := _fill(css)):
            args.append(f"fill: {fill}")
        if css.get("text-align") in {"right", "center", "left"}:
            args.append(f"align: {css['text-align']}")
        if _span(node) > 1:
            args.append(f"colspan: {_span(node)}")
        return f"table.cell({', '.join(args)})[{body}]" if args else f"[{body}]"


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
