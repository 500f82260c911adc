"""Params as a workbook, for analysts who keep their numbers in spreadsheets: YAML to xlsx and back, losslessly.

The layout follows the YAML, not a fixed schema: each top-level part gets a sheet; a mapping becomes
Key/Value rows (nested keys dotted), a list of mappings a table with one row per entry, and a list
inside a mapping its own table sheet. A hidden `_layout` sheet records which sheet holds which key
path, so reading back is exact. Every value read remembers its cell, so validation errors name the
workbook, the sheet and the cell.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import atomic, formula_text, source_files, text
from ..core.errors import ParamsError

if TYPE_CHECKING:
    from .market_file import Params

LAYOUT = "_layout"
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "yyyy-mm-dd"
KINDS = ("mapping", "table", "list")
_PATH = re.compile(r"(?:[^.\[\]]+(?:\[\d{1,6}\])*)(?:\.[^.\[\]]+(?:\[\d{1,6}\])*)*|")  # 'a.b[0].c', or '' for the top
MAX_INFLATED = 20 * 2**20  # bytes of sheet XML once unzipped
FLOAT_FORMAT = "0.0###############"  # marks a whole-number float (5.0), which Excel would otherwise read back as 5


@dataclass
class _Sheet:
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


def _unflatten(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for dotted, value in pairs:
        node = out
        *parents, last = dotted.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return out


def _title(text: str) -> str:
    text = " ".join(text.replace("_", " ").replace(".", " ").split())
    return text[:1].upper() + text[1:]


def _collect(value: object, path: str, title: str, found: list[tuple[_Sheet, object]]) -> None:
    """Sheets for one part, parents before the lists nested in them, so reading back can place each."""
    if isinstance(value, dict):
        scalars, lists = _split(value)
        if scalars or not lists:
            found.append((_Sheet(title, path, "mapping"), scalars))
        for key, items in lists.items():
            _collect(items, f"{path}.{key}".strip("."), f"{title} {key}".strip(), found)
    elif value and all(isinstance(v, dict) for v in value):
        rows = [_split(item) for item in value]
        found.append((_Sheet(title, path, "table"), [scalars for scalars, _ in rows]))
        for n, (scalars, lists) in enumerate(rows):
            label = next((str(scalars[k]) for k in ("name", "label", "id") if k in scalars), str(n + 1))
            for key, items in lists.items():
                _collect(items, f"{path}[{n}].{key}", f"{title} {label} {key}", found)
    else:
        found.append((_Sheet(title, path, "list"), value))


def _sheets(data: dict) -> list[tuple[_Sheet, object]]:
    """Which sheet holds which part, in the file's own order, with valid unique sheet names."""
    found: list[tuple[_Sheet, object]] = []
    for key in data:
        _check_key(key)
    scalars = {k: v for k, v in data.items() if not isinstance(v, (dict, list))}
    if scalars:
        found.append((_Sheet("Document", "", "mapping"), scalars))
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


def _docs() -> list[tuple[re.Pattern, str]]:
    """Key documentation from the params schema (as params/README.md shows it), as (pattern for a key path, meaning)."""
    from .schema import keys

    docs = []
    for key in keys():
        for full in key.paths:
            pattern = re.escape(full).replace(r"\[\]", r"(?:\[\])?")
            docs.append((re.compile(rf"(^|\.){pattern}$"), f"{key.kind}: {key.meaning}".strip(": ")))
    return docs


def _doc_for(path: str, docs: list[tuple[re.Pattern, str]]) -> str:
    generic = re.sub(r"\[\d+\]", "[]", path)
    return next((text for pattern, text in docs if pattern.search(generic)), "")


def _enums() -> dict[str, list[str]]:
    """Allowed values of fields that have a fixed list (basis, unit, ...), read from the params schema."""
    from .market_file import Params

    found: dict[str, list[str]] = {}

    def walk(node: object, name: str = "") -> None:
        if isinstance(node, dict):
            if name and isinstance(node.get("enum"), list):
                found.setdefault(name, [str(v) for v in node["enum"]])
            for key, child in node.items():
                walk(child, key if isinstance(child, dict) and key not in ("properties", "$defs") else name)
                if key == "properties" and isinstance(child, dict):
                    for prop, schema in child.items():
                        walk(schema, prop)
        elif isinstance(node, list):
            for child in node:
                walk(child, name)

    walk(Params.model_json_schema())
    return found


