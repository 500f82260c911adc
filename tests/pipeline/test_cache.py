"""The unit cache: intact entries come back, broken ones are found and dropped, racing writers agree."""
from __future__ import annotations

import json
import multiprocessing
import tempfile
from pathlib import Path

import pytest

from cmo_helpers.core.errors import OutputError
from cmo_helpers.pipeline.cache import ENTRY, Cache, contained, digest, file_digest


def _files(folder: Path, content: str = "report") -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(f"<p>{content}</p>")
    (folder / "sub" / "report.pdf").write_bytes(content.encode() * 100)
    return folder


def test_digest_separates_its_parts():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("x", b"y") == digest(b"x", "y")


def test_an_entry_round_trips_into_another_folder(tmp_path):
    cache = Cache(tmp_path / "cache")
    src = _files(tmp_path / "src")
    cache.put("k1", src, ["index.html", "sub/report.pdf"])
    assert cache.restore("k1", tmp_path / "dest") == ["index.html", "sub/report.pdf"]
    assert (tmp_path / "dest" / "sub" / "report.pdf").read_bytes() == (src / "sub" / "report.pdf").read_bytes()
    assert cache.restore("other", tmp_path / "dest2") is None
    assert not list((tmp_path / "cache").glob(".tmp-*")), "no temporary folder is left behind"


def test_a_corrupted_or_truncated_entry_is_a_miss_and_is_removed(tmp_path):
    cache = Cache(tmp_path / "cache")
    src = _files(tmp_path / "src")
    for key, damage in [("changed", lambda f: (f / "index.html").write_text("<p>tampered</p>")),
                        ("missing", lambda f: (f / "sub" / "report.pdf").unlink()),
                        ("garbled", lambda f: (f / ENTRY).write_text("{not json")),
                        ("no-record", lambda f: (f / ENTRY).unlink())]:
        cache.put(key, src, ["index.html", "sub/report.pdf"])
        damage(cache._entry(key))
        assert cache.get(key) is None, key
        assert not cache._entry(key).exists(), f"{key}: a broken entry is discarded so it is redone"
        cache.put(key, src, ["index.html", "sub/report.pdf"])
        assert cache.get(key) is not None, f"{key}: stored again after the damage"


def test_a_broken_entry_in_the_way_is_replaced_by_a_new_put(tmp_path):
    cache = Cache(tmp_path / "cache")
    src = _files(tmp_path / "src")
    cache.put("k", src, ["index.html"])
    (cache._entry("k") / "index.html").write_text("bad")
    cache.put("k", src, ["index.html"])
    assert cache.get("k")["index.html"].read_text() == "<p>report</p>"


def _writer(root: str, src: str, n: int) -> None:
    cache = Cache(Path(root))
    for _ in range(n):
        cache.put("shared", Path(src), ["index.html", "sub/report.pdf"])
        assert cache.get("shared") is not None


def test_concurrent_writers_of_one_key_leave_one_intact_entry(tmp_path):
    src = _files(tmp_path / "src")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path / "cache"), str(src), 20)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    cache = Cache(tmp_path / "cache")
    assert sorted(cache.get("shared")) == ["index.html", "sub/report.pdf"]
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_dir() and p.name.startswith(".")]
    assert not entries, f"temporary folders left: {entries}"
    assert json.loads((cache._entry("shared") / ENTRY).read_text())["files"].keys() == {"index.html", "sub/report.pdf"}


def _forged(cache: Cache, key: str, names: dict[str, Path]) -> None:
    """An entry.json written by hand: each name with the true digest of the file it points at."""
    folder = cache._entry(key)
    folder.mkdir(parents=True)
    (folder / ENTRY).write_text(json.dumps({"files": {n: file_digest(folder / p) for n, p in names.items()}}))


def test_an_entry_naming_a_path_outside_its_folder_is_refused(tmp_path):
    cache = Cache(tmp_path / "cache")
    (tmp_path / "x").write_text("planted")  # the entry's '../../../x', with its true digest
    _forged(cache, "escape", {"../../../x": Path("../../../x")})
    dest = tmp_path / "out" / "market" / "scenarios" / "high"
    assert cache.restore("escape", dest) is None
    assert not (tmp_path / "out" / "x").exists(), "nothing is written outside the report folder"
    assert not cache._entry("escape").exists(), "the forged entry is discarded"


@pytest.mark.parametrize("name", ["/etc/passwd", "a/../../x", "./index.html", "a\\..\\x", ""])
def test_names_that_could_leave_the_folder_are_not_contained(name):
    assert not contained(name)


def test_a_link_in_an_entry_is_refused(tmp_path):
    cache = Cache(tmp_path / "cache")
    secret = tmp_path / "secret"
    secret.write_text("not for the report")
    _forged(cache, "link", {})
    (cache._entry("link") / "index.html").symlink_to(secret)
    (cache._entry("link") / ENTRY).write_text(json.dumps({"files": {"index.html": file_digest(secret)}}))
    assert cache.get("link") is None


def test_a_cache_folder_that_is_a_file_or_unwritable_is_a_named_error(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("")
    with pytest.raises(OutputError, match="is not a folder; --cache-dir needs a folder"):
        Cache(tmp_path / "file").check()
    with pytest.raises(OutputError, match="cannot be written"):
        Cache(tmp_path / "file" / "below").check()
    def refused(**_):
        raise PermissionError(13, "Permission denied")  # as for anyone but root in a read-only folder

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(OutputError, match="the cache folder cannot be written \\(permission denied\\)"):
        Cache(tmp_path / "read-only").check()
