"""Shared fixtures: the shipped params as dicts that tests can break one key at a time."""
from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import DEFAULT_PARAMS, PARAMS, market_params_files
from cmo_helpers.inputs.load import load_params
from cmo_helpers.inputs.market_file import Params
from cmo_helpers.inputs.params import parse_params

# Helpers shared by tests (tests/*.py) and the draft scorer (benchmarks/), importable from any test folder.
sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent / "benchmarks")]


@pytest.fixture(scope="session")
def cmo() -> Params:
    return load_params(DEFAULT_PARAMS)


@pytest.fixture(scope="session")
def heat() -> Params:
    return load_params(PARAMS / "eu-heat-pumps.yaml")


@pytest.fixture(scope="session")
def irrigation() -> Params:
    """A market the source sizes with two decimals (USD 1.93 and 5.41 billion)."""
    return load_params(Path(__file__).parent / "data" / "releases7" / "irrigation-country-region.yaml")


@pytest.fixture
def raw() -> dict:
    """The default market as a plain mapping, fresh for each test."""
    return copy.deepcopy(yaml.safe_load(DEFAULT_PARAMS.read_text()))


@pytest.fixture
def build():
    """Validate a mapping as if it came from a file called test.yaml."""
    return lambda data: parse_params(data, "test.yaml")


@pytest.fixture
def refused(build):
    """The message a mapping is refused with, as if it came from a file called test.yaml."""
    def message(data: dict) -> str:
        with pytest.raises(ParamsError) as info:
            build(data)
        assert str(info.value).startswith("test.yaml: ")
        return str(info.value)
    return message


@pytest.fixture
def market_copy(tmp_path: Path) -> Path:
    """A copy of the default market (and its scenarios) in a scratch params folder."""
    target = tmp_path / "params"
    shutil.copytree(PARAMS, target)
    return target / DEFAULT_PARAMS.name


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Every market in params/ with all scenarios, rendered once through the real CLI."""
    out = tmp_path_factory.mktemp("outputs")
    files = [str(p) for p in market_params_files()]
    proc = subprocess.run([sys.executable, "-m", "cmo_helpers.cli", "render", *files, "--scenarios", "all",
                           "--out", str(out), "--jobs", "2"], capture_output=True, text=True, timeout=900)
    return out, proc
