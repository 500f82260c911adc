"""The draft written as commented YAML in the house layout, every release text one safe scalar."""
from __future__ import annotations

import re
from collections.abc import Callable

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: the same text, a tenth of the time


def scalar(value) -> str:
    """One YAML scalar, quoted and escaped by PyYAML for a flow context, so any release text stays one safe line."""
    if isinstance(value, str) and re.fullmatch(r"[\d.,]+%?", value):
        return f'"{value}"'
    style = '"' if isinstance(value, str) and re.search("[\x85\u2028\u2029]", value) else None
    text = yaml.dump([value], Dumper=_DUMPER, allow_unicode=True, width=10**9, default_flow_style=True,
                     default_style=style)
    text = text.strip()
    return text[1:-1]


def _flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in mapping.items()) + "}"


def _value(v) -> str:
    if isinstance(v, dict):
        return _flow(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return scalar(v)


def _list_item(mapping: dict, indent: str, show: Callable[[object], str]) -> list[str]:
    """One mapping as a YAML list item, one key per line (sources and breakdown items share the layout)."""
    return [f"{indent}{'- ' if n == 0 else '  '}{k}: {show(v)}" for n, (k, v) in enumerate(mapping.items())]


def to_yaml(params: dict, missing: list[str], source_name: str, left_out: dict[str, str | None] | None = None) -> str:
    """Commented YAML in the house layout: flow mappings for figures, one key per line elsewhere."""
    out = [
        f"# Drafted by `cmo-report draft` from {scalar(source_name)}. Every figure is `basis: sourced` with the",
        "# release's own words as `quote:`; check each one. Facts found but not placed are under `unplaced:`.",
    ]
    out += [f"# TODO {scalar(m)}" for m in missing]
    out.append("market:")
    out += [f"  {k}: {scalar(v)}" for k, v in params["market"].items()]
    out.append("\nsources:")
    for s in params["sources"]:
        out += _list_item(s, "  ", scalar)
        for k, why in (left_out or {}).items():  # why each citation part is left out, never a placeholder value
            if k not in s and why:
                out.append(f"    # {k}: left out: {why}")
    out.append("\nsize:")
    for k, v in params["size"].items():
        out.append(f"  {k}: {_value(v)}")
    if params.get("volume"):
        out.append("\n# The market in another unit: charted and audited on its own, never added to money.")
        out.append("volume:")
        out += [f"  {k}: {_value(v)}" for k, v in params["volume"].items()]
    if params.get("totals"):
        out.append("\ntotals:")
        out += [f"  - {_flow(t)}" for t in params["totals"]]
    if params.get("breakdowns"):
        out.append("\nbreakdowns:")
        for b in params["breakdowns"]:
            out.append(f"  - id: {scalar(b['id'])}")
            out += [f"    {k}: {scalar(b[k])}" for k in ("label", "geographic", "year") if k in b]
            out.append("    items:")
            for item in b["items"]:
                out += _list_item(item, "      ", _value)
    if params.get("claims"):
        out.append("\nclaims:")
        out += [f"  - {_flow(c)}" for c in params["claims"]]
    if params.get("unplaced"):
        out.append("\n# Found in the release but not placed: read each and move it into the file if it belongs.")
        out.append("unplaced:")
        out += [f"  - {_flow(u)}" for u in params["unplaced"]]
    return "\n".join(out) + "\n"
