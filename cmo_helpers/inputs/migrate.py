"""Old-style params (fixed `segments`/`regions`, `sources[].date`) to the breakdowns schema."""
from __future__ import annotations

import copy
from typing import Any

import yaml

from ..core.written import WrittenFloat

OLD_SPLITS = {"segments": False, "regions": True}


def is_old(data: dict) -> bool:
    """Whether a mapping uses the first schema, which fixed one segment and one regional split."""
    return (any(k in data for k in OLD_SPLITS)
            or any(isinstance(s, dict) and "date" in s for s in data.get("sources") or []))


def _item(old: dict) -> dict:
    item = {k: v for k, v in old.items() if k not in ("cagr", "cagr_source")}
    if old.get("cagr") is not None:
        if old.get("cagr_source"):
            item["cagr"] = {"rate": old["cagr"], "basis": "sourced", "source": old["cagr_source"]}
        else:
            note = old.get("rationale") or "Own growth rate filled in by the analyst."
            item["cagr"] = {"rate": old["cagr"], "basis": "assumed", "rationale": note}
    return item


def migrate(data: dict) -> dict:
    """The same facts in the current schema; every old key has exactly one new home."""
    new: dict[str, Any] = copy.deepcopy({k: v for k, v in data.items() if k not in OLD_SPLITS})
    for source in new.get("sources") or []:
        if isinstance(source, dict) and "date" in source:
            source["published"] = source.pop("date")
    breakdowns = list(new.get("breakdowns") or [])
    for key, geographic in OLD_SPLITS.items():
        old = data.get(key)
        if not isinstance(old, dict):
            continue
        split = {"id": key, "label": old.get("label", key), **({"geographic": True} if geographic else {})}
        if old.get("year") is not None:
            split["year"] = old["year"]
        split["items"] = [_item(i) if isinstance(i, dict) else i for i in old.get("items") or []]
        breakdowns.append(split)
    if breakdowns:
        new["breakdowns"] = breakdowns
    return new


def current(data: dict) -> dict:
    """A params mapping in the current schema, migrated in memory when it is old-style."""
    return migrate(data) if is_old(data) else data


def migrate_overrides(overrides: dict) -> dict:
    """Scenario overrides of old-style `segments`/`regions` items, moved under `breakdowns`."""
    if not any(k in overrides for k in OLD_SPLITS):
        return overrides
    moved = {k: v for k, v in overrides.items() if k not in OLD_SPLITS}
    moved["breakdowns"] = {**overrides.get("breakdowns", {}), **{k: overrides[k] for k in OLD_SPLITS if k in overrides}}
    return moved


class _Dumper(yaml.SafeDumper):
    """Writes each number as the source wrote it, so '0.620' stays '0.620' in the converted file."""


_Dumper.add_representer(WrittenFloat,
                        lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", value.text))


def to_yaml(data: dict) -> str:
    """A params mapping as YAML in the file's own key order."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
