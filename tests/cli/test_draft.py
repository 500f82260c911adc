"""`cmo-report draft`: exit codes, atomic output, terminal-safe summary, and validation with the project's schema."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from cmo_helpers.cli import main as cli

RELEASE = Path(__file__).parents[1] / "data/releases/smart-thermostats.txt"
CLEAN = """Kelp Market Report

Tideline Research | Press Release | 4 March 2025 | https://example.org/kelp

The kelp market was valued at USD 1.20 billion in 2024 and is projected to reach USD 2.40 billion by 2032,
growing at a CAGR of 9.05% from 2024 to 2032, according to Tideline Research.
Europe held 41.5% of the market in 2024.
"""


def test_draft_writes_the_file_and_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "thermo.yaml"
    status = cli.main(["draft", str(RELEASE), "-o", str(out)])
    printed = capsys.readouterr().out
    assert out.exists() and "Smart Thermostat" in out.read_text()
    assert f"drafted {out} from {RELEASE}" in printed
    assert "facts placed: totals 2, cagr 1, shares 1, values 0, item cagrs 1, claims 2, unplaced 1" in printed
    assert status == 0


def test_draft_reads_stdin_and_takes_a_slug(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(CLEAN.encode())))
    out = tmp_path / "k.yaml"
    cli.main(["draft", "-", "-o", str(out), "--slug", "kelp-eu"])
    assert "slug: kelp-eu" in out.read_text()


def test_bad_input_exits_2_and_keeps_an_existing_file(tmp_path, capsys):
    out = tmp_path / "keep.yaml"
    out.write_text("hand edited\n")
    assert cli.main(["draft", str(RELEASE), "-o", str(out)]) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert out.read_text() == "hand edited\n"
    assert cli.main(["draft", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "n.yaml")]) == 2
    assert not (tmp_path / "n.yaml").exists()
    with pytest.raises(SystemExit) as exc:
        cli.main(["draft", str(RELEASE), "--slug", "Bad Slug"])
    assert exc.value.code == 2


def test_force_replaces_and_no_temporary_file_is_left(tmp_path):
    out = tmp_path / "t.yaml"
    out.write_text("old\n")
    cli.main(["draft", str(RELEASE), "-o", str(out), "--force"])
    assert "Smart Thermostat" in out.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["t.yaml"]


def test_control_characters_from_the_release_are_shown_not_obeyed(tmp_path, capsys):
    release = tmp_path / "evil\x1b[2J.txt"
    release.write_text("Evil\x1b]0;pwned\x07 Market\n\nThe evil market was valued at USD 1.2 billion in 2024 and "
                       "will reach USD 2.0 billion by 2030. Acme\x1b[31m Inc. bought Foo for USD 5 million.\n")
    cli.main(["draft", str(release), "-o", str(tmp_path / "e.yaml")])
    printed = capsys.readouterr()
    assert "\x1b" not in printed.out + printed.err and "\x07" not in printed.out + printed.err
    assert "\\x1b" in printed.out


def test_a_clean_draft_validates_and_audits_clean(tmp_path, capsys):
    release = tmp_path / "kelp.txt"
    release.write_text(CLEAN)
    assert cli.main(["draft", str(release), "-o", str(tmp_path / "k.yaml")]) == 0


def test_an_inconsistent_release_drafts_but_exits_1_on_the_audit(tmp_path, capsys):
    release = tmp_path / "kelp.txt"
    release.write_text(CLEAN.replace("9.05%", "12.0%"))
    out = tmp_path / "k.yaml"
    assert cli.main(["draft", str(release), "-o", str(out)]) == 1
    assert out.exists() and "error" in capsys.readouterr().out


@pytest.mark.slow
def test_draft_then_render_needs_no_hand_edits(tmp_path):
    """The two commands of the README: a draft with partial breakdowns renders, showing the source's digits."""
    import subprocess
    import sys

    release = tmp_path / "kelp.txt"
    release.write_text(CLEAN)
    params = tmp_path / "params" / "kelp.yaml"
    assert cli.main(["draft", str(release), "-o", str(params)]) == 0
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "cmo_helpers.cli", "render", str(params), "--to", "html",
                           "--out", str(out), "--jobs", "1"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    pages = " ".join(p.read_text() for p in out.rglob("*.html"))
    for figure in ("1.20", "2.40", "9.05", "41.5", "Tideline Research"):
        assert figure in pages


def test_a_slug_already_used_in_params_is_pointed_out(tmp_path, capsys, monkeypatch):
    params = tmp_path / "params"
    params.mkdir()
    (params / "smart-thermostat.yaml").write_text("market: {}\n")
    monkeypatch.setattr("cmo_helpers.core.paths.PARAMS", params)
    cli.main(["draft", str(RELEASE), "-o", str(tmp_path / "t.yaml")])
    assert "has the same slug" in capsys.readouterr().out
    cli.main(["draft", str(RELEASE), "-o", str(tmp_path / "u.yaml"), "--slug", "thermo-b"])
    assert "has the same slug" not in capsys.readouterr().out


def test_a_folder_drafts_every_release_in_one_process(tmp_path, capsys):
    releases = tmp_path / "in"
    releases.mkdir()
    (releases / "01-kelp.txt").write_text(CLEAN)
    (releases / "02-kelp.md").write_text(CLEAN.replace("kelp", "moss").replace("Kelp", "Moss"))
    (releases / "notes.yaml").write_text("not a release\n")
    status = cli.main(["draft", str(releases), "-o", str(tmp_path / "out")])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["01-kelp.yaml", "02-kelp.yaml"]
    assert "Moss Market" in (tmp_path / "out/02-kelp.yaml").read_text()
    assert status == 0, capsys.readouterr().out


def test_a_folder_takes_no_slug(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(CLEAN)
    assert cli.main(["draft", str(tmp_path), "--slug", "kelp", "-o", str(tmp_path / "out")]) == 2
    assert "--slug names one market" in capsys.readouterr().err
