"""Render options: the default pool size."""
from __future__ import annotations

from cmo_helpers.pipeline import options


def test_the_default_pool_has_one_worker_per_report_up_to_the_cores(monkeypatch):
    monkeypatch.setattr(options.os, "cpu_count", lambda: 2)
    assert [options.default_jobs(n) for n in (0, 1, 2, 3, 30)] == [1, 1, 2, 2, 2]


def test_jobs_beyond_the_cores_or_the_memory_are_capped_with_a_note(monkeypatch):
    monkeypatch.setattr(options.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(options.psutil, "virtual_memory", lambda: type("Memory", (), {"available": 22 * 2**30}))
    asked = options.RenderOptions(jobs=1000)
    capped, note = options.capped(asked)
    assert capped.jobs == 2 and note == ("--jobs 1000 capped at 2 (2 cores, 22.0 GB of memory available at about "
                                         "450 MB per worker and its kernel)")
    assert options.capped(options.RenderOptions(jobs=2)) == (options.RenderOptions(jobs=2), None)
    remote = options.RenderOptions(jobs=1000, scheduler="tcp://h:8786")
    assert options.capped(remote)[1] is None, "a cluster sizes itself"
    monkeypatch.setattr(options.psutil, "virtual_memory", lambda: type("Memory", (), {"available": 500 * 2**20}))
    assert options.capped(asked)[0].jobs == 1 and options.default_jobs(30) == 1
