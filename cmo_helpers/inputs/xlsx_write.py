"""Params to a workbook: a sheet per part, header rows, drop-downs for fixed choices, key notes as comments."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..core import atomic, formula_text
from .xlsx_layout import DATE_FORMAT, FLOAT_FORMAT, LAYOUT, sheets


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

    for sheet, value in sheets(data):
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
