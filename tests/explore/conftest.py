"""The small market the explorer's tests move: copied per test, so a saved scenario never touches tests/data."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmo_helpers.inputs.session import load

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


@pytest.fixture
def tiny(tmp_path: Path):
    shutil.copytree(TINY.parent / "scenarios", tmp_path / "scenarios")
    shutil.copy(TINY, tmp_path / TINY.name)
    return load(tmp_path / TINY.name)
