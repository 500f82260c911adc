"""Names as a reader compares them: slugs, item keys, one spelling per place, the place a market's name gives."""
from __future__ import annotations

import re

from .lexicon import GEO, GEO_ADJECTIVES, REGION_SPELLINGS, SAME_PLACE


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens, for ids: 'Tideline Research' -> 'tideline-research'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "market"


def market_slug(name: str) -> str:
    """'Global Healthcare CMO Market' -> 'healthcare-cmo'."""
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in {"global", "worldwide", "the", "market"}]
    return "-".join(words)[:60].strip("-") or "market"


def item_key(name: str) -> str:
    """Item names compared as a reader would: case, hyphens, 'the', a trailing 'segment' and 'U.S.'/'US' ignored."""
    name = SAME_PLACE.get(str(name).strip(), str(name))
    name = re.sub(r"[-‐–]", " ", name.casefold())
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"\s+(?:segment|sub segment|category)$", "", name)
    return " ".join(name.split())


def place_name(name: str) -> str:
    """One spelling per place: 'U.S.' and 'United States', 'APAC' and 'Asia Pacific'."""
    name = SAME_PLACE.get(name, name)
    return REGION_SPELLINGS.get(name, name)


def geography_of(name: str) -> str:
    """The place a market's name gives ('European ...', 'North America ...', 'U.S. ...'); Global when none."""
    lowered = name.lower()
    for word, place in sorted(GEO_ADJECTIVES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", lowered):
            return place
    said = GEO.search(name)
    return place_name(said.group(1)) if said else "Global"
