"""Which font files a chart's faces come from, and the subsets cut from them: whole, small and the same each time."""
from __future__ import annotations

import base64
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from cmo_helpers.core.brand import DEFAULT
from cmo_helpers.core.paths import font_folder
from cmo_helpers.pipeline import font_faces

REGULAR = font_folder() / "DejaVuSans.ttf"


def _renamed(source: Path, target: Path, family: str, fs_type: int = 0) -> Path:
    """A copy of a DejaVu file under another family name, as a brand would bundle it."""
    font = TTFont(source)
    for record in font["name"].names:
        if record.nameID in font_faces.FAMILY_IDS:
            record.string = family
    font["OS/2"].fsType = fs_type
    font.save(target)
    return target


def test_dejavu_faces_are_known_without_a_brand():
    faces = font_faces.known_faces(DEFAULT)
    sans = {(f.path.name, f.weight, f.italic) for f in faces["dejavu sans"]}
    assert sans == {("DejaVuSans.ttf", 400, False), ("DejaVuSans-Bold.ttf", 700, False),
                    ("DejaVuSans-Oblique.ttf", 400, True), ("DejaVuSans-BoldOblique.ttf", 700, True)}
    assert "dejavu serif" in faces and "liberation sans" not in faces, "never a font only this machine has"


@pytest.mark.parametrize(("weight", "italic", "chosen"), [
    (400, False, "DejaVuSans.ttf"), (700, False, "DejaVuSans-Bold.ttf"), (600, False, "DejaVuSans-Bold.ttf"),
    (300, False, "DejaVuSans.ttf"), (900, False, "DejaVuSans-Bold.ttf"), (400, True, "DejaVuSans-Oblique.ttf"),
    (700, True, "DejaVuSans-BoldOblique.ttf"),
])
def test_the_face_picked_is_the_one_a_browser_would_match(weight, italic, chosen):
    assert font_faces.best(font_faces.known_faces(DEFAULT)["dejavu sans"], weight, italic).path.name == chosen


def test_a_bundled_brand_font_is_known_by_its_family_and_a_restricted_one_is_not(tmp_path):
    bundled = _renamed(REGULAR, tmp_path / "house.ttf", "House Sans")
    restricted = _renamed(REGULAR, tmp_path / "closed.ttf", "Closed Sans", fs_type=0x0002)
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    brand = replace(DEFAULT, font="House Sans", font_files=(str(bundled), str(restricted), str(broken)))
    faces = font_faces.known_faces(brand)
    assert [f.path for f in faces["house sans"]] == [bundled]
    assert "closed sans" not in faces, "a font whose licence restricts embedding is left out"


def test_a_brand_family_only_installed_on_the_machine_has_no_face():
    brand = replace(DEFAULT, font="Liberation Sans", heading_font="Liberation Sans", system_fonts=True)
    assert font_faces.rules({("Liberation Sans", 400, False): "Sales 2024"}, font_faces.known_faces(brand)) == []


def test_the_rule_names_the_family_weight_and_slant_and_escapes_the_name():
    face = font_faces.best(font_faces.known_faces(DEFAULT)["dejavu sans"], 700, True)
    rule = font_faces.face_rule('Odd "Name"\\ </style>', face, "Ab")
    escaped = "Odd \\22 Name\\22 \\5c  \\3c \\2f style\\3e "
    assert rule.startswith(f'@font-face {{font-family: "{escaped}"; ')
    assert "font-weight: 700; font-style: italic;" in rule
    assert _cmap(rule) >= {ord("A"), ord("b")}
    assert not set(rule) & set("<>&"), "nothing in the rule can end the <style> it sits in"


def test_faces_asked_for_in_several_weights_share_one_subset_per_file():
    faces = font_faces.known_faces(DEFAULT)
    found = font_faces.rules({("DejaVu Sans", 700, False): "AB", ("DejaVu Sans", 800, False): "C",
                              ("DejaVu Sans", 400, False): "x", ("Nowhere", 400, False): "y"}, faces)
    by_weight = {re.search(r"font-weight: (\d+)", rule).group(1): _cmap(rule) for rule in found}
    assert by_weight.keys() == {"400", "700"} and {ord(c) for c in "ABC"} <= by_weight["700"]


def _cmap(rule: str) -> set[int]:
    data = re.search(r"base64,([A-Za-z0-9+/=]+)\)", rule).group(1)
    return set(TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap())


def test_a_face_fonttools_cannot_cut_is_left_out(monkeypatch):
    def fails(path, characters):
        raise AssertionError("a table fontTools does not understand")

    monkeypatch.setattr(font_faces, "subset", fails)
    assert font_faces.rules({("DejaVu Sans", 400, False): "A"}, font_faces.known_faces(DEFAULT)) == []
