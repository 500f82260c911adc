"""Every command takes paths relative to the folder it was started in, wherever that is, with one `-o/--out`."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cmo_helpers.cli import main as cli
from cmo_helpers.core.paths import PARAMS

CLI = [sys.executable, "-m", "cmo_helpers.cli"]
DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working folder outside the checkout holding a copy of the shipped params under another name."""
    shutil.copytree(PARAMS, tmp_path / "mine")
    shutil.copy2(DATA / "releases" / "smart-thermostats.txt", tmp_path / "release.txt")
    shutil.copy2(DATA / "tiny.yaml", tmp_path / "tiny.yaml")
    work = tmp_path / "work"
    work.mkdir()
    return work


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_render_with_a_relative_out_cache_and_params_dir(elsewhere):
    proc = _run(elsewhere, "render", "eu-heat-pumps", "--params-dir", "../mine", "--out", "reports",
                "--cache-dir", "../cache", "--to", "html,pdf", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert (elsewhere / "reports" / "eu-heat-pumps" / "report.pdf").stat().st_size > 10_000
    assert any((elsewhere.parent / "cache").iterdir())
    assert proc.stdout.splitlines()[-1] == ("PDF: reports/eu-heat-pumps/report.pdf; "
                                            "collection index: reports/index.html")
    again = _run(elsewhere, "render", "../mine/eu-heat-pumps.yaml", "-o", "reports", "--cache-dir", "../cache")
    assert again.returncode == 0, again.stderr
    assert "rendered" not in again.stdout, "the same file by a relative path is the same unit"


def test_compare_takes_relative_files_and_out(elsewhere):
    proc = _run(elsewhere, "compare", "../mine/healthcare-cmo-2023-edition.yaml", "../mine/healthcare-cmo.yaml",
                "-o", "reports", "--to", "html")
    assert proc.returncode == 0, proc.stderr
    (folder,) = (elsewhere / "reports").glob("compare-*")
    assert (folder / "index.html").is_file()
    assert proc.stdout.splitlines()[-1].endswith(f": reports/{folder.name}")


def test_validate_and_audit_take_relative_files_and_params_dirs(elsewhere):
    assert _run(elsewhere, "validate", "../mine/eu-heat-pumps.yaml").returncode == 0
    proc = _run(elsewhere, "validate", "eu-heat-pumps", "--params-dir", "../mine")
    assert proc.returncode == 0, proc.stderr
    assert _run(elsewhere, "audit", "../mine/eu-heat-pumps.yaml").returncode == 0


def test_explore_finds_a_relative_file_and_its_scenarios_before_it_serves(elsewhere):
    proc = _run(elsewhere, "explore", "../mine/healthcare-cmo.yaml", "--scenario", "optimistc")
    assert proc.returncode == 2 and "did you mean 'optimistic'?" in proc.stderr, proc.stderr
    assert str(elsewhere.parent / "mine" / "scenarios" / "healthcare-cmo") in proc.stderr


def test_draft_migrate_and_params_write_where_a_relative_out_says(elsewhere):
    assert _run(elsewhere, "draft", "../release.txt", "-o", "drafts/thermo.yaml").returncode in (0, 1)
    assert (elsewhere / "drafts" / "thermo.yaml").is_file()
    assert _run(elsewhere, "migrate", "../tiny.yaml", "--out", "tiny-new.yaml").returncode == 0
    assert "breakdowns:" in (elsewhere / "tiny-new.yaml").read_text()
    assert _run(elsewhere, "params", "to-xlsx", "../mine/eu-heat-pumps.yaml", "-o", "heat.xlsx").returncode == 0
    proc = _run(elsewhere, "params", "to-yaml", "heat.xlsx", "-o", "heat.yaml")
    assert proc.returncode == 0, proc.stderr
    assert _run(elsewhere, "validate", "heat.yaml").returncode == 0


@pytest.mark.parametrize("argv", [
    ["draft", "r.txt", "--output", "x.yaml"],
    ["migrate", "old.yaml", "--output", "x.yaml"],
    ["params", "to-xlsx", "f.yaml", "--out", "x.xlsx"],
    ["render", "--out", "x"],
    ["compare", "a.yaml", "b.yaml", "--out", "x"],
    ["schema", "--out", "x.json"],
])
def test_every_writing_command_takes_o_out_and_its_old_spelling(argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = cli.parser().parse_args(argv)
    assert args.out.is_absolute() and args.out.parent == tmp_path
    short = [a if not a.startswith("--out") else "-o" for a in argv]
    assert cli.parser().parse_args(short).out == args.out


def test_validate_refuses_two_files_with_one_slug(elsewhere):
    twin = elsewhere / "twin.yaml"
    shutil.copy2(elsewhere.parent / "mine" / "eu-heat-pumps.yaml", twin)
    proc = _run(elsewhere, "validate", "../mine/eu-heat-pumps.yaml", "twin.yaml")
    assert proc.returncode == 2
    assert f"{twin}: market.slug: 'eu-heat-pumps' is also used by {elsewhere.parent / 'mine'}" in proc.stderr


def test_help_shows_one_example_per_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    commands = cli.parser()._subparsers._group_actions[0].choices
    examples = [line.split()[1] for line in shown.splitlines() if line.startswith("  cmo-report ")]
    assert sorted(examples) == sorted(commands)
