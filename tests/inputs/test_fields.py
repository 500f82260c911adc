"""The pieces of every model: one-line names, strict keys with a hint, numbers that keep their written digits."""
from __future__ import annotations

from cmo_helpers.core.paths import PARAMS as ROOT_PARAMS
from cmo_helpers.inputs.load import load_params


def test_newline_in_a_name_is_refused(raw, refused):
    raw["market"]["name"] = "Widgets\nContents"
    assert "market.name: must be a single line of text without control characters; found '\\n'" in refused(raw)


def test_escape_character_in_an_item_name_is_refused(raw, refused):
    raw["breakdowns"][0]["items"][0]["name"] = "Pharma\x1b[31m"
    assert "breakdowns[0].items[0].name: must be a single line of text without control characters" in refused(raw)


def test_unknown_top_level_key_suggests_the_right_one(raw, refused):
    raw["drivrs"] = raw.pop("drivers")
    assert "unknown key 'drivrs'; did you mean 'drivers'?" in refused(raw)


def test_unknown_nested_key_names_its_path(raw, refused):
    raw["size"]["base"]["valeu"] = 1.0
    msg = refused(raw)
    assert "size.base: unknown key 'valeu'; did you mean 'value'?" in msg


def test_written_digits_are_kept(tmp_path):
    path = tmp_path / "digits.yaml"
    text = (ROOT_PARAMS / "healthcare-cmo.yaml").read_text()
    text = text.replace("value: 504.9,", "value: 504.90,").replace("share: 42.5%", "share: 0.4250")
    path.write_text(text)
    p = load_params(path)
    assert p.size.base.digits("value") == 2  # a YAML float keeps its trailing zero
    assert p.size.end.digits("value") == 1  # "1,861.2"
    assert p.size.cagr.digits("rate") == 1  # "16.6%"
    assert p.breakdowns[1].items[0].digits("share") == 2  # 0.4250 is 42.50%
    assert p.breakdowns[0].items[0].digits("share") == 1  # "62.0%"


def test_wrong_type(raw, refused):
    raw["size"]["end"]["value"] = "lots"
    assert "size.end.value: expected a number such as 1,861.2 or 16.6%, got 'lots'" in refused(raw)
