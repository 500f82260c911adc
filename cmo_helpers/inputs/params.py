"""Reading a market file's mapping into Params, with every problem named by its YAML key path."""
from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..core.errors import ParamsError
from .market_file import Params


def key_path(loc: tuple) -> str:
    """Turn pydantic's location tuple into the key path an analyst sees in YAML."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-", "literal[")):
            continue  # pydantic's validator and union markers, not YAML keys
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def problem(err: dict) -> str:
    """One pydantic error as an analyst reads it: what is wrong and, for a bad value, what was given."""
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "missing":
        return "required key is missing"
    if "input" in err and err["type"] not in {"value_error", "model_type"} and not isinstance(err["input"], dict):
        shown = repr(err["input"])
        return f"{msg} (got {shown if len(shown) <= 80 else shown[:77] + '...'})"
    return msg


def parse_params(data: dict, path: Path | str = "<params>") -> Params:
    """Validate an already-read mapping (new or old schema), naming the file in every error."""
    from .migrate import current

    data = current(data)
    try:
        return Params.model_validate(data)
    except ValidationError as exc:
        raise ParamsError(path, [(key_path(e["loc"]), problem(e)) for e in exc.errors()]) from None
