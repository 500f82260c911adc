"""The params JSON Schema accepts what the validator accepts, documents every key, and params/README.md shows it."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import PARAMS, market_params_files
from cmo_helpers.inputs import schema
from cmo_helpers.inputs.market_file import Params
from cmo_helpers.inputs.migrate import is_old
from cmo_helpers.inputs.params import parse_params

RELEASES7 = Path(__file__).parents[1] / "data" / "releases7"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    found = schema.json_schema()
    jsonschema.Draft202012Validator.check_schema(found)
    return jsonschema.Draft202012Validator(found)


def _as_json(path: Path) -> dict:
    """A params file as an editor's YAML server hands it to the schema (dates as text)."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))


def _current_files() -> list[Path]:
    hand_made = sorted(p for p in RELEASES7.glob("*.yaml") if not p.name.endswith(".expect.yaml"))
    files = [*market_params_files(), *hand_made]
    return [f for f in files if not is_old(yaml.safe_load(f.read_text()))]


@pytest.mark.parametrize("path", _current_files(), ids=lambda p: p.stem)
def test_every_valid_file_passes_the_schema(path, validator):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_as_json(path))]
    assert errors == []


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["market"].update(unti="million"), ["market"]),
    (lambda d: d["market"].update(unit="millions"), ["market", "unit"]),
    (lambda d: d["size"]["base"].update(value="about 500"), ["size", "base", "value"]),
    (lambda d: d["breakdowns"][0]["items"][0].update(share=62), ["breakdowns", 0, "items", 0, "share"]),
    (lambda d: d["breakdowns"][0]["items"][0].update(claims=["biggest"]), ["breakdowns", 0, "items", 0, "claims", 0]),
])
def test_mistakes_the_validator_refuses_are_underlined_where_they_are(change, where, validator):
    data = _as_json(PARAMS / "healthcare-cmo.yaml")
    broken = copy.deepcopy(data)
    change(broken)
    with pytest.raises(ParamsError):
        parse_params(broken, "x.yaml")
    assert [list(e.absolute_path) for e in validator.iter_errors(broken)] == [where]


def test_every_key_of_every_model_is_explained():
    found = Params.model_json_schema()
    models = {"Params": found, **found["$defs"]}
    missing = [f"{name}.{field}" for name, node in models.items() for field in node["properties"]
               if not schema.meaning(name, field)]
    assert missing == [], "add each to MEANINGS in cmo_helpers/inputs/schema.py"


def test_params_readme_shows_the_key_reference_the_schema_makes():
    shown = schema.between((PARAMS / "README.md").read_text())
    assert shown == schema.key_reference(), "run: cmo-report schema --reference, and paste it between the markers"
