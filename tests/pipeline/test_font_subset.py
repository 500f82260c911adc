"""Font subsets: every character asked for, a few KB, the same bytes every time and from either source."""
from __future__ import annotations

import io
import random
import string

import pytest
from fontTools.ttLib import TTFont

from cmo_helpers.core.paths import font_folder
from cmo_helpers.pipeline import font_subset

REGULAR = font_folder() / "DejaVuSans.ttf"


def test_a_subset_holds_every_character_asked_for_and_little_else():
    text = string.printable[:95] + "–−€·é"  # 100 characters, as many as a busy chart has
    font = TTFont(io.BytesIO(font_subset.subset(REGULAR, text)))
    assert font.flavor == "woff"
    assert {ord(c) for c in text} <= set(font.getBestCmap())
    assert len(font.getGlyphOrder()) < 110
    assert len(font_subset.subset(REGULAR, text)) < 12_000, "a 100-glyph DejaVu subset is a few KB"


def test_a_subset_is_the_same_bytes_every_time_and_keeps_the_files_date():
    first = font_subset.subset(REGULAR, "Market size 2024")
    assert font_subset.subset(REGULAR, "2024 size Market") == first, "order and repeats do not matter"
    modified = TTFont(io.BytesIO(first))["head"].modified
    assert modified == TTFont(REGULAR)["head"].modified, "no timestamp of the day it was cut"


@pytest.mark.parametrize("name", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif-Italic.ttf"])
def test_cutting_the_common_copy_gives_the_bytes_cutting_the_file_gives(name):
    path = font_folder() / name
    pick = random.Random(name)
    for size in (3, 20, 60, 120):
        characters = "".join(sorted(pick.sample(sorted(font_subset.COMMON), size)))
        assert font_subset.subset(path, characters) == font_subset.cut(path.read_bytes(), characters, "woff")


def test_characters_beyond_the_common_ones_are_cut_from_the_file():
    text = "Ελλάδα Україна 2024"
    font = TTFont(io.BytesIO(font_subset.subset(REGULAR, text)))
    assert {ord(c) for c in text} <= set(font.getBestCmap())
