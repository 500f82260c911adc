"""The house chart: every builder draws in the brand's font."""
from __future__ import annotations

import pytest

from cmo_helpers.core import brand
from cmo_helpers.report import split_charts


@pytest.mark.parametrize("n", [0, 1])
def test_charts_use_the_house_font(cmo, n):
    chart = split_charts.share_chart(cmo, cmo.breakdowns[n])
    assert chart.figure.axes[0].title.get_fontfamily() == [brand.FONT]
