"""Params text escaped for each place it lands, so a name can never become markup, code or a command."""
from __future__ import annotations

import html as _html
import re
import unicodedata

from .text import replace_invisible

# Characters that start emphasis, code, links, tables, maths or headings anywhere in a line get a
# backslash; '&', '<' and '>' become entities, since a backslash does not stop a raw HTML tag.
_MD = {c: f"\\{c}" for c in "\\`*_[]{}#|~$^!"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# List and heading markers only count where a line starts, and the text is one line: '- x', '1. x', '==='.
_MD_BLOCK = re.compile(r"^([-+=]|\d+(?=[.)]))")
_AUTOLINK = re.compile(r"(:(?=//)|(?<=www)\.)", re.I)  # 'http://x' and 'www.x' stay text, not links
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate: Unicode's plain-text <bdi>
# Bidi classes that can move text around them: right-to-left letters and digits, and the explicit controls.
_REORDERING = {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


def html(text: object) -> str:
    """Text for an HTML element or attribute value."""
    return _html.escape(str(text), quote=True)


def md(text: object) -> str:
    """Text for a Markdown cell or output: shows literally, one line, no headings, tables, maths or tags."""
    one_line = " ".join(_controls_shown(_LINE_BREAKS.sub(" ", str(text))).split())  # indents would make code blocks
    inline = _AUTOLINK.sub(r"\\\1", "".join(_MD.get(c, c) for c in one_line))
    return _MD_BLOCK.sub(lambda m: m.group() + "\\" if m.group()[0].isdigit() else "\\" + m.group(), inline)


def md_isolated(text: object) -> str:
    """Free text (a quote, a rationale) for Markdown, in <bdi> when it holds right-to-left text or bidi controls,
    so they cannot reorder its neighbours; other text is left as it is."""
    return f"<bdi>{md(text)}</bdi>" if reorders(text) else md(text)


def isolated(text: object) -> str:
    """Free text for a table cell, between FSI and PDI (the plain-text <bdi>, which Typst honours too) when it
    holds right-to-left text or bidi controls; other text is left as it is."""
    return f"{FSI}{text}{PDI}" if reorders(text) else str(text)


def reorders(text: object) -> bool:
    """Whether text holds anything that could move its neighbours in the bidi algorithm."""
    return any(unicodedata.bidirectional(c) in _REORDERING for c in _NON_ASCII.findall(str(text)))


def terminal(text: object) -> str:
    """Text for a terminal: control characters (ESC, BEL, CR, ...) and invisible format characters (bidi
    overrides, zero-width spaces) shown as \\x1b or \\u202e rather than obeyed or hidden."""
    return replace_invisible(_controls_shown(text), _visible)


def _controls_shown(text: object) -> str:
    return _CONTROL.sub(lambda m: _visible(m.group()), str(text))


def clip(text: str, limit: int = 300) -> str:
    """Keep an error line readable: a 8 MB YAML value is cut, with its length said."""
    return text if len(text) <= limit else f"{text[:limit]}\u2026 ({len(text)} characters)"


def _visible(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
