"""`cmo-report compare`: bad input refused before anything runs, exit codes as the other subcommands use them."""
from __future__ import annotations

from cmo_helpers.cli import main as cli
from cmo_helpers.core.paths import DEFAULT_PARAMS, PARAMS


def test_mixed_currencies_without_a_rate_exit_2_and_render_nothing(tmp_path, capsys):
    code = cli.main(["compare", str(DEFAULT_PARAMS), str(PARAMS / "eu-heat-pumps.yaml"), "-o", str(tmp_path)])
    assert code == 2
    assert "different currencies" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_rate_without_its_source_is_refused(tmp_path, capsys):
    code = cli.main(["compare", str(DEFAULT_PARAMS), str(PARAMS / "eu-heat-pumps.yaml"), "--rate", "EUR:USD=1.1",
                     "-o", str(tmp_path)])
    assert code == 2 and "needs its source" in capsys.readouterr().err


def test_every_invalid_file_is_named_at_once(tmp_path, capsys):
    bad = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(DEFAULT_PARAMS.read_text().replace("anchor: endpoints", "anchr: endpoints"))
        bad.append(str(path))
    assert cli.main(["compare", *bad, "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert all(f"{path}: size: unknown key 'anchr'" in err for path in bad)


def test_one_file_is_not_a_comparison(capsys):
    assert cli.main(["compare", str(DEFAULT_PARAMS)]) == 2
    assert "two or more" in capsys.readouterr().err
