"""Facts read from a short text, each checked to quote the text exactly: what the drafting tests share."""
from __future__ import annotations

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.patterns import Fact


def facts(text: str, kind: str | None = None) -> list[Fact]:
    """The facts of `kind` (all when None) found in `text`; every quote is checked against the text."""
    found = extract(text).facts
    for f in found:
        assert text[f.start:f.start + len(f.quote)] == f.quote, f
    return [f for f in found if kind is None or f.kind == kind]


def one(text: str, kind: str) -> Fact:
    """The only fact of `kind` in `text`."""
    found = facts(text, kind)
    assert len(found) == 1, found
    return found[0]
