"""Any release text, however hostile, is one safe YAML scalar, and a draft's YAML loads back."""
from __future__ import annotations

import pytest
import yaml

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.writer import build
from cmo_helpers.drafting.yaml_text import scalar


@pytest.mark.parametrize("text", [
    "a: b, c", "#not a comment", "- dash", "{brace}", "it's \"quoted\"", "\x1b[31mred\x07", "tab\there", "★ ü",
    "yes", "null", "2024-01-01", "1,861.2", "62.0%", "@at", "*star", "&amp", "\u2028line", "\x85next",
])
def test_any_release_text_is_one_safe_yaml_scalar(text):
    out = scalar(text)
    assert "\n" not in out
    assert yaml.safe_load(f"k: [{out}, {{q: {out}}}]") == {"k": [text, {"q": text}]}


def test_hostile_release_text_still_gives_loadable_yaml():
    text = ("Evil: {Market} #1 \x1b[2J\n\nThe \"evil\" kelp market: was valued at USD 1.5 billion in 2024, "
            "reaching USD 3.0 billion by 2030 - #hash {x: y}.\n\u2028North America held 40% share in 2024 \x07.\n")
    draft = build(extract(text), "evil\x1b.txt")
    assert yaml.safe_load(draft.yaml_text) == draft.params
    assert "\x1b" not in draft.yaml_text and "\x07" not in draft.yaml_text
