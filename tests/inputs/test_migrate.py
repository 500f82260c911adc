"""Old-style params: still load, and `cmo-report migrate` writes the same facts in the current schema."""
from __future__ import annotations

from pathlib import Path

import yaml

from cmo_helpers.cli.main import main
from cmo_helpers.inputs.load import load_params
from cmo_helpers.inputs.migrate import is_old, migrate
from cmo_helpers.model import breakdowns as bd
from cmo_helpers.model import forecast

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


def test_migrated_file_holds_the_same_facts_and_model(tmp_path, capsys):
    out = tmp_path / "tiny.yaml"
    assert main(["migrate", str(TINY), "-o", str(out)]) == 0
    assert "old-style file converted" in capsys.readouterr().err
    new, old = load_params(out), load_params(TINY)
    assert not is_old(yaml.safe_load(out.read_text()))
    assert new == old
    assert forecast.totals(new).tolist() == forecast.totals(old).tolist()
    assert bd.values(new, new.breakdowns[1]).round(9).equals(bd.values(old, old.breakdowns[1]).round(9))
    assert "rate: 0.10" in out.read_text(), "numbers keep their written digits"


def test_current_file_is_left_alone(capsys):
    assert main(["migrate", "healthcare-cmo"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "already in the current schema" in captured.err


def test_validate_says_an_old_file_was_converted_in_memory(capsys):
    assert main(["validate", str(TINY)]) == 0
    assert "old-style file converted in memory" in capsys.readouterr().out


def test_migration_moves_every_old_key():
    old = yaml.safe_load(TINY.read_text())
    new = migrate(old)
    assert "segments" not in new and "regions" not in new and "date" not in new["sources"][0]
    assert [b["id"] for b in new["breakdowns"]] == ["segments", "regions"]
    assert new["breakdowns"][1]["geographic"] is True and new["breakdowns"][1]["year"] == 2019
