"""The params files' JSON Schema, generated from the pydantic models, and the key reference made from it.

Editors read the schema (`# yaml-language-server: $schema=...` on a file's first line) to complete keys and
underline mistakes; params/README.md's key reference is printed from it, and a test keeps the two in step.
The models validate what a file holds after its shorthands are read ('16.6%', a bare item CAGR, a bare claim
word), so the schema widens those places to accept what a file may say; the validator stays the judge.
"""
from __future__ import annotations

import copy
import itertools
import json
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from .breakdown_items import CLAIMS
from .figures import Basis
from .market_file import Params

ID = "https://cmo-reports.invalid/params.schema.json"
HEADER = "# yaml-language-server: $schema={}"
WRITTEN = {"type": "string", "pattern": r"^\s*[-+]?[0-9][0-9,_]*(\.[0-9]+)?\s*%?\s*$"}  # '1,861.2', '16.6%'
# What each key means, by model and field; a field of the basis (basis, source, quote, rationale) is described
# once. A key missing here fails tests/inputs/test_schema.py, so a new key cannot go undocumented.
MEANINGS = {
    "Params.market": "the market: name, slug, currency and unit",
    "Params.sources": "the sources figures cite; may be empty when every figure is assumed",
    "Params.size": "the market's size: first and last year of the forecast, and a stated CAGR",
    "Params.totals": "further dated market totals (the current year, a table of past years), each shown and "
                     "checked against both growth paths",
    "Params.breakdowns": "named dimensions in reading order: the first non-geographic one is the service (or "
                         "product) split, geographic ones form the regional section, the rest follow",
    "Params.drivers": "the analyst's market drivers, one line each in our own words; none leaves the section out",
    "Params.trends": "the analyst's trends, one line each in our own words; none leaves the section out",
    "Params.claims": "statements about the whole market's size: 'billions of dollars', '$7.1 billion by 2033'",
    "Params.unplaced": "what `cmo-report draft` found in a release but could not place; not shown in the report",
    "Params.audit": "the audit's tolerances",
    "Params.volume": "the market sized in another unit (thousand MW, units, tonnes): shown in its own table and "
                     "chart, audited against its own endpoints, never added to or compared with money",
    "Params.twins": "the same fact stated twice (another scale or year), shown side by side; the audit says whether "
                    "they agree within the rounding of their digits",
    "Params.tables": "a table of the release kept as written (cells as text): shown as the source gives it, never "
                     "extrapolated or summed",
    "Size.other_cagrs": "further market CAGRs the source states (another period or basis), each shown and audited "
                        "against the source's own totals; size.cagr is the one the series may use",
    "Basis.bound": "the source's hedge on the figure: nearly, over, more-than, at-least, up-to, about; or one per "
                   "figure ({share: nearly})",
    "Total.year": "the year of the value, or `not stated`: then never shown under a year",
    "Total.value": "the value in the market's currency and unit",
    "Item.quotes": "the words of one figure ({share: ..., value: ...}) when they are not the item's `quote`",
    "Volume.unit": "the unit the source sizes it in: thousand MW, units, tonnes, ...",
    "Volume.base": "first year and its volume",
    "Volume.end": "last year and its volume",
    "Volume.cagr": "a stated growth rate of the volume",
    "Twin.what": "what the fact is, in a few words",
    "Twin.first": "the first statement: value, scale, year, quote",
    "Twin.second": "the second statement",
    "Twin.note": "the analyst's note on the pair",
    "Stated.value": "the number as written",
    "Stated.scale": "unit, thousand ... trillion, or percent for a rate or share",
    "Stated.year": "the year it is stated for, or `not stated`",
    "StatedTable.title": "the table's title as the source gives it",
    "StatedTable.columns": "the column headings",
    "StatedTable.rows": "the rows, each cell as written",
    "StatedTable.note": "the analyst's note on the table",
    "Market.name": "full market name, used as the report title",
    "Market.slug": "folder name under outputs/ and params/scenarios/; unique across files",
    "Market.geography": "where the market is",
    "Market.currency": "ISO code, e.g. USD, EUR",
    "Market.unit": "scale of every value in the file",
    "Source.id": "what figures cite with `source:`",
    "Source.publisher": "who published it",
    "Source.title": "the source's title",
    "Source.published": "when the source appeared",
    "Source.accessed": "when we read it; an undated source reads 'date not stated; accessed ...'",
    "Source.author": "citation part",
    "Source.place": "citation part",
    "Source.kind": "citation part: news release, report, web page, ...",
    "Source.url": "citation part",
    "Size.base": "first year of the forecast and its value",
    "Size.end": "last year (after base.year) and its value",
    "Size.cagr": "a stated CAGR with the period the source gave (years optional)",
    "Size.anchor": "which figure drives the series when they disagree; the other is shown as stated",
    "Figure.year": "the year of the value",
    "Figure.value": "the value in the market's currency and unit",
    "StatedCagr.rate": "the growth rate a year",
    "StatedCagr.from_year": "first year of the period the source gave the rate for",
    "StatedCagr.to_year": "last year of that period",
    "Basis.basis": "sourced (cite `source`) or assumed (give a `rationale`)",
    "Basis.source": "with sourced: the id of an entry of `sources`",
    "Basis.quote": "with sourced: the source's own words, shown in the appendix",
    "Basis.rationale": "with assumed: one line, in our words, why we chose the figure",
    "Breakdown.id": "unique; used by `parent:`, scenario overrides and -P",
    "Breakdown.label": "what it is by: Service type, Region, Country, Phase, ...",
    "Breakdown.geographic": "regions and countries",
    "Breakdown.year": "year of the items' shares and values (default size.base.year)",
    "Breakdown.items": "at least one; names unique within the breakdown; need not reach 100 %",
    "Item.name": "the item's name",
    "Item.year": "the year of this item's share and value, if not the breakdown's",
    "Item.share": "share of the whole market in the item's year (a country's share of the world, not its region)",
    "Item.value": "value in the item's year",
    "Item.cagr": "the item's own growth rate: a rate, or a mapping with its own period and basis",
    "Item.end": "a value the item reaches by a year",
    "Item.values": "the item's values in other years; a mapping {2021: 110.4} also loads",
    "Item.claims": "what the source says of the item, reported as its claim and checked by the audit: a word, or "
                   "{claim, source, quote}. 'Led', 'dominated', 'leading' are largest; 'emerging fast' is fast-growing",
    "Item.parent": "an item of another breakdown that contains this one: 'Item name' or 'breakdown-id/Item name'",
    "Claim.claim": "the claim word",
    "Claim.basis": "always sourced: a claim is the source's own word",
    "ScaleClaim.text": "the source's words",
    "ScaleClaim.scale": "the scale the words give",
    "ScaleClaim.value": "the value they give, if any",
    "ScaleClaim.bound": "'topping $7.1 billion' is at-least",
    "ScaleClaim.year": "the year they give it for",
    "ScaleClaim.source": "the id of an entry of `sources`",
    "ScaleClaim.quote": "the source's own words",
    "Unplaced.quote": "the release's words",
    "Unplaced.note": "why the draft could not place them",
    "AuditSettings.cagr_tolerance_pp": "rounding tolerance for rate checks, percentage points",
    "AuditSettings.share_tolerance_pp": "how far a breakdown may miss 100 % and still count as complete, in pp",
    "AuditSettings.value_tolerance_pct": "tolerance for a stated value against the model, percent",
}


