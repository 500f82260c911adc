"""Text as Typst prints it literally: punctuation escaped, controls dropped, long tokens breakable; string literals."""
from __future__ import annotations

import re
import string

_SPECIAL = set(string.punctuation)
BREAK = "\ue000"  # private-use mark for a break point, replaced by `#box()` once the text is escaped
_LONG = re.compile(r"\S{30,}")  # wider than a narrow table column
_AFTER_SEPARATOR = re.compile(r"[/._\-?&=#:;,]+")
_RUN = re.compile(r"[^/._\-?&=#:;,\ue000]{21,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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
