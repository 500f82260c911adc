"""Overrides written into a market's mapping: what each marks as assumed, and what a merged case must still pass."""
from __future__ import annotations

from pathlib import Path

import pytest

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.inputs import override_merge
from cmo_helpers.inputs.load import read_params

TINY = Path(__file__).parents[1] / "data" / "tiny.yaml"


def _case(overrides: dict):
    raw, published = read_params(TINY)
    data = override_merge.merged(raw, overrides, TINY, lambda path: "why: " + ".".join(path))
    return published, override_merge.validated(data, TINY)


def test_an_override_is_ours_with_its_note_and_the_file_mapping_is_untouched():
    raw, _ = read_params(TINY)
    published, case = _case({"size": {"base": {"value": 90}}})
    assert case.size.base.value == 90 and case.size.base.assumed and case.size.base.rationale == "why: size.base.value"
    assert published.size.base.value == 100 and read_params(TINY)[0] == raw


@pytest.mark.parametrize(("shares", "fine"), [({"North": 0.8, "South": 0.2}, True), ({"North": 0.8}, False),
                                               ({"North": 0.7}, False)])
def test_a_full_split_must_stay_at_one_hundred_percent(shares, fine):
    published, case = _case({"breakdowns": {"regions": {"items": {k: {"share": v} for k, v in shares.items()}}}})
    if fine:
        override_merge.check_splits(published, case, TINY)
    else:
        with pytest.raises(ParamsError, match="overrides.breakdowns.regions.items: Region: the items' shares"):
            override_merge.check_splits(published, case, TINY)


def test_a_value_a_key_may_not_take_is_named_as_the_override_wrote_it():
    with pytest.raises(ParamsError, match=r"overrides\.breakdowns\.regions\.items\.North\.share: .*less than or equal"):
        _case({"breakdowns": {"regions": {"items": {"North": {"share": 1.5}}}}})
