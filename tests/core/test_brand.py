"""The brand's cache digest: every value, and the bytes behind the logo and the bundled fonts."""
from __future__ import annotations

from dataclasses import replace

from cmo_helpers.core import brand


def test_a_font_file_replaced_at_the_same_path_changes_the_digest(tmp_path):
    font = tmp_path / "house.ttf"
    font.write_bytes(b"\0\1\0\0first")
    house = replace(brand.DEFAULT, font="House Sans", font_files=(str(font),))
    before = house.digest()
    assert house.digest() == before and len(before) == 64
    font.write_bytes(b"\0\1\0\0the second")  # as a long-running preview would see it
    assert house.digest() != before, "the same values, other font bytes"


def test_every_value_counts(tmp_path):
    assert replace(brand.DEFAULT, primary="#000000").digest() != brand.DEFAULT.digest()
    assert replace(brand.DEFAULT, logo=b"<svg/>", logo_type="svg").digest() != brand.DEFAULT.digest()
