"""The brand reader: the example brand reads whole; hostile or broken values are refused naming file and key."""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from cmo_helpers.core import brand
from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import PARAMS
from cmo_helpers.inputs import brand_file

EXAMPLE = PARAMS / "brands" / "example" / "_brand.yml"


def _brand(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "brand"
    folder.mkdir(exist_ok=True)
    shutil.copy(EXAMPLE.parent / "logo.svg", folder / "logo.svg")
    path = folder / "_brand.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> str:
    with pytest.raises(ParamsError) as caught:
        brand_file.read(path)
    assert str(path) in str(caught.value)
    return str(caught.value)


def test_example_brand_reads_whole():
    b = brand_file.read(EXAMPLE)
    assert b.name == "Harbour Lane Advisory"
    assert b.primary == "#0b6e4f" and b.palette[0] == "#0b6e4f" and b.palette[1] == "#3d8fc4"
    assert b.font == "DejaVu Serif" and b.heading_font == "DejaVu Sans" and not b.system_fonts, "shipped DejaVu"
    assert b.logo.startswith(b"<svg") and b.logo_type == "svg"
    assert not b.cover_box and "not investment advice" in b.disclaimer and b.footer.endswith("Confidential")
    assert not b.is_default


def test_no_brand_file_is_todays_look(tmp_path):
    assert brand_file.read(None) is brand.DEFAULT
    assert brand_file.find(tmp_path / "m.yaml") is None
    (tmp_path / "_brand.yml").write_text("meta: {name: X}\n")
    assert brand_file.find(tmp_path / "m.yaml") == tmp_path / "_brand.yml"
    assert brand_file.find(tmp_path / "m.yaml", EXAMPLE) == EXAMPLE  # --brand wins


def test_short_colours_and_palette_names(tmp_path):
    b = brand_file.read(_brand(tmp_path, "color:\n  palette: {ink: '#abc'}\n  primary: ink\n  foreground: '#000'\n"))
    assert b.primary == "#aabbcc" and b.foreground == "#000000" and b.palette[0] == "#aabbcc"


@pytest.mark.parametrize("value", ["red; } body{", "url(javascript:1)", "#12345g", "blue"])
def test_a_colour_that_is_not_hex_is_refused(tmp_path, value):
    text = _problems(_brand(tmp_path, f"color:\n  primary: {value!r}\n"))
    assert "color.primary" in text and "not a colour" in text


def test_logo_leaving_the_brand_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>")
    text = _problems(_brand(tmp_path, "logo: ../outside.svg\n"))
    assert "logo" in text and "leaves the brand's folder" in text
    assert "leaves" in _problems(_brand(tmp_path, "logo: /etc/passwd\n"))


def test_huge_or_false_logo_is_refused(tmp_path):
    path = _brand(tmp_path, "logo: big.png\n")
    (path.parent / "big.png").write_bytes(b"\x89PNG" + b"0" * brand_file.LOGO_MAX)
    assert "at most" in _problems(path)
    path = _brand(tmp_path, "logo: fake.png\n")
    (path.parent / "fake.png").write_bytes(b"<html>")
    assert "not a PNG file" in _problems(path)
    assert "expected a .svg" in _problems(_brand(tmp_path, "logo: _brand.yml\n"))


def test_unknown_fonts_are_refused(tmp_path):
    text = _problems(_brand(tmp_path, "typography:\n  base: No Such Font Family\n"))
    assert "typography.base" in text and "neither bundled" in text
    assert "not a font family name" in _problems(_brand(tmp_path, "typography:\n  headings: 'X\"; }'\n"))
    assert "not fetched" in _problems(_brand(tmp_path, "typography:\n  fonts: [{family: Inter, source: google}]\n"))


def test_bundled_font_files_count_as_known(tmp_path):
    path = _brand(tmp_path, "typography:\n  fonts:\n    - family: House Sans\n      source: file\n"
                            "      files: [house.ttf]\n  base: House Sans\n")
    (path.parent / "house.ttf").write_bytes(b"\0\1\0\0")
    b = brand_file.read(path)
    assert b.font == b.heading_font == "House Sans" and b.font_files == (str(path.parent / "house.ttf"),)
    assert not b.system_fonts, "bundled files are all Typst needs"


def test_only_an_installed_family_makes_typst_read_the_machines_fonts(tmp_path, monkeypatch):
    monkeypatch.setattr(brand_file, "installed_families", lambda: frozenset({*brand.SHIPPED, "Machine Serif"}))
    b = brand_file.read(_brand(tmp_path, "typography:\n  base: DejaVu Serif\n  headings: Machine Serif\n"))
    assert b.heading_font == "Machine Serif" and b.system_fonts


def test_text_with_line_breaks_and_unknown_keys_are_refused(tmp_path):
    text = _problems(_brand(tmp_path, 'defaults:\n  cmo-reports:\n    footer: "a\\nb"\n    cover: false\ncolour: {}\n'))
    assert "defaults.cmo-reports.footer" in text and "one line" in text
    assert "defaults.cmo-reports.cover: unknown key" in text and "colour: unknown key" in text
    assert "expected true or false" in _problems(_brand(tmp_path, "defaults:\n  cmo-reports:\n    cover-box: 'no'\n"))


def test_other_tools_defaults_are_left_alone(tmp_path):
    text = "defaults:\n  bootstrap: {rounded: true}\n  cmo-reports: {footer: '<script>'}\n"
    b = brand_file.read(_brand(tmp_path, text))
    assert b.footer == "<script>"  # kept as text; each output escapes it (tests/pipeline/test_brand_outputs.py)


def test_the_kernel_copy_round_trips(monkeypatch):
    b = brand_file.read(EXAMPLE)
    monkeypatch.setenv(brand.ENV, b.for_kernel())
    assert brand.current() == dataclasses.replace(b, logo=b"", logo_type="")  # charts never show the logo
    monkeypatch.delenv(brand.ENV)
    assert brand.current() is brand.DEFAULT


def _market(folder: Path, name: str = "m.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def test_files_sharing_a_brand_get_it_and_mixed_ones_todays_look_with_a_note(tmp_path):
    one, two = _market(tmp_path / "a"), _market(tmp_path / "a", "n.yaml")
    assert brand_file.shared([one, two]) == (brand.DEFAULT, "")
    shutil.copy(EXAMPLE, tmp_path / "a" / "_brand.yml")
    shutil.copy(EXAMPLE.parent / "logo.svg", tmp_path / "a" / "logo.svg")
    assert brand_file.shared([one, two])[0].name == "Harbour Lane Advisory"
    other = _market(tmp_path / "b")
    found, note = brand_file.shared([one, other])
    assert found is brand.DEFAULT
    assert note.startswith(f"the compared files have different brands ({tmp_path / 'a' / '_brand.yml'} for m.yaml; "
                           "no _brand.yml for m.yaml)") and "--brand FILE" in note and "\n" not in note
    shutil.copytree(tmp_path / "a", tmp_path / "b", dirs_exist_ok=True)  # the same brand in another folder
    assert brand_file.shared([one, other]) == (brand_file.read(EXAMPLE), "")


def test_an_explicit_brand_wins_and_a_bad_one_beside_any_file_is_refused(tmp_path):
    one, other = _market(tmp_path / "a"), _market(tmp_path / "b")
    (tmp_path / "b" / "_brand.yml").write_text("color:\n  primary: blue\n")
    assert brand_file.shared([one, other], EXAMPLE) == (brand_file.read(EXAMPLE), "")
    with pytest.raises(ParamsError, match="color.primary"):
        brand_file.shared([one, other])
