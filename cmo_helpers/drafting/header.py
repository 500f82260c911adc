"""A saved page's header (`url: ...`, `publisher: ...`, `date: ...` lines before a blank line) is metadata, not text."""
from __future__ import annotations

import re

KEYS = {"url", "publisher", "date", "published", "title", "source", "author", "retrieved", "retrieved-via", "accessed"}
_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,30}):[ \t]*(?P<value>\S.*?)\s*$")
_STAMP = re.compile(r"\A[ \t]*date (?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*")


def split_header(raw: str) -> tuple[dict[str, str], str]:
    """The header's `key: value` pairs (keys lower-cased) and the text after it; no header gives ({}, raw).

    A block counts as a header only when every line before the first blank line is `key: value` and at least
    one key is one a saved page uses (url, publisher, date, ...), so a release opening 'Summary: ...' stays text.
    A body that opens with the store's 'date YYYY-MM-DD' stamp gives that date too, and the stamp is not text.
    """
    lines = raw.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    pairs: dict[str, str] = {}
    for n, line in enumerate(lines):  # noqa: B007 - n is read after the loop
        if not line.strip():
            break
        m = _LINE.match(line)
        if not m:
            return {}, raw
        pairs.setdefault(m.group("key").lower(), m.group("value"))
    else:
        return {}, raw
    if not pairs or not KEYS & set(pairs):
        return {}, raw
    body = "\n".join(lines[n + 1:]).lstrip("\n")
    stamp = _STAMP.match(body)
    if stamp:
        pairs.setdefault("stamp", stamp.group("date"))
        body = body[stamp.end():]
    return pairs, body
