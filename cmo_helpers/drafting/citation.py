"""The draft's `sources:` entry: its id, the parts the release gives, and why each other part is left out."""
from __future__ import annotations

import datetime as dt

from .names import slugify
from .source import SourceMeta, title_problem

NOT_STATED = "not stated in the release"


def citation(meta: SourceMeta, source_id: str, market: str) -> dict:
    """The citation: a part the release does not give, or gives only as a sentence or tagline, is left out."""
    source = {"id": source_id}
    if meta.publisher:
        source["publisher"] = meta.publisher
    if not title_problem(meta.title, market):
        source["title"] = meta.title
    if meta.published:
        source["published"] = dt.date.fromisoformat(meta.published)
    for key in ("url", "kind", "place"):
        if getattr(meta, key):
            source[key] = getattr(meta, key)
    return source


def citation_id(meta: SourceMeta) -> str:
    """'tideline-research-2025': the publisher and the year, what every sourced figure's `source:` names."""
    return f"{slugify(meta.publisher or 'release')[:40]}-{(meta.published or '')[:4] or 'source'}".strip("-")


def why_left_out(meta: SourceMeta, market: str) -> dict[str, str | None]:
    """Why each part of the citation may be missing: written as a comment beside it, never as a placeholder."""
    return {"publisher": "the release names no publisher", "title": title_problem(meta.title, market),
            "published": NOT_STATED, "url": NOT_STATED}
