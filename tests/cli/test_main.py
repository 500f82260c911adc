"""`cmo-report` exit codes and messages, run as a user runs them."""
from __future__ import annotations

import subprocess
import sys

import pytest

from cmo_helpers.cli import main as cli
from cmo_helpers.core.paths import DEFAULT_PARAMS, market_params_files

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


def test_version_is_the_installed_packages(capsys):
    from cmo_helpers.pipeline.units import package_version

    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cmo-report {package_version()}"


def test_no_notebooks_found_is_an_error_not_a_silent_success(tmp_path, monkeypatch, capsys):
    from cmo_helpers.pipeline import render

    monkeypatch.setattr(render, "notebook_paths", lambda: [])
    code = cli.main(["render", str(DEFAULT_PARAMS), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "nothing rendered: no report notebooks" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_bare_names_resolve_in_the_params_dir(market_copy, tmp_path, capsys):
    renamed = market_copy.with_name("other-name.yaml")
    market_copy.rename(renamed)
    assert cli.main(["validate", "other-name", "--params-dir", str(renamed.parent)]) == 0
    assert cli.main(["validate", "other-name"]) == 2


def test_a_bad_override_stops_the_render_before_anything_runs(tmp_path, capsys):
    code = cli.main(["render", str(DEFAULT_PARAMS), "-o", str(tmp_path / "out"), "-P", "size.cagr.rat=12%"])
    assert code == 2
    assert f"{DEFAULT_PARAMS}: -P size.cagr.rat: unknown key 'rat'; did you mean 'rate'?" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_override_without_a_key_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["render", "-P", "12%"])
    assert info.value.code == 2
    assert "-P takes key=value" in capsys.readouterr().err
