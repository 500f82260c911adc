"""A render that cannot fit on its disk is refused before it starts, naming the folder and the space needed."""
from __future__ import annotations

import errno
from collections import namedtuple

import pytest

from cmo_helpers.core.errors import OutputError
from cmo_helpers.pipeline import space

Usage = namedtuple("Usage", "total used free")


def test_too_little_space_is_refused_with_the_folder_and_the_sizes(tmp_path, monkeypatch):
    monkeypatch.setattr(space.shutil, "disk_usage", lambda _: Usage(0, 0, 10 * 2**20))
    space.check([tmp_path / "out"], 2)
    with pytest.raises(OutputError) as caught:
        space.check([tmp_path / "out", tmp_path / "out" / ".cache"], 2)  # one disk: both demands add up
    assert str(caught.value) == (f"{tmp_path / 'out'}: not enough disk space: the render needs about 16 MB, "
                                 "10 MB free; free some space or choose another folder")


def test_other_write_errors_name_the_file(tmp_path):
    err = space.named(OSError(errno.EROFS, "Read-only file system", "/x/y.json"), tmp_path, 1)
    assert str(err) == "/x/y.json: cannot write: read-only file system"
