"""`cmo-report` exit codes and messages, run as a user runs them."""
from __future__ import annotations

import subprocess
import sys

import pytest

from cmo_helpers import cli
from cmo_helpers.paths import DEFAULT_PARAMS, market_params_files

CLI = [sys.executable, "-m", "cmo_helpers.cli"]


def test_validate_accepts_every_shipped_file():
    proc = subprocess.run([*CLI, "validate", *map(str, market_params_files())], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("ok: ") == len(market_params_files())


def test_validate_accepts_bare_names():
    assert cli.main(["validate", "healthcare-cmo"]) == 0


def test_validate_exits_2_and_names_file_and_key(tmp_path):
    bad = tmp_path / "typo.yaml"
    bad.write_text(DEFAULT_PARAMS.read_text().replace("anchor: endpoints", "anchr: endpoints"))
    proc = subprocess.run([*CLI, "validate", str(DEFAULT_PARAMS), str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert f"{bad}: size: unknown key 'anchr'; did you mean 'anchor'?" in proc.stderr
    assert f"ok: {DEFAULT_PARAMS}" in proc.stdout, "valid files are still reported"


@pytest.mark.parametrize("argv, message", [
    (["render", "--to", "docx"], "--to takes a comma list of html, pdf"),
    (["render", "--jobs", "0"], "--jobs must be a whole number of at least 1"),
])
def test_bad_options_are_usage_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_unknown_scenario_is_invalid_input(tmp_path, capsys):
    code = cli.main(["render", str(DEFAULT_PARAMS), "--scenarios", "doom", "--out", str(tmp_path)])
    assert code == 2
    assert "--scenarios: unknown scenario doom; available: conservative, optimistic" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
