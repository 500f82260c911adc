"""The one text policy: NFC everywhere, invisible format characters refused in names with their position."""
from __future__ import annotations

import re

import pytest

from cmo_helpers.core import text


def test_both_normal_forms_of_a_name_are_one_name():
    assert text.normal("Cafe\u0301") == "Caf\u00e9" == text.normal("Caf\u00e9")
    assert text.same("CAFE\u0301") == text.same("caf\u00e9")


@pytest.mark.parametrize(("name", "char", "at"), [
    ("Al\u200bpha", "U+200B (ZERO WIDTH SPACE)", 3),
    ("Alpha\u200d", "U+200D (ZERO WIDTH JOINER)", 6),
    ("\u202eEurope", "U+202E (RIGHT-TO-LEFT OVERRIDE)", 1),
    ("Asia\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)", 5),
    ("\ufeffBOM", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)", 1),
    ("soft\u00adhyphen", "U+00AD (SOFT HYPHEN)", 5),
])
def test_a_name_with_an_invisible_format_character_is_refused_with_its_position(name, char, at):
    with pytest.raises(ValueError, match=re.escape(f"{char} at character {at};")):
        text.name(name)


def test_a_visible_name_comes_back_in_normal_form():
    assert text.name("Cafe\u0301 \u0627\u0644\u0639\u0631\u0628") == "Caf\u00e9 \u0627\u0644\u0639\u0631\u0628"


def test_visible_text_drops_format_characters_and_is_in_normal_form():
    assert text.visible("Bio\u00adlogics \u200bCafe\u0301\ufeff") == "Biologics Caf\u00e9"
