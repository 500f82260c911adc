"""A params workbook back to the mapping it holds, every value remembering its cell for errors."""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import source_files, text
from ..core.errors import ParamsError
from .xlsx_layout import DATE_FORMAT, FLOAT_FORMAT, KINDS, LAYOUT

if TYPE_CHECKING:
    from .market_file import Params

_PATH = re.compile(r"(?:[^.\[\]]+(?:\[\d{1,6}\])*)(?:\.[^.\[\]]+(?:\[\d{1,6}\])*)*|")  # 'a.b[0].c', or '' for the top
MAX_INFLATED = 20 * 2**20  # bytes of sheet XML once unzipped


def _unflatten(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for dotted, value in pairs:
        node = out
        *parents, last = dotted.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return out


def _read_value(cell) -> object:
    value = cell.value
    if isinstance(value, str):
        return text.normal(value)
    if isinstance(value, dt.datetime) and cell.number_format == DATE_FORMAT:
        return value.date()
    if isinstance(value, int) and not isinstance(value, bool) and cell.number_format == FLOAT_FORMAT:
        return float(value)
    return value


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
