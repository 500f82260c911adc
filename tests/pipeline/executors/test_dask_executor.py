"""The Dask executor on a LocalCluster: same outputs, failures and cache use as the local pool."""
from __future__ import annotations

import json
import logging

import pytest
from notebook_cases import notebook

from cmo_helpers.core.paths import DEFAULT_PARAMS, notebook_paths
from cmo_helpers.pipeline import render, units

distributed = pytest.importorskip("distributed")
FEW = notebook_paths()[:2]


@pytest.fixture(scope="module")
def scheduler():
    """Two single-threaded worker processes, reached by address as a real cluster would be."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def _hits(folder):
    return {u["unit"]: u["hit"] for u in json.loads((folder / "manifest.json").read_text())["units"]}


def test_a_cluster_renders_each_market_and_scenario_and_honours_the_cache(scheduler, tmp_path, monkeypatch):
    monkeypatch.setattr(render, "notebook_paths", lambda: FEW)
    out = tmp_path / "out"
    summary = render.render([DEFAULT_PARAMS], ("html",), None, out, "optimistic", executor="dask", scheduler=scheduler)
    assert summary.ok and summary.published.keys() == {"healthcare-cmo"}
    for folder in (out / "healthcare-cmo", out / "healthcare-cmo" / "scenarios" / "optimistic"):
        assert sorted(p.name for p in (folder / "notebooks").iterdir()) == [nb.name for nb in FEW]
        assert (folder / "index.html").is_file() and (folder / FEW[1].with_suffix(".html").name).is_file()
        assert not any(_hits(folder).values())
    assert "healthcare-cmo" in (out / "index.html").read_text()

    again = render.render([DEFAULT_PARAMS], ("html",), None, out, "optimistic", executor="dask", scheduler=scheduler)
    assert again.current.keys() == {"healthcare-cmo"} and not again.published

    monkeypatch.setattr(units, "templates_digest", lambda: "edited template")
    edited = render.render([DEFAULT_PARAMS], ("html",), None, out, "optimistic", executor="dask", scheduler=scheduler)
    assert edited.ok
    hits = _hits(out / "healthcare-cmo")
    assert hits.pop("export") is False and all(hits.values()), "the worker exports from the cached notebook runs"


def test_a_failing_notebook_on_a_worker_comes_back_as_a_failed_outcome(scheduler, tmp_path, monkeypatch):
    broken = notebook(tmp_path, "50-broken", 'raise ValueError("deliberate failure")')
    monkeypatch.setattr(render, "notebook_paths", lambda: [FEW[0], broken])
    out = tmp_path / "out"
    summary = render.render([DEFAULT_PARAMS], ("html",), None, out, executor="dask", scheduler=scheduler)
    assert not summary.ok
    (outcomes,) = summary.outcomes.values()
    by_name = {o.notebook: o for o in outcomes}
    assert by_name[FEW[0].stem].ok and not by_name["50-broken"].ok
    assert "deliberate failure" in by_name["50-broken"].error and by_name["export"].error.startswith("skipped")
    assert (out / "healthcare-cmo.failed" / "notebooks" / "50-broken.ipynb").is_file()
    assert not (out / "healthcare-cmo").exists()


def test_an_unreachable_scheduler_is_exit_2_before_anything_runs(tmp_path, capsys, monkeypatch):
    from cmo_helpers.cli import main as cli
    from cmo_helpers.pipeline.executors import dask_executor as cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    code = cli.main(["render", str(DEFAULT_PARAMS), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9",
                     "--out", str(tmp_path / "out")])
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (tmp_path / "out" / "healthcare-cmo").exists()


def test_a_task_reads_the_inputs_it_carries_not_the_client_files(tmp_path):
    """A worker on another machine has no params folder: the task's frozen inputs are all it reads."""
    from cmo_helpers.pipeline.executors import dask_executor as cluster

    gone = tmp_path / "client-only" / "healthcare-cmo.yaml"  # a path the worker cannot see
    target = units.Target(gone, "healthcare-cmo", "base", "Base")
    market = DEFAULT_PARAMS.read_text().replace("Global Healthcare Contract Manufacturing (CMO) Market",
                                                "Frozen Copy Market")
    outcomes, files = cluster.run_target(target, [(FEW[0].name, FEW[0].read_bytes())], {}, None,
                                         {"healthcare-cmo.yaml": market.encode()})
    assert [o.ok for o in outcomes] == [True], outcomes
    assert "Frozen Copy Market" in files[f"notebooks/{FEW[0].name}"].decode()


def test_dask_warnings_go_to_the_log_not_the_terminal(tmp_path, capfd):
    import warnings

    from cmo_helpers.pipeline.executors import dask_log

    log = tmp_path / dask_log.NAME
    before = logging.getLogger("distributed").handlers[:]
    with dask_log.to_file(log):
        logging.getLogger("distributed.client").warning("scheduler sent something odd")
        logging.getLogger("distributed.worker").info("a worker chatted")
        warnings.warn("Sending large graph of size 12 MiB", UserWarning, stacklevel=1)
    assert capfd.readouterr().err == ""
    said = log.read_text()
    assert "distributed.client WARNING scheduler sent something odd" in said
    assert "Sending large graph" in said and "chatted" not in said
    assert logging.getLogger("distributed").handlers == before, "the loggers are given back as they were"
