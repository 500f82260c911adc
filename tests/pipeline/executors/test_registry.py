"""Executors by name: the built-in ones, one registered in code, and a plugin found through its entry point."""
from __future__ import annotations

import sys

import pytest

from cmo_helpers.core.paths import DEFAULT_PARAMS, notebook_paths
from cmo_helpers.pipeline import executors, render
from cmo_helpers.pipeline.executors import local

FEW = notebook_paths()[:1]

PLUGIN = '''
calls = []

def run(batch, todo, frozen, options):
    calls.append(sorted(t.label for t in todo))
    from cmo_helpers.pipeline.executors import local
    local.run(batch, todo, frozen, options)
'''


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """An installed distribution that declares a `slurmish` executor in the entry-point group."""
    (tmp_path / "slurmish_executor.py").write_text(PLUGIN)
    info = tmp_path / "slurmish_executor-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: slurmish-executor\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[{executors.GROUP}]\nslurmish = slurmish_executor:run\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    sys.modules.pop("slurmish_executor", None)


def test_built_in_executors_load_by_name():
    assert executors.get("local") is local.run
    assert {"local", "dask"} <= set(executors.names())


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(KeyError, match="no executor named 'ray'; known: .*local"):
        executors.get("ray")


def test_a_plugin_executor_renders_through_its_entry_point(plugin, tmp_path, monkeypatch):
    assert "slurmish" in executors.names()
    monkeypatch.setattr(render, "notebook_paths", lambda: FEW)
    summary = render.render([DEFAULT_PARAMS], ("html",), 1, tmp_path / "out", executor="slurmish")
    assert summary.ok and (tmp_path / "out" / "healthcare-cmo" / "index.html").is_file()
    assert sys.modules["slurmish_executor"].calls == [["healthcare-cmo"]]


def test_register_adds_an_executor_in_code(monkeypatch):
    monkeypatch.setattr(executors, "_registered", {})
    executors.register("inline", local.run)
    assert executors.get("inline") is local.run and "inline" in executors.names()
