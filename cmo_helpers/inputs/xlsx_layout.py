"""Which sheet holds which part of params as a workbook (YAML to xlsx and back, losslessly), for both directions.

The layout follows the YAML, not a fixed schema: each top-level part gets a sheet; a mapping becomes
Key/Value rows (nested keys dotted), a list of mappings a table with one row per entry, and a list
inside a mapping its own table sheet. A hidden `_layout` sheet records which sheet holds which key
path, so reading back is exact. Every value read remembers its cell, so validation errors name the
workbook, the sheet and the cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.errors import ParamsError

LAYOUT = "_layout"
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "yyyy-mm-dd"
KINDS = ("mapping", "table", "list")
FLOAT_FORMAT = "0.0###############"  # marks a whole-number float (5.0), which Excel would otherwise read back as 5


@dataclass
class Sheet:
    name: str
    path: str  # key path of what the sheet holds: "market", "regions.items"
    kind: str  # "mapping" (Key/Value rows), "table" (list of mappings), "list" (list of scalars)


def _check_key(key: object, prefix: str = "") -> None:
    """Dots and brackets mark key paths in the workbook, so a key holding one could not be read back as it was."""
    if not isinstance(key, str) or set(key) & set(".[]"):
        raise ParamsError(f"{prefix}{key}", [("", "a key holding '.', '[' or ']' cannot go into a workbook")])


def _split(value: dict, prefix: str = "") -> tuple[dict[str, object], dict[str, list]]:
    """A mapping's scalars as dotted keys, and the lists inside it (which get sheets of their own)."""
    scalars: dict[str, object] = {}
    lists: dict[str, list] = {}
    for key, item in value.items():
        _check_key(key, prefix)
        name = f"{prefix}{key}"
        if isinstance(item, dict) and item:
            inner, nested = _split(item, name + ".")
            scalars.update(inner)
            lists.update(nested)
        elif isinstance(item, list):
            lists[name] = item
        else:
            scalars[name] = item
    return scalars, lists


def _title(text: str) -> str:
    text = " ".join(text.replace("_", " ").replace(".", " ").split())
    return text[:1].upper() + text[1:]


def _collect(value: object, path: str, title: str, found: list[tuple[Sheet, object]]) -> None:
    """Sheets for one part, parents before the lists nested in them, so reading back can place each."""
    if isinstance(value, dict):
        scalars, lists = _split(value)
        if scalars or not lists:
            found.append((Sheet(title, path, "mapping"), scalars))
        for key, items in lists.items():
            _collect(items, f"{path}.{key}".strip("."), f"{title} {key}".strip(), found)
    elif value and all(isinstance(v, dict) for v in value):
        rows = [_split(item) for item in value]
        found.append((Sheet(title, path, "table"), [scalars for scalars, _ in rows]))
        for n, (scalars, lists) in enumerate(rows):
            label = next((str(scalars[k]) for k in ("name", "label", "id") if k in scalars), str(n + 1))
            for key, items in lists.items():
                _collect(items, f"{path}[{n}].{key}", f"{title} {label} {key}", found)
    else:
        found.append((Sheet(title, path, "list"), value))


def sheets(data: dict) -> list[tuple[Sheet, object]]:
    """Which sheet holds which part, in the file's own order, with valid unique sheet names."""
    found: list[tuple[Sheet, object]] = []
    for key in data:
        _check_key(key)
    scalars = {k: v for k, v in data.items() if not isinstance(v, (dict, list))}
    if scalars:
        found.append((Sheet("Document", "", "mapping"), scalars))
    for key, value in data.items():
        if isinstance(value, (dict, list)):
            _collect(value, key, _title(key), found)
    taken: set[str] = set()
    for sheet, _ in found:
        name = " ".join(_SHEET_BAD.sub(" ", _title(sheet.name)).split())[:31] or "Part"
        while name in taken or name == LAYOUT:
            name = f"{name[:27]} {len(taken):03d}"
        taken.add(name)
        sheet.name = name
    return found
