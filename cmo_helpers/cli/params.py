"""`cmo-report params to-xlsx | to-yaml`: params as a spreadsheet and back, checked with the same rules."""
from __future__ import annotations

import argparse
import sys

from ..core import atomic
from ..core.errors import ParamsError
from .arguments import add_out

EXIT_OK, EXIT_INVALID = 0, 2


def _convert(args: argparse.Namespace) -> int:
    import yaml

    from ..core.paths import resolve_params
    from ..inputs.load import load_params, read_yaml
    from ..inputs.xlsx_write import to_workbook

    source = resolve_params(args.file)
    suffix = ".xlsx" if args.action == "to-xlsx" else ".yaml"
    out = args.out or source.with_suffix(suffix)
    try:
        load_params(source)  # only valid params are converted: the workbook or file must render as it is
        if out.exists() and not args.force:
            raise ParamsError(out, [("", "already exists; pass --force to replace it (an edited copy would be lost)")])
        data = read_yaml(source)
    except ParamsError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    if suffix == ".xlsx":
        to_workbook(data, out)
    else:
        atomic.write_text(out, yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    print(f"wrote {out}")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("params", help="params as a spreadsheet: to-xlsx writes a workbook, to-yaml reads one back")
    actions = p.add_subparsers(dest="action", required=True)
    for action, what in (("to-xlsx", "a YAML params file as a workbook (one sheet per part)"),
                         ("to-yaml", "a params workbook back to YAML")):
        a = actions.add_parser(action, help=what)
        a.add_argument("file", help="params file or name in params/")
        add_out(a, "where to write (default: beside FILE)")
        a.add_argument("--force", action="store_true", help="replace --out if it exists")
        a.set_defaults(func=_convert)
