"""A market sized in a physical unit becomes `volume` only when one sentence gives both its endpoints."""
from __future__ import annotations

from cmo_helpers.drafting.volumes import volume_series

SERIES = ("The Pondland tidal farm market is estimated at 3.25 thousand MW in 2025 and is expected to reach about "
          "6.40 thousand MW by 2031, growing at a CAGR of 11.9%.")


def test_two_dated_amounts_in_one_unit_are_the_volume_series():
    volume, said = volume_series("Heading\n" + SERIES + "\nMore text.", "src")
    assert said == SERIES
    assert volume["unit"] == "thousand MW"
    assert (volume["base"]["year"], volume["base"]["value"], volume["base"]["quote"]) == (
        2025, 3.25, "3.25 thousand MW in 2025")
    assert (volume["end"]["value"], volume["end"]["bound"], volume["end"]["quote"]) == (
        "6.40", "about", "about 6.40 thousand MW by 2031")
    assert volume["cagr"]["rate"] == "11.9%" and "from_year" not in volume["cagr"]


def test_one_endpoint_another_unit_or_money_is_no_volume_series():
    assert volume_series("The fleet of the tidal market will reach 9,100 MW by 2031.", "src") is None
    assert volume_series("The tidal market moved 40 tonnes in 2025 and 9 units by 2031.", "src") is None
    assert volume_series("The tidal market installed 410 MW in 2025 and 800 MW by 2031, worth USD 2.1 billion "
                         "in 2031.", "src") is None
    assert volume_series("Installers added 410 MW in 2025 and 800 MW in 2031.", "src") is None
