"""One release, as saved, to its draft: header, reading text, facts, params; the CLI and benchmarks share it."""
from __future__ import annotations

from .facts import extract
from .header import split_header
from .size_block import Grow
from .text import detect_kind, to_text
from .writer import Draft, build


def draft_release(name: str, raw: str, slug: str | None = None, grow: Grow | None = None) -> tuple[str, Draft]:
    """The reading text the quotes are cut from, and the draft made from it (`grow`: see `writer.build`)."""
    header, body = split_header(raw)
    text = to_text(body, detect_kind(name, body))
    return text, build(extract(text, header), name.rsplit("/", 1)[-1], slug, grow)
