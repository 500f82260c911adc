"""Issue 21's text policy where params are read: one normal form, look-alikes refused, free text kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.inputs import overlays
from cmo_helpers.inputs.load import load_params, read_yaml

DATA = Path(__file__).parents[1] / "data"
TINY = (DATA / "tiny.yaml").read_text(encoding="utf-8")
BAD = DATA / "bad"


def _market(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_keys_and_values_are_read_in_one_normal_form(tmp_path):
    path = _market(tmp_path, TINY.replace("{name: Alpha,", "{name: Cafe\u0301,"))
    assert read_yaml(path)["segments"]["items"][0]["name"] == "Caf\u00e9"
    assert load_params(path).breakdowns[0].items[0].name == "Caf\u00e9"


@pytest.mark.parametrize(("name", "reason"), [
    ("nfd-duplicate", "breakdowns[0]: item name 'Caf\u00e9' appears twice in 'segments'"),
    ("zero-width-name", "breakdowns[0].items[1].name: contains the invisible character U+200B (ZERO WIDTH SPACE) "
                        "at character 3"),
    ("bidi-override-name", "breakdowns[0].items[1].name: contains the invisible character U+202E "
                           "(RIGHT-TO-LEFT OVERRIDE) at character 3"),
    ("month-13", "line 4: not valid YAML: '2025-13-40' is not a valid date: month must be in 1..12"),
    ("february-30", "line 4: not valid YAML: '2025-02-30' is not a valid date: day is out of range for month"),
    ("float-tag", "line 7: not valid YAML: 'abc' is not a valid float"),
    ("int-tag", "line 17: not valid YAML: 'twenty' is not a valid int"),
])
def test_each_bad_file_of_the_corpus_is_a_named_error(name, reason):
    with pytest.raises(ParamsError) as caught:
        load_params(BAD / f"{name}.yaml")
    assert reason in str(caught.value)


def test_an_overlay_may_name_an_item_in_the_other_normal_form(tmp_path):
    path = _market(tmp_path, TINY.replace("{name: Alpha,", "{name: Caf\u00e9,"))
    folder = tmp_path / "scenarios" / "tiny"
    folder.mkdir(parents=True)
    (folder / "fast.yaml").write_text("title: Fast\nrationale: Faster.\noverrides:\n  breakdowns:\n    segments:\n"
                                      "      items:\n        Cafe\u0301: {cagr: 0.2}\n", encoding="utf-8")
    case = overlays.all_scenarios(path)["fast"]
    assert case.breakdowns[0].items[0].name == "Caf\u00e9" and case.breakdowns[0].items[0].cagr.rate == 0.2


def test_free_text_keeps_its_direction_marks(tmp_path):
    rationale = "The \u202eremainder\u202c of the market."
    path = _market(tmp_path, TINY.replace("The remainder of the market.", f'"{rationale}"'))
    assert load_params(path).breakdowns[0].items[1].rationale == rationale


def test_an_overlay_title_is_a_name(tmp_path):
    path = _market(tmp_path, TINY)
    folder = tmp_path / "scenarios" / "tiny"
    folder.mkdir(parents=True)
    (folder / "odd.yaml").write_text("title: \"Fa\u200bst\"\nrationale: Faster.\noverrides:\n  size:\n"
                                     "    anchor: cagr\n", encoding="utf-8")
    with pytest.raises(ParamsError, match="title: contains the invisible character U\\+200B"):
        overlays.validate_scenarios(path)
