"""`cmo-report init` makes a working project; `cmo-report schema` prints what its params files point editors at."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cmo_helpers.cli import main as cli
from cmo_helpers.core import brand
from cmo_helpers.core.paths import EXAMPLES, SHIPPED_NOTEBOOKS
from cmo_helpers.inputs import brand_file, schema

CLI = [sys.executable, "-m", "cmo_helpers.cli"]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_init_makes_a_project_that_validates_from_inside_it(tmp_path):
    proc = _run(tmp_path, "init", "demo")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "next: cd demo && cmo-report render -o reports"
    demo = tmp_path / "demo"
    markets = sorted(p.name for p in (demo / "params").glob("*.yaml"))
    assert markets == sorted(p.name for p in EXAMPLES.glob("*.yaml")) and markets
    for name in markets:
        first, rest = (demo / "params" / name).read_text().split("\n", 1)
        assert first == "# yaml-language-server: $schema=schema.json"
        assert rest == (EXAMPLES / name).read_text(), "the example as shipped, comments kept"
    assert json.loads((demo / "params" / "schema.json").read_text()) == schema.json_schema()
    assert (demo / "params" / "README.md").is_file() and list((demo / "params" / "scenarios").glob("*/*.yaml"))
    shipped = [*SHIPPED_NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"), *SHIPPED_NOTEBOOKS.glob("compare/*.ipynb")]
    assert sorted(p.relative_to(demo / "notebooks") for p in (demo / "notebooks").rglob("*.ipynb")) == \
        sorted(p.relative_to(SHIPPED_NOTEBOOKS) for p in shipped)
    assert (demo / "notebooks" / "08-explore.ipynb").is_file(), "the explorer comes along"
    assert "clean-outputs:" in (demo / "Makefile").read_text() and (demo / "README.md").is_file()
    assert brand_file.read(demo / "params" / "_brand.yml") == brand.DEFAULT, "the brand placeholder sets nothing"
    example = demo / "params" / "brands" / "example"
    assert brand_file.read(example / "_brand.yml").logo == (EXAMPLES / "brands" / "example" / "logo.svg").read_bytes()
    check = _run(demo, "validate", *(f"params/{m}" for m in markets))
    assert check.returncode == 0, check.stderr
    compared = _run(demo, "compare", "healthcare-cmo-2023-edition", "healthcare-cmo", "-o", "reports", "--to", "html")
    assert compared.returncode == 0, compared.stderr
    probe = subprocess.run([sys.executable, "-c", "from cmo_helpers.core import paths; print(paths.NOTEBOOKS)"],
                           cwd=demo / "notebooks", capture_output=True, text=True, check=True)
    assert Path(probe.stdout.strip()) == demo / "notebooks", "a kernel in the project's notebooks/ finds its project"


def test_init_refuses_a_folder_with_something_in_it(tmp_path, capsys):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("mine")
    assert cli.main(["init", str(tmp_path / "busy")]) == 2
    assert "exists and is not an empty folder" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["busy"], "no scratch folder left behind"


def test_schema_prints_json_or_the_reference_and_writes_with_o(tmp_path, capsys):
    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.json_schema()
    assert cli.main(["schema", "--reference"]) == 0
    assert capsys.readouterr().out == schema.key_reference()
    assert _run(tmp_path, "schema", "-o", "s.json").returncode == 0
    assert json.loads((tmp_path / "s.json").read_text())["title"] == "cmo-reports market params"
