"""Issue 21 at the render: published files checked before 'up to date', older manifests upgraded, writes named."""
from __future__ import annotations

import errno
import json

import pytest

from cmo_helpers.core.errors import OutputError
from cmo_helpers.core.paths import DEFAULT_PARAMS, notebook_paths
from cmo_helpers.pipeline import collection, render
from cmo_helpers.pipeline.cache import Cache

FEW = notebook_paths()[:2]


@pytest.fixture
def out(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "notebook_paths", lambda: FEW)
    out = tmp_path / "out"
    assert render.render([DEFAULT_PARAMS], ("html", "pdf"), 1, out).published.keys() == {"healthcare-cmo"}
    return out


def test_a_truncated_report_is_rendered_again_not_called_up_to_date(out):
    pdf = out / "healthcare-cmo" / "report.pdf"
    whole = pdf.read_bytes()
    pdf.write_bytes(whole[: len(whole) // 2])
    again = render.render([DEFAULT_PARAMS], ("html", "pdf"), 1, out)
    assert again.published.keys() == {"healthcare-cmo"} and not again.current
    assert pdf.read_bytes() == whole, "restored from the cache, whole"
    assert render.render([DEFAULT_PARAMS], ("html", "pdf"), 1, out).current.keys() == {"healthcare-cmo"}


def test_an_older_manifest_is_left_out_of_the_index_with_a_note_and_upgraded(out, capsys):
    path = out / "healthcare-cmo" / "manifest.json"
    data = json.loads(path.read_text())
    del data["sha256"], data["figures"]["name"]  # as an older cmo-report wrote it
    path.write_text(json.dumps(data))
    assert collection.rows(out) == []
    assert "manifest.json was written by an older cmo-report" in capsys.readouterr().err
    again = render.render([DEFAULT_PARAMS], ("html", "pdf"), 1, out)
    assert again.published.keys() == {"healthcare-cmo"}
    assert "sha256" in json.loads(path.read_text()) and len(collection.rows(out)) == 1


def test_a_cache_dir_that_is_a_file_is_a_named_error_before_anything_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "notebook_paths", lambda: FEW)
    (tmp_path / "cache").write_text("")
    with pytest.raises(OutputError, match="cache: is not a folder; --cache-dir needs a folder"):
        render.render([DEFAULT_PARAMS], ("html",), 1, tmp_path / "out", cache_dir=tmp_path / "cache")
    assert not list((tmp_path / "out").glob(".staging-*"))


def test_a_full_disk_names_the_folder_and_the_space_needed(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "notebook_paths", lambda: FEW)

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Cache, "put", full)
    with pytest.raises(OutputError) as caught:
        render.render([DEFAULT_PARAMS], ("html",), 1, tmp_path / "out")
    assert str(caught.value) == (f"{tmp_path / 'out'}: not enough disk space: the render needs about 4 MB; "
                                 "free some space or choose another folder")