def _write_value(cell, value: object) -> None:
    if isinstance(value, dt.date):
        cell.value, cell.number_format = value, DATE_FORMAT
    elif isinstance(value, float) and value.is_integer():
        cell.value, cell.number_format = value, FLOAT_FORMAT
    else:
        cell.value = value


def _read_value(cell) -> object:
    value = cell.value
    if isinstance(value, str):
        return text.normal(value)
    if isinstance(value, dt.datetime) and cell.number_format == DATE_FORMAT:
        return value.date()
    if isinstance(value, int) and not isinstance(value, bool) and cell.number_format == FLOAT_FORMAT:
        return float(value)
    return value


def to_workbook(data: dict, out: Path) -> Path:
    """Write params as a workbook: a sheet per part, header rows, basis/unit drop-downs, key notes as comments."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    docs, enums = _docs(), _enums()
    bold = Font(bold=True)
    wb = Workbook()
    wb.remove(wb.active)
    layout = []

    def annotate(ws, cell, key: str, path: str, column: str) -> None:
        text = _doc_for(path, docs)
        if text:
            cell.comment = Comment(text, "cmo-reports")
        allowed = enums.get(key.rsplit(".", 1)[-1])
        if allowed:
            check = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True,
                                   showErrorMessage=True, error=f"{key}: one of {', '.join(allowed)}")
            ws.add_data_validation(check)
            check.add(column)

    for sheet, value in _sheets(data):
        ws = wb.create_sheet(sheet.name)
        layout.append([sheet.name, sheet.path, sheet.kind])
        if sheet.kind == "mapping":
            ws.append(["Key", "Value"])
            for n, (key, item) in enumerate(value.items(), 2):
                ws.cell(n, 1, key)
                _write_value(ws.cell(n, 2), item)
                annotate(ws, ws.cell(n, 1), key, f"{sheet.path}.{key}".strip("."), f"B{n}")
            ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 28, 60
        elif sheet.kind == "table":
            rows = value
            header = list(dict.fromkeys(k for row in rows for k in row))
            ws.append(header)
            for n, key in enumerate(header, 1):
                column = ws.cell(1, n).column_letter
                annotate(ws, ws.cell(1, n), key, f"{sheet.path}[].{key}", f"{column}2:{column}{len(rows) + 200}")
                ws.column_dimensions[column].width = 16 if len(header) > 4 else 30
            for r, row in enumerate(rows, 2):
                for n, key in enumerate(header, 1):
                    if key in row:
                        _write_value(ws.cell(r, n), row[key])
        else:
            ws.append(["Value"])
            for n, item in enumerate(value, 2):
                _write_value(ws.cell(n, 1), item)
            ws.column_dimensions["A"].width = 100
        for cell in ws[1]:
            cell.font = bold
        ws.freeze_panes = "A2"
    info = wb.create_sheet(LAYOUT)
    info.append(["sheet", "path", "kind"])
    for row in layout:
        info.append(row)
    info.sheet_state = "hidden"
    formula_text.defuse(wb)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic.replacing(out) as partial:
        wb.save(partial)
    return out


def _where(sheet: str, cell: str) -> str:
    return f"{sheet}!{cell}"


def _check_size(path: Path, data: bytes) -> None:
    """A params workbook is a few kilobytes: refuse a zip that inflates far beyond one."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise ParamsError(path, [("", "not a readable .xlsx workbook (not a zip archive)")]) from None
    if inflated > MAX_INFLATED:
        raise ParamsError(path, [("", f"holds {inflated // 2**20} MB of sheets; a params workbook is far smaller "
                                      f"(limit {MAX_INFLATED // 2**20} MB)")])


