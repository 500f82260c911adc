"""The one atomic write: the old file or the whole new one, and no partial file left behind."""
from __future__ import annotations

import pytest

from cmo_helpers.core import atomic


def test_a_write_replaces_the_file_whole(tmp_path):
    path = tmp_path / "sub" / "page.html"
    atomic.write_text(path, "old")
    assert atomic.write_bytes(path, b"new") == path and path.read_bytes() == b"new"
    assert [p.name for p in path.parent.iterdir()] == ["page.html"], "no partial file is left"


def test_a_failure_mid_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "pack.xlsx"
    path.write_text("old")
    with pytest.raises(RuntimeError), atomic.replacing(path) as partial:
        partial.write_text("half")
        raise RuntimeError("disk full")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["pack.xlsx"]