def _parts(hint: object) -> dict[str, type[BaseModel]]:
    """Every model a type hint holds (in a list, a union, an annotation) and the models their fields hold, by name."""
    found: dict[str, type[BaseModel]] = {}
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        found[hint.__name__] = hint
        for field in hint.model_fields.values():
            found |= _parts(field.annotation)
    for arg in typing.get_args(hint):
        found |= _parts(arg)
    return found


MODELS = _parts(Params)  # the schema's $defs by name: Params, Market, Figure, Item, ...


def meaning(model: str, field: str) -> str | None:
    """What a key means: its own entry, else the shared basis fields' one."""
    if f"{model}.{field}" in MEANINGS:
        return MEANINGS[f"{model}.{field}"]
    return MEANINGS.get(f"Basis.{field}") if field in Basis.model_fields else None


def _written(node: dict) -> dict:
    """A number that may also be written as text with its digits and a percent sign."""
    if node.get("type") == "number":
        return {"anyOf": [node, WRITTEN]}
    if "anyOf" in node:
        return {**node, "anyOf": [_written(n) for n in node["anyOf"]]}
    return node


def _shorthands(defs: dict) -> None:
    """Widen the places where a file may use a shorthand the models read before validating."""
    for name in ("Figure", "StatedCagr"):  # inside an item, a figure without a basis takes the item's
        defs[f"{name}InItem"] = {**defs[name], "required": [k for k in defs[name]["required"] if k != "basis"]}
    item = defs["Item"]["properties"]
    text = json.dumps(item).replace('"#/$defs/Figure"', '"#/$defs/FigureInItem"')
    item.update(json.loads(text.replace('"#/$defs/StatedCagr"', '"#/$defs/StatedCagrInItem"')))
    item["cagr"]["anyOf"].insert(0, _written({"type": "number"}))
    item["values"] = {"anyOf": [item["values"], {"type": "object", "patternProperties": {
        r"^[0-9]{4}$": _written({"type": "number"})}, "additionalProperties": False}]}
    item["claims"]["items"] = {"anyOf": [{"enum": list(CLAIMS)}, item["claims"]["items"]]}


