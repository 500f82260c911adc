"""The report date comes from --date or SOURCE_DATE_EPOCH, so the same inputs give the same bytes (HTML, PDF, data)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from cmo_helpers.core import report_date

CLI = [sys.executable, "-m", "cmo_helpers.cli"]


def test_source_date_epoch_sets_the_day(monkeypatch):
    monkeypatch.setenv(report_date.ENV, "1700000000")
    assert report_date.report_date() == dt.date(2023, 11, 14) and report_date.pinned() == "2023-11-14"
    monkeypatch.delenv(report_date.ENV)
    assert report_date.report_date() == dt.date.today() and report_date.pinned() is None


def test_pin_round_trips(monkeypatch):
    monkeypatch.delenv(report_date.ENV, raising=False)
    report_date.pin(dt.date(2031, 2, 28))
    try:
        assert report_date.report_date() == dt.date(2031, 2, 28)
    finally:
        os.environ.pop(report_date.ENV)


def test_a_bad_epoch_is_refused_before_anything_runs(tmp_path):
    env = {**os.environ, report_date.ENV: "tomorrow"}
    proc = subprocess.run([*CLI, "render", "--out", str(tmp_path)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 2 and "SOURCE_DATE_EPOCH='tomorrow' is not a whole number" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.suffix in {".html", ".pdf", ".xlsx", ".csv", ".svg"}}


def test_two_renders_of_the_same_inputs_give_identical_html_and_pdf(tmp_path):
    """Separate output folders and caches, so the second run really renders again."""
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        argv = [*CLI, "render", "eu-heat-pumps", "--out", str(out), "--jobs", "2", "--date", "2026-03-01"]
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        runs.append(_files(out / "eu-heat-pumps"))
    assert runs[0].keys() == runs[1].keys() and "report.pdf" in runs[0] and len(runs[0]) > 5
    differing = [name for name in runs[0] if runs[0][name] != runs[1][name]]
    assert not differing, differing
    assert b"1 March 2026" in runs[0]["index.html"], "the pinned date is the one printed"
    pack = load_workbook(tmp_path / "a" / "eu-heat-pumps" / "eu-heat-pumps-data.xlsx")
    rendered = [c.value for row in pack.worksheets[0].iter_rows() for c in row if "Rendered" in str(c.value)]
    assert rendered and "Rendered 1 March 2026" in rendered[0], "the data pack carries the same date"
