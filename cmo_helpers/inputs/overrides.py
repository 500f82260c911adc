"""`-P key=value`: a what-if from the command line, merged and validated exactly as a scenario overlay is.

The market file with its overrides written in is what a render freezes and its notebooks read; each
overridden figure becomes assumed, with the override itself as the rationale the inputs table shows.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.errors import ParamsError
from . import overlays, override_merge
from .load import read_scalar, read_yaml
from .migrate import to_yaml
from .params import parse_params

FLAG = "-P"


def split(text: str) -> tuple[str, str]:
    """'size.cagr.rate=12%' as key and value text; a text without a key is refused."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"{FLAG} takes key=value, e.g. size.cagr.rate=12%; got {text!r}")
    return key.strip(), value.strip()


def _parts(key: str) -> list[str]:
    """A dotted key's levels; an item's name may itself hold dots ('U.S.'), so it is everything between."""
    parts = key.split(".")
    if parts[0] == "breakdowns" and len(parts) > 5 and parts[2] == "items":
        return [*parts[:3], ".".join(parts[3:-1]), parts[-1]]
    return parts


def nested(pairs: list[str], source: Path) -> dict[str, Any]:
    """Dotted keys as the nested mapping a scenario overlay's `overrides:` would hold."""
    tree: dict[str, Any] = {}
    for text in pairs:
        key, value = split(text)
        *parents, leaf = _parts(key)
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ParamsError(source, [(f"{FLAG} {key}", "also set as a single value by another -P")])
        node[leaf] = read_scalar(value)
    return tree


def _flagged(problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Name each problem's key as it was typed after -P."""
    return [(f"{FLAG} {key.removeprefix('overrides.')}", reason) for key, reason in problems]


def apply(path: Path, pairs: list[str]) -> dict:
    """The market file's mapping with the overrides in, validated with every scenario on top; ParamsError if not."""
    typed = {key: f"{key}={value}" for key, value in map(split, pairs)}

    def note(at: tuple) -> str:  # an old-style key ('regions.items...') reaches here moved under breakdowns
        return f"override on the command line: {FLAG} {typed.get('.'.join(at), '.'.join(at))}"

    try:
        raw = override_merge.merged(read_yaml(path), nested(pairs, path), path, note)
        override_merge.validated(raw, path)
    except ParamsError as exc:
        if exc.path != path:
            raise
        raise ParamsError(path, _flagged(exc.problems)) from None
    overlays.cases(path, raw, parse_params(raw, path))  # every scenario still applies on top of the overrides
    return raw


def frozen_text(path: Path, pairs: list[str]) -> str:
    """The file a render's notebooks read: the market with its overrides written in, and a note saying so."""
    said = " ".join(f"{FLAG} {text!r}" for text in pairs)
    return f"# {path.name} with the command line's overrides written in: {said}\n" + to_yaml(apply(path, pairs))