def read_workbook(path: Path) -> tuple[dict, dict[str, str]]:
    """The params mapping a workbook holds, and for each key path the cell it came from ('Regions!C4')."""
    from openpyxl import load_workbook

    raw = source_files.snapshot(path).data  # bounded, and refused before opening unless a regular file
    _check_size(path, raw)
    try:
        wb = load_workbook(io.BytesIO(raw))  # formulas come back as their text, never as a computed value
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a file that is not a workbook
        raise ParamsError(path, [("", f"not a readable .xlsx workbook ({type(exc).__name__})")]) from None
    if LAYOUT not in wb.sheetnames:
        raise ParamsError(path, [("", f"no {LAYOUT} sheet: make the workbook with `cmo-report params to-xlsx`")])
    problems = _formulas(wb)
    if problems:
        raise ParamsError(path, problems)
    data: dict = {}
    cells: dict[str, str] = {}
    for row_number, (name, part, kind) in enumerate(wb[LAYOUT].iter_rows(min_row=2, max_col=3, values_only=True), 2):
        part = part or ""
        if name not in wb.sheetnames or kind not in KINDS or not _PATH.fullmatch(str(part)):
            problems.append((f"{LAYOUT}!A{row_number}", f"not a sheet, key path and kind this tool wrote: "
                                                        f"{name!r}, {part!r}, {kind!r}"))
            continue
        try:
            _read_sheet(wb[name], name, part, kind, data, cells)
        except (TypeError, IndexError, KeyError, AttributeError):
            problems.append((f"{name}!A1", f"its contents do not fit at {part or 'the top level'} (edited layout?)"))
    if problems:
        raise ParamsError(path, problems)
    return data, cells


def _formulas(wb) -> list[tuple[str, str]]:
    """Every formula cell: params are values, and no formula from someone else's workbook is ever evaluated."""
    return [(_where(ws.title, cell.coordinate), f"holds a formula ({text.normal(str(cell.value))[:60]}); "
             "type the value itself (text starting with '=' needs a leading apostrophe)")
            for ws in wb.worksheets for row in ws.iter_rows() for cell in row if cell.data_type == "f"]


def _read_sheet(ws, name: str, part: str, kind: str, data: dict, cells: dict[str, str]) -> None:
    """One sheet's values placed at its key path, each remembering its cell."""
    prefix = f"{part}." if part else ""
    if kind == "mapping":
        pairs = []
        for row in ws.iter_rows(min_row=2, max_col=2):
            key, cell = row[0].value, row[1]
            if key is None:
                continue
            key = text.normal(str(key))
            pairs.append((key, _read_value(cell)))
            cells[f"{prefix}{key}"] = _where(name, cell.coordinate)
        _place(data, part, _unflatten(pairs), merge=True)
    elif kind == "table":
        header = [None if c.value is None else text.normal(str(c.value)) for c in ws[1]]
        items = []
        for row in ws.iter_rows(min_row=2):
            if all(c.value is None for c in row):
                continue
            n = len(items)
            pairs = []
            for key, cell in zip(header, row, strict=False):
                if key is not None and cell.value is not None:
                    pairs.append((key, _read_value(cell)))
                    cells[f"{part}[{n}].{key}"] = _where(name, cell.coordinate)
            cells[f"{part}[{n}]"] = _where(name, f"A{row[0].row}")
            items.append(_unflatten(pairs))
        _place(data, part, items)
    else:
        values = [_read_value(c) for (c,) in ws.iter_rows(min_row=2, max_col=1) if c.value is not None]
        for n, (c,) in enumerate(r for r in ws.iter_rows(min_row=2, max_col=1) if r[0].value is not None):
            cells[f"{part}[{n}]"] = _where(name, c.coordinate)
        _place(data, part, values)
    cells.setdefault(part, _where(name, "A1"))


def _place(data: dict, part: str, value: object, merge: bool = False) -> None:
    """Put a sheet's content at its key path ('regions.items', 'breakdowns[0].items')."""
    if not part:
        data.update(value)
        return
    steps = [int(t[1:-1]) if t.startswith("[") else t for t in re.findall(r"\[\d+\]|[^.\[\]]+", part)]
    node = data
    for step, following in zip(steps, steps[1:], strict=False):
        if isinstance(step, int):
            node = node[step]
        else:
            node = node.setdefault(step, [] if isinstance(following, int) else {})
    last = steps[-1]
    if merge and isinstance(node, dict) and isinstance(node.get(last), dict):
        node[last].update(value)
    else:
        node[last] = value


def cell_of(key: str, cells: dict[str, str]) -> str:
    """The cell behind an error's key path, or the nearest enclosing one (a missing key names its row or sheet)."""
    probe = key
    while probe:
        if probe in cells:
            return cells[probe]
        probe = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", probe)
    return ""


def load(path: Path) -> tuple[dict, Params]:
    """Read and validate a params workbook with the same rules as YAML; errors name workbook, sheet and cell."""
    from .params import parse_params

    data, cells = read_workbook(path)
    try:
        return data, parse_params(data, path)
    except ParamsError as exc:
        raise ParamsError(path, [(f"{cell_of(key, cells)} ({key})" if cell_of(key, cells) else key, reason)
                                 for key, reason in exc.problems]) from None
