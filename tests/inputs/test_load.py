"""Reading a params file: YAML mistakes name the file and line; a missing file or a list is refused."""
from __future__ import annotations

import pytest

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.inputs.load import load_params


def test_yaml_syntax_error_names_the_line(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("market:\n  name: [unclosed\nsize: 1\n")
    with pytest.raises(ParamsError) as info:
        load_params(bad)
    assert str(info.value).startswith(f"{bad}: line ")
    assert "not valid YAML" in str(info.value)


def test_duplicate_yaml_key_is_an_error(tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text("market: {}\nmarket: {}\n")
    with pytest.raises(ParamsError, match=r"dup.yaml: line 2: not valid YAML: duplicate key 'market'"):
        load_params(bad)


def test_missing_file(tmp_path):
    with pytest.raises(ParamsError, match="nope.yaml: file not found"):
        load_params(tmp_path / "nope.yaml")


def test_top_level_must_be_a_mapping(tmp_path):
    bad = tmp_path / "list.yaml"
    bad.write_text("- a\n- b\n")
    with pytest.raises(ParamsError, match="expected a YAML mapping"):
        load_params(bad)
