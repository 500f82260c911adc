"""HTML tables (Styler's, with their `#id` rules) as Typst tables: header, spans, shading and alignment per cell."""
from __future__ import annotations

from collections.abc import Callable

from .html_tree import Node, children, declarations
from .inline_style import background, text_style

WHOLE_TABLE_ROWS = 16  # a table up to this many rows (a forecast by year) stays on one page


def _span(cell: Node) -> int:
    span = cell.attrs.get("colspan", "1")
    return int(span) if span.isdigit() and 0 < int(span) < 100 else 1


def table(node: Node, blocks: Callable[[Node], str], rules: dict[str, dict[str, str]]) -> str:
    """A table with its caption above it, header cells repeated on each page, short tables kept on one page."""
    head, body = [], []
    for part in children(node):
        rows = [part] if part.tag == "tr" else children(part) if part.tag in {"thead", "tbody", "tfoot"} else []
        for tr in rows:
            if tr.tag == "tr":
                (head if part.tag == "thead" else body).append([c for c in children(tr) if c.tag in {"td", "th"}])
    width = max((sum(_span(c) for c in row) for row in head + body), default=0)
    if not width:
        return ""
    caption = next((c for c in children(node) if c.tag == "caption"), None)
    title = f"#block(below: 0.5em, sticky: true)[#strong[{blocks(caption).strip()}]]\n" if caption else ""
    header = f"table.header({', '.join(_cell(c, blocks, rules) for row in head for c in row)}), " if head else ""
    cells = ", ".join(_cell(c, blocks, rules) for row in body for c in row)
    table = f"#table(columns: {width}, {header}{cells})"
    if len(body) <= WHOLE_TABLE_ROWS:  # a short table never leaves a row or two behind on the next page
        table = f"#block(breakable: false)[{table}]"
    return f"\n{title}{table}\n"


def _cell(node: Node, blocks: Callable[[Node], str], rules: dict[str, dict[str, str]]) -> str:
    css = {**rules.get(node.attrs.get("id", ""), {}), **declarations(node.attrs.get("style", ""))}
    if node.tag == "th":
        css["font-weight"] = "bold"
    body = text_style(blocks(node).strip(), css)
    args = []
    if (fill := background(css)):
        args.append(f"fill: {fill}")
    if css.get("text-align") in {"right", "center", "left"}:
        args.append(f"align: {css['text-align']}")
    if _span(node) > 1:
        args.append(f"colspan: {_span(node)}")
    return f"table.cell({', '.join(args)})[{body}]" if args else f"[{body}]"
