"""Errors pickle with their fields, so a worker's failure reaches the parent whole."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from cmo_helpers.core import errors

CASES = [
    errors.Stopped(15),
    errors.OutputError(Path("out/x"), "not writable"),
    errors.ParamsError(Path("p.yaml"), [("size.base", "must be positive"), ("market.slug", "bad slug")]),
    errors.ParamsError.merge([errors.ParamsError("a.yaml", [("k", "r1")]),
                              errors.ParamsError("b.yaml", [("j", "r2")])]),
    errors.ExportError("page 3: no sections"),
    errors.NothingToRender("no market"),
    errors.ClusterError("no scheduler"),
    errors.ReleaseError("x.txt", "binary"),
]


@pytest.mark.parametrize("error", CASES, ids=lambda e: type(e).__name__)
def test_every_error_pickles_with_its_fields(error):
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error) and back.args == error.args
    assert vars(back) == vars(error), "every field survives the trip"


def test_the_merged_message_names_each_file():
    back = pickle.loads(pickle.dumps(CASES[3]))
    assert str(back).splitlines() == ["a.yaml: k: r1", "b.yaml: j: r2"]
    assert back.problems == [("k", "r1"), ("j", "r2")]


def test_stopped_keeps_its_exit_code():
    assert pickle.loads(pickle.dumps(errors.Stopped(2))).exit_code == 130
