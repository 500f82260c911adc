"""A percentage said of an item is its share, unless the words say it is of something else."""
from __future__ import annotations

from fact_cases import one


def test_a_share_of_a_region_is_marked_as_such():
    assert one("T\n\nIn Europe, Germany accounted for 24.5% of regional sales in 2024.\n", "share").share_of == \
        "regional"
