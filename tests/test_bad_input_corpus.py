"""Issue 21's corpus of bad files through every command: each gets a named error and exit 2, never a traceback.

The YAML files are in tests/data/bad (impossible dates, tags that do not convert, look-alike and bidi names);
a named pipe called .xlsx, a folder called .yaml and a workbook holding a formula are made here.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cmo_helpers.cli.main import main
from cmo_helpers.inputs.load import read_yaml
from cmo_helpers.inputs.xlsx_write import to_workbook

DATA = Path(__file__).parent / "data"
CORPUS = sorted((DATA / "bad").glob("*.yaml"))
COMMANDS = {
    "validate": lambda path, tmp: ["validate", str(path)],
    "audit": lambda path, tmp: ["audit", str(path)],
    "render": lambda path, tmp: ["render", str(path), "--to", "html", "--out", str(tmp / "out")],
    "params to-xlsx": lambda path, tmp: ["params", "to-xlsx", str(path), "--out", str(tmp / "p.xlsx")],
    "migrate": lambda path, tmp: ["migrate", str(path), "-o", str(tmp / "m.yaml")],
    "compare": lambda path, tmp: ["compare", str(path), str(DATA / "tiny.yaml"), "--out", str(tmp / "compared")],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    made = tmp_path_factory.mktemp("corpus")
    os.mkfifo(made / "pipe.xlsx")
    (made / "folder.yaml").mkdir()
    workbook = to_workbook(read_yaml(DATA / "tiny.yaml"), made / "formula.xlsx")
    wb = load_workbook(workbook)
    wb["Market"]["B2"] = "=1+2"
    wb.save(workbook)
    return [*CORPUS, made / "pipe.xlsx", made / "folder.yaml", workbook]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_names_what_is_wrong_with_every_bad_file(command, corpus, tmp_path, capsys):
    for path in corpus:
        code = main(COMMANDS[command](path, tmp_path))  # an exception escaping here fails the test with its traceback
        err = capsys.readouterr().err
        assert code == 2 and str(path) in err and "Traceback" not in err, (path.name, err)


def test_the_installed_command_prints_no_traceback_and_escapes_what_a_terminal_would_obey(corpus, tmp_path):
    for args in (["validate", *map(str, corpus)], ["render", *map(str, corpus), "--out", str(tmp_path / "out")]):
        proc = subprocess.run([sys.executable, "-m", "cmo_helpers.cli", *args], capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert "\u202e" not in proc.stderr and "\\u202e" in proc.stderr, "a bidi override is shown, not obeyed"
        assert all(str(path) in proc.stderr for path in corpus), "every file is named"
