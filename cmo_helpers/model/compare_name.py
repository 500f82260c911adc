"""A comparison's folder name, from its files' slugs alone: cheap enough for the no-op check before any maths."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..inputs.params import Params

MAX_SLUG = 80


def slug(params: list[Params]) -> str:
    """Folder name under outputs/: the files' slugs, or the first one and a hash when that would run long."""
    slugs = [p.market.slug for p in params]
    joined = "compare-" + "-".join(slugs)
    if len(joined) <= MAX_SLUG:
        return joined
    return f"compare-{slugs[0][:50]}-{hashlib.sha1(joined.encode()).hexdigest()[:8]}"
