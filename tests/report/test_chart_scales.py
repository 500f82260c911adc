"""Every chart reads at any scale: distinct tick labels, nothing drawn over a label, a legend or a bar (issue 18)."""
from __future__ import annotations

from pathlib import Path

import pytest
from chart_layout import overlaps, tick_labels

from cmo_helpers.core.paths import market_params_files
from cmo_helpers.inputs.session import load
from cmo_helpers.report import chart_layout, scenario_charts, size_charts, split_charts

SCALES = sorted((Path(__file__).parents[1] / "data" / "scales").glob("*.yaml"))


def every_chart(params: Path) -> list:
    """Each chart a report can draw for a market: size, growth, each breakdown's shares and values, scenarios."""
    market = load(params)
    p = market.shown
    found = [size_charts.size_chart(p), size_charts.growth_chart(p), scenario_charts.fan_chart(market),
             scenario_charts.tornado_chart(p)]
    for b in p.breakdowns:
        found += [split_charts.share_chart(p, b), split_charts.stacked_chart(p, b)]
    return [c for c in found if c is not None]


def test_the_three_markets_differ_in_scale():
    ends = sorted(load(f).shown.size.end.value for f in SCALES)
    assert len(ends) == 3 and ends[0] < 5 and 100 < ends[1] < 1000 and ends[2] > 100_000


@pytest.mark.parametrize("params", [*SCALES, *market_params_files()], ids=lambda p: p.stem)
def test_every_chart_reads_at_its_scale(params):
    drawn = every_chart(params)
    assert len(drawn) == (8 if params in SCALES else len(drawn))
    for chart in drawn:
        chart.svg()  # drawn as the report draws it
        name = chart.name
        for axis, labels in tick_labels(chart.figure).items():
            assert len(labels) == len(set(labels)), (name, axis, labels)
        assert overlaps(chart.figure) == [], name


@pytest.mark.parametrize(("ticks", "shown"), [
    ([0, 0.5, 1.0, 1.5], ["0.0", "0.5", "1.0", "1.5"]),
    ([0, 100_000, 200_000], ["0", "100,000", "200,000"]),
    ([2.0, 2.25, 2.5], ["2.00", "2.25", "2.50"]),
    ([1600, 1700], ["1,600", "1,700"]),
])
def test_tick_labels_take_the_fewest_decimals_that_keep_them_apart(ticks, shown):
    assert chart_layout.DistinctTicks().format_ticks(ticks) == shown


@pytest.mark.parametrize(("values", "decimals", "shown"), [
    ([504.9, 1861.2], 1, 1), ([0.52, 2.94], 2, 2), ([184_500, 612_300], 1, 0), ([12_345.6], 3, 1), ([], 1, 1)])
def test_value_labels_drop_decimals_only_for_large_values(values, decimals, shown):
    assert chart_layout.label_decimals(values, decimals) == shown
