"""Read a market file once: YAML (unique keys, written digits kept) or a params workbook, picked by suffix."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from ..core import source_files, text, written
from ..core.errors import ParamsError
from ..core.paths import resolve_params
from .market_file import Params
from .params import parse_params


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML keeps the last of two equal keys silently; a typo deserves an error (on libyaml's parser: 10x faster)."""

    def construct_mapping(self, node, deep=False):
        keys = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool, dt.date)) or key is None:
                raise yaml.constructor.ConstructorError(None, None,
                                                        "a key is a list or mapping; keys must be plain words",
                                                        key_node.start_mark)
            if key in keys:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
            keys.add(key)
        return super().construct_mapping(node, deep)

    def construct_object(self, node, deep=False):
        """A tagged or date-like value that does not convert ('!!float abc', 2025-13-40) is a YAML error at its line."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            tag = {"timestamp": "date"}.get(node.tag.rsplit(":", 1)[-1], node.tag.rsplit(":", 1)[-1])
            raise yaml.constructor.ConstructorError(None, None, f"'{node.value}' is not a valid {tag}: {exc}",
                                                    node.start_mark) from None

    def construct_yaml_str(self, node):
        """Every string, keys included, in the one normal form, so 'Café' typed either way is one name."""
        return text.normal(super().construct_yaml_str(node))

    def construct_yaml_float(self, node):
        """Keep the written text of every float, so sourced digits survive ('504.90', '95.81')."""
        text = self.construct_scalar(node)
        value = super().construct_yaml_float(node)
        try:
            return (written.WrittenFloat(text.replace("_", "")) if value == value and abs(value) != float("inf")
                    else value)
        except ValueError:
            return value


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:float", _UniqueKeyLoader.construct_yaml_float)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:str", _UniqueKeyLoader.construct_yaml_str)


def read_yaml(path: Path) -> dict:
    """Read one YAML mapping (or a `cmo-report params to-xlsx` workbook), reporting syntax errors with their line."""
    if Path(path).suffix.lower() == ".xlsx":
        from .xlsx_read import read_workbook
        return read_workbook(Path(path))[0]
    try:
        data = yaml.load(source_files.yaml_text(path), Loader=_UniqueKeyLoader)
    except TypeError:  # an unhashable key (a list or mapping) reaches the duplicate-key check
        raise ParamsError(path, [("", "a key is a list or mapping; keys must be plain words")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(yaml)"
        raise ParamsError(path, [(where, f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    if not isinstance(data, dict):
        raise ParamsError(path, [("", "expected a YAML mapping of keys at the top level")])
    return data


def read_params(path: Path) -> tuple[dict, Params]:
    """One read of a market file: its mapping (for overlays and checks) and the validated params."""
    if path.suffix.lower() == ".xlsx":  # errors then name the workbook's sheet and cell
        from .xlsx_read import load
        return load(path)
    raw = read_yaml(path)
    return raw, parse_params(raw, path)


def load_params(path: str | Path) -> Params:
    """Read and validate one market params file."""
    return read_params(resolve_params(path))[1]


def load_all(paths: list[str | Path]) -> list[Params]:
    """Read and validate several files, reporting every invalid one at once (a comparison needs them all)."""
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_params(path))
        except ParamsError as exc:
            problems.append(exc)
    if problems:
        raise ParamsError.merge(problems)
    return loaded


def claim_slug(seen: dict[str, Path], slug: str, path: Path) -> None:
    """Two files with one slug would render into one folder, the second overwriting the first."""
    if slug in seen:
        raise ParamsError(path, [("market.slug", f"'{slug}' is also used by {seen[slug]}")])
    seen[slug] = path


def read_scalar(text: str):
    """One value typed on the command line, read as the same value in a file would be ('504.90' keeps its digits)."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader) if text.strip() else text
    except yaml.YAMLError:
        return text
