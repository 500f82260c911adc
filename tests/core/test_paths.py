"""One project root: names, files and folders resolve from anywhere."""
from __future__ import annotations

import json
import os

from cmo_helpers.core import paths


def test_params_resolve_from_a_name_a_slug_or_a_path(tmp_path):
    expected = paths.PARAMS / "healthcare-cmo.yaml"
    cwd = os.getcwd()
    os.chdir(tmp_path)  # as from a notebook kernel or another folder
    try:
        assert paths.resolve_params("healthcare-cmo") == expected
        assert paths.resolve_params("healthcare-cmo.yaml") == expected
        assert paths.resolve_params(expected) == expected
        assert paths.resolve_params("nope.yaml").name == "nope.yaml"
    finally:
        os.chdir(cwd)


def test_sections_are_in_reading_order_and_markets_exclude_overlays():
    names = [p.stem for p in paths.notebook_paths()]
    assert names[0] == "00-executive-summary" and names[-1] == "99-sources-and-assumptions"
    assert names == sorted(names)
    assert "08-explore" not in names and (paths.NOTEBOOKS / "08-explore.ipynb").is_file(), "the explorer is no section"
    markets = paths.market_params_files()
    assert paths.DEFAULT_PARAMS in markets
    assert all(p.parent == paths.PARAMS for p in markets), "scenario overlays below params/ are not markets"


def test_a_notebook_whose_first_cell_is_tagged_off_report_is_no_section(tmp_path, monkeypatch):
    def write(name: str, tags: list[str]) -> None:
        cell = {"cell_type": "markdown", "id": "a", "metadata": {"tags": tags}, "source": "# x"}
        (tmp_path / name).write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))

    write("01-section.ipynb", [])
    write("02-scratch.ipynb", [paths.OFF_REPORT])
    write("03-other.ipynb", ["parameters"])
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    assert [p.name for p in paths.notebook_paths()] == ["01-section.ipynb", "03-other.ipynb"]
