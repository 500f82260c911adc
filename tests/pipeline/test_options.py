"""Render options: the default pool size."""
from __future__ import annotations

from cmo_helpers.pipeline import options


def test_the_default_pool_has_one_worker_per_report_up_to_the_cores(monkeypatch):
    monkeypatch.setattr(options.os, "cpu_count", lambda: 2)
    assert [options.default_jobs(n) for n in (0, 1, 2, 3, 30)] == [1, 1, 2, 2, 2]
