"""A forgiving HTML element tree of an exported section, with the inline and `#id` style rules its elements carry."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr"}


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


def children(node: Node) -> list[Node]:
    """A node's child elements, without the text between them."""
    return [c for c in node.children if isinstance(c, Node)]
