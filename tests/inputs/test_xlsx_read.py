"""Reading a params workbook: the same strictness as YAML, errors that name the cell, no formula run."""
from __future__ import annotations

import os
import re

import pytest
from openpyxl import load_workbook

from cmo_helpers.cli import main as cli
from cmo_helpers.core.errors import ParamsError
from cmo_helpers.inputs import xlsx_layout, xlsx_read
from cmo_helpers.inputs.load import load_params


def test_errors_name_the_workbook_sheet_and_cell(workbook, capsys, items_sheet):
    wb = load_workbook(workbook)
    name, path, header = items_sheet(wb)
    share, basis = (chr(ord("A") + header.index(k)) for k in ("share", "basis"))
    wb[name][f"{share}2"] = 1.7
    wb[name][f"{basis}2"] = "guess"
    wb.save(workbook)
    with pytest.raises(ParamsError) as caught:
        load_params(workbook)
    text = str(caught.value)
    assert f"{workbook}: {name}!{share}2 ({path}[0].share): " in text
    assert f"{workbook}: {name}!{basis}2 ({path}[0].basis): Input should be 'sourced' or 'assumed'" in text
    assert cli.main(["validate", str(workbook)]) == 2
    assert f"{name}!{basis}2" in capsys.readouterr().err


def test_a_missing_key_names_its_row(workbook):
    wb = load_workbook(workbook)
    assert wb["Sources"]["A1"].value == "id"
    wb["Sources"]["A2"] = None  # the source's id, which figures cite
    wb.save(workbook)
    with pytest.raises(ParamsError, match=r"Sources!A2 \(sources\[0\]\.id\)"):
        load_params(workbook)


@pytest.mark.parametrize(("content", "reason"), [(b"not a zip", "not a readable .xlsx workbook"),
                                                 (None, "no _layout sheet"),
                                                 ("bomb", "a params workbook is far smaller")])
def test_a_workbook_not_made_by_to_xlsx_is_refused_clearly(tmp_path, content, reason):
    path = tmp_path / "p.xlsx"
    if content is None:
        from openpyxl import Workbook

        Workbook().save(path)
    elif content == "bomb":  # 21 MB of zeros that zip down to a few kilobytes
        import zipfile

        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", b"0" * (xlsx_read.MAX_INFLATED + 1))
    else:
        path.write_bytes(content)
    with pytest.raises(ParamsError, match=reason):
        load_params(path)


@pytest.mark.parametrize(("row", "reason"), [
    (("Market", "market", "chart"), "_layout!A2: not a sheet, key path"),
    (("Market", "a..b", "mapping"), "_layout!A2: not a sheet, key path"),
    (("Market", "sources[7].x", "mapping"), "Market!A1: its contents do not fit"),
])
def test_an_edited_layout_sheet_is_an_error_not_a_crash(workbook, row, reason):
    wb = load_workbook(workbook)
    for cell, value in zip(wb[xlsx_layout.LAYOUT][2], row, strict=True):
        cell.value = value
    wb.save(workbook)
    with pytest.raises(ParamsError, match=re.escape(reason)):
        xlsx_read.read_workbook(workbook)


def test_a_formula_in_a_workbook_is_refused_never_evaluated(workbook, items_sheet):
    wb = load_workbook(workbook)
    sheet, _, header = items_sheet(wb)
    share = chr(ord("A") + header.index("share"))
    wb[sheet][f"{share}2"] = "=0.5+0.1"
    wb.save(workbook)
    with pytest.raises(ParamsError) as caught:
        load_params(workbook)
    assert f"{workbook}: {sheet}!{share}2: holds a formula (=0.5+0.1); type the value itself" in str(caught.value)


def test_a_named_pipe_called_xlsx_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "market.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(ParamsError, match="not a regular file \\(a named pipe\\)"):
        load_params(fifo)  # before the fix this blocked for ever, waiting for a writer
