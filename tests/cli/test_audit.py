"""`cmo-report audit`: exit codes, table and JSON output, exercised through audit_cli.run."""
from __future__ import annotations

import copy
import json

import pytest
import yaml
from audit_cases import CLEAN

from cmo_helpers.cli.audit import run
from cmo_helpers.core.paths import DEFAULT_PARAMS


@pytest.fixture
def clean_file(tmp_path):
    path = tmp_path / "clean.yaml"
    path.write_text(yaml.safe_dump(CLEAN), encoding="utf-8")
    return path


@pytest.fixture
def invalid_file(tmp_path):
    data = copy.deepcopy(CLEAN)
    data["breakdowns"][1]["items"][0]["share"] = "30 percent"  # not a number: validation rejects it
    path = tmp_path / "invalid.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_default_params_exit_1_and_name_the_cagr_mismatch(capsys):
    assert run(["audit", str(DEFAULT_PARAMS)]) == 1
    out = capsys.readouterr().out
    first = next(line for line in out.splitlines() if line.startswith("error"))
    assert "cagr" in first and "16.6%" in first and "15.60%" in first
    assert out.count("\nerror ") == 1
    assert "warning  scale-claim" in out


def test_clean_file_exits_0(clean_file, capsys):
    assert run(["audit", str(clean_file)]) == 0
    out = capsys.readouterr().out
    assert str(clean_file) in out
    assert "error" not in out and "warning" not in out


def test_invalid_file_exits_2_with_the_reason_on_stderr(invalid_file, capsys):
    assert run(["audit", str(invalid_file)]) == 2
    err = capsys.readouterr().err
    assert str(invalid_file) in err and "breakdowns[1].items[0].share: expected a number" in err


def test_missing_file_exits_2(tmp_path, capsys):
    assert run(["audit", str(tmp_path / "nowhere.yaml")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_every_file_is_audited_and_the_worst_code_wins(clean_file, invalid_file, capsys):
    assert run(["audit", str(invalid_file), str(DEFAULT_PARAMS), str(clean_file)]) == 2
    out = capsys.readouterr().out
    assert str(DEFAULT_PARAMS) in out and str(clean_file) in out


def test_json_output_lists_findings_per_file(clean_file, capsys):
    assert run(["audit", str(DEFAULT_PARAMS), str(clean_file), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in report] == [str(DEFAULT_PARAMS), str(clean_file)]
    cagr = report[0]["findings"][0]
    assert (cagr["rule"], cagr["severity"]) == ("cagr", "error")
    assert cagr["numbers"]["stated"] == 0.166
    assert cagr["numbers"]["model"] == pytest.approx(0.15599, abs=1e-5)
    assert {f["severity"] for f in report[1]["findings"]} == {"info"}


def test_unknown_format_is_rejected():
    with pytest.raises(SystemExit) as exc:
        run(["audit", str(DEFAULT_PARAMS), "--format", "xml"])
    assert exc.value.code == 2
