"""A comparison's unit keys: its brand counts, and an unbranded comparison keeps the keys it had before brands."""
from __future__ import annotations

import json

from brand_checks import EXAMPLE

from cmo_helpers.core import brand
from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.core.report_date import pinned
from cmo_helpers.inputs import brand_file
from cmo_helpers.pipeline.compare import FOLDER, TITLE, comparison_keys
from cmo_helpers.pipeline.units import Target, export_key, input_hash, notebook_key

FILES = {"1/a.yaml": "a" * 64, "2/b.yaml": "b" * 64}
OPTIONS = {"mode": "auto", "rates": [], "rate_source": ""}
TARGET = Target(DEFAULT_PARAMS, "compare-a-b", "base", TITLE)
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))


def _keys(house: brand.Brand = brand.DEFAULT):
    return comparison_keys(TARGET, FILES, OPTIONS, NOTEBOOKS, ("html", "pdf"), house)


def test_an_unbranded_comparison_keeps_its_keys():
    digest = input_hash({**FILES, "options": json.dumps(OPTIONS, sort_keys=True)})
    notebooks = {nb.name: notebook_key(nb, TARGET, digest) for nb in NOTEBOOKS}
    stamp = {"title": TITLE, "related": [], "input_hash": digest[:12], "date": pinned()}
    keys = _keys()
    assert keys.notebooks == notebooks and keys.options == stamp
    assert keys.export == export_key(list(notebooks.values()), ("html", "pdf"), stamp)
    assert keys.as_dict() == {"notebooks": notebooks, "export": keys.export}  # the manifest's shape, unchanged


def test_a_brand_changes_every_key_and_is_recorded():
    plain, example = _keys(), _keys(brand_file.read(EXAMPLE))
    other = _keys(brand.Brand(primary="#123456"))
    assert len({plain.export, example.export, other.export}) == 3
    assert not set(plain.notebooks.values()) & set(example.notebooks.values())
    assert not set(example.notebooks.values()) & set(other.notebooks.values())
    assert example.as_dict()["brand"] == example.brand.digest() and example.brand.name == "Harbour Lane Advisory"
