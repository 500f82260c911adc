"""Sheet names: whole words within Excel's 31 characters, numbered in reading order."""
from __future__ import annotations

import pytest

from cmo_helpers.pipeline import sheet_layout


@pytest.mark.parametrize(("title", "name"), [
    ("Compound annual growth (USD million)", "02 Compound annual growth"),
    ("Service type: what the source gives (USD million)", "02 Service type as stated"),
    ("Sensitivity of the 2033 market size (USD million), one driver at a time", "02 Sensitivity 2033 market size"),
    ("Source audit: stated figures against what they imply", "02 Source audit"),
    ("Market size by scenario, 2024\u20132033", "02 Market size by scenario"),
    ("Growth paths: the series used and the alternative", "02 Growth paths"),
    ("Pharmaceutical contract manufacturing: values by year", "02 Pharmaceutical contract"),
])
def test_sheet_names_are_whole_words_within_31_characters(title, name):
    assert sheet_layout.sheet_name(2, title) == name