def json_schema() -> dict:
    """The params JSON Schema: the models' own, with written numbers, shorthands and each key's meaning."""
    schema = copy.deepcopy(Params.model_json_schema())
    defs = schema["$defs"]
    for name, node in [("Params", schema), *defs.items()]:
        model = MODELS[name]
        for field, prop in node["properties"].items():
            if field in getattr(model, "NUMBERS", {}):
                node["properties"][field] = prop = _written(prop)
            if meaning(name, field):
                prop["description"] = meaning(name, field)
    _shorthands(defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": ID,
            **schema, "title": "cmo-reports market params"}


def _ref(node: dict) -> str | None:
    """The model a property holds (directly, in a list, or as one choice), if any."""
    for sub in (node, node.get("items", {}), *node.get("anyOf", [])):
        if "$ref" in sub:
            return sub["$ref"].rsplit("/", 1)[1]
        if "items" in sub and sub is not node:
            return _ref(sub)
    return None


def _kind(node: dict, field: str, model: str) -> str:
    """A short type for the reference: enum choices, year, number, text, list of ..."""
    choices = [n for n in node.get("anyOf", [node]) if n.get("type") != "null"]
    first = choices[0]
    if field in getattr(MODELS[model], "NUMBERS", {}):
        return "rate or share: `16.6%`, `0.166`" if MODELS[model].NUMBERS[field] else 'number: `504.9`, `"1,861.2"`'
    if "enum" in first or "const" in first:
        return " / ".join(f"`{v}`" for v in first.get("enum", [first.get("const")]))
    if first.get("format") == "date":
        return "`YYYY-MM-DD`"
    if first.get("type") == "integer" and first.get("minimum") == 1900:
        return "year, or `not stated`" if any(c.get("const") == "not stated" for c in choices) else "year"
    if first.get("type") == "boolean":
        return "`true` / `false`"
    if "pattern" in first:
        return "`a-z0-9-`" if "a-z0-9" in first["pattern"] else f"`{first['pattern']}`"
    if first.get("type") == "array":
        return f"list of {_ref(first) or 'lines'}"
    ref = _ref(node)
    return ref or {"number": "number", "string": "text"}.get(first.get("type"), "value")


def _places(schema: dict, name: str = "Params", prefix: str = "", found: dict | None = None) -> dict[str, list[str]]:
    """Every key path each model appears at, in reading order: a model's parts follow it."""
    found = {"Params": [""]} if found is None else found
    node = schema if name == "Params" else schema["$defs"][name]
    for field, prop in node["properties"].items():
        ref = _ref(prop)
        if ref:
            many = prop.get("type") == "array" or any(n.get("type") == "array" for n in prop.get("anyOf", []))
            path = f"{prefix}{field}{'[]' if many else ''}"
            found.setdefault(ref, []).append(path)
            if len(found[ref]) == 1:
                _places(schema, ref, f"{path}.", found)
    return found


def _yaml(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class Key:
    """One documented key of one kind of mapping, and every path it appears at."""

    model: str
    field: str
    places: tuple[str, ...]
    kind: str
    required: bool
    meaning: str

    @property
    def paths(self) -> list[str]:
        return [f"{place}.{self.field}" if place else self.field for place in self.places]


def keys() -> list[Key]:
    """Every key of every kind of mapping in reading order, with its type, whether it is required, its meaning."""
    schema = Params.model_json_schema()
    found = []
    for name, places in _places(schema).items():
        node = schema if name == "Params" else schema["$defs"][name]
        for field, prop in node["properties"].items():
            default = prop.get("default")
            shown = "" if default in (None, [], {}) or isinstance(default, dict) else f" (default `{_yaml(default)}`)"
            found.append(Key(name, field, tuple(places), _kind(prop, field, name), field in node.get("required", []),
                             f"{meaning(name, field) or ''}{shown}"))
    return found


def key_reference() -> str:
    """Markdown tables of every key, one per kind of mapping, as params/README.md shows them."""
    lines = []
    for model, group in itertools.groupby(keys(), key=lambda k: (k.model, k.places)):
        where = ", ".join(f"`{p}`" for p in model[1]) if model[1] != ("",) else "the top level"
        lines += ["", f"### {model[0]}: {where}", "", "| key | type | required | meaning |", "|---|---|---|---|"]
        lines += [f"| `{k.field}` | {k.kind} | {'yes' if k.required else ''} | {k.meaning} |" for k in group]
    return "\n".join(lines[1:]) + "\n"


def header(schema_ref: str) -> str:
    """The first line of a params file that points an editor at the schema."""
    return HEADER.format(schema_ref)


def markers() -> tuple[str, str]:
    """The comments around the generated reference in params/README.md."""
    return ("<!-- key reference: generated by `cmo-report schema --reference`; edit inputs/schema.py -->",
            "<!-- end of key reference -->")


def between(text: str) -> str | None:
    """The generated part of a README, or None when its markers are missing."""
    start, end = markers()
    if start not in text or end not in text:
        return None
    return text.split(start, 1)[1].split(end, 1)[0].strip("\n") + "\n"
